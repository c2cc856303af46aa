"""Revisions (`webapp.revisions`): a report shown before keeps every figure
until at least 5 of the responses behind it have changed, so the figures a
hidden, added or re-themed response was in cannot be picked out by what
moved or what turned "not shown" (board review)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from tests.webapp.helpers import make_consultation, make_user, sign_in_as
from tests.webapp.reports import test_disclosure_attacks as attacks
from tests.webapp.reports import test_safeguarding_attacks as safeguarding_attacks
from tests.webapp.reports.test_disclosure_attacks import ended_quarter, figures, months_ago, respond, small_differences
from tests.webapp.reports.test_safeguarding_attacks import flag
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.periods import month_end
from webapp.reports.population import population_of
from webapp.reports.safeguarding import trend
from webapp.reports.summary import build_summary
from webapp.revisions import changed, fingerprint
from webapp.themes.models import StaffCoding
from webapp.themes.scope import feedback_quarter, feedback_range

refuge_months, months = attacks.refuge_months, safeguarding_attacks.months  # the attack tests' fixtures


def shown(summary) -> tuple:
    """Everything the themes table and the breakdowns show, as a reader sees it."""
    themes = [(row.label, row.shown, row.share_words, row.sentiment_words, row.change_words) for row in summary.themes]
    return summary.responses_shown, themes, [table.lines() for table in summary.breakdowns]


def refuge_crowd(count: int) -> list[FeedbackResponse]:
    """Some of the refuge's crowd of women in their thirties (not the two residents)."""
    found = db.session.scalars(select(FeedbackResponse).where(FeedbackResponse.age_band == "35-44",
                                                              FeedbackResponse.hidden.is_(False))).all()
    return list(found)[:count]


def test_changed_counts_each_response_added_removed_or_changed_once():
    before = fingerprint({1: ("housing",), 2: ("police",), 3: ()})
    now = fingerprint({1: ("housing",), 2: ("police", "housing"), 4: ()})
    assert changed(before, now) == 3  # 2 re-themed, 3 gone, 4 new
    assert changed(before, before) == 0


def test_a_quarter_keeps_every_figure_until_five_of_a_months_responses_changed_alike(refuge_months):
    scope, after = ended_quarter(refuge_months["second"])
    first = build_summary(scope, today=after)
    assert first.breakdowns
    refuge_months["man"].hidden = True
    coding = db.session.scalar(select(StaffCoding).where(
        StaffCoding.ref == feedback_ref(refuge_months["woman"].id, "what_helped")))
    coding.codes = ["housing"]
    db.session.commit()
    kept = build_summary(scope, today=after)
    # One hidden, one re-themed: not a figure moves, and none turns "not shown".
    assert shown(kept) == shown(first)
    in_second = [r for r in refuge_crowd(14) if r.submitted_on >= refuge_months["second"]]
    for response in in_second[:2]:
        response.hidden = True
    db.session.commit()
    assert shown(build_summary(scope, today=after)) == shown(first)  # four of the month's changed
    in_first = [r for r in refuge_crowd(14) if r.submitted_on < refuge_months["second"]]
    in_first[0].hidden = True
    in_second[2].hidden = True
    db.session.commit()
    # Six of the quarter's, five of the later month's, but four hidden there and one re-themed: who a month
    # counts and their themes are counted afresh each on its own.
    assert shown(build_summary(scope, today=after)) == shown(first)
    in_second[3].hidden = True
    db.session.commit()
    revised = build_summary(scope, today=after)  # five of one month's hidden: released again, through the ledger
    assert shown(revised) != shown(first)
    assert not small_differences(figures(first), figures(revised))


def test_the_trend_keeps_a_quarter_until_five_flags_changed(months):
    scope = feedback_range(months["first"], months["second"])
    before = [point.shown for point in trend(scope)]
    for n in range(4):
        flag(months["second"] + timedelta(days=n), months["refuge"], "suicidal")
    db.session.commit()
    assert [point.shown for point in trend(scope)] == before
    flag(months["second"], months["refuge"], "suicidal")
    db.session.commit()
    assert [point.shown for point in trend(scope)] != before


