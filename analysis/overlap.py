"""The linear algebra behind `analysis.disclosure`: which counts can be worked
out from figures shown for overlapping populations.

Atoms are grouped into regions by which populations hold them; a shown count
is a sum over regions, so the shown counts are a linear system. NumPy is
needed only here and SciPy only for the harder cases, so a process that never
checks overlapping populations (a `flask` command, a worker's start) loads
neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import product

import numpy as np

# Enumerating every union of regions costs 2**n; beyond this, an integer programme decides.
ENUMERATE_UP_TO = 14
_TOLERANCE = 1e-7


def regions(populations: Sequence[frozenset[str]]) -> tuple[np.ndarray, list[frozenset[str]]]:
    """(membership matrix: population x region, the regions): atoms grouped
    by which of the populations hold them."""
    by_signature: dict[tuple[bool, ...], set[str]] = {}
    for atom in sorted(set().union(*populations)):
        signature = tuple(atom in p for p in populations)
        by_signature.setdefault(signature, set()).add(atom)
    signatures = list(by_signature)
    matrix = np.array([[sig[i] for sig in signatures] for i in range(len(populations))], dtype=float)
    return matrix, [frozenset(by_signature[sig]) for sig in signatures]

@lru_cache(maxsize=4096)
def discloses(populations: tuple[frozenset[str], ...], values: tuple[int, ...], k: int) -> bool:
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
