"""Staff pages (blueprint `staff`): sign-in with two-factor, the staff home,
users and the audit log. Views validate, call `webapp.staff.accounts`, commit
and redirect."""

from __future__ import annotations

import time
from datetime import timedelta

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from webapp.audit import action_words, record_event
from webapp.extensions import db, login_manager
from webapp.forms import ButtonForm
from webapp.journeys import throttle_allows
from webapp.staff import accounts, alerts, resume
from webapp.staff import audit_log as audit_search
from webapp.staff import forms as f
from webapp.staff.access import PERMISSIONS, ROLE_LABELS, can, permission_required, staff_required
from webapp.staff.navigation import staff_navigation

bp = Blueprint("staff", __name__, url_prefix="/staff")

PENDING_KEY = "staff_pending"
LAST_SEEN_KEY = "staff_last_seen"
SIGNED_IN_KEY = "staff_signed_in_at"
RECOVERY_CODES_KEY = "staff_recovery_codes"
CREATED_KEY = "staff_created_user"
PENDING_LIFETIME = 10 * 60
SIGN_IN_ERROR = ("The email address or password is not right. If you have tried several times, "
                 "wait a few minutes before you try again.")
THROTTLED_ERROR = ("There have been too many sign-in attempts from where you are. "
                   "Wait a few minutes before you try again.")
CODE_ERROR = ("The security code is not right. Check your authenticator app and try again, "
              "or use one of your recovery codes.")

# Staff endpoints anyone may reach: signing in is how you stop being anonymous.
OPEN_ENDPOINTS = frozenset({"staff.sign_in", "staff.sign_in_post", "staff.two_factor",
                            "staff.two_factor_post", "staff.set_up_two_factor",
                            "staff.set_up_two_factor_post", "staff.sign_out"})


# What someone whose password was set by somebody else may reach before choosing their own.
BEFORE_OWN_PASSWORD = frozenset({"staff.change_password", "staff.change_password_post", "staff.sign_out",
                                 "staff.recovery_codes"})


@login_manager.user_loader
def load_user(token: str):
    return accounts.load_user_by_token(token)


@bp.app_context_processor
def staff_template_helpers() -> dict:
    return {"staff_navigation": staff_navigation, "can": can, "role_labels": ROLE_LABELS,
            "administrators": accounts.administrators, "idle_seconds": _idle_seconds}


def _idle_seconds() -> int:
    return int(current_app.config.get("STAFF_IDLE_TIMEOUT", timedelta(minutes=30)).total_seconds())


@bp.before_app_request
def sign_out_when_idle():
    """Staff sessions end after 30 minutes without a request, and in any case
    STAFF_SESSION_MAX_AGE after signing in, however busy (a stolen session
    cannot be kept alive by using it)."""
    if not request.path.startswith("/staff") or not current_user.is_authenticated:
        return None
    max_age = current_app.config["STAFF_SESSION_MAX_AGE"]
    now = time.time()
    last_seen = session.get(LAST_SEEN_KEY)
    signed_in_at = session.get(SIGNED_IN_KEY)
    if last_seen is None or now - float(last_seen) > _idle_seconds():
        return _time_out("auth.idle_timeout", "timed-out")
    if signed_in_at is None or now - float(signed_in_at) > max_age.total_seconds():
        return _time_out("auth.session_expired", "expired")
    session[LAST_SEEN_KEY] = now
    return None


def _time_out(action: str, reason: str):
    user_id = current_user.id
    record_event(action, target=current_user.email)
    db.session.commit()
    _end_session()
    # What was being sent is kept for the same person to send after signing in again.
    kept = _keep_posted_form(user_id, resume.TIMED_OUT)
    back_to = (_safe_next(_here()) or None) if request.method == "GET" else None
    return redirect(url_for("staff.sign_in", **{reason: 1, "kept": 1 if kept else None, "next": back_to}))


