"""The board summary's figures: themes ranked with count, share, sentiment and
change against the previous period, and breakdowns by group with small-cell
suppression, as pure functions over plain coded items so every figure can be
checked by hand. The web app's board summary (`webapp.reports.summary`) reads
the database and calls these; so does `python -m analysis themes`.

Counting unit: a *response*. A theme's count is the number of responses with
at least one free-text item coded with it; its share is that count over the
responses with any free text; its mean sentiment is the mean, over those
responses, of the mean compound score of the response's items carrying the
theme (the same rule the web app's retention uses for the text-free
aggregates purged responses leave behind, so the two add up).

No figure under K is shown, and none can be worked out from what is shown:
`analysis.suppression.breakdown_table` withholds what a breakdown must not show.
Nothing here needs NumPy, so the web app can import it at start-up.

A withheld figure reads in one of two ways. "fewer than 5" is a figure from 1
to 4 (primary suppression). "not shown" is a figure withheld so that a small
number elsewhere cannot be worked out (secondary suppression), or that the
release ledger holds back: it may be any number, so a reader never takes a
larger figure for a small one. Telling the two apart tells a reader more, so
suppression protects against that reader (`line_words`, and in breakdowns
`analysis.suppression`): one who takes every "fewer than 5" as 1 to 4 and
every "not shown" as 0 or 5 or more still cannot pin a small figure. Where
nothing more can be withheld to stop that (a line of two groups, one of them
small), the small figures of that line read "not shown" too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

K = 5
FEWER = f"fewer than {K}"
NOT_SHOWN = "not shown"
SMALL = -1  # what a figure shown as "fewer than k" is released as (`analysis.disclosure`): 1 to k-1


# Figures ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ThemeRow:
    code: str
    label: str
    count: int
    shown: str  # the number, "fewer than 5", or "not shown" (held back by the release ledger)
    share: float | None  # None when suppressed
    mean_sentiment: float | None  # None when suppressed or no responses
    sentiment_words: str
    previous_count: int | None  # None when there is no earlier period
    change: int | None  # percentage points of share; None when there is no earlier figure or one is hidden
    direction: str  # "up", "down", "no change", "new", "no earlier figures", "not shown"
    change_words: str  # "up 3 points", "down 2 points", "no change", "new", "no earlier figures"
    suppressed: bool = False
    quotes: tuple[str, ...] = ()
    previous_share: float | None = None  # None when there is no earlier figure or it is hidden

    @property
    def share_words(self) -> str:
        return "—" if self.share is None else f"{round(self.share * 100)}%"

    @property
    def previous_share_words(self) -> str:
        return "—" if self.previous_share is None else f"{round(self.previous_share * 100)}%"

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
    codes: tuple[str, ...] = ()  # the rows' theme codes, in order (figure keys in the release ledger)
    # Responses from each group, each counted once however many themes it has
    # (the cells above count responses per theme, so their column sums count
    # theme mentions); None marks a withheld figure.
    responses: tuple[int | None, ...] = ()
    # The withheld figures that read "fewer than k", by (row, column): a row is
    # a theme code, TOTALS_ROW (theme mentions) or RESPONSES_ROW; column -1 is
    # the "All" column. Every other withheld figure reads "not shown".
    small: frozenset[tuple[str, int]] = frozenset()

    def words(self, value: int | None, row: str, column: int, short: bool = False) -> str:
        """A figure as shown: the number, "fewer than k" or "not shown" (in the
        pack's narrow columns, "<k" or "—")."""
        if value is not None:
            return str(value)
        if (row, column) in self.small:
            return f"<{K}" if short else FEWER
        return "—" if short else NOT_SHOWN

    def lines(self, short: bool = False) -> list[tuple[str, list[str], str]]:
        """(theme label, each group's figure, the theme's total) in words, one per row."""
        return [(label, [self.words(v, key, c, short) for c, v in enumerate(cells)], self.words(total, key, -1, short))
                for key, (label, cells, total) in zip(self.row_keys, self.rows, strict=True)]

    def response_words(self, short: bool = False) -> list[str]:
        return [self.words(v, RESPONSES_ROW, c, short) for c, v in enumerate(self.responses)]

    def total_words(self, short: bool = False) -> tuple[list[str], str]:
        """(each group's theme mentions, all theme mentions) in words."""
        return ([self.words(v, TOTALS_ROW, c, short) for c, v in enumerate(self.group_totals)],
                self.words(self.grand_total, TOTALS_ROW, -1, short))

    @property
    def row_keys(self) -> tuple[str, ...]:
        return self.codes if len(self.codes) == len(self.rows) else tuple(label for label, _, _ in self.rows)

    @property
    def any_not_shown(self) -> bool:
        """Whether any withheld figure reads "not shown" (the table then explains it)."""
        cells = [(key, c, v) for key, (_, values, total) in zip(self.row_keys, self.rows, strict=True)
                 for c, v in [*enumerate(values), (-1, total)]]
        cells += [(TOTALS_ROW, c, v) for c, v in [*enumerate(self.group_totals), (-1, self.grand_total)]]
        cells += [(RESPONSES_ROW, c, v) for c, v in enumerate(self.responses)]
        return any(v is None and (key, c) not in self.small for key, c, v in cells)


TOTALS_ROW = "*"  # a breakdown's theme mentions row (not a theme code: codes are slugs)
RESPONSES_ROW = "(responses)"  # its responses row


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


def change_between(share: float | None, previous: float | None, hidden: bool = False) -> tuple[int | None, str, str]:
    """(change in percentage points, direction, words), comparing shares so
    that periods of different sizes (a quarter still under way) compare like
    for like. `previous` is None when there is no earlier period. A change is
    put in figures only when both shares may be shown (`hidden` otherwise):
    with the totals, a change in points would give back a count under k, and
    so would its direction, which then reads "not shown"."""
    if previous is None:
        return None, "no earlier figures", "no earlier figures"
    share = share or 0.0
    if previous == 0 and share > 0:
        return None, "new", "new"
    if hidden:
        # Even "up" or "down" bounds a hidden count beside the two totals ("down" from 4 of
        # 21 with 6 of 35 says the 4 was at least 4), so nothing is said.
        return None, NOT_SHOWN, NOT_SHOWN
    points = round((share - previous) * 100)
    direction = "up" if points > 0 else "down" if points < 0 else "no change"
    if points == 0:
        return 0, direction, direction
    return points, direction, f"{direction} {abs(points)} {'point' if abs(points) == 1 else 'points'}"


def withhold_row(row: ThemeRow, previous_too: bool = False) -> ThemeRow:
    """A theme row whose count the release ledger holds back (it would give
    away a small number beside an earlier report): no count, share,
    sentiment or change. `previous_too` when the earlier period's count is
    the one held back: only the change and the earlier share go."""
    said = row.direction in ("new", "no earlier figures")  # a 0 before, or nothing before: no count bounded
    change = replace(row, change=None, direction=row.direction if said else NOT_SHOWN,
                     change_words=row.change_words if said else NOT_SHOWN, previous_share=None)
    if previous_too:
        return change
    return replace(change, shown=FEWER if 0 < row.count < K else NOT_SHOWN, share=None, mean_sentiment=None,
                   sentiment_words=sentiment_words(None), suppressed=True, quotes=())


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
        row = ThemeRow(code=code, label=labels.get(code, code), count=count, shown=shown_count(count, k),
                       share=share, mean_sentiment=mean, sentiment_words=sentiment_words(mean),
                       previous_count=None, change=None, direction="", change_words="", suppressed=hidden)
        previous = None if previous_total is None else previous_counts.get(code, 0)
        rows.append(beside_earlier(row, total, previous, previous_total, k))
    rows.sort(key=lambda row: (-row.count, row.label.lower(), row.code))
    return total, previous_total, rows


def beside_earlier(row: ThemeRow, total: int, previous: int | None, previous_total: int | None,
                   k: int = K) -> ThemeRow:
    """The row with the earlier period's count, its share and the change in
    share (`change_between`); `previous` is None when there is no earlier period."""
    previous_share = None if previous is None or not previous_total else round(previous / previous_total, 4)
    previous_hidden = previous is not None and 0 < previous < k
    change, direction, words = change_between(row.count / total if total else 0.0, previous_share,
                                              hidden=0 < row.count < k or previous_hidden)
    return replace(row, previous_count=previous, change=change, direction=direction, change_words=words,
                   previous_share=None if previous_hidden else previous_share)


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


def responses_per_group(grouped: Sequence[Grouped], groups: Sequence[str]) -> list[int]:
    """Responses in each group, each counted once (not once per theme)."""
    members: dict[str, set[int]] = defaultdict(set)
    for g in grouped:
        members[g.group].add(g.response_id)
    return [len(members[group]) for group in groups]


def suppress_row(counts: Sequence[int], k: int = K, held: Sequence[bool] | None = None) -> list[bool]:
    """Which counts of one row whose total is known elsewhere to withhold:
    every count under k and every one `held` (the release ledger), then, if
    any is withheld, the smallest others until at least two are withheld,
    they add up to k or more and no small one can be pinned by a reader who
    tells "fewer than k" from "not shown" (`line_words`). When that cannot be
    done, every count is withheld, zeros too (one group holding all the
    responses would be given away)."""
    held = held or [False] * len(counts)
    withheld = [0 < count < k or hold for count, hold in zip(counts, held, strict=True)]
    while any(withheld) and not line_protected(counts, withheld, k):
        shown = [(count, i) for i, (count, hide) in enumerate(zip(counts, withheld, strict=True))
                 if not hide and count > 0]
        if not shown:
            return [True] * len(counts)
        withheld[min(shown)[1]] = True
    return withheld


def line_protected(values: Sequence[int], withheld: Sequence[bool], k: int = K) -> bool:
    """Whether the withheld counts of a line whose total is known are safe:
    at least two, adding up to k or more, and no count from 1 to k-1 pinned
    (`line_small`: a reader who knows which read "fewer than k" cannot tell
    any of them exactly)."""
    hidden = [value for value, hide in zip(values, withheld, strict=True) if hide]
    if not hidden:
        return True
    return len(hidden) >= 2 and sum(hidden) >= k and line_small(values, withheld, k) == _small(values, withheld, k)


def _small(values: Sequence[int], withheld: Sequence[bool], k: int) -> list[bool]:
    return [hide and 0 < value < k for value, hide in zip(values, withheld, strict=True)]


def line_small(values: Sequence[int], withheld: Sequence[bool], k: int = K) -> list[bool]:
    """Which withheld counts of a line (whose total is known) may read "fewer
    than k"; the others read "not shown". A reader knows the withheld counts'
    sum; each "fewer than k" is 1 to k-1 and each "not shown" 0 or k or more.
    Every small count may say so unless one of them would then be pinned to a
    single value; then none of the line's do (each reads "not shown", which
    says nothing about its size)."""
    small = _small(values, withheld, k)
    if not any(small):
        return small
    hidden = sum(value for value, hide in zip(values, withheld, strict=True) if hide)
    # Every small count is in the same place: 1 to k-1, beside the others' sum.
    others_small, others_not_shown = sum(small) - 1, sum(withheld) - sum(small)
    possible = [v for v in range(1, k) if _reachable(hidden - v, others_small, others_not_shown, k)]
    return small if len(possible) >= 2 else [False] * len(values)


def _reachable(total: int, small: int, not_shown: int, k: int) -> bool:
    """Whether `small` counts of 1 to k-1 and `not_shown` counts each 0 or k
    or more can add up to `total`."""
    if small <= total <= small * (k - 1):
        return True
    return not_shown > 0 and total >= small + k


def line_words(values: Sequence[int], withheld: Sequence[bool], k: int = K) -> list[str]:
    """A line's counts as shown: the number, "fewer than k" or "not shown"."""
    small = line_small(values, withheld, k)
    return [FEWER if tiny else NOT_SHOWN if hide else str(value)
            for value, hide, tiny in zip(values, withheld, small, strict=True)]
