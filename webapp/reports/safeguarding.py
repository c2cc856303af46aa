"""Safeguarding the board can act on: the summary's safeguarding panel
(flagged responses, how many staff reviewed, the kinds of danger, the trend
over the last four quarters), released through the ledger like every other
count; and the staff queue of flags awaiting review, which holds the group's
comments with danger words as well as respondents' flagged responses.

The panel's figures and their suppression are `analysis.safeguarding`; the
reviews are `webapp.moderation.safeguarding`. The group's comments are read
by the risk detector again when shown (`comment_risk`), so a comment stored
before the detector knew a phrase is still kept off the board's pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import or_, select

from analysis.board import SMALL, K
from analysis.risk import assess
from analysis.safeguarding import Cell, Flagged, Panel, panel, shown_figures, small_keys, without_small
from webapp import disclosure, periods, revisions
from webapp.consultations.models import Consultation, ConsultationResponse
from webapp.extensions import db
from webapp.feedback import questions as bank
from webapp.feedback.models import FeedbackResponse
from webapp.formatters import risk_labels
from webapp.moderation.safeguarding import review_ref, reviews
from webapp.reports import inputs
from webapp.reports.models import GroupComment
from webapp.reports.population import ReportPopulation, population_of
from webapp.staff.models import StaffUser
from webapp.themes.codebook import theme_labels
from webapp.themes.scope import Scope, feedback_quarter, items, parse_scope

TREND_QUARTERS = 4
QUEUE_LIMIT = 100


# The panel -----------------------------------------------------------------------------

def release_panel(population: ReportPopulation, flagged: dict[str, Flagged], k: int = K) -> Panel:
    """The panel for a report's population, from its flagged responses as its
    months counted them (`webapp.reports.inputs`), as last released while fewer
    than k of them changed since (`webapp.revisions`); otherwise checked
    against every figure already shown (a count held back is withheld, and its
    line protected around it: the cells that then show are checked in turn),
    then recorded."""
    by_kind = population.breaks_down  # kinds are a breakdown: never for overlapping periods
    # One record per set of months (the trend reads its total from it too): two would each be released afresh.
    return revisions.revised(population.kept_key, f"panel|by_kind={by_kind}", flagged,
                             lambda: _release_panel(population, list(flagged.values()), by_kind, k),
                             asdict, _load_panel, k)


def _release_panel(population: ReportPopulation, flagged: list[Flagged], by_kind: bool, k: int) -> Panel:
    held: set[str] = set()
    if not population.atoms:
        return panel(flagged, k, by_kind=by_kind)
    disclosure.lock()
    checked: set[str] = set()
    while True:
        found = panel(flagged, k, frozenset(held), by_kind)
        shown = shown_figures(found)
        fresh = {key: value for key, value in shown.items() if key not in checked}
        checked |= fresh.keys()
        refused = disclosure.release(population.atoms, fresh, k)
        if not refused:
            break
        held |= refused
    # Each "fewer than k" is a range released: one the ledger refuses reads "not shown".
    small = small_keys(found)
    refused = disclosure.release_small(population.atoms, small, k)
    disclosure.record(population.atoms, shown | {key: SMALL for key in small if key not in refused})
    return without_small(found, refused)


def _load_panel(kept: dict) -> Panel:
    return Panel(total=Cell(**kept["total"]), review=tuple(Cell(**cell) for cell in kept["review"]),
                 kinds=tuple(Cell(**cell) for cell in kept["kinds"]), by_kind=kept["by_kind"])


@dataclass(frozen=True)
class TrendPoint:
    label: str
    shown: str  # flagged responses: a number, "fewer than 5" or "not shown"


def trend(scope: Scope, today: date | None = None, k: int = K) -> list[TrendPoint]:
    """Flagged responses in each of the last four quarters up to the one the
    report ends in (a quarter under way counts its finished months, as its own
    summary does); none for a consultation, which is one population."""
    if scope.kind != "feedback":
        return []
    quarters = [periods.quarter_of(scope.end)]
    while len(quarters) < TREND_QUARTERS:
        quarters.insert(0, periods.previous_quarter(quarters[0]))
    points = []
    for quarter in quarters:
        population = population_of(feedback_quarter(quarter), today)
        label = _trend_label(quarter, population)
        if population.counted is None:
            points.append(TrendPoint(label, "no finished month"))
            continue
        points.append(TrendPoint(label, _trend_total(population, k)))
    return points


def _trend_label(quarter: str, population: ReportPopulation) -> str:
    """"Jul–Sep 2026"; a quarter under way names the months it counts ("Oct–Nov 2026 so far"),
    so it is not read beside the others as a whole quarter (board review)."""
    start, end = periods.quarter_dates(quarter)
    if population.so_far and population.counted is not None:
        start, end = population.counted.start, population.counted.end
        months = f"{start:%b}" if start.month == end.month else f"{start:%b}–{end:%b}"
        return f"{months} {end.year} so far"
    return f"{start:%b}–{end:%b} {end.year}"


def _trend_total(population: ReportPopulation, k: int) -> str:
    """A quarter's flagged responses, as its own panel shows them."""
    return release_panel(population, inputs.counted_flags(population, items(population.counted, hidden_too=True), k),
                         k).total.shown


