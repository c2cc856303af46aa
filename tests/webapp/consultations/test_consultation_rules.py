"""The consultation rules (lifecycle, show-a-page-if, meaning lock, access codes)
as plain functions: no app or database needed."""

from dataclasses import dataclass
from datetime import date

import pytest

from webapp import access_codes
from webapp.consultations import rules
from webapp.consultations.rules import PageRule, RuleError

OPENS, CLOSES = date(2026, 12, 1), date(2027, 1, 31)


@pytest.mark.parametrize("current, target", [
    ("draft", "review"), ("review", "draft"), ("review", "open"),
    ("open", "closed"), ("closed", "published"),
])
def test_allowed_transitions(current, target):
    rules.check_transition(current, target, question_count=3, opens_on=OPENS, closes_on=CLOSES)


@pytest.mark.parametrize("current, target", [
    ("draft", "open"), ("draft", "closed"), ("draft", "published"), ("review", "closed"),
    ("open", "draft"), ("open", "review"), ("open", "published"), ("closed", "open"),
    ("published", "closed"), ("published", "draft"), ("draft", "archived"),
])
def test_invalid_transitions_are_refused(current, target):
    with pytest.raises(RuleError):
        rules.check_transition(current, target, question_count=3, opens_on=OPENS, closes_on=CLOSES)


def test_opening_needs_questions_and_sensible_dates():
    with pytest.raises(RuleError, match="at least one question"):
        rules.check_transition("draft", "review", question_count=0)
    with pytest.raises(RuleError, match="opening and closing dates"):
        rules.check_transition("review", "open", question_count=1, opens_on=OPENS)
    with pytest.raises(RuleError, match="on or after"):
        rules.check_transition("review", "open", question_count=1, opens_on=CLOSES, closes_on=OPENS)


@pytest.mark.parametrize("status, today, expected", [
    ("open", date(2026, 12, 15), "open"),
    ("open", OPENS, "open"),
    ("open", CLOSES, "open"),
    ("open", date(2026, 11, 30), "not-yet-open"),
    ("open", date(2027, 2, 1), "closed"),
    ("closed", date(2026, 12, 15), "closed"),
    ("published", date(2026, 12, 15), "closed"),
    ("draft", date(2026, 12, 15), "not-found"),
    ("review", date(2026, 12, 15), "not-found"),
])
def test_availability_for_respondents(status, today, expected):
    assert rules.availability(status, OPENS, CLOSES, today=today) == expected




def _pages():
    @dataclass(frozen=True)
    class P(PageRule):
        question_ids: tuple = ()

    return [P(1, question_ids=(10,)),
            P(2, show_if_question_id=10, show_if_value="Yes", question_ids=(20,)),
            P(3, show_if_question_id=20, show_if_value="Refuge", question_ids=(30,)),
            P(4, question_ids=(40,))]


def test_show_if_skips_pages_whose_condition_is_not_met():
    pages = _pages()
    assert [p.id for p in rules.visible_pages(pages, {})] == [1, 4]
    assert [p.id for p in rules.visible_pages(pages, {"10": "No"})] == [1, 4]
    assert [p.id for p in rules.visible_pages(pages, {"10": "Yes"})] == [1, 2, 4]
    assert [p.id for p in rules.visible_pages(pages, {"10": "Yes", "20": ["Refuge", "Police"]})] == [1, 2, 3, 4]


def test_a_page_depending_on_a_hidden_page_is_hidden_too():
    # Answered 20 while page 2 was shown, then changed 10 to "No": page 3 goes too.
    assert [p.id for p in rules.visible_pages(_pages(), {"10": "No", "20": "Refuge"})] == [1, 4]


def test_condition_must_point_backwards_at_a_real_choice():
    rules.check_condition((0, 0), 1, "Yes", ("Yes", "No"))
    with pytest.raises(RuleError, match="earlier page"):
        rules.check_condition((2, 0), 2, "Yes", ("Yes", "No"))
    with pytest.raises(RuleError, match="Choose one"):
        rules.check_condition((0, 0), 1, "Maybe", ("Yes", "No"))


