"""The service-user group's view: each member's single-use code (issued in a
batch by staff, holding no names) opens one summary, from the one address
`/group/` or the summary's own; themes with counts suppressed below 5, only
quotes marked for publication; priorities (up to 3) and comments, checked with
names taken out (and words put back) before sending; sending spends the code,
so one member cannot send twice; the safety shell and kind errors."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from tests.webapp.helpers import (
    POLICE_LABEL,
    PUBLISHED,
    SMALL_THEME_QUOTE,
    STAFF_LABEL,
    UNPUBLISHED,
    make_user,
    page,
    seed_closed_consultation,
    seed_feedback_quarter,
    sign_in_as,
)
from webapp.extensions import db
from webapp.reports import member_codes
from webapp.reports.models import GroupComment, GroupMemberCode, GroupPriority
from webapp.themes.scope import consultation_scope, feedback_quarter

NAMED = "Staff should call back. My worker Jane Smith on 07700 900123 did."


@pytest.fixture
def quarter(app_context, app):
    return seed_feedback_quarter()


@pytest.fixture
def codes(quarter) -> list[str]:
    issued = member_codes.issue(feedback_quarter(quarter), 3, None)
    db.session.commit()
    return issued


def unlock(client, url: str, code: str):
    response = client.post(url, data={"step": "code", "code": code})
    assert response.status_code == 303, response.get_data(as_text=True)[:500]


def to_check(client, url: str, **data):
    response = client.post(url, data={"step": "view", **data})
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]
    return page(client.get(url))


def send(client, url: str):
    response = client.post(url, data={"step": "check", "website": ""})
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]
    return page(client.get(url))


def stored() -> tuple[list[GroupPriority], list[GroupComment]]:
    db.session.expire_all()
    return (list(db.session.scalars(select(GroupPriority).order_by(GroupPriority.id))),
            list(db.session.scalars(select(GroupComment).order_by(GroupComment.id))))


def test_the_group_address_takes_a_member_code_to_its_summary(client, quarter, codes):
    html = page(client.get("/group/"))
    assert html.h1.get_text() == "Enter your access code" and html.find(id="exit-this-page")
    assert "set-cookie" not in {key.lower() for key in client.get("/group/").headers.keys()}
    wrong = client.post("/group/", data={"code": "otter-lantern-plum"})
    assert wrong.status_code == 400 and "not right" in page(wrong).get_text()
    assert page(wrong).find("input", attrs={"name": "code"})["value"] == "otter-lantern-plum"
    empty = client.post("/group/", data={"code": ""})
    assert empty.status_code == 400 and "Enter the access code" in page(empty).get_text()
    response = client.post("/group/", data={"code": codes[0].upper().replace("-", " ")})
    assert response.status_code == 303 and response.location == f"/group/feedback/{quarter}"
    assert page(client.get(response.location)).h1.get_text() == "What people told us"


def test_a_summary_asks_for_a_code_first_and_only_its_own(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    first = client.get(url)
    assert page(first).h1.get_text() == "Enter your access code"
    assert UNPUBLISHED not in first.get_data(as_text=True) and PUBLISHED not in first.get_data(as_text=True)
    # Posting the view before the code stores nothing: the code is asked for (as after a time-out).
    skipped = client.post(url, data={"step": "view", "priorities": "staff-attitude"})
    assert skipped.status_code == 400 and page(skipped).h1.get_text() == "Enter your access code"
    other = seed_closed_consultation()
    [consultation_code] = member_codes.issue(consultation_scope(other.slug), 1, None)
    db.session.commit()
    refused = client.post(url, data={"step": "code", "code": consultation_code})
    assert refused.status_code == 400 and "not right" in page(refused).get_text()
    unlock(client, url, codes[1])
    assert page(client.get(url)).h1.get_text() == "What people told us"
    assert stored() == ([], [])


def test_themes_suppressed_below_5_and_only_published_quotes(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    response = client.get(url)
    text = page(response).get_text()
    rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True)
            for tr in page(response).select("#group-themes tbody tr")}
    assert rows[STAFF_LABEL] == "6"
    assert rows[POLICE_LABEL] == "fewer than 5" and "2" not in rows.values()
    assert PUBLISHED in text
    assert UNPUBLISHED not in text
    assert SMALL_THEME_QUOTE not in text  # published, but under a suppressed theme
    assert response.headers["Cache-Control"] == "no-store"
    assert "default-src" in response.headers["Content-Security-Policy"]


def test_members_check_their_redacted_comments_then_send_once(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    check = to_check(client, url, priorities=["staff-attitude", "police"],
                     **{"comment-staff-attitude": NAMED, "comment-police": "  "})
    assert check.h1.get_text() == "Check your answers before sending"
    shown = check.select_one(".govuk-summary-list").parent.get_text()
    assert STAFF_LABEL in shown and POLICE_LABEL in shown
    check.find(id="put-back").decompose()  # the words taken out, behind a closed "put back" list
    assert "[name]" in check.get_text() and "07700" not in check.get_text() and "Jane Smith" not in check.get_text()
    assert stored() == ([], [])  # nothing is kept until Send
    thanks = send(client, url)
    assert thanks.h1.get_text(strip=True) == "Thank you"
    priorities, comments = stored()
    assert [(p.scope, p.theme_code) for p in priorities] == [(f"feedback:{quarter}", "staff-attitude"),
                                                            (f"feedback:{quarter}", "police")]
    [comment] = comments
    assert comment.theme_code == "staff-attitude" and "call back" in comment.text
    assert "07700" not in comment.text and "Jane Smith" not in comment.text
    # The session ended with the thank-you page, and the code is spent: it cannot send again.
    assert page(client.get(url)).h1.get_text() == "Enter your access code"
    again = client.post(url, data={"step": "code", "code": codes[0]})
    assert again.status_code == 400 and "already been used" in page(again).get_text()
    assert client.post("/group/", data={"code": codes[0]}).status_code == 400
    rows = db.session.scalars(select(GroupMemberCode).order_by(GroupMemberCode.id))
    assert [row.used_on is not None for row in rows] == [True, False, False]


def test_a_word_taken_out_by_mistake_can_be_put_back(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    check = to_check(client, url, **{"comment-staff-attitude": "Jane at the front desk was lovely."})
    boxes = {box["value"]: box.find_next("label").get_text(strip=True) for box in check.select("input[name=put_back]")}
    assert list(boxes.values()) == ["Jane (a name)"]
    response = client.post(url, data={"step": "check", "put_back": list(boxes)})
    assert response.status_code == 303
    again = page(client.get(url))
    assert "Jane at the front desk was lovely." in again.get_text() and not again.select("input[name=put_back]")
    send(client, url)
    assert stored()[1][0].text == "Jane at the front desk was lovely."


def test_change_goes_back_with_what_was_sent_to_the_check_page(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    to_check(client, url, priorities="police", **{"comment-police": "Call me Sam please."})
    change = client.get(f"{url}?page=view")
    assert change.status_code == 303
    view = page(client.get(url))
    assert view.h1.get_text() == "What people told us"
    assert view.find("input", attrs={"name": "priorities", "value": "police"}).has_attr("checked")
    assert "[name]" in view.find("textarea", attrs={"name": "comment-police"}).get_text()
    # Reloading or coming back to the page later hides the answers until Continue.
    hidden = page(client.get(url))
    assert hidden.h1.get_text() == "Your answers are hidden" and "Call me" not in hidden.get_text()


def test_an_exit_that_never_arrived_ends_the_visit_before_anything_is_shown(client, quarter, codes):
    """Exit this page leaves the `heard_exit` marker when the exit itself cannot be sent
    (no signal): the next request ends the visit, so the comments never come back."""
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    checked = to_check(client, url, priorities="police", **{"comment-police": "Please ring back faster."})
    assert "Please ring back faster." in checked.get_text()
    client.set_cookie("heard_exit", "1")
    after = page(client.get(url))
    assert after.h1.get_text() == "Enter your access code"
    assert "ring back" not in after.get_text()
    assert "ring back" not in page(client.get(f"{url}?page=check", follow_redirects=True)).get_text()


def test_two_tabs_cannot_send_twice(client, app, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    to_check(client, url, priorities="police")
    other = app.test_client()
    unlock(other, url, codes[0])
    to_check(other, url, priorities="staff-attitude")
    send(client, url)
    late = other.post(url, data={"step": "check", "website": ""})
    assert late.status_code == 400 and "already been used" in page(late).get_text()
    assert [p.theme_code for p in stored()[0]] == ["police"]


def test_kind_errors_keep_what_was_typed(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    too_many = client.post(url, data={"step": "view", "priorities": ["staff-attitude", "police", "housing", "money"],
                                      "comment-staff-attitude": "Keep this text"})
    assert too_many.status_code == 400
    html = page(too_many)
    assert "Choose up to 3 themes" in html.get_text()
    assert html.find("textarea", attrs={"name": "comment-staff-attitude"}).get_text() == "Keep this text"
    assert html.find("input", attrs={"value": "police"}).has_attr("checked")
    nothing = client.post(url, data={"step": "view"})
    assert nothing.status_code == 400 and "or write a comment" in page(nothing).get_text()
    too_long = client.post(url, data={"step": "view", "comment-police": "x" * 1501})
    assert too_long.status_code == 400 and "1500 characters or fewer" in page(too_long).get_text()
    assert stored() == ([], [])


def test_risk_words_lead_the_thank_you_page_with_help(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    to_check(client, url, **{"comment-staff-attitude": "He said he will kill me tonight."})
    html = send(client, url)
    assert html.find(id="urgent-heading").get_text() == "If you are in danger now, call 999"
    [comment] = stored()[1]
    assert comment.risk_categories == "threat_to_kill_or_harm"


def test_comments_suggesting_danger_are_not_quoted_to_the_board(client, quarter, codes):
    from webapp.reports.queries import group_view  # noqa: PLC0415

    url = f"/group/feedback/{quarter}"
    unlock(client, url, codes[0])
    to_check(client, url, **{"comment-staff-attitude": "He said he will kill me tonight.",
                             "comment-police": "The police were kind."})
    send(client, url)
    [scope] = {c.scope for c in stored()[1]}
    view = group_view(scope)
    assert view.comments == {"police": ["The police were kind."]} and view.held_for_safeguarding == 1


def test_a_consultation_only_once_closed(app_context, client, app):
    consultation = seed_closed_consultation()
    [code] = member_codes.issue(consultation_scope(consultation.slug), 1, None)
    db.session.commit()
    url = f"/group/consultation/{consultation.slug}"
    unlock(client, url, code)
    html = page(client.get(url))
    assert "The refuge found us a safe place (0)." in html.get_text()
    assert "The refuge found us a safe place (1)." not in html.get_text()
    consultation.status = "open"
    db.session.commit()
    assert client.get(url).status_code == 404
    refused = client.post("/group/", data={"code": code})
    assert refused.status_code == 400 and "not right" in page(refused).get_text()


def test_no_codes_yet_and_unknown_scopes(app_context, client, app):
    seed_feedback_quarter()
    assert "not ready yet" in page(client.get("/group/feedback/2026Q3")).get_text()
    assert client.get("/group/feedback/summer").status_code == 404
    assert client.get("/group/other/2026Q3").status_code == 404
    assert client.get("/group/consultation/no-such-thing").status_code == 404


def test_a_visit_that_timed_out_keeps_what_was_typed_through_the_code(client, quarter, codes):
    url = f"/group/feedback/{quarter}"
    expired = client.post(url, data={"step": "view", "priorities": "staff-attitude",
                                     "comment-staff-attitude": "Call people back"})
    assert expired.status_code == 400
    html = page(expired)
    assert html.h1.get_text() == "Enter your access code" and "your visit ended" in html.get_text()
    carried = [(field["name"], field["value"]) for field in html.find_all("input", attrs={"type": "hidden"})
               if field["name"] not in ("step", "csrf_token")]
    assert ("carry-comment-staff-attitude", "Call people back") in carried
    resumed = client.post(url, data=MultiDict([*carried, ("step", "code"), ("code", codes[0])]))
    assert resumed.status_code == 200
    view = page(resumed)
    assert view.h1.get_text() == "What people told us"
    assert view.find("textarea", attrs={"name": "comment-staff-attitude"}).get_text().strip() == "Call people back"
    assert view.find("input", attrs={"name": "priorities", "value": "staff-attitude"}).has_attr("checked")
    assert stored() == ([], [])


# Staff issue the codes ------------------------------------------------------------------------

def test_staff_issue_a_printable_batch_shown_once_with_the_address_to_give(client, quarter):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    url = f"/staff/reports/summary/feedback:{quarter}/member-codes"
    html = page(client.get(url))
    assert "No codes have been issued" in html.find(id="code-counts").get_text()
    assert "http://localhost/group/" in html.find(id="group-address").get_text()
    refused = client.post(url, data={"count": "80"})
    assert refused.status_code == 400 and "from 1 to 50" in page(refused).get_text()
    assert page(refused).find(id="count")["value"] == "80"
    assert client.post(url, data={"count": "8"}).status_code == 302
    shown = page(client.get(url))
    slips = [li.find("code").get_text() for li in shown.select("#member-code-list li")]
    assert len(slips) == 8 == len(set(slips))
    assert all("http://localhost/group/" in li.get_text() for li in shown.select("#member-code-list li"))
    assert "8 codes have been issued for this summary; 0 have been used." in shown.find(id="code-counts").get_text()
    lookups = set(db.session.scalars(select(GroupMemberCode.lookup)))
    assert not any(code in lookup for code in slips for lookup in lookups)  # only keyed hashes are kept
    assert page(client.get(url)).find(id="member-code-list") is None  # shown once
    response = client.post("/group/", data={"code": slips[3]})
    assert response.location == f"/group/feedback/{quarter}"


def test_codes_are_not_offered_for_a_summary_the_group_cannot_see(app_context, client, app):
    sign_in_as(client, make_user("eng@partnership.example", "engagement"))
    consultation = seed_closed_consultation(status="closed")
    consultation.status = "open"
    db.session.commit()
    url = f"/staff/reports/summary/consultation:{consultation.slug}/member-codes"
    html = page(client.get(url))
    assert html.find(id="not-for-the-group") and html.find(id="count") is None
    client.post(url, data={"count": "3"})
    assert db.session.scalars(select(GroupMemberCode)).all() == []


def test_only_moderators_issue_codes(client, quarter):
    sign_in_as(client, make_user("analyst@partnership.example", "analyst"))
    url = f"/staff/reports/summary/feedback:{quarter}/member-codes"
    assert client.post(url, data={"count": "3"}).status_code == 403
    assert db.session.scalars(select(GroupMemberCode)).all() == []
