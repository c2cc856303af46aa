"""Staff accounts and the pages every staff member meets (/staff): sign-in
with two-factor, changing one's password, the staff home, users and the audit
log for administrators.

- `access`: roles, the permission matrix and `permission_required`, which
  every staff view in every room carries; `navigation`: the staff menu.
- `accounts`: passwords, sign-in with lockout, TOTP and recovery codes, and
  the changes an administrator or the `users` command makes.
- `audit_log`: searching the audit log (`webapp.audit` writes it).
- `views`, `forms`, `commands` (`flask users ...`), `demo`, `models`.
"""
