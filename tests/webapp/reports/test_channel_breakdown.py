"""The board summary broken down by channel (online, paper, assisted), with
the same small-number suppression and release ledger as the other breakdowns."""

from __future__ import annotations

from sqlalchemy import select

from tests.webapp.helpers import QUARTER, seed_quarter
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.reports.queries import CHANNEL_TITLE
from webapp.reports.summary import build_summary


def _key_in(count: int, channel: str) -> None:
    """Mark `count` of the quarter's visible responses as keyed in through `channel`."""
    responses = db.session.scalars(select(FeedbackResponse).where(FeedbackResponse.hidden.is_(False))
                                   .where(FeedbackResponse.submitted_on.between(QUARTER.start, QUARTER.end))
                                   .order_by(FeedbackResponse.id).limit(count))
    for response in responses:
        response.channel = channel
    db.session.commit()


def _channel_table():
    return next((table for table in build_summary(QUARTER).breakdowns if table.title == CHANNEL_TITLE), None)


def test_no_channel_breakdown_while_everything_came_online(app_context, app):
    seed_quarter()
    assert _channel_table() is None


def test_channels_under_five_are_withheld_with_what_would_give_them_away(app_context, app):
    seed_quarter()
    _key_in(3, "paper")
    table = _channel_table()
    assert table.groups == ("Online", "Paper form")
    # 12 responses, 3 on paper: the 3 is under 5 and the 9 would give it away.
    assert table.responses == (None, None)
    assert all(value is None or value == 0 or value >= 5 for _theme, cells, _total in table.rows for value in cells)


def test_channels_of_five_or_more_are_shown(app_context, app):
    seed_quarter()
    _key_in(6, "interpreter")
    table = _channel_table()
    assert table.groups == ("Interpreter-assisted", "Online")
    assert table.responses == (6, 6)
    assert all(value is None or value == 0 or value >= 5 for _theme, cells, _total in table.rows for value in cells)
