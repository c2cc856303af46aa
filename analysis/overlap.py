"""The linear algebra behind `analysis.disclosure`: which counts can be worked
out from figures shown for overlapping populations.

Atoms are grouped into regions by which populations hold them; a shown count
is a sum over regions, so the shown counts are a linear system. A figure
shown as "fewer than k" bounds its sum to 1..k-1 instead: the bounds are
inequalities, and those that every possible count meets with equality (8
beside two halves each at most 4) join the system. NumPy is
needed only here and SciPy only for the harder cases, so a process that never
checks overlapping populations (a `flask` command, a worker's start) loads
neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import product

import numpy as np

from analysis.board import SMALL

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
    summary has hundreds of cells), so each system is solved once. A value of
    `SMALL` is a range from 1 to k-1."""
    matrix, _ = regions(populations)
    ranged = np.array([value == SMALL for value in values])
    counts = np.asarray(values, dtype=float)
    if ranged.any():
        system = _tightened(matrix[~ranged], counts[~ranged], matrix[ranged], k)
        if system is None:
            return True  # the counts and ranges cannot all hold: the data changed between them
        matrix, counts, known_zero = system
    else:
        if not _consistent(matrix, counts):
            # Shown without the new figure the history was consistent, or not: either
            # way the new figure would expose a change of data between releases.
            return True
        known_zero = _forced_zero(matrix, counts)
    matrix = matrix[:, ~known_zero]
    if matrix.shape[0] == 0 or matrix.shape[1] == 0:
        return False  # nothing is pinned: every count shown is a range none of them forces
    particular = np.linalg.lstsq(matrix, counts, rcond=None)[0]
    if matrix.shape[1] <= ENUMERATE_UP_TO:
        return _enumerated_disclosure(matrix, particular, k)
    return _integer_programme_disclosure(matrix, particular, k)


def _tightened(exact: np.ndarray, counts: np.ndarray, ranged: np.ndarray,
               k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The equalities every possible count meets (the shown counts, then each
    range bound that holds with equality everywhere) and the regions forced to
    0; None when nothing can meet them all. A count fixed on every point of the
    bounded system is fixed by these equalities alone (its affine hull)."""
    n_regions = exact.shape[1]
    # Every inequality as a row of A x <= b: each range's top and bottom, and each region >= 0.
    inequalities = np.vstack([ranged, -ranged, -np.eye(n_regions)])
    limits = np.concatenate([np.full(len(ranged), k - 1.0), np.full(len(ranged), -1.0), np.zeros(n_regions)])
    tight = _implicit_equalities(exact, counts, inequalities, limits)
    if tight is None:
        return None
    top, bottom, known_zero = tight[:len(ranged)], tight[len(ranged):2 * len(ranged)], tight[2 * len(ranged):]
    rows = [*exact, *ranged[top], *ranged[bottom]]
    values = [*counts, *np.full(top.sum(), k - 1.0), *np.ones(bottom.sum())]
    return np.array(rows).reshape(-1, n_regions), np.array(values, dtype=float), known_zero


def _implicit_equalities(exact: np.ndarray, counts: np.ndarray, inequalities: np.ndarray,
                         limits: np.ndarray) -> np.ndarray | None:
    """Which inequalities hold with equality at every point (None: no point
    meets them all). Each round maximises a slack of up to 1 on every one still
    in doubt: one that gets some slack is not implicit, and when none gets any,
    the rest are (a point slack on each of several is slack on all, averaged).
    A round or two instead of a programme per inequality."""
    from scipy.optimize import linprog  # only when populations overlap

    n_regions = inequalities.shape[1]
    doubtful = np.ones(len(inequalities), dtype=bool)
    equalities = {"A_eq": np.hstack([exact, np.zeros((len(exact), len(inequalities)))]), "b_eq": counts} \
        if len(exact) else {}
    while doubtful.any():
        slack = np.diag(doubtful.astype(float))  # a slack variable per inequality, used only when in doubt
        result = linprog(np.concatenate([np.zeros(n_regions), -doubtful.astype(float)]),
                         A_ub=np.hstack([inequalities, slack]), b_ub=limits,
                         bounds=[(None, None)] * n_regions + [(0, 1)] * len(inequalities),
                         method="highs", **equalities)
        if result.status != 0:
            return None
        loose = doubtful & (result.x[n_regions:] > _TOLERANCE)
        if not loose.any():
            break
        doubtful &= ~loose
    return doubtful


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
