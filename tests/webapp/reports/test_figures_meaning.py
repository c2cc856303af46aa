"""Figures that mean what they say (issue 14, part 3): reports count whole
months and say when a period is still under way, chart labels are never cut
off, and a quote does not repeat under several themes."""

from __future__ import annotations

from datetime import date

import pytest

from webapp.disclosure import ReleasedFigure
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.reports.charts import LABEL_CHARS, PERIOD_CHARS, TREND_LABEL_CHARS, bar_chart, share_trend_chart
from webapp.reports.population import population_of
from webapp.reports.queries import quotes_by_theme
from webapp.reports.safeguarding import trend
from webapp.reports.summary import build_summary
from webapp.themes.runs import CodedItem
from webapp.themes.scope import Item, consultation_scope, feedback_quarter, feedback_range

LONG = "Kindness, respect and trauma-informed practice of staff, including reception and duty officers"


def respond_on(*days: date) -> None:
    db.session.add_all(FeedbackResponse(submitted_on=day, what_helped="Kind staff.") for day in days)
    db.session.commit()


def test_a_quarter_under_way_counts_its_finished_months_and_says_so(app_context):
    respond_on(date(2026, 10, 5), date(2026, 11, 5))
    population = population_of(feedback_quarter("2026Q4"), today=date(2026, 12, 4))
    assert (population.counted.start, population.counted.end) == (date(2026, 10, 1), date(2026, 11, 30))
    assert population.atoms == {"feedback:2026-10", "feedback:2026-11"}
    assert population.label == "Feedback, October to December 2026: 1 Oct–30 Nov 2026 so far"
    assert "still under way" in population.note


def test_a_quarter_with_no_finished_month_has_no_figures(app):
    population = population_of(feedback_quarter("2026Q4"), today=date(2026, 10, 20))
    assert population.counted is None and not population.atoms
    assert "No month of this period has finished yet" in population.note


def test_chosen_dates_widen_to_whole_months(app_context):
    respond_on(date(2026, 10, 5), date(2026, 11, 5))
    one = population_of(feedback_range(date(2026, 10, 1), date(2026, 11, 27)), today=date(2026, 12, 4))
    two = population_of(feedback_range(date(2026, 10, 1), date(2026, 11, 28)), today=date(2026, 12, 4))
    assert one.atoms == two.atoms == {"feedback:2026-10", "feedback:2026-11"}
    assert one.widened and "whole calendar months" in one.note
    assert one.label == "Feedback, 1 October 2026 to 30 November 2026"


def test_a_month_with_no_response_is_no_atom(app_context):
    """Board review: every report shows an empty month as "0 responses", so all its counts
    are known to be 0; kept as an unknown, August to January showed a count that January
    alone (the same responses) held back."""
    respond_on(date(2026, 1, 9))
    window = population_of(feedback_range(date(2025, 8, 1), date(2026, 1, 31)), today=date(2026, 12, 4))
    alone = population_of(feedback_range(date(2026, 1, 1), date(2026, 1, 31)), today=date(2026, 12, 4))
    assert window.atoms == alone.atoms == {"feedback:2026-01"}
    hidden = FeedbackResponse(submitted_on=date(2026, 2, 3), what_helped="Spam.", hidden=True)
    db.session.add(hidden)
    db.session.commit()
    assert population_of(feedback_range(date(2026, 1, 1), date(2026, 2, 28)), today=date(2026, 12, 4)).atoms \
        == {"feedback:2026-01"}


def test_a_report_of_empty_months_leaves_nothing_in_the_ledger(app_context):
    """Its population has no atoms and every count is 0: nothing to check or remember (the
    earlier period beside a quarter, and the safeguarding trend's empty quarters)."""
    respond_on(date(2026, 1, 9))
    build_summary(feedback_quarter("2026Q1"), today=date(2026, 12, 4))
    trend(feedback_quarter("2026Q1"), today=date(2026, 12, 4))
    assert db.session.scalars(db.select(ReleasedFigure)).all()
    assert db.session.scalars(db.select(ReleasedFigure).where(ReleasedFigure.population == "")).all() == []


def test_an_ended_quarter_with_an_empty_month_still_breaks_down(app_context):
    respond_on(date(2026, 7, 5), date(2026, 9, 5))
    assert population_of(feedback_quarter("2026Q3"), today=date(2026, 12, 4)).breaks_down


def test_a_consultation_is_one_population(app):
    assert population_of(consultation_scope("refuge-life")).atoms == {"consultation:refuge-life"}


def test_chart_labels_are_whole_and_start_inside_the_chart():
    chart = bar_chart("c", "Themes", [(LONG, 12), ("Housing", 6)])
    first, second = chart.bars
    assert first.label == LONG and second.label == "Housing"
    assert len(first.label_lines) == 2 and all(len(words) <= LABEL_CHARS for words, _ in first.label_lines)
    assert second.label_lines[0][1] > first.y + 22  # the next label is below the bar above it
    assert chart.height > second.y + 22


def test_chart_labels_in_the_page_start_at_the_left_edge(app_context, app):
    from flask import render_template_string

    svg = render_template_string('{% from "reports/_chart.html" import barChart %}{{ barChart(chart) }}',
                                 chart=bar_chart("c", "Themes", [(LONG, 12)]))
    assert 'text-anchor="end"' not in svg and 'x="-' not in svg
    assert "trauma-informed practice" in svg and "…" not in svg


