"""Theming runs and the codes each free-text item ends up with.

Other parts of Heard (board summary, group view, retention) read themes only
through `coded_items`, so staff coding, merged and retired themes are applied
in one place. A run is started with `start_run`: on the embedded default it
executes in a background thread of the web process; with `REDIS_URL` it is an
RQ job on the "heard" queue that `make worker` picks up.

The analysis library's theming, sentiment and text modules bring scikit-learn,
SciPy and nltk (about 1.5 s of CPU to import), so they are imported inside the
functions that theme: a web worker or a `flask` command that never themes
does not pay for them.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from flask import current_app
from sqlalchemy import insert, select

from webapp.extensions import db
from webapp.themes.codebook import current_code_map, current_codebook, mapped_codes
from webapp.themes.models import EmergentTheme, StaffCoding, ThemeRun, ThemeRunItem
from webapp.themes.scope import Item, Scope, ScopeError, items, parse_scope, resolve

if TYPE_CHECKING:
    from analysis.codebook import Codebook
    from analysis.themes import Coded

log = logging.getLogger(__name__)

QUEUE_NAME = "heard"
# Set while an embedding job waits to start, so a burst of submissions queues one;
# it lapses after an hour in case that job is lost.
EMBED_PENDING_KEY = "heard:embed-pending"
EMBED_PENDING_SECONDS = 3600
JOB_TIMEOUT_SECONDS = 3 * 60 * 60
FAILED_MESSAGE = ("Theming stopped because of a problem on our side. Try again; if it stops again, "
                  "tell your Heard administrator.")
_CHUNK = 500
CODE_NEXT = 20
# Theme probabilities are calibrated (analysis.classify); at or above this a
# suggestion is "high confidence": right at least 9 times in 10 on the
# domestic-abuse dev answers (0.925; at 0.8 it was 0.897, and new writers' answers
# come out less sure than their probabilities say: README.md, "Theming model").
# Medium starts at 0.5;
# themes are assigned from 0.3 (analysis.semantic.ASSIGN_AT), an answer's best
# from 0.1 and its second from 0.25 (analysis.semantic.choose), so some show as Low.
HIGH_CONFIDENCE = 0.85
MEDIUM_CONFIDENCE = 0.5
# Progress is saved at most this often: each save is a commit, which on SQLite
# costs more than a fast stage itself.
PROGRESS_EVERY_SECONDS = 0.5
# The stages a run reports as it goes, in order (build_report names the middle ones).
STAGES = ("waiting to start", "reading responses", "preparing text", "sentiment", "themes",
          "emergent themes", "choosing what to code next", "saving results", "finished")


@dataclass(frozen=True)
class CodedItem:
    item: Item
    codes: tuple[str, ...]
    scores: dict[str, float] = field(default_factory=dict)
    matched: dict[str, list[str]] = field(default_factory=dict)
    compound: float = 0.0
    sentiment: str = "neutral"  # "positive" | "neutral" | "negative"
    staff_coded: bool = False
    retired: tuple[str, ...] = ()  # codes staff gave it that now count as nothing (retired themes)


# Runs -------------------------------------------------------------------------------------

def latest_run(scope_key: str) -> ThemeRun | None:
    """The newest finished run of the scope."""
    return db.session.scalar(
        select(ThemeRun).where(ThemeRun.scope == scope_key, ThemeRun.status == "done")
        .order_by(ThemeRun.finished_at.desc(), ThemeRun.id.desc()).limit(1))


def start_run(scope: Scope, user) -> ThemeRun:
    """Queue a run of `scope` and set it going; returns at once."""
    run = ThemeRun(scope=scope.key, status="queued", stage="waiting to start",
                   started_by_id=getattr(user, "id", None))
    db.session.add(run)
    db.session.commit()
    if current_app.config.get("REDIS_URL"):
        _enqueue(run)
    else:
        thread = threading.Thread(target=_run_in_thread, args=(current_app._get_current_object(), run.id),
                                  name=f"theme-run-{run.id}", daemon=True)
        thread.start()
    return run


def _run_in_thread(app, run_id: int) -> None:
    with app.app_context():
        execute_run(run_id)


def _enqueue(run: ThemeRun) -> None:
    # RQ and the Redis client are loaded only where REDIS_URL is set.
    from redis.exceptions import RedisError
    from rq import Queue

    try:
        job = Queue(QUEUE_NAME, connection=redis_connection()).enqueue(
            "webapp.themes.jobs.run_theming", run.id, job_timeout=JOB_TIMEOUT_SECONDS)
    except RedisError:
        log.exception("theme run %s could not be queued", run.id)
        _fail(run.id, "Heard could not reach its job queue, so theming did not start. "
                      "Try again in a few minutes; if it still fails, tell your Heard administrator.")
        return
    run.job_id = job.id
    db.session.commit()


def queue_embedding() -> None:
    """After a submission: queue the job that embeds the answers not yet
    embedded (``webapp.themes.vectors``), unless one is waiting to start (it
    will find this answer too: a job clears ``EMBED_PENDING_KEY`` as it
    starts). Never raises: the answer is stored, and a run embeds it if this
    fails. On the embedded default, with no job queue, theming runs embed new
    answers."""
    if not current_app.config.get("REDIS_URL"):
        return
    from rq import Queue

    try:
        connection = redis_connection()
        if connection.set(EMBED_PENDING_KEY, 1, nx=True, ex=EMBED_PENDING_SECONDS):
            Queue(QUEUE_NAME, connection=connection).enqueue(
                "webapp.themes.jobs.embed_new_answers", job_timeout=JOB_TIMEOUT_SECONDS, result_ttl=0)
    except Exception:  # noqa: BLE001 - a survivor's answer is stored; nothing here may fail their send
        log.warning("new answers could not be queued for embedding; the next theming run will embed them")


def embedding_started() -> None:
    """A job is starting: answers stored from now on need another job."""
    redis_connection().delete(EMBED_PENDING_KEY)


def redis_connection():
    import redis  # only with REDIS_URL, like _enqueue

    return current_app.extensions.get("heard_redis") or redis.Redis.from_url(current_app.config["REDIS_URL"])


def execute_run(run_id: int) -> None:
    """Theme every item of the run's scope and store what was found. Never
    raises: a failure is kept on the run as a message staff can read."""
    from analysis.codebook import CodebookError

    run = db.session.get(ThemeRun, run_id)
    if run is None or run.status in ("done", "failed"):
        return
    try:
        _execute(run)
    except (ScopeError, CodebookError) as error:
        db.session.rollback()
        _fail(run_id, str(error))
    except Exception:  # noqa: BLE001 - any failure must end the run, not leave it "running"
        db.session.rollback()
        log.exception("theme run %s failed", run_id)
        _fail(run_id, FAILED_MESSAGE)


def _execute(run: ThemeRun) -> None:
    from analysis.themes import Record, build_report
    from webapp.themes import vectors  # NumPy and the transformer: only a run needs them

    run.status = "running"
    stage = _progress(run)
    stage("reading responses")
    found = items(parse_scope(run.scope))
    codebook = current_codebook()
    # Every coded example counts: the codebook stays the prior, so a few
    # codings refine it and cannot make theming worse than the codebook alone.
    examples = _training_examples(codebook)
    coded = [coded for _, coded in examples]
    records = [Record(id=item.ref, text=item.text, question=item.question) for item in found]
    # Learning compares answers by the vectors kept for them (vectors.py).
    learner = vectors.learner_for(found + [item for item, _ in examples]) if coded and records else None
    report = (build_report(records, codebook, coded, n_code_next=CODE_NEXT, progress=stage, learner=learner)
              if records else _empty_report())
    stage("saving results")
    _store_items(run, report["responses"])
    _store_emergent(run, report, found)
    # Per-item results are in theme_run_item and emergent themes in
    # theme_emergent; the run keeps what the theming pages read.
    run.report = {"method": report["method"], "code_next": report["code_next"],
                  "set_aside": _set_aside(found, report["responses"])}
    run.n_items = len(records)
    run.n_coded = len(coded)
    run.status, run.stage = "done", "finished"
    run.finished_at = datetime.now(UTC).replace(tzinfo=None)
    db.session.commit()
    if learner is not None:
        _keep_vectors(vectors, learner, found + [item for item, _ in examples])


def _keep_vectors(vectors, learner, found: list[Item]) -> None:
    """Keep the vectors the run worked out, after its results are safe: a
    failure here costs only embedding those answers again next time."""
    try:
        vectors.keep_new(learner, found)
        db.session.commit()
    except Exception:  # noqa: BLE001 - the run is done; a vector never undoes it
        db.session.rollback()
        log.warning("a theming run's answer vectors could not be kept; the next run will embed them again")


def _progress(run: ThemeRun):
    """A callback naming the stage a run has reached, saved for the progress page."""
    saved = [0.0]

    def stage(name: str) -> None:
        run.stage = name[:60]
        if time.monotonic() - saved[0] >= PROGRESS_EVERY_SECONDS:
            db.session.commit()
            saved[0] = time.monotonic()

    return stage


def _fail(run_id: int, message: str) -> None:
    run = db.session.get(ThemeRun, run_id)
    run.status, run.stage, run.error = "failed", "stopped", message[:300]
    run.finished_at = datetime.now(UTC).replace(tzinfo=None)
    db.session.commit()


def _empty_report() -> dict:
    return {"method": "codebook meaning and phrases", "emergent_themes": [], "responses": [], "code_next": []}


def _training_examples(codebook: Codebook) -> list[tuple[Item, Coded]]:
    """Every staff coding whose item still exists, with codes as they count now."""
    from analysis.themes import Coded, Record

    mapping = current_code_map()
    codings = {c.ref: c.codes for c in db.session.scalars(select(StaffCoding))}
    found = resolve(list(codings))
    return [
        (item, Coded(Record(id=ref, text=item.text, question=item.question),
                     tuple(c for c in mapped_codes(codings[ref], mapping) if c in codebook.codes)))
        for ref, item in found.items()
    ]


def _store_items(run: ThemeRun, responses: list[dict]) -> None:
    rows = [{
        "run_id": run.id, "ref": r["id"],
        "codes": [t["code"] for t in r["themes"]],
        "scores": {t["code"]: t["confidence"] for t in r["themes"]},
        "matched": {t["code"]: t["matched"] for t in r["themes"]},
        "compound": r["sentiment"]["compound"], "sentiment": r["sentiment"]["label"],
    } for r in responses]
    for start in range(0, len(rows), _CHUNK):
        db.session.execute(insert(ThemeRunItem), rows[start:start + _CHUNK])


def _set_aside(found: list[Item], responses: list[dict]) -> dict[str, int]:
    """question -> how many answers no theme explains were left out of emergent
    themes as "nothing"-style or too short to group."""
    from analysis.emergent import set_aside_by_question

    unexplained = [item for item, response in zip(found, responses, strict=True) if not response["explained"]]
    return set_aside_by_question([i.text for i in unexplained], [i.question for i in unexplained])


def _store_emergent(run: ThemeRun, report: dict, found: list[Item]) -> None:
    """One row per emergent theme, naming the items quoted as its examples."""
    from analysis.text import clean

    members: dict[int, list[Item]] = {}
    for item, response in zip(found, report["responses"], strict=True):
        if response["emergent_theme"] is not None:
            members.setdefault(response["emergent_theme"], []).append(item)
    for number, theme in enumerate(report["emergent_themes"]):
        group = members.get(number, [])
        by_text = {" ".join(clean(i.text).split()).lower(): i.ref for i in reversed(group)}
        refs = [by_text[q.lower()] for q in theme["exemplars"] if q.lower() in by_text]
        db.session.add(EmergentTheme(run=run, name=theme["name"][:200], terms=list(theme["terms"]),
                                     size=theme["size"], refs=refs or [i.ref for i in group[:3]]))


# Items with their codes ------------------------------------------------------------------------

def coded_items(scope: Scope, any_run: bool = False, hidden_too: bool = False) -> list[CodedItem]:
    """Each current item of the scope with its codes: staff coding first, else
    the latest run's; codes as they count now (merged -> joined theme, retired
    dropped). Items no run has seen get sentiment from the default scorer.
    With `any_run` (reports over whole months), each item takes its codes
    from the newest finished run that saw it, whatever that run's scope: a
    range of months is reported from the quarters' runs, not as zeros, and a
    month counts the same in every report over it (`webapp.reports.inputs`).
    With `hidden_too`, hidden responses' items as well (`Item.hidden`)."""
    found = items(scope, hidden_too)
    refs = [item.ref for item in found]
    if any_run:
        seen = _newest_run_items(refs)
    else:
        run = latest_run(scope.key)
        seen = ({row.ref: row for chunk in _chunks(refs) for row in db.session.scalars(
            select(ThemeRunItem).where(ThemeRunItem.run_id == run.id, ThemeRunItem.ref.in_(chunk)))}
                if run else {})
    staff = staff_codes(refs)
    mapping = current_code_map()
    scored = _sentiment_of([item for item in found if item.ref not in seen])
    result = []
    for item in found:
        row = seen.get(item.ref)
        codes = mapped_codes(staff[item.ref] if item.ref in staff else (row.codes if row else ()), mapping)
        if row:
            compound, sentiment = row.compound, row.sentiment
            scores = _mapped_scores(row.scores or {}, mapping)
            matched = _mapped_matches(row.matched or {}, mapping)
        else:
            compound, sentiment = scored[item.ref].compound, scored[item.ref].label
            scores, matched = {}, {}
        result.append(CodedItem(item=item, codes=codes, scores=scores, matched=matched, compound=compound,
                                sentiment=sentiment, staff_coded=item.ref in staff,
                                retired=retired_of(staff.get(item.ref, ()), mapping)))
    return result


