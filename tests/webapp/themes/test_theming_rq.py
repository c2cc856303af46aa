"""With REDIS_URL set, a theming run is an RQ job on the real Redis of this
machine, picked up by a worker; without it the run needs no Redis at all.
Only the test's own Redis database is flushed (TEST_REDIS_URL; CI uses db 15)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from pathlib import Path

import pytest
import redis
from rq import Queue, SimpleWorker
from sqlalchemy import select

from tests.webapp.helpers import HOUSING, POLICE, add_feedback, make_user
from webapp.extensions import db
from webapp.feedback.models import feedback_ref
from webapp.themes import runs
from webapp.themes.models import TextVector, ThemeRun, ThemeRunItem
from webapp.themes.scope import feedback_quarter

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def redis_db():
    """The test Redis database, emptied before and after. Tests take turns with it
    (a lock file named after it), so that a pytest-xdist worker never empties it
    under another."""
    lock = Path(tempfile.gettempdir()) / f"heard-test-redis-{hashlib.sha256(REDIS_URL.encode()).hexdigest()[:16]}.lock"
    with lock.open("a") as turn:
        fcntl.flock(turn, fcntl.LOCK_EX)  # released when the file is closed
        connection = redis.Redis.from_url(REDIS_URL)
        connection.flushdb()
        yield connection
        connection.flushdb()


@pytest.fixture
def app_overrides(redis_db):
    return {"REDIS_URL": REDIS_URL}


def test_a_run_is_an_rq_job_a_worker_completes(app_context, app, redis_db):
    add_feedback(HOUSING)
    add_feedback(POLICE)
    run = runs.start_run(feedback_quarter("2026Q3"), make_user("analyst@partnership.example", "analyst"))
    queue = Queue(runs.QUEUE_NAME, connection=redis_db)
    assert run.status == "queued" and run.job_id and queue.job_ids == [run.job_id]
    assert SimpleWorker([queue], connection=redis_db).work(burst=True)
    db.session.expire_all()
    finished = db.session.get(ThemeRun, run.id)
    assert finished.status == "done" and finished.n_items == 2
    codes = [row.codes for row in db.session.scalars(select(ThemeRunItem).where(ThemeRunItem.run_id == run.id))]
    assert any("police" in c for c in codes) and any("housing" in c for c in codes)
    assert queue.finished_job_registry.get_job_ids() == [run.job_id]


def test_the_worker_command_runs_queued_jobs(app_context, app, runner, redis_db):
    add_feedback(POLICE)
    run = runs.start_run(feedback_quarter("2026Q3"), None)
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert db.session.get(ThemeRun, run.id).status == "done"


@pytest.mark.parametrize("app_overrides", [{"REDIS_URL": "redis://127.0.0.1:1/0"}])
def test_an_unreachable_queue_fails_the_run_kindly(app_context, app, app_overrides):
    run = runs.start_run(feedback_quarter("2026Q3"), None)
    db.session.expire_all()
    failed = db.session.get(ThemeRun, run.id)
    assert failed.status == "failed" and "could not reach its job queue" in failed.error


@pytest.mark.parametrize("app_overrides", [{}])
def test_without_redis_the_worker_command_explains(app, runner, app_overrides):
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0 and "Set REDIS_URL first" in result.output


def test_new_answers_queue_one_embedding_job_that_a_worker_runs(app_context, app, redis_db):
    response = add_feedback(POLICE, "Shorter waits")
    for _ in range(3):  # a burst of submissions
        runs.queue_embedding()
    queue = Queue(runs.QUEUE_NAME, connection=redis_db)
    assert len(queue.job_ids) == 1
    assert SimpleWorker([queue], connection=redis_db).work(burst=True)
    db.session.expire_all()
    assert set(db.session.scalars(select(TextVector.ref))) == {
        feedback_ref(response.id, "what_helped"), feedback_ref(response.id, "could_be_better")}
    later = add_feedback(HOUSING)  # after that job started: another is queued, and embeds it
    runs.queue_embedding()
    assert len(queue.job_ids) == 1
    assert SimpleWorker([queue], connection=redis_db).work(burst=True)
    db.session.expire_all()
    assert feedback_ref(later.id, "what_helped") in set(db.session.scalars(select(TextVector.ref)))


def test_an_answer_stored_while_a_job_runs_queues_another(app_context, app, redis_db):
    runs.queue_embedding()
    runs.embedding_started()  # the job has begun reading what is missing
    runs.queue_embedding()
    assert len(Queue(runs.QUEUE_NAME, connection=redis_db).job_ids) == 2


@pytest.mark.parametrize("app_overrides", [{"REDIS_URL": "redis://127.0.0.1:1/0"}])
def test_an_unreachable_queue_is_logged_and_nothing_raised(app_context, app, app_overrides, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(runs.log, "warning", warned.append)
    runs.queue_embedding()  # does not raise
    assert warned == ["new answers could not be queued for embedding; the next theming run will embed them"]
