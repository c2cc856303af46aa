"""Disclosure control across releases (`analysis.disclosure`), by hand: which
new figures would let someone work out a count from 1 to 4 beside what was
shown before. The attacks on the web app are in
tests/webapp/reports/test_disclosure_attacks.py."""

from __future__ import annotations

import pytest

from analysis.board import SMALL
from analysis.disclosure import Shown, withheld, would_disclose
from analysis.overlap import regions

OCT, NOV, DEC = "feedback:2026-10", "feedback:2026-11", "feedback:2026-12"


def pop(*atoms: str) -> frozenset[str]:
    return frozenset(atoms)


def test_small_counts_are_never_shown():
    assert would_disclose(pop(OCT), 3, [])
    assert not would_disclose(pop(OCT), 0, [])
    assert not would_disclose(pop(OCT), 5, [])


@pytest.mark.parametrize("before, now, disclosed", [(6, 7, True), (6, 10, True), (6, 11, False), (6, 6, False),
                                                    (12, 8, True), (12, 7, False)])
def test_same_population_may_only_move_by_zero_or_five(before, now, disclosed):
    """A response hidden (or added to a consultation) between two releases:
    the difference would be that response's figures."""
    assert would_disclose(pop(OCT), now, [Shown(pop(OCT), before)]) is disclosed


def test_every_earlier_value_of_the_same_population_counts():
    earlier = [Shown(pop(OCT), 6), Shown(pop(OCT), 20)]
    assert would_disclose(pop(OCT), 8, earlier)  # 2 from the first release


@pytest.mark.parametrize("so_far, whole, disclosed", [(10, 12, True), (10, 15, False), (10, 10, False)])
def test_nested_populations_differ_by_zero_or_five(so_far, whole, disclosed):
    """A quarter so far (October, November) and the whole quarter: December's
    count is their difference."""
    assert would_disclose(pop(OCT, NOV, DEC), whole, [Shown(pop(OCT, NOV), so_far)]) is disclosed


def test_smaller_population_after_a_larger_one():
    assert would_disclose(pop(OCT), 9, [Shown(pop(OCT, NOV), 12)])  # November: 3
    assert not would_disclose(pop(OCT), 7, [Shown(pop(OCT, NOV), 12)])


def test_three_overlapping_populations_combine():
    """October+November and November+December shown; October to December would
    give October (12 - 10 = 2) by subtraction."""
    earlier = [Shown(pop(OCT, NOV), 10), Shown(pop(NOV, DEC), 10)]
    assert would_disclose(pop(OCT, NOV, DEC), 12, earlier)
    assert not would_disclose(pop(OCT, NOV, DEC), 20, earlier)  # October 10, December 10, November 0


def test_overlap_alone_pins_nothing():
    """Two overlapping populations alone: October - December is known, but no count."""
    assert not would_disclose(pop(NOV, DEC), 11, [Shown(pop(OCT, NOV), 10)])


def test_populations_that_do_not_overlap_are_independent():
    assert not would_disclose(pop(DEC), 6, [Shown(pop(OCT), 5), Shown(pop(OCT, NOV), 7)])


def test_regions_known_to_be_zero_are_used_like_an_attacker_would():
    """{a,b} = 5 and {a,b,c,d} = 5 force c = d = 0; then {c,e,f} = 8 and {f} = 5
    give e = 3, which no subtraction of whole releases shows without knowing
    that counts are never negative."""
    a, b, c, d, e, f = "a", "b", "c", "d", "e", "f"
    earlier = [Shown(pop(a, b), 5), Shown(pop(a, b, c, d), 5), Shown(pop(c, e, f), 8)]
    assert would_disclose(pop(f), 5, earlier)
    assert not would_disclose(pop(f), 0, earlier)  # e = 8


def test_changed_history_is_not_compared_into_the_open():
    """October shown as 6; a response is hidden; October+November as 12 would
    then claim November = 6 while November itself is shown as 7: the three
    together expose the hidden response."""
    earlier = [Shown(pop(OCT), 6), Shown(pop(OCT, NOV), 12)]
    assert would_disclose(pop(NOV), 7, earlier)
    assert not would_disclose(pop(NOV), 6, earlier)


def test_many_regions_use_the_integer_programme():
    months = [f"m{n:02d}" for n in range(18)]
    # Each month shown on its own (all 5), then everything but one month.
    earlier = [Shown(pop(m), 5) for m in months[1:]]
    everything = pop(*months)
    assert would_disclose(everything, 5 * 17 + 2, earlier)  # the first month: 2
    assert not would_disclose(everything, 5 * 17 + 6, earlier)


