"""Attacks on kept figures (`webapp.revisions`) from a board review: a
quarter is kept after one response is hidden, and the reader then asks for
the same months another way, or the period after it, or the pack. Each must
show the kept figures, not the hidden response's themes as "not shown".

The data: in each month of two quarters, 7 refuge residents (housing, staff),
7 advice-line callers (access, staff) and 6 refuge residents (police); in
August, one man at the refuge (housing, police, money) whose response staff
later hide."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from tests.webapp.helpers import _run
from tests.webapp.reports.test_disclosure_attacks import figures, recovered, respond, small_differences
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.reports.pack import theme_sections
from webapp.reports.population import population_of
from webapp.reports.safeguarding import trend
from webapp.reports.summary import build_summary
from webapp.retention.purge import purge
from webapp.revisions import ReleasedPart
from webapp.themes.codebook import find, merge_theme, retire_theme
from webapp.themes.models import StaffCoding
from webapp.themes.scope import feedback_quarter, feedback_range

Q3 = feedback_quarter("2026Q3")
TODAY = date(2026, 12, 7)
MONTHS = [date(2026, month, 1) for month in range(4, 10)]


@pytest.fixture
def crowd(app_context, app) -> dict:
    refuge, advice = Service(slug="safe-haven", name="Safe Haven Refuge"), Service(slug="advice", name="Advice line")
    db.session.add_all([refuge, advice])
    made: dict = {"responses": []}
    for month in MONTHS:
        for n in range(7):
            made["responses"].append(respond(month + timedelta(days=n), refuge, ["housing", "staff-attitude"],
                                             gender="woman", age_band="35-44"))
            made["responses"].append(respond(month + timedelta(days=n), advice, ["access", "staff-attitude"],
                                             gender="woman", age_band="25-34"))
        for n in range(6):
            made["responses"].append(respond(month + timedelta(days=10 + n), refuge, ["police"],
                                             gender="woman", age_band="35-44"))
    made["man"] = respond(date(2026, 8, 20), refuge, ["housing", "police", "money"], gender="man",
                          age_band="25-34", sexuality="gay-lesbian", disability="yes")
    db.session.commit()
    return made


def month(day: date):
    return feedback_range(day, day + timedelta(days=27))


def themed_by_a_run(crowd) -> list:
    """The crowd's answers themed by a run over the quarter (as in production), not by staff."""
    coded = []
    for response in crowd["responses"] + [crowd["man"]]:
        coding = db.session.scalar(select(StaffCoding).where(
            StaffCoding.ref == feedback_ref(response.id, "what_helped")))
        coded.append((response, list(coding.codes), 0.3))
        db.session.delete(coding)
    _run(Q3, coded)
    db.session.commit()
    return coded


def hide_the_man(crowd: dict) -> None:
    crowd["man"].hidden = True
    db.session.commit()


@pytest.mark.parametrize("other, today", [
    (feedback_range(date(2026, 7, 2), date(2026, 9, 30)), TODAY),  # the same months, another earlier period
    (feedback_range(date(2026, 7, 1), date(2026, 10, 31)), date(2026, 10, 20)),  # reaching into October
])
def test_the_same_months_asked_another_way_read_as_kept(crowd, other, today):
    before = figures(build_summary(Q3, today=today))
    hide_the_man(crowd)
    assert figures(build_summary(Q3, today=today)) == before
    assert figures(build_summary(other, today=today)) == before


def test_a_month_asked_another_way_reads_as_kept(crowd):
    august = figures(build_summary(month(date(2026, 8, 1)), today=TODAY))
    hide_the_man(crowd)
    assert figures(build_summary(feedback_range(date(2026, 8, 15), date(2026, 8, 31)), today=TODAY)) == august


def test_changes_to_the_earlier_period_do_not_count_towards_this_one(crowd):
    before = figures(build_summary(Q3, today=TODAY))
    hide_the_man(crowd)
    for response in crowd["responses"][:4]:  # April's
        response.hidden = True
    db.session.commit()
    assert figures(build_summary(Q3, today=TODAY)) == before


