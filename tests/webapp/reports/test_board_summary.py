"""The board summary read from the database (`webapp.reports.summary`): a
themed quarter with hand-checked figures, the summary page in words, purged
months counted from text-free aggregates, and a consultation's co-production
record. The figures themselves are tested by hand in tests/analysis/test_board.py."""

from __future__ import annotations

from datetime import date, datetime

from tests.webapp.helpers import QUARTER, make_consultation, make_user, page, seed_quarter, sign_in_as
from webapp.consultations.models import Answer, ChangeRecord, ConsultationResponse, answer_ref
from webapp.extensions import db
from webapp.reports.summary import build_summary
from webapp.retention.models import ThemeAggregate
from webapp.themes.models import ThemeRun, ThemeRunItem
from webapp.themes.scope import consultation_scope, feedback_range


def test_build_summary_from_a_themed_quarter(app_context, app):
    seed_quarter()
    summary = build_summary(QUARTER)
    assert summary.responses == 12 and summary.previous_responses == 8
    staff, housing, police = (summary.theme(c) for c in ("staff-attitude", "housing", "police"))
    assert [row.code for row in summary.themes][:3] == ["staff-attitude", "housing", "police"]
    assert (staff.count, staff.share, staff.mean_sentiment, staff.sentiment_words) == (6, 0.5, -0.5, "mostly negative")
    assert (staff.direction, staff.change_words) == ("new", "new")
    # The hidden response is not counted: 5, not 6. Change compares shares: 5 of
    # 12 (42%) now, 8 of 8 (100%) before, so down 58 points.
    assert (housing.count, housing.share, housing.change, housing.change_words) == (
        5, round(5 / 12, 4), -58, "down 58 points")
    assert housing.sentiment_words == "mostly positive"
    # Police's 1 reads "not shown", not "fewer than 5": it is also its total in the breakdowns,
    # where "fewer than 5" would pin it (with all theme mentions less the other themes).
    assert (police.shown, police.share, police.quotes) == ("not shown", None, ())
    police_totals = [table.rows[table.codes.index("police")][2] for table in summary.breakdowns]
    assert police_totals and all(total is None for total in police_totals)
    assert all(("police", -1) not in table.small for table in summary.breakdowns)
    assert len(staff.quotes) == 3 and all("dismissive" in q for q in staff.quotes)
    # Quotes leave out responses with a safeguarding or risk flag, and hidden ones.
    assert "(0)" not in " ".join(staff.quotes) and "(4)" not in " ".join(housing.quotes)
    assert not any("hidden" in q for q in housing.quotes)
    assert summary.emergent == ["Parking at the office"]
    # One staff flag and one response with danger words: two flagged, under 5, so none of it shows.
    panel = summary.safeguarding
    assert (panel.total.value, panel.total.shown) == (2, "fewer than 5")
    assert [(cell.label, cell.value, cell.shown) for cell in panel.kinds] == [
        ("Weapons", 1, "fewer than 5"), ("Suicidal thoughts or plans", 1, "fewer than 5"),
        ("Flagged by staff, no danger words found", 1, "fewer than 5")]
    assert summary.group_view.priorities == {"housing": 3}
    assert summary.group_view.comments == {"housing": ["Refuge places matter most to us."]}
    assert summary.run_learned_from == 12
    service = next(table for table in summary.breakdowns if table.title == "Service")
    assert service.groups == ("Advice line", "Refuge")
    cells = {label: row for label, row, _ in service.rows}
    # Staff attitude: 2 on the advice line and 4 at the refuge, both withheld;
    # housing's 5 at the refuge shows (its 0 is withheld to protect the police 1).
    assert cells[staff.label] == (None, None)
    assert cells[housing.label][1] == 5


