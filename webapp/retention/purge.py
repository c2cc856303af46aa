"""Retention: responses older than the partnership's retention period
(RETENTION_MONTHS, default 12) are deleted, after their themes are counted
into `ThemeAggregate` rows that carry no text.

`flask --app webapp purge [--dry-run] [--older-than-months N]` runs it; cron
runs it daily (see README, Encryption and retention). A purge:

1. counts every visible old response into its month's aggregates, per source
   (feedback per service; consultation per consultation) and per theme, with
   theme "" for all responses. A response counts once per theme found in any of
   its free-text items. Themes and sentiment come from
   `webapp.themes.runs.coded_items` (staff coding, else the scope's latest
   run; merged themes as the theme they joined); items no run saw and no one
   coded are matched against the current codebook now. Feedback is read per quarter, the
   scope theming runs use for feedback. Hidden responses (spam, abuse) are
   deleted but not counted, as they are left out of every report. A month a
   report has counted is counted as it counts it (`webapp.reports.inputs`):
   who it counts and their themes as last counted, though a response was
   hidden, shown again or re-themed since (fewer than 5 changes ago).
2. deletes the old responses (hidden ones too) with their answers, and every
   row that names their items by ref (staff coding, run items, published
   quotes, answer vectors) or keeps what they added to their month's figures
   (`webapp.revisions.forget`); runs left with no items go too, as their
   reports quote the text.

`aggregate_counts(scope)` gives the counts back for reports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import delete, func, select

from webapp import revisions
from webapp.audit import record_event
from webapp.consultations.models import Answer, Consultation, ConsultationResponse, answer_ref
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, feedback_ref
from webapp.feedback.questions import FREE_TEXT_FIELDS
from webapp.moderation.models import PublishedQuote
from webapp.periods import quarter_of
from webapp.retention.models import ThemeAggregate
from webapp.themes.codebook import current_codebook
from webapp.themes.models import EmergentTheme, StaffCoding, TextVector, ThemeCode, ThemeRun, ThemeRunItem
from webapp.themes.runs import coded_items, latest_run
from webapp.themes.scope import Scope, consultation_scope, feedback_quarter

ALL = ""  # the theme code of the row counting all responses
CHUNK = 500  # ids per DELETE … IN (…)


@dataclass
class AggregateCount:
    responses: int = 0
    sentiment_sum: float = 0.0
    positive: int = 0
    neutral: int = 0
    negative: int = 0

    def add(self, compound: float, sentiment: str, responses: int = 1) -> None:
        self.responses += responses
        self.sentiment_sum += compound
        setattr(self, sentiment, getattr(self, sentiment) + responses)

    def merge(self, other: AggregateCount) -> None:
        self.responses += other.responses
        self.sentiment_sum += other.sentiment_sum
        self.positive += other.positive
        self.neutral += other.neutral
        self.negative += other.negative


# (source, consultation id, service id, month, theme code)
AggregateKey = tuple[str, "int | None", "int | None", date, str]


@dataclass
class PurgeReport:
    cutoff: date
    dry_run: bool
    deleted: Counter = field(default_factory=Counter)
    aggregates: dict[AggregateKey, AggregateCount] = field(default_factory=dict)

    KINDS = ("feedback responses", "consultation responses", "consultation answers", "staff codings",
             "theme run items", "theme runs", "published quotes", "answer vectors")

    def lines(self) -> list[str]:
        verb = "Would delete" if self.dry_run else "Deleted"
        counted = sum(count.responses for key, count in self.aggregates.items() if key[4] == ALL)
        return ([f"Retention: responses submitted before {self.cutoff.isoformat()}."]
                + [f"{verb} {self.deleted[kind]} {kind}" for kind in self.KINDS]
                + [f"{'Would count' if self.dry_run else 'Counted'} {counted} responses into "
                   f"{len(self.aggregates)} theme aggregates (no text)."])


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return min(day.replace(year=year, month=month, day=1) + timedelta(days=day.day - 1),
               next_month - timedelta(days=1))


def purge(months: int | None = None, today: date | None = None, dry_run: bool = False) -> PurgeReport:
    """Count, then delete, responses submitted before `months` before `today`."""
    months = months or current_app.config["RETENTION_MONTHS"]
    report = PurgeReport(cutoff=months_before(today or date.today(), months), dry_run=dry_run)
    _count_feedback(report)
    _count_consultations(report)
    _delete(report)
    if dry_run:
        db.session.rollback()
        return report
    _store_aggregates(report.aggregates)
    record_event("retention.purge", user=None, target=f"before {report.cutoff.isoformat()}",
                 detail="; ".join(f"{report.deleted[kind]} {kind}" for kind in report.KINDS))
    db.session.commit()
    return report


# Counting ------------------------------------------------------------------------------------

@dataclass
class _Theming:
    """One response's themes and sentiment, from its items."""

    codes: set[str] = field(default_factory=set)
    compounds: list[float] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    by_code: dict[str, list[tuple[float, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, codes: Iterable[str], compound: float, sentiment: str) -> None:
        self.compounds.append(compound)
        self.labels.append(sentiment)
        for code in codes:
            self.codes.add(code)
            self.by_code[code].append((compound, sentiment))


def _sentiment(pairs: list[tuple[float, str]]) -> tuple[float, str]:
    """One response's sentiment from its items: the mean compound, and the most
    common label (neutral on a tie, or with no free text)."""
    if not pairs:
        return 0.0, "neutral"
    ranked = Counter(label for _, label in pairs).most_common()
    label = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else "neutral"
    return sum(compound for compound, _ in pairs) / len(pairs), label


def _add_response(report: PurgeReport, key: tuple, theming: _Theming | None) -> None:
    source, consultation_id, service_id, submitted_on = key
    month = submitted_on.replace(day=1)
    theming = theming or _Theming()
    pairs = list(zip(theming.compounds, theming.labels, strict=True))
    for code, code_pairs in [(ALL, pairs)] + sorted(theming.by_code.items()):
        compound, label = _sentiment(code_pairs)
        count = report.aggregates.setdefault((source, consultation_id, service_id, month, code), AggregateCount())
        count.add(compound, label)


def _themings(scope: Scope, cutoff: date) -> dict[int, _Theming]:
    """response id -> themes and sentiment of its items older than `cutoff`
    (`coded_items`: staff coding, else the latest run); items no run saw and no
    one coded are matched against the current codebook now."""
    coded = [c for c in coded_items(scope, hidden_too=True) if c.item.submitted_on < cutoff]
    run = latest_run(scope.key)
    seen = {ref for chunk in _chunks([c.item.ref for c in coded]) for ref in db.session.scalars(
        select(ThemeRunItem.ref).where(ThemeRunItem.run_id == run.id, ThemeRunItem.ref.in_(chunk)))} if run else set()
    unseen = [c for c in coded if c.item.ref not in seen and not c.staff_coded]
    matched = current_codebook().match([c.item.text for c in unseen]) if unseen else []
    found_now = {c.item.ref: [m.code for m in matches] for c, matches in zip(unseen, matched, strict=True)}
    themings: dict[int, _Theming] = defaultdict(_Theming)
    for c in coded:
        themings[c.item.response_id].add(found_now.get(c.item.ref, c.codes), c.compound, c.sentiment)
    return themings


def _count_feedback(report: PurgeReport) -> None:
    old = db.session.execute(
        select(FeedbackResponse.id, FeedbackResponse.service_id, FeedbackResponse.submitted_on, FeedbackResponse.hidden)
        .where(FeedbackResponse.submitted_on < report.cutoff)
        .order_by(FeedbackResponse.submitted_on)).all()
    themings: dict[int, _Theming] = {}
    for quarter in sorted({quarter_of(day) for _, _, day, _ in old}):
        themings.update(_themings(feedback_quarter(quarter), report.cutoff))
    months = {f"{day.year}-{day.month:02d}" for _, _, day, _ in old}
    kept = {month: _kept_month(month) for month in months}
    for response_id, service_id, day, hidden in old:
        members, themes = kept[f"{day.year}-{day.month:02d}"]
        if members is None:  # no report has counted the month: as it stands
            counted, theming = not hidden, themings.get(response_id)
        else:  # as the month counts it, though hidden or re-themed since
            counted = members.get(str(response_id), "hidden") != "hidden"
            theming = _kept_theming(themes[str(response_id)]) if str(response_id) in themes \
                else themings.get(response_id)
        if counted:
            _add_response(report, ("feedback", None, service_id, day), theming)


def _kept_month(month: str) -> tuple[dict | None, dict]:
    """Who a month counts and their themes, as reports last counted them (`webapp.revisions.MEMBERS`,
    `THEMES`), or (None, {}) for a month no report has counted: the purge counts what they count,
    or a report asked for afresh after it would differ from one kept before by a change held back
    (board review)."""
    members = revisions.kept(f"feedback:{month}", revisions.MEMBERS)
    themes = revisions.kept(f"feedback:{month}", revisions.THEMES)
    return (members[0] if members else None), (themes[0] if themes else {})


def _kept_theming(answers: dict) -> _Theming:
    theming = _Theming()
    for theme in answers.values():
        theming.add(theme["codes"], theme["compound"], theme["sentiment"])
    return theming


def _count_consultations(report: PurgeReport) -> None:
    consultations = db.session.execute(
        select(Consultation.id, Consultation.slug).join(ConsultationResponse)
        .where(ConsultationResponse.submitted_on < report.cutoff).distinct()).all()
    for consultation_id, slug in consultations:
        themings = _themings(consultation_scope(slug), report.cutoff)
        old = db.session.execute(
            select(ConsultationResponse.id, ConsultationResponse.submitted_on)
            .where(ConsultationResponse.consultation_id == consultation_id,
                   ConsultationResponse.submitted_on < report.cutoff,
                   ConsultationResponse.hidden.is_(False))).all()
        for response_id, day in old:
            _add_response(report, ("consultation", consultation_id, None, day), themings.get(response_id))


def _store_aggregates(aggregates: dict) -> None:
    """Add the counts to the month's rows (a daily purge adds to a month many times)."""
    for (source, consultation_id, service_id, month, code), count in aggregates.items():
        row = db.session.scalar(select(ThemeAggregate).where(
            ThemeAggregate.source == source, ThemeAggregate.month == month, ThemeAggregate.theme_code == code,
            ThemeAggregate.consultation_id.is_(None) if consultation_id is None
            else ThemeAggregate.consultation_id == consultation_id,
            ThemeAggregate.service_id.is_(None) if service_id is None else ThemeAggregate.service_id == service_id))
        if row is None:
            row = ThemeAggregate(source=source, consultation_id=consultation_id, service_id=service_id,
                                 month=month, theme_code=code, responses=0, sentiment_sum=0.0,
                                 positive=0, neutral=0, negative=0)
            db.session.add(row)
        row.responses += count.responses
        row.sentiment_sum = round(row.sentiment_sum + count.sentiment_sum, 4)
        row.positive += count.positive
        row.neutral += count.neutral
        row.negative += count.negative
    db.session.flush()


# Deleting ------------------------------------------------------------------------------------

def _chunks(values: list) -> Iterable[list]:
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def _delete_where(model, column, values: list) -> int:
    deleted = 0
    for chunk in _chunks(values):
        deleted += db.session.execute(delete(model).where(column.in_(chunk))).rowcount
    return deleted


def _delete(report: PurgeReport) -> None:
    from webapp.themes.vectors import orphaned_refs  # NumPy: only a purge needs it, not the web app

    feedback_ids = list(db.session.scalars(
        select(FeedbackResponse.id).where(FeedbackResponse.submitted_on < report.cutoff)))
    response_ids = list(db.session.scalars(
        select(ConsultationResponse.id).where(ConsultationResponse.submitted_on < report.cutoff)))
    answer_ids = [answer_id for chunk in _chunks(response_ids) for answer_id in db.session.scalars(
        select(Answer.id).where(Answer.response_id.in_(chunk)))]
    refs = ([feedback_ref(i, name) for i in feedback_ids for name in FREE_TEXT_FIELDS]
            + [answer_ref(i) for i in answer_ids])
    run_ids = {run_id for chunk in _chunks(refs) for run_id in db.session.scalars(
        select(ThemeRunItem.run_id).where(ThemeRunItem.ref.in_(chunk)).distinct())}

    deleted = report.deleted
    deleted["staff codings"] = _delete_where(StaffCoding, StaffCoding.ref, refs)
    deleted["theme run items"] = _delete_where(ThemeRunItem, ThemeRunItem.ref, refs)
    deleted["published quotes"] = _delete_where(PublishedQuote, PublishedQuote.ref, refs)
    # With any kept after their answer went (an embedding job that was running).
    deleted["answer vectors"] = _delete_where(TextVector, TextVector.ref, refs + orphaned_refs())
    deleted["consultation answers"] = _delete_where(Answer, Answer.response_id, response_ids)
    deleted["consultation responses"] = _delete_where(ConsultationResponse, ConsultationResponse.id, response_ids)
    deleted["feedback responses"] = _delete_where(FeedbackResponse, FeedbackResponse.id, feedback_ids)
    revisions.forget(feedback_ids)
    # A run whose items have all gone only holds quotes of purged text.
    emptied = [run_id for run_id in run_ids if not db.session.scalar(
        select(func.count(ThemeRunItem.id)).where(ThemeRunItem.run_id == run_id))]
    _delete_where(EmergentTheme, EmergentTheme.run_id, emptied)
    deleted["theme runs"] = _delete_where(ThemeRun, ThemeRun.id, emptied)


# Reading aggregates back ---------------------------------------------------------------------

def aggregate_counts(scope: Scope) -> dict[str, AggregateCount]:
    """Purged responses' counts for a scope, by theme code ("" = all responses).
    Aggregates are monthly: a feedback scope takes the months whose first day
    falls in it. Codes merged since the purge count under the theme they joined."""
    query = select(ThemeAggregate)
    if scope.kind == "consultation":
        consultation = scope.consultation()
        if consultation is None:
            return {}
        query = query.where(ThemeAggregate.source == "consultation",
                            ThemeAggregate.consultation_id == consultation.id)
    else:
        query = query.where(ThemeAggregate.source == "feedback",
                            ThemeAggregate.month.between(scope.start, scope.end))
    merged = dict(db.session.execute(select(ThemeCode.code, ThemeCode.merged_into)
                                     .where(ThemeCode.merged_into != "")).all())
    counts: dict[str, AggregateCount] = {}
    for row in db.session.scalars(query):
        code = merged.get(row.theme_code, row.theme_code)
        counts.setdefault(code, AggregateCount()).merge(AggregateCount(
            row.responses, row.sentiment_sum, row.positive, row.neutral, row.negative))
    return counts


# Command ------------------------------------------------------------------------------------

@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; change nothing.")
@click.option("--older-than-months", type=click.IntRange(min=1), default=None,
              help="Override the retention period (RETENTION_MONTHS, default 12).")
@with_appcontext
def purge_command(dry_run: bool, older_than_months: int | None) -> None:
    """Count old responses' themes into text-free aggregates, then delete them."""
    for line in purge(older_than_months, dry_run=dry_run).lines():
        click.echo(line)