def test_the_period_after_compares_with_the_period_as_its_own_report_showed_it(crowd):
    """June shown with police 6; one June police answer hidden (5), then a
    second (4): July's change column reads June as shown, for every theme."""
    june = month(date(2026, 6, 1))
    police = [r for r in crowd["responses"] if r.submitted_on.month == 6 and "police" in r.what_helped]
    shown = build_summary(june, today=TODAY)
    for response in police[:2]:
        response.hidden = True
    db.session.commit()
    july = build_summary(month(date(2026, 7, 1)), today=TODAY)
    assert july.theme("police").previous_count == shown.theme("police").count == 6
    assert july.previous_responses == shown.responses
    assert all(row.change_words != "not shown" for row in july.themes)


def test_what_staff_checked_is_kept_with_the_counts(crowd):
    """The crowd themed by a run, and only the man's answer checked by staff:
    hiding him must not take "checked by staff" off his themes in the pack."""
    coded = []
    for response in crowd["responses"] + [crowd["man"]]:
        coding = db.session.scalar(select(StaffCoding).where(
            StaffCoding.ref == feedback_ref(response.id, "what_helped")))
        coded.append((response, list(coding.codes), 0.3))
        if response is not crowd["man"]:
            db.session.delete(coding)
    _run(Q3, coded)
    db.session.commit()
    first = build_summary(Q3, today=TODAY)
    hide_the_man(crowd)
    after = build_summary(Q3, today=TODAY)
    assert (after.staff_coded, after.staff_checked) == (first.staff_coded, first.staff_checked) == (1, {
        "housing", "police", "money"})
    assert [s["checked"] for s in theme_sections(after)] == [s["checked"] for s in theme_sections(first)]


def seven_flagged_in_august(crowd) -> list:
    """Staff flag seven of August's crowd: August's responses."""
    august = [r for r in crowd["responses"] if r.submitted_on.month == 8]
    for response in august[:7]:
        response.safeguarding_flag = True
    db.session.commit()
    return august


def test_the_panel_of_the_same_months_asked_another_way_reads_as_kept(crowd):
    august = seven_flagged_in_august(crowd)
    today = date(2026, 10, 20)
    kept = build_summary(Q3, today=today).safeguarding
    points = [point.shown for point in trend(Q3, today=today)]
    august[8].safeguarding_flag = True
    db.session.commit()
    assert build_summary(Q3, today=today).safeguarding == kept
    reaching_october = feedback_range(date(2026, 7, 1), date(2026, 10, 31))
    assert build_summary(reaching_october, today=today).safeguarding.total == kept.total
    assert [point.shown for point in trend(Q3, today=today)] == points


def test_months_first_asked_for_after_a_change_beside_the_kept_quarter(crowd):
    """The quarter kept from before the man was hidden; then its months, never
    asked for before, are released afresh from today's data. Beside the kept
    quarter they cannot all be true, so the ledger holds back the figures that
    disagree: August's housing and police, the man's themes."""
    build_summary(Q3, today=TODAY)
    hide_the_man(crowd)
    months = [build_summary(month(day), today=TODAY) for day in (date(2026, 7, 1), date(2026, 9, 1), date(2026, 8, 1))]
    assert all(row.shown != "not shown" for summary in months for row in summary.themes)


# A second review (after the rework): purged months, and dates over empty months --------------------------

JULY = date(2026, 7, 1)


def test_a_purged_quarter_is_still_checked_and_kept(crowd):
    """Purged whole, a quarter still shows its counts (added back from the
    purge's aggregates): its months stay atoms, so the ledger checks them and
    the record kept before the man was hidden is kept."""
    before = figures(build_summary(Q3, today=TODAY))
    hide_the_man(crowd)
    purge(months=2, today=TODAY)  # cut-off 7 October: all of the quarter
    assert population_of(Q3, TODAY).atoms == {"feedback:2026-07", "feedback:2026-08", "feedback:2026-09"}
    after = figures(build_summary(Q3, today=TODAY))
    assert not small_differences(before, after)


