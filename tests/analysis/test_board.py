"""The board summary's figures (`analysis.board`): a hand-computed fixture, and
suppression (`analysis.suppression.breakdown_table`) that never reveals a count
under 5, directly or by subtraction. The same figures read from the database
are tested in tests/webapp/reports/test_board_summary.py."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.board import (
    Coded,
    Extra,
    Grouped,
    change_between,
    count_table,
    responses_per_group,
    sentiment_words,
    summarise_items,
    suppress_row,
)
from analysis.suppression import breakdown_table

LABELS = {"access": "Getting help", "staff": "Staff attitude", "wait": "Waiting times",
          "cost": "Costs"}

# Eleven responses with text. By hand (a response counts once per theme; its
# sentiment for a theme is the mean of its items carrying the theme):
#   staff : r1 -0.3, r3 -0.6, r8 -0.5, r9 -0.4, r10 -0.1, r11 +0.3 -> 6, mean -1.6/6
#   access: r1 mean(0.5, -0.3)=0.1, r2 0.2, r5 0.4, r6 -0.2, r7 0.1 -> 5, mean 0.6/5
#   wait  : r8 -> 1 (fewer than 5)
CURRENT = [
    Coded(1, ("access",), 0.5), Coded(1, ("access", "staff"), -0.3),
    Coded(2, ("access",), 0.2), Coded(3, ("staff",), -0.6), Coded(4, (), 0.0),
    Coded(5, ("access",), 0.4), Coded(6, ("access",), -0.2), Coded(7, ("access",), 0.1),
    Coded(8, ("staff",), -0.5), Coded(8, ("wait",), -0.8), Coded(9, ("staff",), -0.4),
    Coded(10, ("staff",), -0.1), Coded(11, ("staff",), 0.3),
]
# Nine earlier responses: access 8, staff 3, cost 6, wait 0.
PREVIOUS = ([Coded(i, ("access",), 0.1) for i in range(101, 109)]
            + [Coded(i, ("staff",), 0.1) for i in range(101, 104)]
            + [Coded(i, ("cost",), 0.1) for i in range(104, 110)])


def test_hand_computed_figures():
    total, previous_total, rows = summarise_items(CURRENT, PREVIOUS, LABELS)
    assert (total, previous_total) == (11, 9)
    assert [row.code for row in rows] == ["staff", "access", "wait", "cost"]
    staff, access, wait, cost = rows

    assert (staff.count, staff.shown, staff.share) == (6, "6", round(6 / 11, 4))
    assert staff.mean_sentiment == round(-1.6 / 6, 4) and staff.sentiment_words == "mostly negative"
    # Change compares shares (55% now, 33% before); 3 earlier is under 5, so
    # the size of the rise would reveal it, and even "up" would bound it: not shown.
    assert (staff.previous_count, staff.change, staff.direction, staff.change_words) == (
        3, None, "not shown", "not shown")
    assert staff.previous_share is None

    assert (access.count, access.shown, access.share) == (5, "5", round(5 / 11, 4))
    assert access.mean_sentiment == 0.12 and access.sentiment_words == "slightly positive"
    # 5 of 11 (45%) against 8 of 9 (89%): down 43 points, though the count fell by only 3.
    assert (access.change, access.direction, access.change_words) == (-43, "down", "down 43 points")
    assert access.previous_share_words == "89%"

    assert (wait.count, wait.shown, wait.share, wait.mean_sentiment) == (1, "fewer than 5", None, None)
    assert wait.suppressed and wait.direction == "new" and wait.change_words == "new"

    assert (cost.count, cost.shown, cost.share) == (0, "0", 0.0)
    assert (cost.change, cost.change_words) == (-67, "down 67 points")
    assert staff.label == "Staff attitude" and staff.share_words == "55%"


def test_purged_aggregates_add_to_counts_and_sentiment():
    extra = {"": Extra(4, -0.4), "access": Extra(2, 0.4)}
    total, _, rows = summarise_items(CURRENT, None, LABELS, extra=extra)
    access = next(row for row in rows if row.code == "access")
    assert total == 15
    assert (access.count, access.share, access.mean_sentiment) == (7, round(7 / 15, 4), round(1.0 / 7, 4))
    assert access.previous_count is None and access.change_words == "no earlier figures"


def test_consultation_without_earlier_period_and_empty_earlier_period():
    _, previous_total, rows = summarise_items(CURRENT, [], LABELS)
    assert previous_total is None
    assert all(row.direction == "no earlier figures" for row in rows)


@pytest.mark.parametrize("share, previous, hidden, expected", [
    (0.5, 0.2, False, (30, "up", "up 30 points")), (0.2, 0.21, False, (-1, "down", "down 1 point")),
    (0.4, 0.4, False, (0, "no change", "no change")), (0.3, 0.0, False, (None, "new", "new")),
    (0.3, None, False, (None, "no earlier figures", "no earlier figures")),
    (0.1, 0.5, True, (None, "not shown", "not shown")), (0.3, 0.0, True, (None, "new", "new")),
    (0.0, 0.0, False, (0, "no change", "no change")),
])
def test_change_words_compare_shares(share, previous, hidden, expected):
    assert change_between(share, previous, hidden) == expected


@pytest.mark.parametrize("mean, words", [
    (0.3, "mostly positive"), (0.1, "slightly positive"), (0.0, "mixed or neutral"),
    (-0.1, "slightly negative"), (-0.25, "mostly negative"), (None, "not shown")])
def test_sentiment_words(mean, words):
    assert sentiment_words(mean) == words


def test_count_table_counts_responses_once():
    grouped = [Grouped(1, "Refuge", ("a",)), Grouped(1, "Refuge", ("a", "b")), Grouped(2, "Not said", ("b",)),
               Grouped(3, "Advice line", ("a",))]
    groups, table = count_table(grouped, ["a", "b"])
    assert groups == ["Advice line", "Refuge", "Not said"]
    assert table == [[1, 1, 0], [0, 1, 1]]


def _solvable(table, shown) -> list[tuple[int, int]]:
    """Withheld cells an attacker can pin down from what is shown: a withheld
    cell is determined when it is fixed by the published row/column/grand
    totals and shown cells (linear algebra over the unknowns)."""
    n_rows, n_cols = len(table), len(table[0])
    unknown = [("c", r, c) for r in range(n_rows) for c in range(n_cols) if shown.rows[r][1][c] is None]
    unknown += [("r", r, -1) for r in range(n_rows) if shown.rows[r][2] is None]
    unknown += [("k", -1, c) for c in range(n_cols) if shown.group_totals[c] is None]
    if shown.grand_total is None:
        unknown.append(("g", -1, -1))
    index = {u: i for i, u in enumerate(unknown)}
    equations = []
    for r in range(n_rows):  # sum of row cells - row total = 0
        eq = np.zeros(len(unknown))
        for c in range(n_cols):
            if ("c", r, c) in index:
                eq[index[("c", r, c)]] = 1
        if ("r", r, -1) in index:
            eq[index[("r", r, -1)]] = -1
        equations.append(eq)
    for c in range(n_cols):
        eq = np.zeros(len(unknown))
        for r in range(n_rows):
            if ("c", r, c) in index:
                eq[index[("c", r, c)]] = 1
        if ("k", -1, c) in index:
            eq[index[("k", -1, c)]] = -1
        equations.append(eq)
    for kind, length in (("r", n_rows), ("k", n_cols)):  # totals add up to the grand total
        eq = np.zeros(len(unknown))
        for i in range(length):
            key = (kind, i, -1) if kind == "r" else (kind, -1, i)
            if key in index:
                eq[index[key]] = 1
        if ("g", -1, -1) in index:
            eq[index[("g", -1, -1)]] = -1
        equations.append(eq)
    matrix = np.array(equations) if unknown else np.zeros((0, 0))
    if not unknown:
        return []
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for (kind, r, c), i in index.items():
        if kind == "c":
            unit = np.zeros(len(unknown))
            unit[i] = 1
            if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
                found.append((r, c))
    return found


tables = st.integers(1, 5).flatmap(lambda rows: st.integers(1, 5).flatmap(
    lambda cols: st.lists(st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 9, 20]), min_size=cols, max_size=cols),
                          min_size=rows, max_size=rows)))


@settings(max_examples=300, deadline=None)
@given(tables)
def test_suppression_never_reveals_a_small_cell(table):
    labels = [f"theme {i}" for i in range(len(table))]
    groups = [f"group {j}" for j in range(len(table[0]))]
    shown = breakdown_table("Service", labels, groups, table)
    for (_label, cells, total), row in zip(shown.rows, table, strict=True):
        for value, original in zip(cells, row, strict=True):
            # Directly: every figure under 5 (but not 0) is withheld.
            assert value is None or not 0 < value < 5
            assert value is None or value == original
        assert total is None or not 0 < total < 5
        # A theme's count of 5 or more is in the themes table anyway, so its row shows it.
        assert total == sum(row) or sum(row) < 5
    assert all(t is None or not 0 < t < 5 for t in shown.group_totals)
    assert shown.grand_total is None or not 0 < shown.grand_total < 5
    # By subtraction: no withheld count under 5 follows from what is shown
    # (the row totals shown are the theme counts the themes table shows anyway).
    for r, c in _solvable(table, shown):
        assert not 0 < table[r][c] < 5, f"withheld cell {(r, c)} of {table} can be worked out: {shown}"


def test_breakdown_example_shows_fewer_than_5():
    table = [[3, 10], [7, 12]]
    shown = breakdown_table("Age", ["A", "B"], ["18-24", "25-34"], table)
    assert shown.rows[0][1][0] is None and shown.any_withheld
    # Its partners are withheld too, so the 3 cannot be worked out from totals.
    assert [cell for _, cells, _ in shown.rows for cell in cells].count(None) >= 2
    assert _solvable(table, shown) == []


# Responses per group (issue 14, part 3: breakdown totals say what they count) ---------------

def test_responses_per_group_count_each_response_once():
    grouped = [Grouped(1, "Refuge", ("housing", "children")), Grouped(1, "Refuge", ("money",)),
               Grouped(2, "Refuge", ("housing",)), Grouped(3, "Advice", ())]
    assert responses_per_group(grouped, ["Advice", "Refuge"]) == [1, 2]
    _, table = count_table(grouped, ["housing", "children", "money"])
    assert sum(row[1] for row in table) == 4  # theme mentions at the refuge, not its 2 responses


@pytest.mark.parametrize("counts, held, withheld", [
    ([12, 7, 9, 20], None, [False] * 4),  # nothing small: all shown
    ([12, 3, 9, 20], None, [False, True, True, False]),  # the 3, and the next smallest so it cannot be subtracted
    ([12, 1, 2, 20], None, [True, True, True, False]),  # 1 + 2 < 5 would narrow both down: one more goes
    ([0, 3, 0], None, [True, True, True]),  # one group has them all: nothing can protect it
    ([12, 7, 9, 20], [False, True, False, False], [False, True, True, False]),  # held by the ledger
    ([12, 0, 3, 9], None, [False, False, True, True]),  # zeros are shown and protect nothing
], ids=["none-small", "one-small", "small-sum", "one-group", "held", "zeros"])
def test_suppress_row_examples(counts, held, withheld):
    assert suppress_row(counts, held=held) == withheld
    _assert_nothing_to_subtract(counts, withheld)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=8))
def test_suppress_row_leaves_nothing_to_subtract(counts):
    _assert_nothing_to_subtract(counts, suppress_row(counts))


def _assert_nothing_to_subtract(counts: list[int], decided: list[bool]) -> None:
    hidden = [count for count, hide in zip(counts, decided, strict=True) if hide]
    # Nothing under 5 shows, and what is withheld is never one count, nor a sum under 5.
    assert not any(0 < count < 5 and not hide for count, hide in zip(counts, decided, strict=True))
    assert not hidden or (len(hidden) >= 2 and sum(hidden) >= 5) or all(decided)


# "fewer than 5" and "not shown" told apart (issue 14: a cell withheld only to protect
# another is not fewer than 5, so it must not say so) ---------------------------------------

def _line_readings(values, withheld, small, k=5):
    """Every way the withheld counts of a line could be, for a reader who
    knows their sum, that each read "fewer than k" is 1 to k-1, and that each
    other withheld count is 0 or k or more (told, as an oracle, which of those
    are really small counts reading "not shown": those may be anything)."""
    from itertools import product

    hidden = [i for i, hide in enumerate(withheld) if hide]
    total = sum(values[i] for i in hidden)

    def choices(i):
        if small[i]:
            return range(1, k)
        if 0 < values[i] < k:
            return range(total + 1)
        return [0, *range(k, total + 1)]

    for guess in product(*(choices(i) for i in hidden)):
        if sum(guess) == total:
            yield dict(zip(hidden, guess, strict=True))


def test_every_small_line_tells_fewer_from_not_shown_without_pinning_anyone():
    """Exhaustively, every line of up to four counts from 0 to 9 (a breakdown's
    responses row, a safeguarding line, a closed question): the counts under 5
    read "fewer than 5", the others withheld read "not shown", and no count
    under 5 can be pinned by a reader who knows which is which."""
    from itertools import combinations_with_replacement

    from analysis.board import FEWER, NOT_SHOWN, line_small, line_words

    for size in range(1, 5):
        for values in combinations_with_replacement(range(10), size):
            values = list(values)
            withheld = suppress_row(values)
            small = line_small(values, withheld)
            words = line_words(values, withheld)
            for value, hide, tiny, word in zip(values, withheld, small, words, strict=True):
                assert word == (FEWER if tiny else NOT_SHOWN if hide else str(value))
                assert not tiny or 0 < value < 5  # "fewer than 5" is never said of a larger count
            if sum(values) < 5:
                continue  # the total is itself "fewer than 5": nothing adds up to a known figure
            readings = list(_line_readings(values, withheld, small))
            for i, value in enumerate(values):
                if withheld[i] and 0 < value < 5:
                    assert len({reading[i] for reading in readings}) >= 2, (values, withheld, small)


def _labelled_bounds(values, table, k=5):
    """(position, true value, low, high) of every withheld figure of a
    breakdown under 5, for the reader `_line_readings` describes, over the
    whole table (cells, row, column and grand totals), by integer programming."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    values = np.asarray(values)
    n_rows, n_cols = values.shape
    figures = {("c", r, c): (cell, values[r, c], table.codes[r] if table.codes else table.rows[r][0], c)
               for r, (_, cells, _) in enumerate(table.rows) for c, cell in enumerate(cells)}
    figures |= {("r", r): (total, values[r].sum(), table.codes[r] if table.codes else label, -1)
                for r, (label, _, total) in enumerate(table.rows)}
    figures |= {("k", c): (total, values[:, c].sum(), "*", c) for c, total in enumerate(table.group_totals)}
    figures[("g",)] = (table.grand_total, values.sum(), "*", -1)
    unknown = [p for p, (shown, *_) in figures.items() if shown is None]
    index = {p: i for i, p in enumerate(unknown)}
    big = 2 * int(values.sum()) + 10
    secondary = [p for p in unknown if not 0 < figures[p][1] < k]
    n = len(unknown) + len(secondary)
    rows, low, high = [], [], []

    def equation(parts, whole):
        row, value = np.zeros(n), 0.0
        for p in parts:
            if p in index:
                row[index[p]] += 1
            else:
                value -= figures[p][0]
        if whole in index:
            row[index[whole]] -= 1
        else:
            value += figures[whole][0]
        rows.append(row)
        low.append(value)
        high.append(value)

    for r in range(n_rows):
        equation([("c", r, c) for c in range(n_cols)], ("r", r))
    for c in range(n_cols):
        equation([("c", r, c) for r in range(n_rows)], ("k", c))
    equation([("r", r) for r in range(n_rows)], ("g",))
    equation([("k", c) for c in range(n_cols)], ("g",))
    for j, p in enumerate(secondary):
        for coefficient, lo, hi in ((-k, 0, np.inf), (-big, -np.inf, 0)):
            row = np.zeros(n)
            row[index[p]], row[len(unknown) + j] = 1, coefficient
            rows.append(row)
            low.append(lo)
            high.append(hi)
    lower, upper = np.zeros(n), np.ones(n)
    for p, i in index.items():
        _, _, key, column = figures[p]
        lower[i], upper[i] = (1, k - 1) if (key, column) in table.small else (0, big)
    found = []
    for p in unknown:
        if not 0 < figures[p][1] < k:
            continue
        bounds = []
        for sign in (1, -1):
            objective = np.zeros(n)
            objective[index[p]] = sign
            result = milp(objective, constraints=LinearConstraint(np.array(rows), low, high),
                          integrality=np.ones(n), bounds=Bounds(lower, upper))
            assert result.status == 0, "the truth is a solution"
            bounds.append(sign * result.fun)
        found.append((p, figures[p][1], *bounds))
    return found


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=3).flatmap(
    lambda n_rows: st.lists(st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 20]), min_size=2, max_size=3)
                            .map(tuple), min_size=n_rows, max_size=n_rows)
    .filter(lambda rows: len({len(row) for row in rows}) == 1)))
