"""Operator commands: `flask --app webapp stats --json`, `flask --app webapp seed-demo`."""

from __future__ import annotations

import json

import click
from flask import Flask
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import FeedbackResponse, Service


def feedback_stats() -> dict:
    by_service = dict(db.session.execute(
        select(Service.name, func.count(FeedbackResponse.id))
        .join(FeedbackResponse.service).group_by(Service.name).order_by(Service.name)).all())
    other = db.session.scalar(select(func.count(FeedbackResponse.id))
                              .where(FeedbackResponse.service_id.is_(None))) or 0
    if other:
        by_service["Another service"] = other
    return {
        "responses": db.session.scalar(select(func.count(FeedbackResponse.id))) or 0,
        "by_service": by_service,
        "flagged": db.session.scalar(select(func.count(FeedbackResponse.id))
                                     .where(FeedbackResponse.risk_flagged.is_(True))) or 0,
        "services": db.session.scalar(select(func.count(Service.id))) or 0,
    }


def init_app(app: Flask) -> None:
    from webapp import retention

    retention.init_app(app)  # purge

    @app.cli.command("stats")
    @click.option("--json", "as_json", is_flag=True, help="Print one line of JSON.")
    def stats(as_json: bool) -> None:
        """Counts of stored feedback, for monitoring and benchmarks."""
        figures = feedback_stats()
        if as_json:
            click.echo(json.dumps(figures, sort_keys=True))
            return
        click.echo(f"Responses: {figures['responses']} ({figures['flagged']} flagged for safeguarding)")
        for name, count in figures["by_service"].items():
            click.echo(f"  {name}: {count}")

    @app.cli.command("seed-demo")
    def seed_demo() -> None:
        """Add the demo partnership's services and feedback, if the database is empty."""
        from webapp.demo import seed_if_empty

        click.echo("Demo data added." if seed_if_empty() else "Database already has data; left as it is.")
        from webapp.demo import DEMO_STAFF_PASSWORD, seed_demo_staff

        staff = seed_demo_staff()
        if staff:
            click.echo("Demo staff sign-in at /staff/sign-in (no two-factor; demo only), password "
                       f"{DEMO_STAFF_PASSWORD}:")
            for email, role in staff:
                click.echo(f"  {role:<11} {email}")