def test_purged_months_cannot_be_differenced(crowd):
    refuge = db.session.scalar(select(Service).where(Service.slug == "safe-haven"))
    for n in range(5):
        respond(JULY + timedelta(days=20 + n), refuge, ["money"], gender="woman", age_band="35-44")
    db.session.commit()
    purge(months=2, today=TODAY)
    quarter, july = build_summary(Q3, today=TODAY), build_summary(month(JULY), today=TODAY)
    # The attacker knows which months each report covers, whatever the ledger took them for.
    assert not recovered([(frozenset({"feedback:2026-07", "feedback:2026-08", "feedback:2026-09"}), figures(quarter)),
                          (frozenset({"feedback:2026-07"}), figures(july))])


def test_no_breakdowns_beside_purged_responses_counts(crowd):
    """Two of 1 July's responses purged: the quarter's theme counts still hold
    them, its breakdowns could not, and the difference would be their themes."""
    purge(months=5, today=date(2026, 12, 2))  # cut-off 2 July
    summary = build_summary(Q3, today=TODAY)
    assert summary.purged_responses and not summary.breakdowns
    assert summary.no_breakdowns_words.startswith("Breakdowns are not shown for a period with responses past")


@pytest.mark.parametrize("kept, other", [
    (Q3, feedback_range(date(2026, 7, 1), date(2026, 10, 31))),  # October has no response
    (feedback_range(date(2026, 4, 1), date(2026, 9, 30)), feedback_range(date(2026, 3, 1), date(2026, 9, 30))),
])
def test_dates_over_empty_months_find_the_kept_record(crowd, kept, other):
    before = figures(build_summary(kept, today=TODAY))
    hide_the_man(crowd)
    assert figures(build_summary(other, today=TODAY)) == before


def test_a_purge_is_no_change_to_what_a_quarter_counts(crowd):
    """The man hidden, then six of July's responses purged (their counts added
    back): one change, so the quarter is kept, not released with the man's
    themes alone moved."""
    before = figures(build_summary(Q3, today=TODAY))
    hide_the_man(crowd)
    purge(months=5, today=date(2026, 12, 4))  # cut-off 4 July
    assert figures(build_summary(Q3, today=TODAY)) == before


def test_staff_confirming_themes_is_no_change_to_what_a_quarter_counts(crowd):
    """The man hidden, then staff confirm a run's themes on five answers: no count moves, so the quarter is kept."""
    coded = themed_by_a_run(crowd)
    before = build_summary(Q3, today=TODAY)
    hide_the_man(crowd)
    in_the_quarter = [(r, codes) for r, codes, _ in coded if r.submitted_on >= JULY and r is not crowd["man"]]
    for response, codes in in_the_quarter[:5]:
        db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=codes))
    db.session.commit()
    after = build_summary(Q3, today=TODAY)
    assert figures(after) == figures(before) and after.staff_coded == before.staff_coded


# Months keep what they counted (`webapp.reports.inputs`) ------------------------------------------------

AUGUST = date(2026, 8, 1)


def test_a_months_panel_first_asked_for_after_a_change_reads_as_the_kept_quarter(crowd):
    """The quarter's panel shown with seven of August's responses flagged; an
    eighth flagged; then August asked for the first time. It counts the seven
    August kept, as the quarter does: not eight beside seven, which would say
    who was flagged since."""
    august = seven_flagged_in_august(crowd)
    today = date(2026, 10, 20)
    kept = build_summary(Q3, today=today).safeguarding
    august[8].safeguarding_flag = True
    db.session.commit()
    alone = build_summary(month(AUGUST), today=today).safeguarding
    assert alone.total.shown == kept.total.shown == "7"


