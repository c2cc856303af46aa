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

Functions take plain values and return plain values; SciPy is imported only
when populations overlap (linear programming for the zero regions and, for
many regions, a small integer programme in place of enumeration).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import numpy as np

from analysis.board import K

Population = frozenset[str]
# Enumerating every union of regions costs 2**n; beyond this, an integer programme decides.
ENUMERATE_UP_TO = 14
_TOLERANCE = 1e-7


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
    counts of the same figure lets someone work out a count from 1 to k-1."""
    if 0 < value < k:
        return True
    for shown in earlier:
        if shown.population == population and 0 < abs(value - shown.value) < k:
            return True
    latest = _latest_per_population(shown for shown in earlier if shown.population != population)
    linked = _connected(population, latest)
    if not linked:
        return False
    return _system_discloses([population] + linked, [value] + [latest[p] for p in linked], k)


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


def regions(populations: Sequence[Population]) -> tuple[np.ndarray, list[frozenset[str]]]:
    """(membership matrix: population x region, the regions): atoms grouped
    by which of the populations hold them."""
    by_signature: dict[tuple[bool, ...], set[str]] = {}
    for atom in sorted(set().union(*populations)):
        signature = tuple(atom in p for p in populations)
        by_signature.setdefault(signature, set()).add(atom)
    signatures = list(by_signature)
    matrix = np.array([[sig[i] for sig in signatures] for i in range(len(populations))], dtype=float)
    return matrix, [frozenset(by_signature[sig]) for sig in signatures]


def _system_discloses(populations: Sequence[Population], values: Sequence[int], k: int) -> bool:
    if not any(values):
        return False  # every region is 0: nothing to single anyone out with
    return _cached_system(tuple(populations), tuple(values), k)


@lru_cache(maxsize=4096)
def _cached_system(populations: tuple[Population, ...], values: tuple[int, ...], k: int) -> bool:
    """Many figures of one release share their populations and counts (a
    summary has hundreds of cells), so each system is solved once."""
    matrix, _ = regions(populations)
    counts = np.asarray(values, dtype=float)
    if not _consistent(matrix, counts):
        # Shown without the new figure the history was consistent, or not: either
        # way the new figure would expose a change of data between releases.
        return True
    known_zero = _forced_zero(matrix, counts)
    matrix = matrix[:, ~known_zero]
    if matrix.shape[1] == 0:
        return False
    particular = np.linalg.lstsq(matrix, counts, rcond=None)[0]
    if matrix.shape[1] <= ENUMERATE_UP_TO:
        return _enumerated_disclosure(matrix, particular, k)
    return _integer_programme_disclosure(matrix, particular, k)


def _consistent(matrix: np.ndarray, counts: np.ndarray) -> bool:
    solution = np.linalg.lstsq(matrix, counts, rcond=None)[0]
    return bool(np.allclose(matrix @ solution, counts, atol=1e-6))


def _forced_zero(matrix: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Regions whose count must be 0 for the shown counts to hold (counts are
    never negative): each region's largest possible value, by linear programming."""
    from scipy.optimize import linprog  # only when populations overlap

    zero = np.zeros(matrix.shape[1], dtype=bool)
    for region in range(matrix.shape[1]):
        objective = np.zeros(matrix.shape[1])
        objective[region] = -1.0
        result = linprog(objective, A_eq=matrix, b_eq=counts, bounds=(0, None), method="highs")
        zero[region] = bool(result.status == 0 and -result.fun <= _TOLERANCE)
    return zero


def _null_space(matrix: np.ndarray) -> np.ndarray:
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > singular.max(initial=0.0) * max(matrix.shape) * np.finfo(float).eps).sum())
    return vt[rank:].T


def _enumerated_disclosure(matrix: np.ndarray, particular: np.ndarray, k: int) -> bool:
    """Every union of regions whose count follows from the shown counts (its
    indicator is orthogonal to the null space) is 0 or at least k."""
    null = _null_space(matrix)
    unions = np.array(list(product((0.0, 1.0), repeat=matrix.shape[1]))[1:])
    determined = np.all(np.abs(unions @ null) < 1e-9, axis=1) if null.size else np.ones(len(unions), bool)
    worked_out = np.rint(unions[determined] @ particular)
    return bool(np.any((worked_out > 0) & (worked_out < k)))


def _integer_programme_disclosure(matrix: np.ndarray, particular: np.ndarray, k: int) -> bool:
    """Is there a union of regions (w, 0/1) that is a combination of the shown
    populations (w = matrix.T @ weights) and counts 1 to k-1? A small MILP."""
    from scipy.optimize import Bounds, LinearConstraint, milp  # only for many regions

    n_pops, n_regions = matrix.shape
    # Variables: w (n_regions, binary), then weights (n_pops, free).
    combination = np.hstack([-np.eye(n_regions), matrix.T])
    count = np.concatenate([particular, np.zeros(n_pops)])
    constraints = [LinearConstraint(combination, 0, 0), LinearConstraint(count[None, :], 1 - 1e-6, k - 1 + 1e-6)]
    integrality = np.concatenate([np.ones(n_regions), np.zeros(n_pops)])
    bounds = Bounds(np.concatenate([np.zeros(n_regions), np.full(n_pops, -np.inf)]),
                    np.concatenate([np.ones(n_regions), np.full(n_pops, np.inf)]))
    result = milp(np.zeros(n_regions + n_pops), constraints=constraints, integrality=integrality, bounds=bounds)
    return bool(result.status == 0)
