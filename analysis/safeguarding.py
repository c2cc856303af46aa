"""The board's safeguarding panel as figures: flagged responses, how many
staff have reviewed, and the kinds of danger found, with small counts
withheld so that none can be worked out from the rest.

A response is *flagged* when the risk detector (`analysis.risk`) found danger
words in it when it was sent, or staff flagged it for safeguarding. The panel
shows three things about the flagged responses of one population:

- how many there are (the total);
- how many staff have reviewed and how many await review: two counts that
  add up to the total;
- how many show each kind of danger, and how many staff flagged with no
  danger words found. A response can show several kinds, so these add up to
  the total or more; they are protected as if they added up exactly (the
  worst case for an attacker who guesses that each response shows one kind).

In each line (review, kinds) a count from 1 to k-1 is withheld, and so is a
count the release ledger holds back; then, if anything in a line is withheld,
further counts (the smallest first) until at least two are withheld, the
withheld counts add up to k or more, and no small one can be pinned by a
reader who tells "fewer than 5" from "not shown" (`analysis.board.line_protected`).
A withheld count from 1 to k-1 reads "fewer than 5"; one withheld to protect
it, or held back by the ledger, reads "not shown". A total that is itself
withheld takes the whole panel with it: beside the lines it would be
bounded from them. Plain values in, plain values out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from analysis.board import FEWER, NOT_SHOWN, K, line_protected, line_small
from analysis.risk import CATEGORIES

KEY = "safeguarding|{}"
TOTAL_KEY = KEY.format("flagged")
REVIEWED_KEY, AWAITING_KEY = KEY.format("reviewed"), KEY.format("awaiting")
STAFF_ONLY_KEY = KEY.format("staff-only")
STAFF_ONLY_LABEL = "Flagged by staff, no danger words found"


def kind_key(category: str) -> str:
    return KEY.format(f"kind|{category}")


@dataclass(frozen=True)
class Flagged:
    """One flagged response, as the panel counts it."""

    categories: tuple[str, ...]  # analysis.risk categories found when it was sent
    staff_flag: bool
    reviewed: bool


@dataclass(frozen=True)
class Cell:
    key: str  # the release ledger's figure key
    label: str
    value: int
    withheld: bool = False
    held: bool = False  # withheld because the release ledger held it back
    small: bool = False  # withheld and reads "fewer than k" (`analysis.board.line_small`)

    @property
    def shown(self) -> str:
        if not self.withheld:
            return str(self.value)
        return FEWER if self.small else NOT_SHOWN


@dataclass(frozen=True)
class Panel:
    total: Cell
    review: tuple[Cell, Cell]  # reviewed, awaiting review
    kinds: tuple[Cell, ...]  # each kind of danger found, in analysis.risk's order, then staff-only flags
    by_kind: bool = True  # False: the population may overlap others, so no kinds line (`panel`)

    @property
    def withheld_any(self) -> bool:
        return any(cell.withheld for cell in self.cells)

    @property
    def not_shown_any(self) -> bool:
        return any(cell.shown == NOT_SHOWN for cell in self.cells)

    @property
    def cells(self) -> tuple[Cell, ...]:
        return (self.total, *self.review, *self.kinds)


def suppress_line(values: Sequence[int], k: int = K, held: Sequence[bool] | None = None) -> list[bool]:
    """Which counts of a line whose total is known to withhold: those from 1
    to k-1 and those held, then the smallest others until the line is safe
    (`line_protected`) or nothing is left (a withheld zero reads like any
    other withheld count, so it protects too, but adds nothing to the sum)."""
    held = list(held) if held is not None else [False] * len(values)
    withheld = [0 < value < k or hold for value, hold in zip(values, held, strict=True)]
    if not any(withheld):
        return withheld
    others = sorted((i for i, hidden in enumerate(withheld) if not hidden),
                    key=lambda i: (values[i] == 0, values[i]))
    while others and not line_protected(values, withheld, k):
        withheld[others.pop(0)] = True
    return withheld


def counted_as(flag: Flagged) -> tuple:
    """What one flagged response adds to the panel's figures: its kinds (or a
    staff flag alone), and whether it was reviewed. A staff flag beside danger
    words already found adds nothing."""
    return tuple(sorted(flag.categories)), flag.staff_flag and not flag.categories, flag.reviewed


def panel(flagged: Sequence[Flagged], k: int = K, held: frozenset[str] = frozenset(),
          by_kind: bool = True) -> Panel:
    """The panel for one population's flagged responses; `held` are figure
    keys the release ledger holds back. Without `by_kind` there is no kinds
    line: the ledger checks each figure on its own, and across overlapping
    populations a kind withheld in one line can follow from the others' (a
    kind in one month from the quarter's and two months' counts), and a small
    one beside it from the month's total. The review line needs no such care:
    its two counts are shown or withheld together and add up to the total, so
    whatever follows for one follows for the other from figures the ledger checks."""
    total = len(flagged)
    reviewed = sum(1 for f in flagged if f.reviewed)
    counts = {code: sum(1 for f in flagged if code in f.categories) for code in CATEGORIES}
    kinds = [(kind_key(code), label, counts[code]) for code, label in CATEGORIES.items() if counts[code]]
    staff_only = sum(1 for f in flagged if f.staff_flag and not f.categories)
    if staff_only:
        kinds.append((STAFF_ONLY_KEY, STAFF_ONLY_LABEL, staff_only))
    if not by_kind:
        kinds = []
    total_withheld = 0 < total < k or TOTAL_KEY in held
    review = [(REVIEWED_KEY, "Reviewed by staff", reviewed), (AWAITING_KEY, "Awaiting review", total - reviewed)]
    return Panel(
        total=Cell(TOTAL_KEY, "Flagged responses", total, total_withheld, TOTAL_KEY in held, 0 < total < k),
        review=tuple(_line(review, k, held, total_withheld)),
        kinds=tuple(_line(kinds, k, held, total_withheld)), by_kind=by_kind)


def _line(cells: list[tuple[str, str, int]], k: int, held: frozenset[str], all_withheld: bool) -> list[Cell]:
    values = [value for _, _, value in cells]
    withheld = ([True] * len(cells) if all_withheld
                else suppress_line(values, k, [key in held for key, _, _ in cells]))
    # With the total withheld too, nothing adds up to a known figure: each count under k may say
    # so (a 0 too: it is fewer than k, and "not shown" beside a small total would say it is 0).
    small = ([value < k for value in values] if all_withheld else line_small(values, withheld, k))
    return [Cell(key, label, value, hidden, key in held, tiny)
            for (key, label, value), hidden, tiny in zip(cells, withheld, small, strict=True)]


def without_small(found: Panel, keys: Iterable[str]) -> Panel:
    """The panel with the cells of `keys` reading "not shown" instead of
    "fewer than k" (the release ledger refused the range)."""
    keys = set(keys)

    def relabelled(cell: Cell) -> Cell:
        return replace(cell, small=False) if cell.key in keys else cell

    return Panel(relabelled(found.total), tuple(map(relabelled, found.review)), tuple(map(relabelled, found.kinds)),
                 found.by_kind)


def shown_figures(found: Panel) -> dict[str, int]:
    """The counts the panel shows, by ledger key."""
    return {cell.key: cell.value for cell in found.cells if not cell.withheld}


def small_keys(found: Panel) -> list[str]:
    """The cells that read "fewer than k", by ledger key."""
    return [cell.key for cell in found.cells if cell.withheld and cell.small]