def test_a_month_counts_as_kept_in_a_report_over_more_months(crowd):
    """The man hidden, the quarter shown, then the man shown again, and April
    to September asked for the first time: August counts as the quarter
    counted it, without him, until five of its responses have changed."""
    hide_the_man(crowd)
    before = build_summary(Q3, today=TODAY)
    crowd["man"].hidden = False
    db.session.commit()
    half = build_summary(feedback_range(date(2026, 4, 1), date(2026, 9, 30)), today=TODAY)
    assert half.theme("money") is None or half.theme("money").count == 0
    assert before.theme("money") is None or before.theme("money").count == 0


def test_kept_inputs_hold_no_text(crowd):
    build_summary(Q3, today=TODAY)
    kept = db.session.scalars(select(ReleasedPart).where(ReleasedPart.population == "feedback:2026-08")).all()
    assert {part.part.split("|k=")[0] for part in kept} == {"inputs|members", "inputs|themes", "inputs|flags"}
    stored = " ".join(part.figures + part.state for part in kept)
    assert "Written answer" not in stored
    assert '"money"' in stored  # what the month counted: the man's themes


def test_a_purge_takes_its_responses_out_of_their_months_kept_inputs(crowd):
    build_summary(Q3, today=TODAY)
    purge(months=5, today=date(2026, 12, 4))  # cut-off 4 July
    july = db.session.scalar(select(ReleasedPart).where(ReleasedPart.population == "feedback:2026-07",
                                                        ReleasedPart.part.like("inputs|members%")))
    kept = json.loads(july.figures)
    days = {member["day"] for member in kept.values()}
    assert days and min(days) == "2026-07-04"
    assert [len(state) for state in json.loads(july.state)] == [len(kept)]


def test_a_quarter_kept_before_its_months_kept_inputs_is_still_kept(crowd):
    """Records kept before this release have no month inputs: the first
    inputs counted must still match them, not release every report afresh
    beside its kept figures (the man hidden in between)."""
    before = figures(build_summary(Q3, today=TODAY))
    for part in db.session.scalars(select(ReleasedPart).where(ReleasedPart.part.like("inputs|%"))):
        db.session.delete(part)
    db.session.commit()
    hide_the_man(crowd)
    assert figures(build_summary(Q3, today=TODAY)) == before


# A third review: kinds of change apart, every release remembered -------------------------------------------

def a_run_over_ten_days_of_august(coded) -> None:
    """A run over 1-10 August gives five advice-line answers "information" too."""
    advice = [(r, codes, s) for r, codes, s in coded if r.submitted_on.month == 8 and "access" in codes][:5]
    _run(feedback_range(AUGUST, date(2026, 8, 10)), [(r, codes + ["information"], s) for r, codes, s in advice])
    db.session.commit()


def retire_access(coded) -> None:
    retire_theme(find("access"))
    db.session.commit()


def merge_access_into_information(coded) -> None:
    merge_theme(find("access"), "information")
    db.session.commit()


def groups(summary) -> dict[str, set[str]]:
    return {table.title: set(table.groups) for table in summary.breakdowns}


def held_since(first, later) -> set[str]:
    """Themes shown as a number first and "not shown" later."""
    return {row.code for row in later.themes if row.shown == "not shown"
            and first.theme(row.code) is not None and first.theme(row.code).shown.isdigit()}


@pytest.mark.parametrize("retheme", [a_run_over_ten_days_of_august, retire_access, merge_access_into_information])
def test_retheming_many_answers_brings_in_their_themes_not_a_response_hidden_since(crowd, retheme):
    """Re-theming five of August's answers recounts August's themes, not who
    it counts: the man hidden since stays counted, so neither his themes nor
    his groups (the totals and columns that moved) can be read off."""
    coded = themed_by_a_run(crowd)
    first = build_summary(Q3, today=TODAY)
    hide_the_man(crowd)
    retheme(coded)
    after = build_summary(Q3, today=TODAY)
    assert not held_since(first, after) & {"housing", "police", "money"}
    assert after.responses_shown == first.responses_shown != "not shown"
    assert groups(after) == groups(first)