def retired_of(codes, mapping: dict[str, str | None]) -> tuple[str, ...]:
    """Those of ``codes`` that count as nothing now under ``mapping``: retired themes."""
    return tuple(code for code in codes or () if code in mapping and mapping[code] is None)


def _newest_run_items(refs: list[str]) -> dict[str, ThemeRunItem]:
    """ref -> what the newest finished run that saw it decided."""
    found: dict[str, ThemeRunItem] = {}
    for chunk in _chunks(refs):
        rows = db.session.scalars(
            select(ThemeRunItem).join(ThemeRun)
            .where(ThemeRun.status == "done", ThemeRunItem.ref.in_(chunk))
            .order_by(ThemeRun.finished_at, ThemeRun.id))
        found.update((row.ref, row) for row in rows)  # oldest first: the newest wins
    return found


def _sentiment_of(unseen: list[Item]) -> dict:
    """ref -> sentiment for items no run has seen, from the default scorer."""
    if not unseen:
        return {}
    from analysis.sentiment import default_scorer

    scores = default_scorer().predict([i.text for i in unseen], [i.question for i in unseen])
    return dict(zip((i.ref for i in unseen), scores, strict=True))


def staff_codes(refs: list[str]) -> dict[str, list[str]]:
    """ref -> the codes staff gave it, for the refs staff have coded."""
    return {ref: codes for chunk in _chunks(refs) for ref, codes in db.session.execute(
        select(StaffCoding.ref, StaffCoding.codes).where(StaffCoding.ref.in_(chunk)))}


def _mapped_scores(scores: dict, mapping: dict) -> dict[str, float]:
    found: dict[str, float] = {}
    for code, score in scores.items():
        now = mapping.get(code, code)
        if now:
            found[now] = max(found.get(now, 0.0), float(score))
    return found


def _mapped_matches(matched: dict, mapping: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for code, words in matched.items():
        now = mapping.get(code, code)
        if now:
            found.setdefault(now, [])
            found[now] += [w for w in words if w not in found[now]]
    return found


def _chunks(values: list[str]):
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]
