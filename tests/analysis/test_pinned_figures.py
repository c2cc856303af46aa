"""`analysis.suppression._pinned` decides which withheld figures a reader can
pin without solving an integer programme where it can: figures on no cycle,
figures the sums force by bounds, figures that move round one cycle, each part
of the table on its own and once per process. Here it is compared, on many
random small tables, with the plain definition: a figure is pinned when no
table fitting what the reader knows has it below or above its true value,
each asked of a solver over the whole table."""

from __future__ import annotations

import random

import numpy as np
import pytest

from analysis import suppression
from analysis.suppression import _pinned, _value

K = 5


def _reference_pinned(values, withheld, small, targets, k):
    """Per target, two feasibility questions to a solver over every withheld
    figure: can it be at most its value less one; at least its value plus one."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    positions = list(withheld)
    index = {p: i for i, p in enumerate(positions)}
    big = 2 * int(values.sum()) + 2 * k
    other = [p for p in positions if p not in small and not 0 < withheld[p] < k]
    n = len(positions) + len(other)  # then one 0/1 per "other": 0, or k or more
    rows, low, high = [], [], []

    def constrain(terms, least, most):
        row = np.zeros(n)
        for i, coefficient in terms:
            row[i] += coefficient
        rows.append(row)
        low.append(least)
        high.append(most)

    n_rows, n_cols = values.shape
    lines = [([("c", r, c) for c in range(n_cols)], ("r", r)) for r in range(n_rows)]
    lines += [([("c", r, c) for r in range(n_rows)], ("k", c)) for c in range(n_cols)]
    lines += [([("r", r) for r in range(n_rows)], ("g",)), ([("k", c) for c in range(n_cols)], ("g",))]
    for parts, whole in lines:
        terms = [(index[p], 1) for p in parts if p in index] + ([(index[whole], -1)] if whole in index else [])
        # The withheld parts less the withheld whole equal the shown whole less the shown parts.
        shown = 0 if whole in index else _value(values, whole)
        shown -= sum(_value(values, p) for p in parts if p not in index)
        if terms:
            constrain(terms, shown, shown)
    for j, p in enumerate(other):
        constrain([(index[p], 1), (len(positions) + j, -k)], 0, np.inf)
        constrain([(index[p], 1), (len(positions) + j, -big)], -np.inf, 0)
    lower, upper = np.zeros(n), np.ones(n)
    for p, i in index.items():
        lower[i], upper[i] = (1, k - 1) if p in small else (0, big)

    def possible(p, least, most):
        bounds_low, bounds_high = lower.copy(), upper.copy()
        bounds_low[index[p]], bounds_high[index[p]] = max(least, lower[index[p]]), min(most, upper[index[p]])
        if bounds_low[index[p]] > bounds_high[index[p]]:
            return False
        result = milp(np.zeros(n), constraints=LinearConstraint(np.array(rows), low, high),
                      integrality=np.ones(n), bounds=Bounds(bounds_low, bounds_high))
        return result.status == 0

    return {p for p in targets
            if not possible(p, -np.inf, withheld[p] - 1) and not possible(p, withheld[p] + 1, np.inf)}


def _random_case(rng: random.Random):
    """A table of counts (mostly small, some zero, some large), a random set
    of withheld figures, some of its small ones reading "fewer than 5", and
    some withheld figures asked about."""
    n_rows, n_cols = rng.randint(1, 4), rng.randint(1, 4)
    values = np.array([[rng.choice((0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 12)) for _ in range(n_cols)]
                       for _ in range(n_rows)])
    figures = [("c", r, c) for r in range(n_rows) for c in range(n_cols)]
    figures += [("r", r) for r in range(n_rows)] + [("k", c) for c in range(n_cols)] + [("g",)]
    share = rng.choice((0.3, 0.5, 0.8))
    withheld = {p: _value(values, p) for p in figures if rng.random() < share}
    small = {p for p, v in withheld.items() if 0 < v < K and rng.random() < 0.8}
    targets = {p for p in withheld if rng.random() < 0.7}
    return values, withheld, small, targets


def test_pinned_figures_match_the_definition_on_random_tables(monkeypatch):
    """300 random tables, some of which need the solver after all, with
    figures pinned and figures free among them."""
    solved = []
    moved = suppression._moved

    def counted(*args):
        solved.append(args)
        return moved(*args)

    monkeypatch.setattr(suppression, "_moved", counted)
    suppression._pinned_in_part.cache_clear()
    asked = pinned_anywhere = 0
    for seed in range(300):
        values, withheld, small, targets = _random_case(random.Random(seed))
        expected = _reference_pinned(values, withheld, small, targets, K)
        assert _pinned(values, withheld, small, targets, K) == expected, (seed, values, withheld, small, targets)
        asked += len(targets)
        pinned_anywhere += len(expected)
    assert solved, "no random table needed the solver"
    assert 0 < pinned_anywhere < asked


@pytest.mark.parametrize("seed", range(3))
def test_the_same_part_is_solved_once(monkeypatch, seed):
    """Asking again about the same table solves nothing again."""
    values, withheld, small, targets = _random_case(random.Random(seed))
    first = _pinned(values, withheld, small, targets, K)
    monkeypatch.setattr(suppression, "_moved", lambda *args: pytest.fail("solved again"))
    monkeypatch.setattr(suppression, "_forced", lambda *args: pytest.fail("bounded again"))
    assert _pinned(values, withheld, small, targets, K) == first