def _coded(response_id: int, text: str, codes: tuple[str, ...], score: float = 0.9) -> CodedItem:
    item = Item(ref=f"f:{response_id}:what_helped", text=text, question="What helped?",
                submitted_on=date(2026, 10, 1), response_id=response_id)
    return CodedItem(item=item, codes=codes, scores={code: score for code in codes})


def test_a_quote_appears_under_one_theme_only(app):
    shared = "The refuge staff were patient and found my children a school place quickly."
    coded = [_coded(1, shared, ("housing", "children")),
             _coded(2, "They kept the children safe and helped with nursery forms.", ("children",), 0.85)]
    quotes = quotes_by_theme(coded, ["housing", "children"])
    assert quotes["housing"] == (shared,)
    assert shared not in quotes["children"] and len(quotes["children"]) == 1


def test_a_consultation_summary_shows_its_closed_questions_suppressed(app_context, app, client):
    from datetime import date as day

    from tests.webapp.helpers import make_consultation, make_user, page, sign_in_as
    from webapp.consultations.models import Answer, ConsultationResponse
    from webapp.extensions import db

    consultation = make_consultation("closed-questions", status="closed")
    refuge = next(q for q in consultation.questions if q.text == "Did you stay in a refuge?")
    for value in ["Yes"] * 7 + ["No"] * 2:
        db.session.add(ConsultationResponse(consultation=consultation, submitted_on=day.today(),
                                            answers=[Answer(question=refuge, value=value)]))
    db.session.commit()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/consultation:{consultation.slug}"))
    table = soup.select_one("#closed-questions").find_next("table")
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
            for tr in table.select("tbody tr")}
    assert rows["No"] == ["fewer than 5", "—"]
    # 9 answered beside 7 would give the 2 away: the 7 or the 9 is withheld too.
    caption = table.caption.get_text()
    assert rows["Yes"][0] != "7" or "9 answered" not in caption


def test_a_quarter_shows_the_trend_over_four_quarters(app_context, app, client):
    from tests.webapp.helpers import QUARTER, make_user, page, seed_quarter, sign_in_as

    seed_quarter()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    table = soup.select_one("#trend-table")
    assert [th.get_text(strip=True) for th in table.thead.select("th")][1:] == [
        "Oct–Dec 2025", "Jan–Mar 2026", "Apr–Jun 2026", "Jul–Sep 2026"]
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
            for tr in table.tbody.select("tr")}
    assert rows["Responses with written answers"] == ["0", "0", "8", "12"]
    assert rows["Housing, refuge and safe accommodation"][2:] == ["100%", "42%"]
    assert soup.select_one("#trend-chart-title").get_text().startswith("Responses with written answers")
    # The shares as small charts, one per theme, described in words.
    description = soup.select_one("#share-trend-chart-desc").get_text()
    # A quarter with no responses says so, not "not shown" (nothing is being withheld).
    assert ("Housing, refuge and safe accommodation: Oct–Dec 2025 no responses, Jan–Mar 2026 no responses, "
            "Apr–Jun 2026 100%, Jul–Sep 2026 42%") in description
    # A quarter with no responses has no share, not 0%.
    assert rows["Housing, refuge and safe accommodation"][:2] == ["—", "—"]


def test_share_trend_labels_start_inside_their_columns():
    periods = ["Jan–Mar 2026", "Apr–Jun 2026", "Jul–Sep 2026", "Oct–Nov 2026 so far"]
    shares = [(LONG, [0.2, None, 0.4, 0.1]), ("Housing", [0.0, 0.1, 0.2, 0.3])]
    chart = share_trend_chart("t", "Shares", periods, shares)
    xs = [x for x, _ in chart.periods]
    # The last label fits its column: 11 characters of about 8px, 4px in.
    assert xs == sorted(xs) and xs[0] == 0 and xs[-1] + 4 + PERIOD_CHARS * 8 <= chart.width
    assert [line for line, _ in chart.periods[-1][1]] == ["Oct–Nov", "2026 so far"]
    assert all(len(words) <= TREND_LABEL_CHARS for panel in chart.panels for words, _ in panel.label_lines)
    first, second = chart.panels
    assert " ".join(words for words, _ in first.label_lines) == LONG
    assert [column.value for column in first.columns] == ["20%", "not shown", "40%", "10%"]
    empty_first = share_trend_chart("t", "Shares", periods, shares, empty=frozenset({0}))
    assert [column.value for column in empty_first.panels[0].columns] == ["no responses", "not shown", "40%", "10%"]
    assert first.columns[1].bar_height == 0 and first.columns[2].bar_height > first.columns[0].bar_height
    assert second.label_lines[0][1] > first.baseline_y and chart.height > second.baseline_y
    assert "Housing: Jan–Mar 2026 0%, Apr–Jun 2026 10%" in chart.description


@pytest.mark.parametrize(("start", "end", "before"), [
    ((2026, 7, 1), (2026, 7, 31), ((2026, 6, 1), (2026, 6, 30))),  # not 31 days: May 31 to June 30
    ((2026, 7, 1), (2026, 8, 31), ((2026, 5, 1), (2026, 6, 30))),  # two months, not three
    ((2026, 1, 1), (2026, 2, 28), ((2025, 11, 1), (2025, 12, 31))),
    ((2026, 7, 5), (2026, 7, 20), ((2026, 6, 19), (2026, 7, 4))),  # not whole months: as many days
])
def test_the_period_before_a_range_of_whole_months_is_as_many_whole_months(start, end, before):
    previous = feedback_range(date(*start), date(*end)).previous()
    assert (previous.start, previous.end) == (date(*before[0]), date(*before[1]))