def test_withheld_picks_the_figures():
    history = {"theme|housing": [Shown(pop(OCT, NOV), 10)], "theme|police": [Shown(pop(OCT, NOV), 10)]}
    assert withheld(pop(OCT, NOV, DEC), {"theme|housing": 12, "theme|police": 16, "theme|money": 0},
                    history) == {"theme|housing"}


def test_regions_group_atoms_by_membership():
    matrix, found = regions([pop(OCT, NOV), pop(NOV, DEC)])
    assert sorted(map(sorted, found)) == [[OCT], [NOV], [DEC]]
    assert matrix.sum() == 4


def test_a_figure_shown_before_may_be_shown_again_whatever_was_shown_since():
    """A quarter's 40, then July's 20 and August's 17 (which pin nothing small
    in September, 3, only because the ledger checked each): the quarter's 40 is
    already out, so the same report opened again shows it, not "not shown"."""
    quarter, july, august = pop("m7", "m8", "m9"), pop("m7"), pop("m8")
    earlier = [Shown(quarter, 40), Shown(july, 20), Shown(august, 17)]
    assert would_disclose(quarter, 40, earlier) is False
    assert would_disclose(quarter, 41, earlier) is True  # moved by 1: a response's theme laid bare


JUL, AUG, SEP = "feedback:2026-07", "feedback:2026-08", "feedback:2026-09"
QUARTER, JUL_AUG = pop(JUL, AUG, SEP), pop(JUL, AUG)


def test_two_fewer_than_fives_beside_their_sum_of_eight_are_both_four():
    """The quarter's 8, then July-August "fewer than 5" (September is then 4
    to 7: nothing pinned), then September "fewer than 5" would pin both to 4."""
    earlier = [Shown(QUARTER, 8)]
    assert not would_disclose(JUL_AUG, SMALL, earlier)
    assert would_disclose(pop(SEP), SMALL, [*earlier, Shown(JUL_AUG, SMALL)])


@pytest.mark.parametrize("quarter, disclosed", [(8, True), (2, True), (7, False), (5, False), (0, True), (9, True)])
def test_a_count_beside_ranges_shown_before(quarter, disclosed):
    """July-August and September each "fewer than 5": the quarter's 8 pins both
    to 4 and 2 both to 1; 7 leaves 3+4 or 4+3; 0 or 9 cannot be true beside
    them (the data changed since), which would expose the change."""
    earlier = [Shown(JUL_AUG, SMALL), Shown(pop(SEP), SMALL)]
    assert would_disclose(QUARTER, quarter, earlier) is disclosed


def test_a_range_inside_a_larger_count_pins_nothing_while_the_rest_can_move():
    assert not would_disclose(pop(OCT), SMALL, [Shown(pop(OCT, NOV), 6)])  # November 2 to 5
    assert not would_disclose(pop(OCT), SMALL, [Shown(pop(OCT, NOV), 20)])


def test_a_range_that_cannot_be_true_beside_the_counts_is_not_shown():
    """October+November shown as 10 and later "fewer than 5" for October to
    December: only a change of data could make both true."""
    assert would_disclose(pop(OCT, NOV, DEC), SMALL, [Shown(pop(OCT, NOV), 10)])


def test_ranges_that_meet_their_lower_bound_pin_it():
    """October and November each "fewer than 5", then the two together as 2: both 1."""
    earlier = [Shown(pop(OCT), SMALL), Shown(pop(NOV), SMALL)]
    assert would_disclose(pop(OCT, NOV), 2, earlier)
    assert not would_disclose(pop(OCT, NOV), 5, earlier)


def test_a_range_shown_again_for_the_same_population_tells_nothing_new():
    earlier = [Shown(QUARTER, 8), Shown(JUL_AUG, SMALL)]
    assert not would_disclose(JUL_AUG, SMALL, earlier)


def test_a_range_and_a_count_of_the_same_population_are_not_compared_as_a_move():
    """October read "fewer than 5", then 7 (responses came in): the move is 3
    to 6, a range; only two counts give a move in figures."""
    assert not would_disclose(pop(OCT), 7, [Shown(pop(OCT), SMALL)])
    assert not would_disclose(pop(OCT), SMALL, [Shown(pop(OCT), 7)])
