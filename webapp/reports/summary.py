"""The board summary of a scope: themes ranked with count, share, sentiment and
change against the previous period, quotes, flags, breakdowns by service and by
equality group with small-cell suppression, and the service-user group's view.

Counting unit: a *response*. A theme's count is the number of responses with
at least one free-text item coded with it; its share is that count over the
responses with any free text; its mean sentiment is the mean, over those
responses, of the mean compound score of the response's items carrying the
theme (the same rule `webapp.retention` uses for the text-free aggregates
purged responses leave behind, so the two add up).

`summarise_items` and `breakdown_table` are pure functions over plain coded
items so every figure can be checked by hand; `build_summary` reads the
database and calls them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from analysis.suppression import _determined, suppress  # the same solver decides what is safe

K = 5
FEWER = f"fewer than {K}"


# Figures ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ThemeRow:
    code: str
    label: str
    count: int
    shown: str  # the number, or "fewer than 5"
    share: float | None  # None when suppressed
    mean_sentiment: float | None  # None when suppressed or no responses
    sentiment_words: str
    previous_count: int | None  # None when there is no earlier period
    change: int | None  # None when there is no earlier figure or a figure is under 5
    direction: str  # "up", "down", "no change", "new", "no earlier figures"
    change_words: str  # "up 3", "down 2", "no change", "new", "no earlier figures"
    suppressed: bool = False
    quotes: tuple[str, ...] = ()

    @property
    def share_words(self) -> str:
        return "—" if self.share is None else f"{round(self.share * 100)}%"

    @property
    def sentiment_number(self) -> str:
        return "—" if self.mean_sentiment is None else f"{self.mean_sentiment:+.2f}"


@dataclass(frozen=True)
class Breakdown:
    """A theme x group table after suppression: None marks a withheld figure."""

    title: str
    groups: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int | None, ...], int | None], ...]  # (theme label, cells, row total)
    group_totals: tuple[int | None, ...]
    grand_total: int | None
    any_withheld: bool


@dataclass(frozen=True)
class GroupView:
    priorities: dict[str, int]  # theme code -> members who said it matters most
    comments: dict[str, list[str]]  # theme code -> redacted comments
    total_priorities: int


@dataclass
class BoardSummary:
    scope_key: str
    label: str
    kind: str
    responses: int  # responses with any free text (incl. purged, counted)
    purged_responses: int
    items: int
    themes: list[ThemeRow]
    previous_label: str | None = None
    previous_responses: int | None = None
    emergent: list[str] = field(default_factory=list)
    safeguarding_flags: int = 0
    risk_flagged: int = 0
    changes: list[tuple[date, str]] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    group_view: GroupView | None = None
    run_date: date | None = None
    run_learned_from: int = 0
    staff_coded: int = 0
    k: int = K

    def theme(self, code: str) -> ThemeRow | None:
        return next((row for row in self.themes if row.code == code), None)

    @property
    def charted(self) -> list[ThemeRow]:
        """Themes with a figure that may be shown, for charts."""
        return [row for row in self.themes if not row.suppressed and row.count]


def shown_count(count: int, k: int = K) -> str:
    return f"fewer than {k}" if 0 < count < k else str(count)


def sentiment_words(mean: float | None) -> str:
    """A mean compound score (-1..1) in words, so the number is never alone."""
    if mean is None:
        return "not shown"
    if mean >= 0.25:
        return "mostly positive"
    if mean >= 0.05:
        return "slightly positive"
    if mean > -0.05:
        return "mixed or neutral"
    if mean > -0.25:
        return "slightly negative"
    return "mostly negative"


def change_between(count: int, previous: int | None, k: int = K) -> tuple[int | None, str, str]:
    """(change, direction, words). A change is shown only when both figures may
    be: otherwise subtracting would reveal a count under k."""
    if previous is None:
        return None, "no earlier figures", "no earlier figures"
    if previous == 0 and count > 0:
        return None, "new", "new"
    difference = count - previous
    direction = "up" if difference > 0 else "down" if difference < 0 else "no change"
    hidden = 0 < count < k or 0 < previous < k
    if hidden:
        return None, direction, direction
    if difference == 0:
        return 0, direction, direction
    return difference, direction, f"{direction} {abs(difference)}"


@dataclass(frozen=True)
class Coded:
    """The plain facts `summarise_items` needs about one coded free-text item."""

    response_id: int
    codes: tuple[str, ...]
    compound: float


@dataclass(frozen=True)
class Extra:
    """Counts of purged responses (text-free aggregates) for one theme."""

    responses: int
    sentiment_sum: float


def _by_response(items: Iterable[Coded]) -> tuple[set[int], dict[str, dict[int, list[float]]]]:
    responses: set[int] = set()
    by_code: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        responses.add(item.response_id)
        for code in item.codes:
            by_code[code][item.response_id].append(item.compound)
    return responses, by_code


def summarise_items(items: Sequence[Coded], previous_items: Sequence[Coded] | None,
                    labels: Mapping[str, str], k: int = K,
                    extra: Mapping[str, Extra] | None = None,
                    previous_extra: Mapping[str, Extra] | None = None) -> tuple[int, int | None, list[ThemeRow]]:
    """(responses, previous responses, ranked theme rows). `previous_items` is
    None when the scope has no earlier period; `extra` maps code ("" = all
    responses) to purged-response counts."""
    extra = extra or {}
    responses, by_code = _by_response(items)
    total = len(responses) + extra.get("", Extra(0, 0.0)).responses
    previous_total = None
    previous_counts: dict[str, int] = {}
    if previous_items is not None:
        previous_extra = previous_extra or {}
        before, before_by_code = _by_response(previous_items)
        previous_total = len(before) + previous_extra.get("", Extra(0, 0.0)).responses
        previous_counts = {code: len(members) for code, members in before_by_code.items()}
        for code, counted in previous_extra.items():
            if code:
                previous_counts[code] = previous_counts.get(code, 0) + counted.responses
        if not previous_total:
            previous_total = None  # an empty earlier period gives no figures to compare
    codes = set(by_code) | {c for c in extra if c} | set(previous_counts)
    rows = []
    for code in codes:
        members = by_code.get(code, {})
        purged = extra.get(code, Extra(0, 0.0))
        count = len(members) + purged.responses
        sentiment_total = sum(sum(v) / len(v) for v in members.values()) + purged.sentiment_sum
        hidden = 0 < count < k
        mean = round(sentiment_total / count, 4) if count and not hidden else None
        share = round(count / total, 4) if total and not hidden else None
        previous = None if previous_total is None else previous_counts.get(code, 0)
        change, direction, words = change_between(count, previous, k)
        rows.append(ThemeRow(
            code=code, label=labels.get(code, code), count=count, shown=shown_count(count, k),
            share=share, mean_sentiment=mean, sentiment_words=sentiment_words(mean),
            previous_count=previous, change=change, direction=direction, change_words=words,
            suppressed=hidden))
    rows.sort(key=lambda row: (-row.count, row.label.lower(), row.code))
    return total, previous_total, rows


# Breakdowns ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Grouped:
    """One response's group (a service, an age band...) and its themes."""

    response_id: int
    group: str
    codes: tuple[str, ...]


