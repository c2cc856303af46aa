"""`flask --app webapp consultations tick`: open and close consultations on
their dates (run it from cron, or schedule the RQ job `webapp.consultations.jobs.tick`)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from webapp.consultations import lifecycle
from webapp.consultations.rules import STATUS_LABELS

consultations_cli = AppGroup("consultations", help="Consultations that run by themselves.")


@consultations_cli.command("tick")
def tick_command() -> None:
    """Open scheduled consultations whose opening date has come; close those past their closing date."""
    moved = lifecycle.tick()
    for title, status in moved:
        click.echo(f"{STATUS_LABELS[status]}: {title}")
    click.echo(f"{len(moved)} consultation{'' if len(moved) == 1 else 's'} changed.")