@bp.before_app_request
def choose_own_password_first():
    """A password an administrator (or the CLI) set works once: to sign in and
    replace it with one only its owner knows."""
    if (request.path.startswith("/staff") and current_user.is_authenticated
            and current_user.must_change_password and request.endpoint not in BEFORE_OWN_PASSWORD):
        return redirect(url_for("staff.change_password"))
    return None


# --- signing in ------------------------------------------------------------------

@bp.get("/sign-in")
def sign_in():
    if current_user.is_authenticated:
        return redirect(url_for(".home"))
    return render_template("staff/sign-in.html", form=f.SignInForm(), notice=_sign_in_notice())


@bp.post("/sign-in")
def sign_in_post():
    form = f.SignInForm()
    if not form.validate_on_submit():
        return render_template("staff/sign-in.html", form=form), 400
    if not throttle_allows("STAFF_SIGN_IN_RATE_LIMIT", "staff-sign-in"):
        form.password.errors = [THROTTLED_ERROR]
        form.password.data = ""
        return render_template("staff/sign-in.html", form=form), 429
    result = accounts.check_password(form.email.data, form.password.data,
                                     demo_allowed=bool(current_app.config.get("DEMO")))
    db.session.commit()
    if not result.ok:
        form.password.errors = [SIGN_IN_ERROR]
        form.password.data = ""
        return render_template("staff/sign-in.html", form=form), 400
    user = result.user
    next_path = _safe_next(request.args.get("next", ""))
    if result.needs_two_factor or result.needs_enrolment:
        session[PENDING_KEY] = {
            "token": user.session_token,
            "stage": "verify" if result.needs_two_factor else "enrol",
            "secret": None if result.needs_two_factor else accounts.new_totp_secret(),
            "next": next_path,
            "started": time.time(),
        }
        return redirect(url_for(".two_factor" if result.needs_two_factor else ".set_up_two_factor"))
    return _finish_sign_in(user, "password (demo account, no two-factor)", next_path)


@bp.get("/two-factor")
def two_factor():
    user, pending = _pending("verify")
    if user is None:
        return redirect(url_for(".sign_in"))
    return render_template("staff/two-factor.html", form=f.TwoFactorForm())


@bp.post("/two-factor")
def two_factor_post():
    user, pending = _pending("verify")
    if user is None:
        return redirect(url_for(".sign_in"))
    form = f.TwoFactorForm()
    if not form.validate_on_submit():
        return render_template("staff/two-factor.html", form=form), 400
    if not throttle_allows("STAFF_SIGN_IN_RATE_LIMIT", "staff-sign-in"):
        form.code.errors = [THROTTLED_ERROR]
        form.code.data = ""
        return render_template("staff/two-factor.html", form=form), 429
    method = accounts.verify_second_factor(user, form.code.data)
    if method is None:
        db.session.commit()
        if accounts.is_locked(user):
            session.pop(PENDING_KEY, None)
            return redirect(url_for(".sign_in", locked=1))
        form.code.errors = [CODE_ERROR]
        form.code.data = ""
        return render_template("staff/two-factor.html", form=form), 400
    return _finish_sign_in(user, f"password and {method}", pending.get("next"))


@bp.get("/two-factor/set-up")
def set_up_two_factor():
    user, pending = _pending("enrol")
    if user is None:
        return redirect(url_for(".sign_in"))
    return _enrolment_page(user, pending, f.EnrolForm())


@bp.post("/two-factor/set-up")
def set_up_two_factor_post():
    user, pending = _pending("enrol")
    if user is None:
        return redirect(url_for(".sign_in"))
    form = f.EnrolForm()
    if not form.validate_on_submit():
        return _enrolment_page(user, pending, form, status=400)
    codes = accounts.verify_enrolment(user, pending["secret"], form.code.data)
    if codes is None:
        form.code.errors = ["The security code is not right. Check the time on your phone is correct, "
                            "then enter the code your authenticator app shows now"]
        form.code.data = ""
        return _enrolment_page(user, pending, form, status=400)
    _finish_sign_in(user, "password and new two-factor", pending.get("next"))
    session[RECOVERY_CODES_KEY] = {"codes": codes, "next": _safe_next(pending.get("next") or "")}
    return redirect(url_for(".recovery_codes"))


