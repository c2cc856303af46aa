"""RQ jobs. The worker (`flask --app webapp worker`, `make worker`) runs them
inside the app context, so they use the app's database settings."""

from __future__ import annotations

from webapp.themes.runs import embedding_started, execute_run


def run_theming(run_id: int) -> None:
    execute_run(run_id)


def embed_new_answers() -> None:
    """Queued after submissions (``webapp.themes.runs.queue_embedding``)."""
    from webapp.themes.vectors import embed, missing_items  # noqa: PLC0415 # loads the model

    embedding_started()
    embed(missing_items())