def test_summary_page_shows_figures_in_words(app_context, app, client):
    seed_quarter()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    response = client.get(f"/staff/reports/summary/{QUARTER.key}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "style=" not in html
    soup = page(response)
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in soup.select("#themes-table tbody tr")}
    assert list(rows.values())[0][:3] == ["6", "50%", "Mostly negative (-0.50)"]
    assert any(cells[:2] == ["5", "42%"] and cells[3].startswith("Down 58 points (was 100%)")
               for cells in rows.values())
    assert any(cells[0] == "not shown" and cells[1] == "—" for cells in rows.values())
    # A theme held back reads as a sentence, not "not shown responses; not shown; not shown."
    police = soup.select_one("#theme-police").get_text(" ", strip=True)
    assert "How many responses is not shown" in police and "not shown responses" not in police
    svg = soup.select_one("svg[role=img]")
    assert svg.title.get_text().startswith("Responses by theme") and "Bar chart." in svg.desc.get_text()
    assert "Parking at the office" in soup.select_one("#emergent").get_text()
    assert "Refuge places matter most to us." in soup.select_one("#group-view").get_text()
    assert "fewer than 5" in soup.select_one("#breakdown-1").get_text()
    # Kinds of danger are counted for the board in the safeguarding panel, small counts withheld
    # like every figure; the four-quarter trend is beside them.
    kinds = {tr.th.get_text(strip=True): tr.td.get_text(strip=True)
             for tr in soup.select("#safeguarding-kinds tbody tr")}
    assert kinds == {"Weapons": "fewer than 5", "Suicidal thoughts or plans": "fewer than 5",
                     "Flagged by staff, no danger words found": "fewer than 5"}
    assert len(soup.select("#safeguarding-trend thead th")) == 4


def test_a_month_themed_by_its_quarters_run_says_so(app_context, app, client):
    """Board review: a month with no run of its own said "not themed by a run yet" above
    the theme counts its quarter's run gave it."""
    seed_quarter()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    month = feedback_range(date(2026, 8, 1), date(2026, 8, 31))
    text = page(client.get(f"/staff/reports/summary/{month.key}")).get_text(" ", strip=True)
    assert "its themes come from the runs of the quarters it covers" in text
    assert "not been themed by a run yet" not in text


def test_unknown_report_is_not_found(app_context, app, client):
    sign_in_as(client, make_user("board@partnership.example", "board"))
    assert client.get("/staff/reports/summary/feedback:2026Q9").status_code == 404
    assert client.get("/staff/reports/summary/consultation:nope").status_code == 404


def test_date_range_chooser_keeps_input_and_explains(app_context, app, client):
    sign_in_as(client, make_user("board@partnership.example", "board"))
    assert client.get("/staff/reports/").status_code == 200
    form = {"start": ["31", "2", "2026"], "end": ["1", "1", "2026"]}
    response = client.post("/staff/reports/dates", data=form)
    soup = page(response)
    assert "Enter a real date for “From”" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("input[name=start][value='31']") is not None
    response = client.post("/staff/reports/dates", data={"start": ["1", "8", "2026"], "end": ["1", "7", "2026"]})
    assert "The last day must be the same as or after the first day" in response.get_data(as_text=True)
    response = client.post("/staff/reports/dates", data={"start": ["", "", ""], "end": ["", "", ""]})
    assert "Enter the first day of the period" in response.get_data(as_text=True)
    response = client.post("/staff/reports/dates", data={"start": ["1", "7", "2026"], "end": ["15", "8", "2026"]})
    # Widened to whole months: the address names what is counted.
    assert response.location.endswith("/staff/reports/summary/feedback:2026-07-01..2026-08-31")
    assert client.get(response.location).status_code == 200


def test_purged_months_count_from_text_free_aggregates(app_context, app):
    seed_quarter()
    db.session.add_all([
        ThemeAggregate(source="feedback", month=date(2026, 7, 1), theme_code="", responses=4, sentiment_sum=0.0),
        ThemeAggregate(source="feedback", month=date(2026, 7, 1), theme_code="housing", responses=2,
                       sentiment_sum=0.8, positive=2),
    ])
    db.session.commit()
    summary = build_summary(QUARTER)
    housing = summary.theme("housing")
    assert (summary.responses, summary.purged_responses) == (16, 4)
    assert (housing.count, housing.share, housing.mean_sentiment) == (7, round(7 / 16, 4), 0.4)
    assert housing.change_words == "down 56 points"  # 7 of 16 against 8 of 8


