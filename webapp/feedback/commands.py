"""`flask --app webapp stats [--json]`: counts of stored feedback, for monitoring and benchmarks."""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service


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


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print one line of JSON.")
@with_appcontext
def stats(as_json: bool) -> None:
    """Counts of stored feedback, for monitoring and benchmarks."""
    figures = feedback_stats()
    if as_json:
        click.echo(json.dumps(figures, sort_keys=True))
        return
    click.echo(f"Responses: {figures['responses']} ({figures['flagged']} flagged for safeguarding)")
    for name, count in figures["by_service"].items():
        click.echo(f"  {name}: {count}")
