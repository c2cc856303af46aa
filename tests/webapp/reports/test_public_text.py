"""Staff-written public text (issue 14, part 2): actions and updates are
redacted before they are stored, previewed as the public will see them,
published only by the board or engagement roles (draft -> published ->
withdrawn), editable with their history kept, and rendered from a small
Markdown subset through bleach's allow-list."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.webapp.helpers import QUARTER, csrf_token, make_user, page, seed_quarter, sign_in_as
from webapp.audit import AuditEvent
from webapp.extensions import db
from webapp.public_text import render
from webapp.reports.models import BoardAction, BoardActionUpdate
from webapp.yousaid import views as yousaid_views

NEW = f"/staff/reports/summary/{QUARTER.key}/actions/new"
LEAKY = ("We agreed two more places at Safe Haven, 12 Mill Lane, Leeds LS1 4AB.\n\n"
         "- Ask Jane Smith on 07700 900123 or jane.smith@example.org\n"
         "- Read [what changed](/you-said-we-did/feedback)")


@pytest.fixture
def board(app_context, app, client):
    seed_quarter()
    user = make_user("board@partnership.example", "board")
    sign_in_as(client, user)
    return user


def _record(client, description: str = LEAKY) -> BoardAction:
    form = {"theme_code": "housing", "description": description, "owner_org": "County council",
            "due_on": ["31", "3", "2027"], "status": "planned", "reason": "", "csrf_token": csrf_token(client.get(NEW))}
    assert client.post(NEW, data=form).status_code == 302
    return db.session.scalars(select(BoardAction).order_by(BoardAction.id.desc())).first()


def _post(client, url: str, page_url: str, **data):
    return client.post(url, data={"csrf_token": csrf_token(client.get(page_url)), **data})


def _public_page(client) -> str:
    return page(client.get("/you-said-we-did/feedback")).get_text(" ", strip=True)


def test_text_is_redacted_before_it_is_stored(board, client):
    action = _record(client)
    assert "Mill Lane" not in action.description and "LS1 4AB" not in action.description
    assert "Jane Smith" not in action.description and "07700" not in action.description
    assert "jane.smith@example.org" not in action.description
    assert "[address]" in action.description and "[phone]" in action.description


def test_a_draft_is_previewed_but_not_public_until_the_board_publishes_it(board, client, monkeypatch):
    monkeypatch.setattr(yousaid_views, "recent_quarters", lambda n: [QUARTER.key.split(":")[1]])
    action = _record(client)
    url = f"/staff/reports/actions/{action.id}"
    soup = page(client.get(url))
    preview = soup.select_one("#public-preview")
    assert len(preview.select("li")) == 2 and "[address]" in preview.get_text()
    assert preview.select_one("a")["href"] == "/you-said-we-did/feedback"
    assert preview.select_one("a")["rel"] == ["nofollow", "noopener"]
    assert "Draft" in soup.select_one("#public-text").find_next("strong").get_text()
    assert "two more places" not in _public_page(client)

    assert _post(client, f"{url}/publish", url).status_code == 302
    db.session.refresh(action)
    assert action.public_state == "published" and action.published_on
    assert "two more places" in _public_page(client)

    assert _post(client, f"{url}/withdraw", url).status_code == 302
    db.session.refresh(action)
    assert action.public_state == "withdrawn"
    assert "two more places" not in _public_page(client)
    events = db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("report.action_%"))
                                .order_by(AuditEvent.id)).all()
    assert events[-2:] == ["report.action_publish", "report.action_withdraw"]


def test_updates_are_published_one_by_one(board, client, monkeypatch):
    monkeypatch.setattr(yousaid_views, "recent_quarters", lambda n: [QUARTER.key.split(":")[1]])
    action = _record(client, "Open a weekend helpline")
    url = f"/staff/reports/actions/{action.id}"
    _post(client, f"{url}/publish", url)
    _post(client, url, url, status="in_progress", note="Call Ann Lee on 07700 900456 for news.", reason="")
    update = db.session.scalars(select(BoardActionUpdate).order_by(BoardActionUpdate.id.desc())).first()
    assert "07700" not in update.note and update.public_state == "draft"
    assert "for news" not in _public_page(client)
    _post(client, f"{url}/updates/{update.id}/publish", url)
    assert "for news" in _public_page(client)


def test_editing_keeps_the_history_and_needs_publishing_again(board, client):
    action = _record(client, "First wording")
    url = f"/staff/reports/actions/{action.id}"
    _post(client, f"{url}/publish", url)
    response = _post(client, f"{url}/edit", f"{url}/edit", description="Second wording, from Bob Jones",
                     owner_org="County council", due_on=["30", "6", "2027"], reason="")
    assert response.status_code == 302
    db.session.refresh(action)
    assert action.description.startswith("Second wording") and "Bob Jones" not in action.description
    assert action.public_state == "draft"
    [revision] = action.revisions
    assert (revision.description, revision.public_state) == ("First wording", "published")
    assert "First wording" in page(client.get(url)).select_one("#action-revisions").get_text()


def test_edit_errors_keep_what_was_typed(board, client):
    action = _record(client, "First wording")
    url = f"/staff/reports/actions/{action.id}/edit"
    response = _post(client, url, url, description="", owner_org="Typed owner", due_on=["", "", ""], reason="")
    assert response.status_code == 200
    soup = page(response)
    assert "Enter what will be done" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("input[name=owner_org]")["value"] == "Typed owner"


def test_only_board_and_engagement_publish(app_context, app, client):
    seed_quarter()
    analyst = make_user("analyst@partnership.example", "analyst")
    sign_in_as(client, analyst)
    action = _record(client, "An analyst's note")
    url = f"/staff/reports/actions/{action.id}"
    assert "Publish on the public page" not in client.get(url).get_data(as_text=True)
    assert _post(client, f"{url}/publish", url).status_code == 403
    db.session.refresh(action)
    assert action.public_state == "draft"


@pytest.mark.parametrize("markdown, expected", [
    ("Plain words.", "<p>Plain words.</p>"),
    ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    ("1. first\n2. second", "<ol>\n<li>first</li>\n<li>second</li>\n</ol>"),
    ("Very **important**.", "<p>Very <strong>important</strong>.</p>"),
    ("[report](/you-said-we-did/feedback)",
     '<p><a href="/you-said-we-did/feedback" rel="nofollow noopener">report</a></p>'),
    ("[elsewhere](https://evil.example/)", "<p>elsewhere</p>"),
    ("[trick](javascript:alert(1))", "<p>trick</p>"),
    ("<script>alert(1)</script>", "alert(1)"),
    ("<img src=x onerror=alert(1)>", "<p></p>"),
    ("# Heading\n\n*em*", "Heading\n<p>em</p>"),
    ("https://evil.example/bare", "<p>https://evil.example/bare</p>"),
])
@pytest.mark.one_database  # rendering alone: no database
def test_markdown_subset_through_the_allow_list(app, markdown, expected):
    assert str(render(markdown)) == expected


def test_links_to_the_public_site_by_full_address(app_context, app):
    app.config["PUBLIC_BASE_URL"] = "https://heard.example.org"
    html = str(render("[report](https://heard.example.org/you-said-we-did/feedback)"))
    assert 'href="https://heard.example.org/you-said-we-did/feedback"' in html
    assert str(render("[report](https://heard.example.org.evil.example/you-said-we-did)")) == "<p>report</p>"
