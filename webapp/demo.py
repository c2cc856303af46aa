"""`flask --app webapp seed-demo`: the demo partnership for `make run`, built
from each room's demo data: services and feedback, a consultation in each
state, theming runs, board actions and (DEMO config only) staff accounts."""

from __future__ import annotations

import random

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from webapp.consultations.demo import add_demo_consultations
from webapp.extensions import db
from webapp.feedback.demo import add_demo_feedback
from webapp.feedback.models import Service
from webapp.reports.demo import add_demo_actions
from webapp.staff.demo import DEMO_STAFF_PASSWORD, seed_demo_staff
from webapp.themes.demo import add_demo_runs


def seed_if_empty(seed: int = 2026, themes: bool | None = None) -> bool:
    """Add the demo data to an empty database. `themes` (default: on except in
    tests, where it would slow every test that uses demo data) also themes the
    demo consultations and feedback quarters."""
    if db.session.scalar(select(func.count(Service.id))):
        return False
    add_demo_feedback(random.Random(seed))  # nosec B311 # repeatable demo data, not security
    add_demo_consultations(random.Random(seed))  # nosec B311 # repeatable demo data, not security
    db.session.commit()
    if themes if themes is not None else not current_app.config.get("TESTING"):
        add_demo_runs()
        add_demo_actions()
    return True


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Add the demo partnership's services and feedback, if the database is empty."""
    if not current_app.config.get("SEED_DEMO_ALLOWED"):
        raise click.ClickException(
            "seed-demo adds made-up feedback and demo staff accounts with a published password, "
            "so it never runs in production. Run it with HEARD_CONFIG=development against a database "
            "for trying Heard out.")
    click.echo("Demo data added." if seed_if_empty() else "Database already has data; left as it is.")
    staff = seed_demo_staff()
    if staff:
        click.echo("Demo staff sign-in at /staff/sign-in (no two-factor; demo only), password "
                   f"{DEMO_STAFF_PASSWORD}:")
        for email, role in staff:
            click.echo(f"  {role:<11} {email}")
