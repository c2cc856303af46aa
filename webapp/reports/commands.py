"""`flask --app webapp board-pack (--consultation SLUG | --period 2026Q3) --output FILE.pdf`,
for scheduled board papers."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from webapp.audit import record_event
from webapp.extensions import db
from webapp.periods import ScopeError
from webapp.reports.pack import board_pack_pdf
from webapp.themes.scope import consultation_scope, feedback_quarter


def _scope(consultation: str | None, period: str | None):
    if bool(consultation) == bool(period):
        raise click.UsageError("Give either --consultation SLUG or --period like 2026Q3, not both.")
    if consultation:
        scope = consultation_scope(consultation)
        if scope.consultation() is None:
            raise click.UsageError(f"There is no consultation “{consultation}”.")
        return scope
    try:
        return feedback_quarter(period)
    except ScopeError as error:
        raise click.UsageError(str(error)) from error


@click.command("board-pack")
@click.option("--consultation", metavar="SLUG", help="The consultation's slug.")
@click.option("--period", metavar="QUARTER", help="A feedback quarter, like 2026Q3.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="Where to write the PDF.")
@with_appcontext
def board_pack_command(consultation: str | None, period: str | None, output: str) -> None:
    """Write the board pack PDF for a consultation or a feedback quarter."""
    scope = _scope(consultation, period)
    pdf = board_pack_pdf(scope)
    with open(output, "wb") as file:
        file.write(pdf)
    record_event("report.board_pack", user=None, target=scope.key, detail="command line")
    db.session.commit()
    click.echo(f"Wrote the board pack for {scope.label} to {output} ({len(pdf) // 1024} KB).")
