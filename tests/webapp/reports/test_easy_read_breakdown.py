"""The board summary broken down by Easy Read and standard responses, with the same
small-number suppression and release ledger as the channel breakdown."""

from __future__ import annotations

from sqlalchemy import select

from tests.webapp.helpers import QUARTER, make_user, page, seed_quarter, sign_in_as
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.reports.queries import CHANNEL_TITLE, EASY_READ_TITLE
from webapp.reports.summary import build_summary


def _through_easy_read(count: int) -> None:
    """Mark `count` of the quarter's visible responses as given through Easy Read."""
    responses = db.session.scalars(select(FeedbackResponse).where(FeedbackResponse.hidden.is_(False))
                                   .where(FeedbackResponse.submitted_on.between(QUARTER.start, QUARTER.end))
                                   .order_by(FeedbackResponse.id).limit(count))
    for response in responses:
        response.easy_read = True
    db.session.commit()


def _table(title: str = EASY_READ_TITLE):
    return next((table for table in build_summary(QUARTER).breakdowns if table.title == title), None)


def test_no_easy_read_breakdown_while_every_response_was_standard(app_context, app):
    seed_quarter()
    assert _table() is None


def test_easy_read_under_five_is_withheld_with_what_would_give_it_away(app_context, app):
    seed_quarter()
    _through_easy_read(3)
    table = _table()
    assert table.groups == ("Easy Read", "Standard")
    # 12 responses, 3 in Easy Read: the 3 is under 5 and the 9 would give it away.
    assert table.responses == (None, None)
    assert all(value is None or value == 0 or value >= 5 for _theme, cells, _total in table.rows for value in cells)
    assert _table(CHANNEL_TITLE) is None  # its own breakdown: the channel is still online


def test_easy_read_of_five_or_more_is_shown_and_on_the_summary_page(app_context, app, client):
    seed_quarter()
    _through_easy_read(6)
    table = _table()
    assert table.responses == (6, 6)
    assert all(value is None or value == 0 or value >= 5 for _theme, cells, _total in table.rows for value in cells)
    sign_in_as(client, make_user("board@partnership.example", "board"))
    html = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    [caption] = [c for c in html.find_all("caption") if c.get_text(strip=True).startswith("Themes by version")]
    headers = [th.get_text(strip=True) for th in caption.find_parent("table").select("thead th")]
    assert headers == ["Theme", "Easy Read", "Standard", "All"]