@bp.get("/two-factor/recovery-codes")
@staff_required
def recovery_codes():
    """Shown once, straight after enrolment; the codes are only kept hashed."""
    shown = session.pop(RECOVERY_CODES_KEY, None)
    if not shown:
        return redirect(url_for(".home"))
    return render_template("staff/recovery-codes.html", codes=shown["codes"],
                           next_path=shown["next"] or url_for(".home"))


@bp.post("/sign-out")
def sign_out():
    if current_user.is_authenticated:
        record_event("auth.sign_out", target=current_user.email)
        db.session.commit()
    _end_session()
    return redirect(url_for(".sign_in", **{"signed-out": 1}))


@bp.get("/password")
@staff_required
def change_password():
    return _password_page(f.ChangePasswordForm(email=current_user.email))


@bp.post("/password")
@staff_required
def change_password_post():
    form = f.ChangePasswordForm(email=current_user.email)
    if not form.validate_on_submit():
        return _password_page(form, status=400)
    user = current_user._get_current_object()
    problem = accounts.change_password(user, form.current_password.data, form.new_password.data)
    db.session.commit()
    if problem is None:
        # The user's token was rotated (other sessions end); this one carries the new one.
        current_app.session_interface.regenerate(session)
        login_user(user)
        flash("Your password has been changed", "success")
        return redirect(url_for(".home"))
    if accounts.is_locked(user):
        _end_session()
        return redirect(url_for(".sign_in", locked=1))
    field, message = problem
    getattr(form, field).errors = [message]
    return _password_page(form, status=400)


def _password_page(form, status: int = 200):
    return render_template("staff/password.html", form=form), status


# --- the idle time-out: keeping a form, staying signed in ----------------------

@bp.get("/resume")
@staff_required
def resume_form():
    """The form that was being sent when the time-out struck, ready to send again."""
    kept = resume.carry_over(session.pop(resume.RESUME_KEY, None), current_user.id)
    if not kept:
        return redirect(url_for(".home"))
    return render_template("staff/resume.html", kept=kept)


@bp.get("/keep-alive")
@staff_required
def keep_alive():
    """"Stay signed in" in the time-out warning: any staff request resets the idle clock."""
    return "", 204, {"Cache-Control": "no-store"}


# --- staff home ---------------------------------------------------------------

# The work waiting (open consultations, moderation, safeguarding, overdue actions) is
# read by the reports room, above this one; `create_app` hands its function down.
WORK_KEY = "heard_staff_work"


@bp.get("/")
@staff_required
def home():
    return render_template("staff/home.html", permissions=PERMISSIONS[current_user.role],
                           unused_codes=accounts.unused_recovery_codes(current_user),
                           work=current_app.extensions[WORK_KEY](current_user))


@bp.route("/alerts", methods=["GET", "POST"])
@staff_required
def alert_settings():
    """Opt in to (or out of) email alerts; they only ever say what happened, never what anyone wrote."""
    form = f.AlertSettingsForm(data={"email_alerts": current_user.email_alerts} if request.method == "GET" else None)
    if form.validate_on_submit():
        accounts.set_email_alerts(current_user, form.email_alerts.data)
        db.session.commit()
        flash("Email alerts are on." if form.email_alerts.data else "Email alerts are off.", "success")
        return redirect(url_for(".home"))
    return render_template("staff/alerts.html", form=form, mail_configured=alerts.mail_configured(),
                           kinds=[kind for kind in alerts.KINDS.values() if can(current_user, kind.permission)])


# --- users (admin) ------------------------------------------------------------

@bp.get("/users")
@permission_required("manage_users")
def users():
    return render_template("staff/users.html", users=accounts.list_users(), form=ButtonForm(),
                           created=session.pop(CREATED_KEY, None))


