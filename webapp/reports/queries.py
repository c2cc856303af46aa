"""What the board summary reads besides theme counts: quotes, emergent themes,
the co-production record, breakdowns and the group's view."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from sqlalchemy import func, select

from analysis.board import (
    RESPONSES_ROW,
    TOTALS_ROW,
    Breakdown,
    Grouped,
    count_table,
    line_small,
    responses_per_group,
    suppress_row,
)
from analysis.redaction import redact
from webapp.channels import CHANNELS, ONLINE
from webapp.equality import REPORT_LABELS
from webapp.extensions import db
from webapp.reports.models import GroupComment, GroupPriority
from webapp.reports.safeguarding import comment_risk
from webapp.themes.runs import HIGH_CONFIDENCE

QUOTES_PER_THEME = 3
CHANNEL_TITLE = "How responses reached us"
EASY_READ_TITLE = "Version"  # "Themes by version": Easy Read or standard
EASY_READ_GROUPS = ("Easy Read", "Standard")  # how the board reads `Item.easy_read`, True then False
LANGUAGE_TITLE = "Language answered in"
QUOTE_CHARS = (20, 280)


def quotes_by_theme(coded, codes: list[str], n: int = QUOTES_PER_THEME) -> dict[str, tuple[str, ...]]:
    """Up to n quotes per theme: the items staff confirmed or the theming
    was highly confident about (a misfiled quote misleads the board more than
    a missing one), most confident first, from visible responses (hidden ones are never in `coded`), leaving
    out responses with a safeguarding or risk flag and near-duplicates of a
    quote already chosen, for this theme or a higher ranked one (`codes` is
    in rank order), so no quote repeats under several themes. Text is redacted when
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
    used: list[str] = []  # a quote appears under one theme only: the highest ranked that has it
    for code in codes:
        chosen: list[str] = []
        for _, text in sorted(candidates.get(code, ())):
            if not any(near_duplicate(text, q) for q in chosen + used):
                chosen.append(text)
            if len(chosen) == n:
                break
        used += chosen
        if chosen:
            quotes[code] = tuple(redact(text).text for text in chosen)
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


def breakdown_key(title: str, code: str = "*", group: str = "*") -> str:
    """A breakdown figure's key in the release ledger ("*" = a total)."""
    return f"breakdown|{title}|{code}|{group}"


def breakdowns(coded, codes: list[str], labels: list[str], k: int, held: frozenset[str] = frozenset(),
               held_themes: frozenset[str] = frozenset()) -> list[Breakdown]:
    """Theme x service, theme x each equality group and theme x channel, suppressed: cells
    under k, cells the release ledger holds back (`held`, figure keys), and
    the rows of themes whose count it holds back (`held_themes`)."""
    if not codes:
        return []
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
    # By channel once anything was keyed in from paper or with a worker's help (all online says nothing).
    if any(c.item.channel not in ("", CHANNELS[ONLINE]) for c in coded):
        tables.append((CHANNEL_TITLE, [Grouped(c.item.response_id, c.item.channel or CHANNELS[ONLINE], c.codes)
                                       for c in coded]))
    tables.extend(_easy_read_table(coded))
    language = _language_table(coded)
    if language:
        tables.append(language)
    result = []
    for title, grouped in tables:
        groups, table = count_table(grouped, codes)
        mask = (tuple(tuple(breakdown_key(title, code, group) in held for group in groups) for code in codes),
                tuple(breakdown_key(title, code) in held or code in held_themes for code in codes),
                tuple(breakdown_key(title, group=group) in held for group in groups), breakdown_key(title) in held)
        table = _suppressed(title, tuple(labels), tuple(groups), tuple(map(tuple, table)), k, mask, tuple(codes))
        responses, small = _responses_row(title, grouped, groups, k, held)
        result.append(replace(table, responses=responses, small=table.small | small))
    return result


@lru_cache(maxsize=256)
def _suppressed(title: str, labels: tuple, groups: tuple, table: tuple, k: int, held: tuple, codes: tuple) -> Breakdown:
    """`breakdown_table`, once per table and held-back mask: the release loop
    (`summary._release`) asks again after each refusal, mostly for tables it
    did not change, and checking a table against a reader who tells "fewer
    than 5" from "not shown" solves integer programmes."""
    import numpy as np  # with the suppression: loaded with the first summary

    from analysis.suppression import Held, breakdown_table

    cells, rows, columns, grand = held
    mask = Held(cells=np.array(cells, dtype=bool).reshape(len(labels), len(groups)), rows=np.array(rows, dtype=bool),
                columns=np.array(columns, dtype=bool), grand=grand)
    return breakdown_table(title, list(labels), list(groups), [list(row) for row in table], k, held=mask,
                           codes=list(codes))


