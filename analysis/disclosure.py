"""Disclosure control across releases: may a figure be shown, given every
figure Heard has already shown?

Each table protects itself (`analysis.suppression`), but two reports together
can still single people out: subtract one summary from another whose
population differs by two responses and those two responses' themes, service
and equality answers are laid bare. So every figure Heard shows is a count
over a *population* built from fixed atoms (whole calendar months of
feedback, or one whole consultation), and is recorded once shown (the
release ledger, `webapp.disclosure`). A new figure is shown only when nothing
below k can be worked out from it together with what was shown before:

- **Same population, changed count.** A count shown before for the same
  population (it moved when a response was hidden, purged or re-themed, or a
  consultation took another response) may differ from the new one by 0 or by
  k or more, never by 1 to k-1.
- **Overlapping populations.** The populations that were shown this figure
  and overlap the new one (directly or through each other) cut the atoms
  into regions. Every count anyone can work out from the shown counts is a
  combination of regions; the new figure is held back when some union of
  regions would then be pinned to a value from 1 to k-1. Regions that the
  shown counts force to zero (for example because a population and a larger
  one have the same count) are known to be zero and are left out first, so
  an attacker's non-negativity reasoning is covered too.
- **Inconsistent history.** When the latest shown counts of the overlapping
  populations cannot all be true at once (the data changed between them), a
  new figure that makes the system inconsistent is held back.
- **"Fewer than k" is a release too.** It tells a reader the count is from 1
  to k-1 (`SMALL` in the ledger). Two months each "fewer than 5" beside their
  quarter's 8 pin both to 4, so a small figure may read "fewer than k" only
  when the ranges and counts shown for overlapping populations pin nothing
  with it (otherwise it reads "not shown"), and a count is checked against the
  ranges shown before as well as the counts.

Holding back just the figures that moved a little points at them (the
themes of the one response hidden), so a report shown before is not
released again until enough of its responses changed (`webapp.revisions`).

Functions take plain values and return plain values. The linear algebra is
in `analysis.overlap`, imported only when populations overlap, so NumPy and
SciPy load only then (linear programming for the zero regions and, for many
regions, a small integer programme in place of enumeration).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from analysis.board import SMALL, K

Population = frozenset[str]


@dataclass(frozen=True)
class Shown:
    """A count that was shown for a population (an earlier release)."""

    population: Population
    value: int


def withheld(population: Population, figures: Mapping[str, int],
             history: Mapping[str, Sequence[Shown]], k: int = K) -> set[str]:
    """The figures (by key) of a new release over `population` that must be
    held back because of what was shown before. `history` maps a figure key
    to its earlier releases, oldest first."""
    return {key for key, value in figures.items()
            if would_disclose(population, value, history.get(key, ()), k)}


def would_disclose(population: Population, value: int, earlier: Sequence[Shown], k: int = K) -> bool:
    """True when showing `value` for `population` beside the `earlier` shown
    counts of the same figure lets someone work out a count from 1 to k-1.
    `value` is `SMALL` for a figure that would read "fewer than k"."""
    if 0 < value < k:
        return True
    if Shown(population, value) in earlier:
        return False  # already out: showing it again tells no one anything new
    if any(_moved_a_little(value, shown, population, k) for shown in earlier):
        return True
    latest = _latest_per_population(shown for shown in earlier if shown.population != population)
    linked = _connected(population, latest)
    if not linked:
        return False
    return _system_discloses([population] + linked, [value] + [latest[p] for p in linked], k)


def _moved_a_little(value: int, shown: Shown, population: Population, k: int) -> bool:
    """The same population's count moved by 1 to k-1. Beside a range shown
    before, a move is only ever known to lie in a range too."""
    return shown.population == population and SMALL not in (value, shown.value) and 0 < abs(value - shown.value) < k


def _latest_per_population(earlier: Iterable[Shown]) -> dict[Population, int]:
    latest: dict[Population, int] = {}
    for shown in earlier:
        latest[shown.population] = shown.value  # oldest first, so the last one wins
    return latest


def _connected(population: Population, others: Mapping[Population, int]) -> list[Population]:
    """The populations linked to `population` by a chain of overlaps."""
    reached: set[str] = set(population)
    linked: list[Population] = []
    remaining = list(others)
    grew = True
    while grew:
        grew = False
        for other in list(remaining):
            if reached & other:
                linked.append(other)
                reached |= other
                remaining.remove(other)
                grew = True
    return linked


def _system_discloses(populations: Sequence[Population], values: Sequence[int], k: int) -> bool:
    if not any(values):
        return False  # every region is 0: nothing to single anyone out with (a range is never 0)
    from analysis import overlap  # NumPy and SciPy: only once populations overlap

    return overlap.discloses(tuple(populations), tuple(values), k)
