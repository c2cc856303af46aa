"""RQ jobs of the consultations room, run by `flask worker` inside the app
context. Schedule `tick` (e.g. with rq-scheduler or a cron line that enqueues
it) to open and close consultations on their dates, as `flask consultations tick` does."""

from __future__ import annotations

from webapp.consultations import lifecycle


def tick() -> None:
    lifecycle.tick()
