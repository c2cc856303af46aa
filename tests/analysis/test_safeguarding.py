"""The safeguarding panel's figures by hand: counts under 5 withheld, and in
each line (reviewed / awaiting; kinds of danger) enough others that neither
one withheld count nor the withheld counts together can be worked out."""

from __future__ import annotations

from itertools import combinations

from analysis.safeguarding import (
    AWAITING_KEY,
    REVIEWED_KEY,
    STAFF_ONLY_LABEL,
    TOTAL_KEY,
    Flagged,
    kind_key,
    panel,
    shown_figures,
    suppress_line,
)


def flagged(categories=(), staff=False, reviewed=False, n=1) -> list[Flagged]:
    return [Flagged(tuple(categories), staff, reviewed) for _ in range(n)]


def test_a_line_with_nothing_small_shows_everything():
    assert suppress_line([10, 7, 0]) == [False, False, False]


def test_one_small_count_takes_the_smallest_other_with_it():
    assert suppress_line([10, 3, 8]) == [False, True, True]


def test_withheld_counts_add_up_to_five_or_more():
    # 1 and 2 are small; together 3, so the smallest other (6) goes too.
    assert suppress_line([1, 2, 6, 9]) == [True, True, True, False]


def test_a_zero_is_withheld_only_when_nothing_else_is_left():
    assert suppress_line([3, 0]) == [True, True]
    assert suppress_line([3, 0, 12]) == [True, False, True]


def test_held_counts_are_protected_like_small_ones():
    assert suppress_line([10, 9, 8], held=[False, True, False]) == [False, True, True]


def test_every_line_of_small_numbers_is_safe():
    """Exhaustively: for every line of up to four counts from 0 to 9, each
    withheld count and the sum of the withheld ones cannot be worked out from
    the total and the shown counts (one withheld alone, or a withheld sum under 5)."""
    for size in range(1, 5):
        for values in combinations(range(10), size):
            withheld = suppress_line(list(values))
            hidden = [v for v, w in zip(values, withheld, strict=True) if w]
            if hidden and sum(values) >= 5:
                assert len(hidden) >= 2 and sum(hidden) >= 5, (values, withheld)


def test_the_panel_counts_and_withholds():
    found = panel(flagged(["weapons"], reviewed=True, n=6) + flagged(["weapons", "strangulation"], n=2)
                  + flagged(["threat_to_kill_or_harm"], n=5) + flagged(staff=True, reviewed=True))
    assert (found.total.value, found.total.shown) == (14, "14")
    assert [(c.label, c.shown) for c in found.review] == [("Reviewed by staff", "7"), ("Awaiting review", "7")]
    kinds = {c.label: (c.value, c.shown) for c in found.kinds}
    # Strangulation 2 and staff-only 1 add up to 3: the smallest other (threat, 5) goes too, and
    # reads "not shown" (issue 14: it is not fewer than 5, so it must not say so).
    assert kinds == {"Threat to kill or harm": (5, "not shown"),
                     "Strangulation, suffocation or choking": (2, "fewer than 5"),
                     "Weapons": (8, "8"), STAFF_ONLY_LABEL: (1, "fewer than 5")}
    assert shown_figures(found) == {TOTAL_KEY: 14, REVIEWED_KEY: 7, AWAITING_KEY: 7, kind_key("weapons"): 8}


def test_a_total_under_five_or_held_back_takes_the_whole_panel():
    small = panel(flagged(["weapons"], n=3))
    assert all(cell.withheld for cell in small.cells) and shown_figures(small) == {}
    held = panel(flagged(["weapons"], n=12), held=frozenset({TOTAL_KEY}))
    assert held.total.shown == "not shown"
    assert all(cell.withheld for cell in held.cells)


def test_reviews_under_five_are_withheld_with_their_partner():
    found = panel(flagged(["suicidal"], reviewed=True, n=2) + flagged(["suicidal"], n=9))
    # The 9 awaiting review is withheld to protect the 2: it reads "not shown", never "fewer than 5".
    assert [c.shown for c in found.review] == ["fewer than 5", "not shown"]
    assert found.total.shown == "11"