# The group's comments ------------------------------------------------------------------

def comment_risk(comment: GroupComment) -> tuple[str, ...]:
    """The danger categories of a group comment: as stored, or as the
    detector reads it now (a comment stored before it knew a phrase)."""
    stored = tuple(c for c in (comment.risk_categories or "").split(",") if c)
    return stored or tuple(assess(comment.text).categories)


# The staff queue -----------------------------------------------------------------------

@dataclass(frozen=True)
class QueueEntry:
    ref: str
    kind: str  # "Feedback", "Consultation", "Service-user group comment"
    where: str  # the service, consultation or report and theme
    submitted_on: date
    texts: list[tuple[str, str]]  # (question, redacted text)
    risks: list[str]  # danger categories in words
    staff_flag: bool
    hidden: bool = False
    reviewed_on: date | None = None
    reviewed_by: str = ""


def queue(show_reviewed: bool = False) -> tuple[list[QueueEntry], int]:
    """Every flag awaiting review (or, with `show_reviewed`, already
    reviewed), newest first, up to QUEUE_LIMIT, and how many there are in
    all. Hidden responses are included: hiding spam does not settle a
    safeguarding concern."""
    entries = _feedback_entries() + _consultation_entries() + _group_entries()
    done = reviews(entry.ref for entry in entries)
    kept = []
    for entry in entries:
        review = done.get(entry.ref)
        if bool(review) != show_reviewed:
            continue
        if review:
            entry = replace(entry, reviewed_on=review.reviewed_on, reviewed_by=_reviewer(review))
        kept.append(entry)
    kept.sort(key=lambda entry: entry.submitted_on, reverse=True)
    return kept[:QUEUE_LIMIT], len(kept)


def _reviewer(review) -> str:
    user = db.session.get(StaffUser, review.reviewed_by_id) if review.reviewed_by_id else None
    return user.email if user else "Former staff member"


def _feedback_entries() -> list[QueueEntry]:
    rows = _all(select(FeedbackResponse).where(or_(FeedbackResponse.risk_flagged.is_(True),
                                                   FeedbackResponse.safeguarding_flag.is_(True))))
    return [QueueEntry(review_ref("feedback", r.id), "Feedback", r.service.name if r.service else "Another service",
                       r.submitted_on,
                       [(bank.QUESTION_TEXT[f], getattr(r, f)) for f in bank.FREE_TEXT_FIELDS if getattr(r, f)],
                       risk_labels(r.risk_categories), r.safeguarding_flag, r.hidden)
            for r in rows]


def _consultation_entries() -> list[QueueEntry]:
    rows = _all(select(ConsultationResponse).where(or_(ConsultationResponse.risk_flagged.is_(True),
                                                       ConsultationResponse.safeguarding_flag.is_(True))))
    titles = {c.id: c.title for c in _all(select(Consultation))}
    return [QueueEntry(review_ref("consultation", r.id), "Consultation", titles.get(r.consultation_id, ""),
                       r.submitted_on,
                       [(a.question.text, a.value) for a in sorted(r.answers, key=lambda a: a.id)
                        if a.question and a.question.kind == "free_text" and a.value],
                       risk_labels(r.risk_categories), r.safeguarding_flag, r.hidden)
            for r in rows]


def _group_entries() -> list[QueueEntry]:
    labels = theme_labels()
    entries = []
    for comment in _all(select(GroupComment)):
        risks = comment_risk(comment)
        if risks:
            where = f"{_scope_label(comment.scope)}, {labels.get(comment.theme_code, comment.theme_code)}"
            entries.append(QueueEntry(review_ref("group", comment.id), "Service-user group comment", where,
                                      comment.submitted_on, [("Comment on a theme", comment.text)],
                                      risk_labels(",".join(risks)), False))
    return entries


def _scope_label(key: str) -> str:
    try:
        return parse_scope(key).label
    except periods.ScopeError:
        return key


def _all(query) -> list:
    return list(db.session.scalars(query))


def flagged_ref_exists(ref: str) -> bool:
    """True when `ref` names a response or group comment with a flag today."""
    kind, _, ident = ref.partition(":")
    if not ident.isdigit():
        return False
    if kind == "feedback":
        found = db.session.get(FeedbackResponse, int(ident))
        return bool(found and (found.risk_flagged or found.safeguarding_flag))
    if kind == "consultation":
        found = db.session.get(ConsultationResponse, int(ident))
        return bool(found and (found.risk_flagged or found.safeguarding_flag))
    if kind == "group":
        found = db.session.get(GroupComment, int(ident))
        return bool(found and comment_risk(found))
    return False