@bp.get("/users/new")
@permission_required("manage_users")
def new_user():
    return render_template("staff/user-new.html", form=f.CreateUserForm())


@bp.post("/users/new")
@permission_required("manage_users")
def new_user_post():
    form = f.CreateUserForm()
    if not form.validate_on_submit():
        return render_template("staff/user-new.html", form=form), 400
    password = form.password.data or accounts.generate_temporary_password()
    try:
        user = accounts.create_user(form.email.data, form.role.data, password, actor=current_user,
                                    must_change_password=True)
    except accounts.AccountError as error:
        form.email.errors = [str(error)]
        return render_template("staff/user-new.html", form=form), 400
    db.session.commit()
    session[CREATED_KEY] = {"email": user.email,
                            "password": None if form.password.data else password}
    return redirect(url_for(".users"))


@bp.post("/users/<int:user_id>/disable")
@permission_required("manage_users")
def disable_user(user_id: int):
    return _change_user(user_id, lambda user: accounts.set_active(user, False, actor=current_user))


@bp.post("/users/<int:user_id>/enable")
@permission_required("manage_users")
def enable_user(user_id: int):
    return _change_user(user_id, lambda user: accounts.set_active(user, True, actor=current_user))


@bp.post("/users/<int:user_id>/reset-2fa")
@permission_required("manage_users")
def reset_user_2fa(user_id: int):
    return _change_user(user_id, lambda user: accounts.reset_two_factor(user, actor=current_user))


ROLE_HINTS = {"admin": "Everything, including users and the audit log",
              "engagement": "Build, publish and moderate consultations; read free text; export",
              "analyst": "Read and theme free text; export; reports",
              "board": "Summaries and board reports only"}


@bp.route("/users/<int:user_id>/role", methods=["GET", "POST"])
@permission_required("manage_users")
def change_role(user_id: int):
    user = _user_or_404(user_id)
    form = f.RoleForm(data={"role": user.role}) if request.method == "GET" else f.RoleForm()
    if form.validate_on_submit():
        try:
            accounts.change_role(user, form.role.data, actor=current_user)
        except accounts.AccountError as error:
            db.session.rollback()
            form.role.errors = [str(error)]
        else:
            db.session.commit()
            flash(f"{user.email} is now: {ROLE_LABELS[user.role].lower()}. It takes effect on their next page.",
                  "success")
            return redirect(url_for(".users"))
    return render_template("staff/user-role.html", form=form, user=user, hints=ROLE_HINTS), \
        400 if form.errors else 200


@bp.route("/users/<int:user_id>/reset-password", methods=["GET", "POST"])
@permission_required("manage_users")
def reset_password(user_id: int):
    """GET asks first; POST makes a temporary password, shown once on the users page."""
    user = _user_or_404(user_id)
    if user.id == current_user.id:
        abort(404)  # your own password is changed on the password page, knowing the current one
    form = ButtonForm()
    if request.method == "POST" and form.validate_on_submit():
        password = accounts.reset_password(user, actor=current_user)
        db.session.commit()
        session[CREATED_KEY] = {"email": user.email, "password": password, "reset": True}
        return redirect(url_for(".users"))
    return render_template("staff/user-reset-password.html", form=form, user=user)


# --- audit log (admin) ------------------------------------------------------------

@bp.get("/audit")
@permission_required("view_audit")
def audit_log():
    form = f.AuditFilterForm(request.args)
    form.user.choices = {"": "Everyone"} | {str(u.id): u.email for u in accounts.list_users()}
    valid = form.validate() if request.args else True
    filters = audit_search.AuditFilter.from_form(form) if valid else audit_search.AuditFilter()
    page = audit_search.search(filters, page=request.args.get("page", 1, type=int))
    return render_template("staff/audit-log.html", filter_form=form, form=None if valid else form,
                           action_words=action_words,
                           page=page, query=filters.query_args())


# --- helpers ----------------------------------------------------------------------