def _easy_read_table(coded) -> list[tuple[str, list[Grouped]]]:
    """Theme x version (Easy Read or standard), once any response came through Easy
    Read (all standard says nothing); suppressed like every breakdown."""
    if not any(c.item.easy_read for c in coded):
        return []
    easy, standard = EASY_READ_GROUPS
    return [(EASY_READ_TITLE, [Grouped(c.item.response_id, easy if c.item.easy_read else standard, c.codes)
                               for c in coded])]

def _language_table(coded) -> tuple[str, list[Grouped]] | None:
    """Theme x the language a consultation was answered in, once any answer was given in a
    language other than English (all English says nothing); suppressed like the other tables."""
    if not any(c.item.language not in ("", "English") for c in coded):
        return None
    return LANGUAGE_TITLE, [Grouped(c.item.response_id, c.item.language or "English", c.codes) for c in coded]




def _responses_row(title: str, grouped: list[Grouped], groups: list[str], k: int,
                   held: frozenset[str]) -> tuple[tuple[int | None, ...], frozenset[tuple[str, int]]]:
    """Responses from each group, as one row whose total (the summary's
    count of responses) is known: suppressed by `suppress_row`; and which of
    its withheld counts read "fewer than k" (`Breakdown.small`)."""
    counts = responses_per_group(grouped, groups)
    withheld = suppress_row(counts, k, [breakdown_key(title, RESPONSES_ROW, group) in held for group in groups])
    small = frozenset((RESPONSES_ROW, c) for c, tiny in enumerate(line_small(counts, withheld, k)) if tiny)
    return tuple(None if hide else count for count, hide in zip(counts, withheld, strict=True)), small


def breakdown_figures(tables: list[Breakdown]) -> dict[str, int]:
    """Every figure the breakdowns show, by ledger key."""
    shown = {}
    for table in tables:
        for code, (_, cells, total) in zip(table.codes, table.rows, strict=True):
            shown.update((breakdown_key(table.title, code, group), value)
                         for group, value in zip(table.groups, cells, strict=True) if value is not None)
            if total is not None:
                shown[breakdown_key(table.title, code)] = total
        shown.update((breakdown_key(table.title, group=group), value)
                     for group, value in zip(table.groups, table.group_totals, strict=True) if value is not None)
        if table.grand_total is not None:
            shown[breakdown_key(table.title)] = table.grand_total
        shown.update((breakdown_key(table.title, RESPONSES_ROW, group), value)
                     for group, value in zip(table.groups, table.responses, strict=False) if value is not None)
    return shown


def small_figures(tables: list[Breakdown]) -> dict[str, tuple[int, tuple[str, int]]]:
    """Every figure the breakdowns show as "fewer than k", by ledger key:
    (its table's index, its place in `Breakdown.small`)."""
    found = {}
    for index, table in enumerate(tables):
        for row, column in table.small:
            group = table.groups[column] if column >= 0 else "*"
            if row == TOTALS_ROW:
                key = breakdown_key(table.title, group=group)
            else:
                key = breakdown_key(table.title, row, group)
            found[key] = (index, (row, column))
    return found


def without_small(tables: list[Breakdown], places: list[tuple[int, tuple[str, int]]]) -> list[Breakdown]:
    """The tables with the figures at `places` reading "not shown" instead of
    "fewer than k" (the release ledger refused the range)."""
    return [replace(table, small=table.small - {place for at, place in places if at == index})
            for index, table in enumerate(tables)]


@dataclass(frozen=True)
class GroupView:
    priorities: dict[str, int]  # theme code -> members who said it matters most
    comments: dict[str, list[str]]  # theme code -> redacted comments
    total_priorities: int
    # Comments suggesting someone is in danger are never quoted to the board: each theme's
    # row says how many were withheld for safeguarding review, and staff read them in the
    # safeguarding queue (webapp.reports.safeguarding).
    held_for_safeguarding: int = 0
    withheld: dict[str, int] = field(default_factory=dict)  # theme code -> comments withheld


def group_view(scope_key: str) -> GroupView:
    priorities = dict(db.session.execute(
        select(GroupPriority.theme_code, func.count(GroupPriority.id))
        .where(GroupPriority.scope == scope_key).group_by(GroupPriority.theme_code)).all())
    comments: dict[str, list[str]] = defaultdict(list)
    withheld: dict[str, int] = defaultdict(int)
    for comment in db.session.scalars(select(GroupComment).where(GroupComment.scope == scope_key)
                                      .order_by(GroupComment.submitted_on, GroupComment.id)):
        if comment_risk(comment):
            withheld[comment.theme_code] += 1
        else:
            comments[comment.theme_code].append(comment.text)
    return GroupView(priorities, dict(comments), sum(priorities.values()), sum(withheld.values()), dict(withheld))