def test_changes_undone_do_not_count_towards_five(crowd):
    """Five decoys hidden (released again), then shown again and the man
    hidden: one change from the first release, so nothing is released."""
    first = build_summary(Q3, today=TODAY)
    decoys = [r for r in crowd["responses"] if r.submitted_on.month == 8][:5]
    for response in decoys:
        response.hidden = True
    db.session.commit()
    second = build_summary(Q3, today=TODAY)
    for response in decoys:
        response.hidden = False
    hide_the_man(crowd)
    third = build_summary(Q3, today=TODAY)
    # As released with the decoys hidden (what that release held back is the decoys' known limit), not the man's.
    assert figures(third) == figures(second) and groups(third) == groups(first)
    assert third.responses_shown == second.responses_shown != "not shown"


def danger_in_august(crowd) -> list:
    """Seven of August's crowd wrote of suicide, six of weapons, the man of both: August's responses."""
    august = [r for r in crowd["responses"] if r.submitted_on.month == 8]
    for response in august[:7]:
        response.risk_flagged, response.risk_categories = True, "suicidal"
    for response in august[7:13]:
        response.risk_flagged, response.risk_categories = True, "weapons"
    crowd["man"].risk_flagged, crowd["man"].risk_categories = True, "suicidal,weapons"
    db.session.commit()
    return august


def test_the_panel_counts_no_change_that_moves_none_of_its_figures(crowd):
    """Five decoys flagged (released again: 19), then they and the man hidden:
    an unflagged response hidden is no change, so only the man's and the
    decoys' flags have changed since the first release (six), but beside it
    only the man's is new: the panel stays as last shown."""
    today, august = date(2026, 10, 20), danger_in_august(crowd)
    assert build_summary(Q3, today=today).safeguarding.total.shown == "14"
    decoys = august[13:18]
    for response in decoys:
        response.safeguarding_flag = True
    db.session.commit()
    second = build_summary(Q3, today=today).safeguarding
    assert second.total.shown == "19"
    for response in decoys:
        response.hidden = True
    hide_the_man(crowd)
    assert build_summary(Q3, today=today).safeguarding == second


def test_flags_taken_off_count_as_changes(crowd):
    today = date(2026, 10, 20)
    august = seven_flagged_in_august(crowd)
    assert build_summary(Q3, today=today).safeguarding.total.shown == "7"
    for response in august[:7]:
        response.safeguarding_flag = False
    db.session.commit()
    assert build_summary(Q3, today=today).safeguarding.total.shown == "0"


def test_the_first_theme_recounts_themes_not_who_is_counted(crowd):
    """Read before any theming, the man hidden, then one answer coded: the
    themes are counted afresh, but not the hidden response."""
    db.session.execute(delete(StaffCoding))
    db.session.commit()
    first = build_summary(Q3, today=TODAY)
    hide_the_man(crowd)
    one = next(r for r in crowd["responses"] if r.submitted_on.month == 8)
    db.session.add(StaffCoding(ref=feedback_ref(one.id, "what_helped"), codes=["housing"]))
    db.session.commit()
    after = build_summary(Q3, today=TODAY)
    assert after.responses_shown == first.responses_shown == "61"
    assert after.theme("housing").count == 1


def test_a_purge_counts_a_hidden_response_its_month_still_counts(crowd):
    """The man hidden after the quarter was shown, then purged: his month
    still counted him, so the purge's aggregates do too, and months asked for
    afterwards agree with the kept quarter."""
    build_summary(Q3, today=TODAY)
    hide_the_man(crowd)
    purge(months=2, today=TODAY)  # cut-off 7 October: all of the quarter
    months = [build_summary(month(day), today=TODAY) for day in (date(2026, 7, 1), AUGUST, date(2026, 9, 1))]
    assert all(row.shown != "not shown" for summary in months for row in summary.themes)
    assert all(summary.responses_shown != "not shown" for summary in months)


# A fourth review: the purge, quotes, flags that move nothing, answers shown again --------------------------