def count_table(grouped: Sequence[Grouped], codes: Sequence[str]) -> tuple[list[str], list[list[int]]]:
    """(groups, theme x group counts of responses)."""
    groups = sorted({g.group for g in grouped}, key=lambda g: (g in ("Not said", "Not given"), g))
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for g in grouped:
        for code in g.codes:
            seen[(code, g.group)].add(g.response_id)
    return groups, [[len(seen[(code, group)]) for group in groups] for code in codes]


def breakdown_table(title: str, labels: Sequence[str], groups: Sequence[str],
                    table: Sequence[Sequence[int]], k: int = K) -> Breakdown:
    """The table with every count under k withheld, and with enough other cells
    and totals withheld (analysis.suppression) that none can be worked out.

    A row's total is its theme's count, which the themes table already shows
    when it is k or more, so those totals are treated as public: when they
    would let a withheld cell be worked out, more cells are withheld. Totals
    under k are withheld; withholding more never reveals anything. Every
    withheld figure reads the same ("fewer than 5"), because telling the
    held-back larger ones apart would narrow down the small ones."""
    if not table or not groups:
        return Breakdown(title, tuple(groups), tuple((label, (), 0) for label in labels), (), 0, False)
    values = np.asarray(table, dtype=int)
    hidden = suppress(table, k=k)
    cells = np.array(hidden.cells, dtype=bool)
    rows = _small(values.sum(axis=1), k)
    cols = np.array(hidden.column_totals, dtype=bool) | _small(values.sum(axis=0), k)
    grand = bool(hidden.grand_total or 0 < values.sum() < k)
    grand = _withhold_until_safe(values, cells, rows, cols, grand, k)

    def shown(value, withheld: bool) -> int | None:
        return None if withheld else int(value)

    shown_rows = tuple(
        (label, tuple(shown(v, w) for v, w in zip(values[i], cells[i])), shown(values[i].sum(), rows[i]))
        for i, label in enumerate(labels))
    column_totals = tuple(shown(values[:, j].sum(), cols[j]) for j in range(len(groups)))
    withheld = bool(cells.any() or rows.any() or cols.any() or grand)
    return Breakdown(title, tuple(groups), shown_rows, column_totals, shown(values.sum(), grand), withheld)