def test_breakdowns_say_fewer_than_5_only_of_small_figures_and_pin_none(table):
    labels = [f"theme {i}" for i in range(len(table))]
    shown = breakdown_table("Group", labels, [f"g{j}" for j in range(len(table[0]))], [list(row) for row in table],
                            codes=[f"t{i}" for i in range(len(table))])
    values = np.asarray(table)
    for r, (_, cells, _) in enumerate(shown.rows):
        for c, cell in enumerate(cells):
            if (f"t{r}", c) in shown.small:
                assert cell is None and 0 < values[r, c] < 5
            if cell is None and not 0 < values[r, c] < 5:
                assert shown.words(cell, f"t{r}", c) == "not shown"
    for position, value, low, high in _labelled_bounds(table, shown):
        assert high - low >= 1, (table, shown, position, value)


def test_a_cell_withheld_to_protect_a_small_one_reads_not_shown():
    """Refuge 7 and advice line 1 for one theme: the 1 reads "fewer than 5";
    the 7, withheld only so that the 1 cannot be worked out from the theme's
    total, reads "not shown"."""
    shown = breakdown_table("Service", ["Housing", "Police"], ["Advice", "Refuge"], [[1, 7], [9, 12]],
                            codes=["housing", "police"])
    lines = {label: cells for label, cells, _ in shown.lines()}
    assert lines["Housing"] == ["fewer than 5", "not shown"]
    assert "fewer than 5" not in lines["Police"]
    assert shown.any_not_shown
    assert [cells for label, cells, _ in shown.lines(short=True) if label == "Housing"] == [["<5", "—"]]
