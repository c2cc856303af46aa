"""What the board summary reads besides theme counts: quotes, emergent themes,
the co-production record, breakdowns and the group's view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from analysis.board import Breakdown, Grouped, count_table
from analysis.redaction import redact
from webapp.equality import REPORT_LABELS
from webapp.extensions import db
from webapp.reports.models import GroupComment, GroupPriority
from webapp.themes.runs import HIGH_CONFIDENCE

QUOTES_PER_THEME = 3
QUOTE_CHARS = (20, 280)


def quotes_by_theme(coded, codes: list[str], n: int = QUOTES_PER_THEME) -> dict[str, tuple[str, ...]]:
    """Up to n quotes per theme: the items staff confirmed or the theming
    was highly confident about (a misfiled quote misleads the board more than
    a missing one), most confident first, from visible responses (hidden ones are never in `coded`), leaving
    out responses with a safeguarding or risk flag and near-duplicates of a
    quote already chosen. Text is redacted when
    stored; redacting again changes nothing and guards older rows."""
    from analysis.text import near_duplicate  # nltk: loaded with the first summary, not at start-up

    wanted = set(codes)
    candidates: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for c in coded:
        if c.item.safeguarding_flag or c.item.risk_flagged:
            continue
        text = " ".join(c.item.text.split())
        if not QUOTE_CHARS[0] <= len(text) <= QUOTE_CHARS[1]:
            continue
        for code in set(c.codes) & wanted:
            score = 1.0 if c.staff_coded else float(c.scores.get(code, 0.0))
            if score >= HIGH_CONFIDENCE:
                candidates[code].append((-score, text))
    quotes = {}
    for code, found in candidates.items():
        chosen: list[str] = []
        for _, text in sorted(found):
            if not any(near_duplicate(text, q) for q in chosen):
                chosen.append(redact(text).text)
            if len(chosen) == n:
                break
        quotes[code] = tuple(chosen)
    return quotes


def pending_emergent(run) -> list[str]:
    """Names of the latest run's emergent themes still awaiting staff review."""
    if run is None:
        return []
    # Runs from before issue 13 could store a theme with no name or words.
    return [e.name for e in run.emergent if e.status == "pending" and e.name.strip() and e.terms]


def change_record(scope) -> list[tuple[date, str]]:
    """What changed because of the group (consultations only)."""
    consultation = scope.consultation()
    if consultation is None:
        return []
    return [(change.recorded_on, change.description)
            for change in sorted(consultation.changes, key=lambda c: (c.recorded_on, c.id))]


def breakdowns(coded, codes: list[str], labels: list[str], k: int) -> list[Breakdown]:
    """Theme x service and theme x each equality group, suppressed."""
    if not codes:
        return []
    from analysis.suppression import breakdown_table  # NumPy: loaded with the first summary
    tables = []
    if any(c.item.service for c in coded):
        tables.append(("Service", [Grouped(c.item.response_id, c.item.service or "Not given", c.codes)
                                   for c in coded]))
    asked = set().union(*(c.item.equality.keys() for c in coded))
    fields = [f for f in REPORT_LABELS if f in asked]
    for field_name in fields:
        tables.append((REPORT_LABELS[field_name],
                       [Grouped(c.item.response_id, c.item.equality.get(field_name, "Not said"), c.codes)
                        for c in coded]))
    result = []
    for title, grouped in tables:
        groups, table = count_table(grouped, codes)
        result.append(breakdown_table(title, labels, groups, table, k))
    return result


@dataclass(frozen=True)
class GroupView:
    priorities: dict[str, int]  # theme code -> members who said it matters most
    comments: dict[str, list[str]]  # theme code -> redacted comments
    total_priorities: int


def group_view(scope_key: str) -> GroupView:
    priorities = dict(db.session.execute(
        select(GroupPriority.theme_code, func.count(GroupPriority.id))
        .where(GroupPriority.scope == scope_key).group_by(GroupPriority.theme_code)).all())
    comments: dict[str, list[str]] = defaultdict(list)
    for comment in db.session.scalars(select(GroupComment).where(GroupComment.scope == scope_key)
                                      .order_by(GroupComment.submitted_on, GroupComment.id)):
        comments[comment.theme_code].append(comment.text)
    return GroupView(priorities, dict(comments), sum(priorities.values()))