def _finish_sign_in(user, method: str, next_path: str | None):
    """Rotate the session id, then sign in: nothing from before survives, except
    a form this same person was sending when the idle time-out struck."""
    kept = resume.carry_over(session.get(resume.RESUME_KEY), user.id)
    current_app.session_interface.regenerate(session)
    session.clear()
    login_user(user)
    session[LAST_SEEN_KEY] = session[SIGNED_IN_KEY] = time.time()
    accounts.complete_sign_in(user, method=method)
    db.session.commit()
    if kept:
        session[resume.RESUME_KEY] = kept
        return redirect(url_for(".resume_form"))
    return redirect(_safe_next(next_path or "") or url_for(".home"))


def _here() -> str:
    return request.full_path if request.query_string else request.path


def _keep_posted_form(user_id: int, why: str) -> bool:
    return request.method == "POST" and request.endpoint not in OPEN_ENDPOINTS and resume.keep(
        session, user_id, _here(), request.form, why)


def keep_expired_form():
    """A staff form sent with an expired token (the page was open over an hour):
    what was typed is kept and offered to send again at a press of a button,
    as after the idle time-out, rather than lost behind an error page. None
    for anything else, which gets the plain error page."""
    if not request.path.startswith("/staff") or not current_user.is_authenticated:
        return None
    # The token is checked before the idle time-out: a session that has also
    # timed out ends here, and the form waits for the same person to sign in.
    timed_out = sign_out_when_idle()
    if timed_out is not None:
        return timed_out
    if not _keep_posted_form(current_user.id, resume.TOKEN_EXPIRED):
        return None
    return redirect(url_for("staff.resume_form"))


def _end_session() -> None:
    logout_user()
    session.clear()


def _pending(stage: str):
    pending = session.get(PENDING_KEY)
    if not pending or pending.get("stage") != stage or time.time() - pending.get("started", 0) > PENDING_LIFETIME:
        return None, None
    user = accounts.load_user_by_token(pending.get("token", ""))
    return user, pending


def _enrolment_page(user, pending, form, status: int = 200):
    issuer = f"Heard {current_app.config['PARTNERSHIP_NAME']}"
    uri = accounts.provisioning_uri(pending["secret"], user.email, issuer=issuer)
    secret = pending["secret"]
    return render_template("staff/set-up-two-factor.html", form=form,
                           qr_code=accounts.qr_code_data_uri(uri),
                           secret_groups=[secret[i:i + 4] for i in range(0, len(secret), 4)]), status


def _user_or_404(user_id: int):
    user = accounts.user_by_id(user_id)
    if user is None:
        abort(404)
    return user


def _change_user(user_id: int, change):
    user = _user_or_404(user_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        change(user)
    except accounts.AccountError:
        db.session.rollback()
    else:
        db.session.commit()
    return redirect(url_for(".users"))


def _safe_next(path: str) -> str:
    """Only ever go back to a staff page on this site. Control characters (a CR
    or LF would split the Location header) and backslashes make it no path."""
    if (path.startswith("/staff") and not path.startswith("//") and "\\" not in path
            and not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path)):
        return path
    return ""


def _sign_in_notice() -> str | None:
    if "timed-out" in request.args and "kept" in request.args:
        return ("You were signed out because you had not done anything for 30 minutes. Heard has kept what "
                "you were sending: sign in again to carry on with it.")
    if "timed-out" in request.args:
        return "You were signed out because you had not done anything for 30 minutes."
    if "expired" in request.args:
        hours = int(current_app.config["STAFF_SESSION_MAX_AGE"].total_seconds() // 3600)
        kept = " Heard has kept what you were sending." if "kept" in request.args else ""
        return (f"You were signed out because you signed in more than {hours} hours ago.{kept} "
                "Sign in again to carry on.")
    if "signed-out" in request.args:
        return "You have signed out."
    if "locked" in request.args:
        return ("There have been too many attempts to sign in. Wait a few minutes before you try again.")
    return None

