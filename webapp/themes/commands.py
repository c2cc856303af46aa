"""`flask --app webapp worker`: run theming jobs from Redis (`make worker`).
`flask --app webapp embed-answers`: embed the answers that have no vector yet
(once, after upgrading; `webapp.themes.vectors`)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from webapp.themes.runs import QUEUE_NAME, redis_connection


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker(burst: bool) -> None:
    """Run theming jobs from Redis (needs REDIS_URL)."""
    from rq import Queue, SimpleWorker  # only a worker needs RQ

    if not current_app.config.get("REDIS_URL"):
        raise click.ClickException("Set REDIS_URL first: without it, theming runs inside the web app.")
    connection = redis_connection()
    # SimpleWorker runs each job in this process, inside the app context the
    # command already has, so jobs share its database settings and pool.
    SimpleWorker([Queue(QUEUE_NAME, connection=connection)], connection=connection).work(burst=burst)


@click.command("embed-answers")
@with_appcontext
def embed_answers() -> None:
    """Work out and keep the sentence vector of every answer that has none."""
    from webapp.themes.vectors import embed, missing_items  # noqa: PLC0415 # loads the model

    found = missing_items()
    click.echo(f"{len(found)} answers have no vector; embedding them.")
    click.echo(f"Embedded {embed(found)} answers.")