def test_a_response_shown_again_then_purged_counts_as_its_month_counted_it(crowd):
    """The man hidden before anyone read the quarter, shown again (kept: one
    change), then purged: the purge counts him as August counted him (not at
    all), so August asked for afterwards agrees with the kept quarter."""
    hide_the_man(crowd)
    quarter = build_summary(Q3, today=TODAY)
    crowd["man"].hidden = False
    db.session.commit()
    purge(months=2, today=TODAY)
    assert figures(build_summary(Q3, today=TODAY)) == figures(quarter)
    august = build_summary(month(AUGUST), today=TODAY)
    assert august.theme("money") is None
    assert not {row.code for row in august.themes if row.shown == "not shown"}


def test_a_retheming_held_back_stays_held_back_through_the_purge(crowd):
    themed_by_a_run(crowd)
    build_summary(Q3, today=TODAY)
    db.session.add(StaffCoding(ref=feedback_ref(crowd["man"].id, "what_helped"),
                               codes=["housing", "police", "money", "children"]))
    db.session.commit()
    purge(months=2, today=TODAY)
    assert build_summary(month(AUGUST), today=TODAY).theme("children") is None


def test_a_staff_flag_beside_danger_words_is_no_change_to_the_panel(crowd):
    """Five danger-word responses flagged by staff move no figure, so with the
    man hidden (one change) the panel stays as first shown."""
    today, august = date(2026, 10, 20), danger_in_august(crowd)
    first = build_summary(Q3, today=today).safeguarding
    hide_the_man(crowd)
    for response in august[:5]:
        response.safeguarding_flag = True
    db.session.commit()
    assert build_summary(Q3, today=today).safeguarding == first


def test_answers_shown_again_bring_no_retheming_held_back_with_them(crowd):
    """Five August answers hidden before the quarter was read, one other
    re-themed (kept), then the five shown again: who August counts is counted
    afresh, its themes are not."""
    themed_by_a_run(crowd)
    august = [r for r in crowd["responses"] if r.submitted_on.month == 8]
    decoys = [r for r in august if "housing" in r.what_helped][:5]
    for response in decoys:
        response.hidden = True
    db.session.commit()
    build_summary(Q3, today=TODAY)
    target = next(r for r in august if "access" in r.what_helped)
    db.session.add(StaffCoding(ref=feedback_ref(target.id, "what_helped"),
                               codes=["access", "staff-attitude", "children"]))
    for response in decoys:
        response.hidden = False
    db.session.commit()
    assert build_summary(Q3, today=TODAY).theme("children") is None


QUOTED = ["The refuge found me a flat near my sister within a month.",
          "My housing worker rang the council every single week for me.",
          "Getting keys to somewhere safe for the children changed everything.",
          "They helped with the tenancy forms I could not face reading alone.",
          "Emergency accommodation came through on the same night I called.",
          "Moving to another borough was arranged quietly and quickly.",
          "A deposit grant meant landlords finally took me seriously.",
          "Support to bid for council properties online every Thursday."]


def test_a_quote_stays_until_the_figures_change_though_its_writer_was_flagged(app_context, app):
    """A quoted answer flagged by staff (one change): the quotes are chosen as
    the figures count, so the quote stays rather than say who was flagged."""
    refuge = Service(slug="safe-haven", name="Safe Haven Refuge")
    responses = [FeedbackResponse(submitted_on=JULY + timedelta(days=n * 10), service=refuge, what_helped=text)
                 for n, text in enumerate(QUOTED)]
    db.session.add_all([refuge, *responses])
    db.session.flush()
    db.session.add_all(StaffCoding(ref=feedback_ref(r.id, "what_helped"), codes=["housing"]) for r in responses)
    db.session.commit()
    quotes = build_summary(Q3, today=TODAY).theme("housing").quotes
    target = next(r for r in responses if r.what_helped == quotes[0])
    target.safeguarding_flag = True
    db.session.commit()
    assert build_summary(Q3, today=TODAY).theme("housing").quotes == quotes
