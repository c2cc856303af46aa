"""Consultations: build, co-produce with the service-user group, answer, report.

`rules` holds the pure rules (lifecycle, show-a-page-if, meaning lock, access
codes). `models` is wired into `create_app` once migration 0003 (after the staff
migration 0002) exists; until then nothing imports it, so its tables stay out
of the metadata the tests build and empty.
"""