def _small(totals: np.ndarray, k: int) -> np.ndarray:
    return (totals > 0) & (totals < k)


def _withhold_until_safe(values: np.ndarray, cells: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                         grand: bool, k: int) -> bool:
    """Withhold further cells (then column totals, then the grand total) until
    no withheld count under k follows from what is shown. Changes the masks
    in place; returns whether the grand total is withheld."""
    def exposed() -> list[tuple[int, int]]:
        return [(r, c) for r, c in _determined(cells, rows, cols, grand) if 0 < values[r, c] < k]

    while found := exposed():
        r, c = found[0]
        line = {(r, j) for j in range(values.shape[1])} | {(i, c) for i in range(values.shape[0])}
        candidates = sorted(ij for ij in line if not cells[ij])
        if candidates:
            def cost(ij: tuple[int, int]) -> tuple[int, bool, int]:
                cells[ij] = True
                left = len(exposed())
                cells[ij] = False
                return (left, bool(values[ij] == 0), int(values[ij]))

            cells[min(candidates, key=cost)] = True
        elif not cols[c]:
            cols[c] = True
        elif not grand:
            grand = True
        else:
            cols[:] = True  # last resort: show no column totals at all
            if not exposed():
                break
            cells[:] = True
    return grand


def cell_words(value: int | None) -> str:
    return "fewer than 5" if value is None else str(value)


# Building from the database -----------------------------------------------------------------

def _coded(coded_items) -> list[Coded]:
    return [Coded(c.item.response_id, tuple(c.codes), c.compound) for c in coded_items]


def _extra(scope) -> dict[str, Extra]:
    """Purged responses' counts, from webapp.retention's text-free aggregates."""
    from webapp.retention import aggregate_counts

    return {code: Extra(count.responses, count.sentiment_sum)
            for code, count in aggregate_counts(scope).items()}


def build_summary(scope, k: int = K, with_quotes: bool = True) -> BoardSummary:
    """Everything the board summary page and the board pack show for `scope`."""
    from webapp.reports import queries
    from webapp.themes.service import coded_items, latest_run, theme_labels

    labels = theme_labels()
    coded = coded_items(scope)
    previous_scope = scope.previous()
    previous = _coded(coded_items(previous_scope)) if previous_scope else None
    extra = _extra(scope)
    responses, previous_responses, rows = summarise_items(
        _coded(coded), previous, labels, k, extra, _extra(previous_scope) if previous_scope else None)
    if with_quotes:
        quotes = queries.quotes_by_theme(coded, [row.code for row in rows])
        rows = [_with_quotes(row, quotes.get(row.code, ())) for row in rows]
    run = latest_run(scope.key)
    ranked_codes = [row.code for row in rows if row.count]
    ranked_labels = [row.label for row in rows if row.count]
    return BoardSummary(
        scope_key=scope.key, label=scope.label, kind=scope.kind, responses=responses,
        purged_responses=extra.get("", Extra(0, 0.0)).responses,
        items=len(coded), themes=rows,
        previous_label=previous_scope.label if previous_scope else None,
        previous_responses=previous_responses,
        emergent=queries.pending_emergent(run),
        safeguarding_flags=len({c.item.response_id for c in coded if c.item.safeguarding_flag}),
        risk_flagged=len({c.item.response_id for c in coded if c.item.risk_flagged}),
        changes=queries.change_record(scope),
        breakdowns=queries.breakdowns(coded, ranked_codes, ranked_labels, k),
        group_view=queries.group_view(scope.key),
        run_date=run.finished_at.date() if run and run.finished_at else None,
        run_learned_from=run.n_coded if run else 0,
        staff_coded=sum(1 for c in coded if c.staff_coded),
        k=k,
    )


def _with_quotes(row: ThemeRow, quotes: tuple[str, ...]) -> ThemeRow:
    # A theme under k shows no quotes: a handful of quotes could identify someone.
    return replace(row, quotes=() if row.suppressed else quotes)
