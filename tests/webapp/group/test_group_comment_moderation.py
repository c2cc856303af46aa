"""Staff check the group's comments before the board reads them, as moderation
checks answers: the words a member put back after redaction are noted ("put back
by the writer"), staff can redact more, and a word redacted again leaves the note.
Only moderators; viewing and redacting are audited without the text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.webapp.group.test_group_view import codes, quarter, send, stored, to_check, unlock  # noqa: F401
from tests.webapp.helpers import make_user, page, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db


@pytest.fixture
def sent(client, quarter, codes):  # noqa: F811
    """A member's comment with "Jane" put back after redaction (Tom stays redacted)."""
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    check = to_check(client, url, **{"comment-staff-attitude": "Jane and Tom at the front desk were lovely."})
    boxes = {box.find_next("label").get_text(strip=True): box["value"] for box in check.select("input[name=put_back]")}
    client.post(url, data={"step": "check", "put_back": [boxes["Jane (a name)"]]})
    send(client, url)
    [comment] = stored()[1]
    return comment


def test_the_words_a_member_put_back_are_kept_for_staff(sent):
    assert sent.text == "Jane and [name] at the front desk were lovely."
    assert sent.restored_words == "name\tJane"


def test_staff_see_the_note_and_redacting_the_word_again_drops_it(client, app, quarter, sent):  # noqa: F811
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    summary = page(client.get(f"/staff/reports/summary/feedback:{quarter}"))
    listing_url = summary.find(id="group-comments-link")["href"]
    card = page(client.get(listing_url)).find(id=f"comment-{sent.id}")
    assert "Words put back by the writer" in card.get_text() and "Jane (a name)" in card.get_text()
    redact_url = card.select_one("a[href*='/redact']")["href"]
    form = page(client.get(redact_url))
    assert "Jane (a name)" in form.find(id="restored-words").get_text()
    [jane] = [box["value"] for box in form.select("input[name=words]")
              if box.find_next("label").get_text(strip=True) == "Jane"]
    version = form.find("input", attrs={"name": "version"})["value"]
    assert client.post(redact_url, data={"words": jane, "version": version}).status_code == 302
    db.session.expire_all()
    [comment] = stored()[1]
    assert comment.text == "[redacted] and [name] at the front desk were lovely." and comment.restored_words == ""
    card = page(client.get(listing_url)).find(id=f"comment-{sent.id}")
    assert "Words put back" not in card.get_text()
    events = list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == "free_text.redact")))
    assert [event.target for event in events] == [f"group_comment:{sent.id}"]
    assert all("Jane" not in (event.detail or "") for event in db.session.scalars(select(AuditEvent)))


@pytest.mark.parametrize("role, status", [("engagement", 200), ("admin", 200), ("analyst", 403), ("board", 403)])
def test_only_moderators_check_the_groups_comments(app, quarter, sent, role, status):  # noqa: F811
    client = app.test_client()
    sign_in_as(client, make_user(f"{role}@partnership.example", role))
    assert client.get(f"/staff/reports/summary/feedback:{quarter}/group-comments").status_code == status
    assert client.get(f"/staff/reports/group-comments/{sent.id}/redact").status_code == status
    summary = client.get(f"/staff/reports/summary/feedback:{quarter}")
    if summary.status_code == 200:
        assert bool(page(summary).find(id="group-comments-link")) is (status == 200)
