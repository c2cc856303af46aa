"""Safeguarding the board can act on (issue 14, part 5): the summary's panel
(flagged responses by kind of danger, reviews, the four-quarter trend), the
staff queue where flags are marked reviewed, and the group's comments with
danger words: flagged like respondents' (the queue) and never reprinted on the
board's pages."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.webapp.helpers import QUARTER, csrf_token, make_user, page, seed_quarter, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.moderation.models import SafeguardingReview
from webapp.reports import safeguarding
from webapp.reports.models import GroupComment
from webapp.reports.pack import pack_html
from webapp.reports.summary import build_summary
from webapp.themes.scope import feedback_quarter

DANGER = "He said he will kill me tonight if I go to the refuge."
QUEUE = "/staff/reports/safeguarding"


@pytest.fixture
def quarter(app_context, app):
    """The themed quarter, with eight more responses the detector flagged
    (threats; two also mention a weapon), so the panel has figures to show."""
    seeded = seed_quarter()
    for n in range(8):
        db.session.add(FeedbackResponse(submitted_on=date(2026, 8, 10), service=seeded["refuge"],
                                        what_helped=f"He threatens me every night ({n}).", risk_flagged=True,
                                        risk_categories="threat_to_kill_or_harm,weapons" if n < 2
                                        else "threat_to_kill_or_harm"))
    # Stored before the detector knew its words: read again when shown.
    db.session.add(GroupComment(scope=QUARTER.key, theme_code="housing", text=DANGER))
    db.session.commit()
    return seeded


def _review(client, ref: str):
    return client.post(f"{QUEUE}/review", data={"ref": ref, "csrf_token": csrf_token(client.get(QUEUE))})


def test_the_panel_counts_flags_by_kind_and_reviews(client, quarter):
    panel = build_summary(QUARTER).safeguarding
    assert (panel.total.value, panel.total.shown) == (10, "10")  # 8 threats, 1 staff flag, 1 suicidal/weapons
    assert [(c.label, c.shown) for c in panel.review] == [("Reviewed by staff", "0"), ("Awaiting review", "10")]
    kinds = {c.label: c.shown for c in panel.kinds}
    # Weapons 3, suicidal 1 and staff-only 1 are small (together 5); threats (8) shows.
    assert kinds == {"Threat to kill or harm": "8", "Weapons": "fewer than 5",
                     "Suicidal thoughts or plans": "fewer than 5",
                     "Flagged by staff, no danger words found": "fewer than 5"}


def test_a_long_queue_says_how_many_wait_in_all(client, quarter, monkeypatch):
    """Past the page's limit the count is still every flag waiting, so a
    review visibly lowers it."""
    monkeypatch.setattr(safeguarding, "QUEUE_LIMIT", 4)
    sign_in_as(client, make_user("engage@partnership.example", "engagement"))
    soup = page(client.get(QUEUE))
    assert len(soup.select(".govuk-summary-card")) == 4
    assert soup.select_one("#queue-count").get_text(strip=True) == (
        "11 flags awaiting review; the newest 4 are shown.")
    assert _review(client, soup.select_one(".govuk-summary-card input[name=ref]")["value"]).status_code == 302
    assert page(client.get(QUEUE)).select_one("#queue-count").get_text(strip=True).startswith("10 flags")


def test_staff_review_flags_in_the_queue_and_the_panel_counts_them(client, quarter):
    sign_in_as(client, make_user("engage@partnership.example", "engagement"))
    soup = page(client.get(QUEUE))
    cards = soup.select(".govuk-summary-card")
    assert soup.select_one("#queue-count").get_text(strip=True) == "11 flags awaiting review."
    texts = " ".join(card.get_text(" ", strip=True) for card in cards)
    assert DANGER in texts and "Threat to kill or harm" in texts and "Flagged by staff" in texts
    refs = [card.select_one("input[name=ref]")["value"] for card in cards]
    responses = [ref for ref in refs if ref.startswith("feedback:")]
    assert len(responses) == 10 and len([ref for ref in refs if ref.startswith("group:")]) == 1
    for ref in responses[:6]:
        assert _review(client, ref).status_code == 302
    assert _review(client, responses[0]).status_code == 302  # twice: still one review
    assert db.session.scalar(select(db.func.count(SafeguardingReview.id))) == 6
    reviewed = page(client.get(QUEUE + "?show=reviewed"))
    assert reviewed.select_one("#queue-count").get_text(strip=True) == "6 flags reviewed."
    assert "engage@partnership.example" in reviewed.get_text()
    events = db.session.scalars(select(AuditEvent.target).where(AuditEvent.action == "safeguarding.reviewed")).all()
    assert sorted(events) == sorted(responses[:6])
    # Text read in the queue is audited like any free text.
    assert db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "free_text.view",
                                                         AuditEvent.target == "safeguarding queue"))


def test_the_review_line_is_suppressed_as_a_pair(client, quarter):
    """6 reviewed beside 4 awaiting: the 4 is under 5, and 10 is shown, so both go; the 6 reads
    "not shown" (it is not fewer than 5)."""
    sign_in_as(client, make_user("engage@partnership.example", "engagement"))
    refs = [card["value"] for card in page(client.get(QUEUE)).select("input[name=ref]")
            if card["value"].startswith("feedback:")]
    for ref in refs[:6]:
        _review(client, ref)
    panel = build_summary(QUARTER).safeguarding
    assert panel.total.shown == "10" and [c.shown for c in panel.review] == ["not shown", "fewer than 5"]


def test_unknown_or_unflagged_refs_are_refused(client, quarter):
    sign_in_as(client, make_user("engage@partnership.example", "engagement"))
    calm = db.session.scalar(select(FeedbackResponse).where(FeedbackResponse.risk_flagged.is_(False),
                                                            FeedbackResponse.safeguarding_flag.is_(False)))
    for ref in ("feedback:999999", f"feedback:{calm.id}", "group:x", "nonsense", ""):
        assert _review(client, ref).status_code == 400
    assert db.session.scalars(select(SafeguardingReview)).all() == []


def test_only_moderators_open_the_queue(client, quarter):
    assert client.get(QUEUE).status_code == 302
    sign_in_as(client, make_user("board@partnership.example", "board"))
    assert client.get(QUEUE).status_code == 403
    # The board sees the panel, not the queue's link.
    summary = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    assert summary.find(id="safeguarding") and not summary.find("a", href=QUEUE)


def test_group_comments_with_danger_words_are_withheld_on_board_pages(app, client, quarter):
    db.session.add(GroupComment(scope=QUARTER.key, theme_code="housing",
                                text="My ex has a knife and he is outside now.", risk_categories="weapons"))
    db.session.commit()
    sign_in_as(client, make_user("board@partnership.example", "board"))
    response = client.get(f"/staff/reports/summary/{QUARTER.key}")
    html = response.get_data(as_text=True)
    assert DANGER not in html and "knife" not in html
    soup = page(response)
    row = next(tr for tr in soup.select("#group-view tbody tr") if tr.th.get_text(strip=True).startswith("Housing"))
    cell = row.find_all("td")[-1].get_text(" ", strip=True)
    assert "Refuge places matter most to us." in cell
    assert cell.count("A comment was withheld for safeguarding review.") == 2
    assert "withheld for safeguarding review" in soup.select_one("#group-withheld").get_text()
    with app.test_request_context():
        pack = pack_html(QUARTER)
    assert DANGER not in pack and "knife" not in pack
    assert "Flagged for safeguarding: 10 (reviewed by staff: 0; awaiting review: 10)" in " ".join(pack.split())


def test_a_quarter_under_way_is_labelled_by_the_months_it_counts(app_context):
    """Board review: the quarter under way read "Oct–Dec 2026" beside whole quarters."""
    points = safeguarding.trend(feedback_quarter("2026Q4"), today=date(2026, 12, 4))
    assert [point.label for point in points] == ["Jan–Mar 2026", "Apr–Jun 2026", "Jul–Sep 2026", "Oct–Nov 2026 so far"]
    assert safeguarding.trend(feedback_quarter("2026Q4"), today=date(2026, 11, 4))[-1].label == "Oct 2026 so far"


def test_the_trend_shows_four_quarters(client, quarter):
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/{QUARTER.key}"))
    labels = [th.get_text(strip=True) for th in soup.select("#safeguarding-trend thead th")]
    assert labels == ["Oct–Dec 2025", "Jan–Mar 2026", "Apr–Jun 2026", "Jul–Sep 2026"]
    values = [td.get_text(strip=True) for td in soup.select("#safeguarding-trend tbody td")]
    assert values[-1] == "10" and values[:3] == ["0", "0", "0"]