def test_the_summary_says_figures_change_only_once_five_responses_have(refuge_months, client):
    sign_in_as(client, make_user(role="board", demo=True))
    scope, _ = ended_quarter(refuge_months["second"])
    page = client.get(f"/staff/reports/summary/{scope.key}").get_data(as_text=True)
    assert 'id="revisions-note"' in page
    assert ("Figures change only once at least 5 responses from the same calendar month have changed in the same way"
            in page)


def test_an_earlier_period_reads_as_its_own_report_showed_it(refuge_months):
    """A month shown, then one of its responses hidden: the next month's
    report compares with the month as shown (7 on housing), not with 6, and
    not with "not shown" beside the themes that response had."""
    first, second = refuge_months["first"], refuge_months["second"]
    earlier = build_summary(feedback_range(first, month_end(first)))
    assert earlier.theme("housing").shown == "7"
    in_first = [r for r in refuge_crowd(7) if r.submitted_on < second]
    in_first[0].hidden = True
    db.session.commit()
    later = build_summary(feedback_range(second, month_end(second)))
    housing = later.theme("housing")
    assert housing.previous_count == 7 and later.previous_responses == earlier.responses
    assert housing.change_words != "not shown"
    assert all(row.change_words != "not shown" for row in later.themes if not row.suppressed)


def test_hiding_a_months_only_response_is_a_change_to_the_same_report(refuge_months):
    """The months with a response are the report's atoms: hiding the only one
    of a month changes them, but the report is the same whole months, so it
    is kept, not released afresh beside the earlier one."""
    lone_month = months_ago(3)
    refuge = db.session.scalar(select(Service).where(Service.slug == "safe-haven"))
    lone = respond(lone_month, refuge, ["police", "money"], gender="man", age_band="65-plus")
    db.session.commit()
    scope = feedback_range(lone_month, month_end(refuge_months["second"]))
    first = build_summary(scope)
    lone.hidden = True
    db.session.commit()
    assert shown(build_summary(scope)) == shown(first)


def test_a_summary_with_no_themes_says_so_too(app_context, app, client):
    make_consultation("no-themes-yet", status="open")
    sign_in_as(client, make_user(role="board", demo=True))
    page = client.get("/staff/reports/summary/consultation:no-themes-yet").get_data(as_text=True)
    assert 'id="revisions-note"' in page


def test_a_month_read_before_its_first_theming_counts_its_themes_once_themed(app_context, app):
    """A report read before the first run kept a month of three answers with
    no themes; once they are themed, every report over it counts the themes
    (three changed answers would otherwise keep the month unthemed for good)."""
    refuge = Service(slug="safe-haven", name="Safe Haven Refuge")
    responses = [FeedbackResponse(submitted_on=date(2026, 8, 3 + n), service=refuge,
                                  what_helped=f"The housing officer helped me, visit {n}.") for n in range(3)]
    db.session.add_all([refuge, *responses])
    db.session.commit()
    quarter, today = feedback_quarter("2026Q3"), date(2026, 12, 7)
    assert not any(row.count for row in build_summary(quarter, today=today).themes)
    for response in responses:
        db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=["housing"]))
    db.session.commit()
    assert build_summary(quarter, today=today).theme("housing").count == 3
    assert build_summary(feedback_range(date(2026, 8, 1), date(2026, 8, 31)), today=today).theme("housing").count == 3


def test_a_month_hidden_whole_but_still_counted_stays_an_atom(refuge_months):
    """A month's only response hidden (one change): the month still counts it,
    so it stays an atom and a report of that month alone is checked by the
    ledger and kept, not shown unchecked."""
    lone_month = months_ago(3)
    refuge = db.session.scalar(select(Service).where(Service.slug == "safe-haven"))
    lone = respond(lone_month, refuge, ["police", "money"], gender="man", age_band="65-plus")
    db.session.commit()
    alone = feedback_range(lone_month, month_end(lone_month))
    first = build_summary(alone)
    lone.hidden = True
    db.session.commit()
    assert population_of(alone).atoms == {f"feedback:{lone_month:%Y-%m}"}
    assert shown(build_summary(alone)) == shown(first)
