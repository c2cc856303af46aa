"""A withheld figure says which kind it is (issue 14): "fewer than 5" only for a
count from 1 to 4; a count withheld only so that a small one cannot be worked
out, or held back by the release ledger, reads "not shown", with a short
explanation once under the table. On the board summary page, in the board
pack, on the safeguarding panel and on the public pages. (The consultation
responses page: tests/webapp/consultations/test_consultation_responses.py;
every line and table shape: tests/analysis/test_board.py, which also checks
that a reader who tells the two apart still pins no small count.)"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from tests.webapp.helpers import make_user, page, seed_closed_consultation, sign_in_as
from webapp.consultations.models import Answer, ConsultationResponse, answer_ref
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.moderation.safeguarding import mark_reviewed, review_ref
from webapp.reports.pack import pack_html
from webapp.reports.summary import build_summary
from webapp.themes.models import StaffCoding
from webapp.themes.scope import feedback_quarter

NOT_SHOWN_NOTE = "“Not shown” means a figure is left out so that a small number elsewhere cannot be worked out"


def respond(day: date, service: Service, code: str, **flags) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, service=service, what_helped=f"About {code} on {day}.", **flags)
    db.session.add(response)
    db.session.flush()
    db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=[code]))
    return response


@pytest.fixture
def month(app_context, app):
    """A whole quarter (breakdowns are shown only for one), all in its first
    month: housing 1 at the advice line and 8 at the refuge; police 12 at
    the advice line and 6 at the refuge. Of the advice line's housing and police responses, 2 have danger words and were
    reviewed, 9 more have them and await review."""
    advice, refuge = Service(slug="advice", name="Advice line"), Service(slug="refuge", name="Refuge")
    db.session.add_all([advice, refuge])
    start = date(2026, 7, 1)
    respond(start, advice, "housing")
    for n in range(8):
        respond(start + timedelta(days=n), refuge, "housing")
    flagged = [respond(start + timedelta(days=n % 20), advice, "police", risk_flagged=True,
                       risk_categories="threat_to_kill_or_harm") for n in range(11)]
    for n in range(6):
        respond(start + timedelta(days=n), refuge, "police")
    respond(start, advice, "police")
    for response in flagged[:2]:
        mark_reviewed(review_ref("feedback", response.id), None)
    db.session.commit()
    return feedback_quarter("2026Q3")


def cells_by_service(table) -> dict[tuple[str, str], str]:
    """(theme label, service) -> what the breakdown's cell says."""
    groups = [th.get_text(strip=True) for th in table.select("thead th")][1:-1]
    return {(tr.th.get_text(strip=True), group): td.get_text(strip=True)
            for tr in table.select("tbody tr") for group, td in zip(groups, tr.find_all("td"), strict=False)}


def test_the_summary_page_says_fewer_than_5_only_of_small_counts(month, client):
    summary = build_summary(month)
    housing = summary.theme("housing").label
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/{month.key}"))
    table = next(t for t in soup.select("table.heard-breakdown") if "by service" in t.caption.get_text())
    cells = cells_by_service(table)
    assert cells[(housing, "Advice line")] == "fewer than 5"
    # The refuge's 8 is withheld only so that the advice line's 1 cannot be worked out from housing's 9.
    assert cells[(housing, "Refuge")] == "not shown"
    # Only the 1 says "fewer than 5": every other count in the table is 0 or 5 or more.
    assert [key for key, words in cells.items() if words == "fewer than 5"] == [(housing, "Advice line")]
    # The explanation is said once, under the table.
    region = soup.find("div", attrs={"aria-label": "Themes by service"})
    assert NOT_SHOWN_NOTE in region.find_next_sibling("p").get_text()
    assert soup.get_text().count(NOT_SHOWN_NOTE) == len(soup.select(".heard-not-shown-note")) + (
        1 if summary.safeguarding.not_shown_any else 0)
    assert "A few other figures are “not shown”" in soup.get_text()


def test_the_board_pack_marks_the_two_apart(month, app):
    housing = build_summary(month).theme("housing").label
    with app.test_request_context():
        html = BeautifulSoup(pack_html(month), "html.parser")
    table = next(t for t in html.select("table.breakdown") if "by service" in t.caption.get_text())
    cells = cells_by_service(table)
    assert cells[(housing, "Advice line")] == "<5" and cells[(housing, "Refuge")] == "—"
    text = html.get_text(" ", strip=True)
    assert "“—” means not shown: a figure left out so that a small number elsewhere cannot be worked out" in text
    assert "may be any size, so a larger figure is never taken for a small one" in text


def test_the_safeguarding_panel_says_not_shown_of_the_count_withheld_with_a_small_one(month, client):
    panel = build_summary(month).safeguarding
    assert [(cell.value, cell.shown) for cell in panel.review] == [(2, "fewer than 5"), (9, "not shown")]
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/{month.key}"))
    figures = soup.select_one("#safeguarding-figures").get_text(" ", strip=True)
    assert "Reviewed by staff: fewer than 5" in figures and "Awaiting review: not shown" in figures
    assert NOT_SHOWN_NOTE in soup.select_one("#safeguarding").get_text()


def test_the_public_page_says_not_shown_of_a_count_the_ledger_holds_back(app_context, client, app):
    """5 said housing when the page was first seen; 2 more since. 7 beside the
    5 already published would single the 2 out, so it is held back: "not
    shown", explained once under the table, and never "fewer than 5" (which
    the 3 about money, a small count, still says)."""
    consultation = seed_closed_consultation()
    question = next(q for q in consultation.questions if q.kind == "free_text")

    def answer(code: str, n: int) -> None:
        for i in range(n):
            given = Answer(question=question, value=f"About {code} ({i}).")
            db.session.add(ConsultationResponse(consultation=consultation, answers=[given],
                                                submitted_on=date.today() - timedelta(days=9)))
            db.session.flush()
            db.session.add(StaffCoding(ref=answer_ref(given.id), codes=[code]))
        db.session.commit()

    answer("police", 6)
    url = f"/you-said-we-did/consultations/{consultation.slug}"
    first = page(client.get(url))
    assert "“Not shown” means" not in first.get_text()
    answer("housing", 2)
    answer("money", 3)  # 5 more responses in all: the total may show
    html = page(client.get(url))
    cells = {tr.th.get_text(strip=True): tr.td.get_text(strip=True)
             for tr in html.select("#said-consultation-themes tbody tr")}
    assert sorted(cells.values()) == ["6", "fewer than 5", "not shown"]
    note = html.select_one("#said-consultation-themes").find_next_sibling("p").get_text(" ", strip=True)
    assert "“Not shown” means a number is left out so that a small number elsewhere cannot be worked out." in note