def test_options_are_cleaned_and_fixed_scales_have_their_own():
    assert rules.normalise_options("single", ["  Refuge ", "", "Police", "Refuge"]) == ["Refuge", "Police"]
    assert rules.normalise_options("yes_no", ["ignored"]) == []
    assert rules.normalise_options("scale10", ["ignored"]) == []
    with pytest.raises(RuleError, match="at least 2"):
        rules.check_question("multiple", ["Only one"], None)
    with pytest.raises(RuleError, match="character limit"):
        rules.check_question("free_text", [], 0)
    rules.check_question("free_text", [], 500)


QUESTION = {"kind": "single", "options": ["Yes", "No"], "required": True, "char_limit": None,
            "text": "Did you feel safe?", "hint": ""}


def test_unlocked_questions_change_freely():
    assert rules.check_edit(False, QUESTION, {**QUESTION, "kind": "free_text", "text": "New"}) == []


def test_meaning_lock_refuses_changes_of_meaning_once_responses_exist():
    for change in ({"kind": "multiple"}, {"options": ["Yes", "No", "Not sure"]},
                   {"required": False}, {"char_limit": 200}):
        with pytest.raises(RuleError, match="already answered"):
            rules.check_edit(True, QUESTION, {**QUESTION, **change})


def test_wording_fixes_are_allowed_and_returned_for_the_record():
    changes = rules.check_edit(True, QUESTION, {**QUESTION, "text": "Did you feel safe there?",
                                                "hint": "Think about the first visit."})
    assert changes == [("text", "Did you feel safe?", "Did you feel safe there?"),
                       ("hint", "", "Think about the first visit.")]


def test_access_codes_are_friendly_and_stored_hashed():
    code = access_codes.new_access_code()
    words = code.split("-")
    assert len(words) == 3 and all(word in access_codes.code_words() for word in words)
    stored = access_codes.hash_access_code(code)
    assert code not in stored and normalise(code) not in stored
    assert access_codes.access_code_matches(code, stored)
    assert access_codes.access_code_matches(f"  {code.lower().replace('-', ' ')} ", stored)
    assert not access_codes.access_code_matches(code + "s", stored)
    assert not access_codes.access_code_matches("", stored)
    assert not access_codes.access_code_matches(code, "")
    assert access_codes.hash_access_code(code) != stored  # a fresh salt each time


def test_an_access_code_hash_keeps_its_scrypt_cost():
    """A hash made under a cheap test cost, a script's default cost or the older
    `salt$hex` form (always SCRYPT_N) matches wherever it is checked."""
    code = access_codes.new_access_code()
    cheap = access_codes.hash_access_code(code, n=2**4)
    assert cheap.startswith("16$") and access_codes.access_code_matches(code, cheap)
    salt = "0123456789abcdef"
    older = access_codes.hash_access_code(code, salt, access_codes.SCRYPT_N).split("$", 1)[1]
    assert older.count("$") == 1 and access_codes.access_code_matches(code, older)
    for tampered in (f"15${salt}$00", f"{2**30}${salt}$00", f"x${salt}$00", f"16${salt}", f"²${salt}$00"):
        assert not access_codes.access_code_matches(code, tampered)


def normalise(code: str) -> str:
    return access_codes.normalise_code(code)


@dataclass
class _Page:
    id: int
    question_ids: tuple
    show_if_question_id: int | None = None


def test_a_page_order_that_puts_a_condition_before_its_answer_is_found():
    first, second, third = _Page(1, (10,)), _Page(2, (20,), show_if_question_id=10), _Page(3, (30,))
    assert rules.condition_out_of_order([first, second, third]) is None
    assert rules.condition_out_of_order([first, third, second]) is None
    assert rules.condition_out_of_order([second, first, third]) == (second, first)


@pytest.mark.parametrize("value, old, new, expected", [
    ("Yes", ("Yes", "No"), ("Yes", "No", "Maybe"), "Yes"),          # still offered
    ("Yes", ("Yes", "No"), ("Yes, often", "No"), "Yes, often"),     # renamed in place
    ("Yes", ("Yes", "No"), ("No",), None),                          # removed
    ("Yes", ("Yes", "No"), ("No", "Yes please"), None),             # reordered and renamed: ambiguous
    ("Yes", ("Yes", "No"), (), None),                               # no longer a choice question
])
def test_a_condition_follows_a_renamed_answer_but_not_a_removed_one(value, old, new, expected):
    assert rules.follow_condition(value, old, new) == expected