def test_consultation_summary_has_the_co_production_record_and_no_earlier_period(app_context, app, client):
    consultation = make_consultation(status="closed")
    question = next(q for p in consultation.pages for q in p.questions if q.text == "Anything else?")
    run = ThemeRun(scope=consultation_scope(consultation.slug).key, status="done", finished_at=datetime(2026, 9, 1))
    db.session.add(run)
    believed = ("The refuge staff believed me every time.", "My IDVA believed me when nobody else did.",
                "Being believed by the police officer changed everything for us.",
                "The nurse believed my account straight away.", "At court the advocate believed me.",
                "Staff at the drop-in believed what I told them.")
    for n in range(6):
        response = ConsultationResponse(consultation_id=consultation.id, submitted_on=date(2026, 8, 1))
        response.answers.append(Answer(question_id=question.id, value=believed[n]))
        db.session.add(response)
        db.session.flush()
        db.session.add(ThemeRunItem(run=run, ref=answer_ref(response.answers[0].id), codes=["believed"],
                                    scores={"believed": 0.9}, compound=0.6, sentiment="positive"))
    db.session.add(ChangeRecord(consultation_id=consultation.id, description="Added a question about children",
                                recorded_on=date(2026, 7, 1)))
    db.session.commit()

    summary = build_summary(consultation_scope(consultation.slug))
    believed = summary.theme("believed")
    assert (summary.responses, believed.count, believed.share) == (6, 6, 1.0)
    assert believed.change_words == "no earlier figures"
    assert summary.changes == [(date(2026, 7, 1), "Added a question about children")]
    assert summary.previous_responses is None

    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/consultation:{consultation.slug}"))
    assert "1 July 2026: Added a question about children" in soup.select_one("#changes").get_text()
    assert len(soup.select("#theme-believed blockquote")) == 3
    # Themed, but no service or equality answer to break the themes down by (not "no themed responses").
    assert soup.select_one("#no-breakdowns").get_text().startswith("There is nothing to break the themes down by")


def test_quotes_come_only_from_confirmed_or_high_confidence_assignments(app):
    from webapp.reports.queries import quotes_by_theme
    from webapp.themes.runs import HIGH_CONFIDENCE, CodedItem
    from webapp.themes.scope import Item

    def coded(n: int, text: str, score: float | None, staff: bool = False) -> CodedItem:
        item = Item(ref=f"f:{n}:what_helped", text=text, question="What helped?",
                    submitted_on=date(2026, 7, 1), response_id=n)
        return CodedItem(item=item, codes=("housing",), scores={} if score is None else {"housing": score},
                         staff_coded=staff)

    found = [coded(1, "My housing officer understood what I needed straight away", 0.55),
             coded(2, "The refuge gave us our own flat within a week", HIGH_CONFIDENCE + 0.05),
             coded(3, "Staff confirmed this one about the council moving us", None, staff=True)]
    quotes = quotes_by_theme(found, ["housing"])["housing"]
    # The medium-confidence one is left out, however well it reads.
    assert set(quotes) == {"The refuge gave us our own flat within a week",
                           "Staff confirmed this one about the council moving us"}


def contents(soup) -> list[tuple[str, str]]:
    """(link text, target id) of the summary's contents list, in order."""
    return [(a.get_text(strip=True), a["href"].removeprefix("#")) for a in soup.select("nav#contents ol a")]


def test_the_long_summary_has_a_contents_list_linking_to_every_section_heading(app_context, app, client):
    """GOV.UK's contents-list pattern: a labelled navigation landmark above the
    sections, one link per section, each to that section's own heading, in
    the order the page shows them."""
    seed_quarter()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    nav = soup.select_one("nav#contents")
    assert nav["aria-labelledby"] == "contents-title" and soup.find(id="contents-title").get_text() == "Contents"
    entries = contents(soup)
    sections = [(h2.get_text(strip=True), h2["id"]) for h2 in soup.select("main h2.govuk-heading-l")]
    # Every section heading is in the contents, in page order, and nothing else is.
    assert entries == sections
    assert [title for title, _ in entries][:2] == ["Safeguarding", "Themes"]
    assert {"Breakdowns", "Actions", "The group’s view", "What people said"} <= {title for title, _ in entries}
    # The contents come before the first section.
    assert str(soup).index('id="contents"') < str(soup).index('id="safeguarding-heading"')


def test_a_consultation_summary_lists_its_own_sections(app_context, app, client):
    consultation = make_consultation(status="closed")
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/consultation:{consultation.slug}"))
    titles = [title for title, _ in contents(soup)]
    assert "What changed because of the group" in titles and "The last four quarters" not in titles
    assert soup.select_one("#no-breakdowns").get_text() == "No themed responses to break down."
    assert contents(soup) == [(h2.get_text(strip=True), h2["id"]) for h2 in soup.select("main h2.govuk-heading-l")]
