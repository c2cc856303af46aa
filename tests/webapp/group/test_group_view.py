"""The service-user group's view at /group/...: the access code first (the
consultation's own, or the newest group code for feedback), themes with counts
suppressed below 5, only quotes marked for publication, priorities (up to 3)
and comments redacted before storage; the safety shell and kind errors."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from tests.webapp.helpers import (
    ACCESS_CODE,
    POLICE_LABEL,
    PUBLISHED,
    SMALL_THEME_QUOTE,
    STAFF_LABEL,
    UNPUBLISHED,
    page,
    seed_closed_consultation,
    seed_feedback_quarter,
)
from webapp.access_codes import hash_access_code
from webapp.extensions import db
from webapp.feedback.models import GroupAccessCode
from webapp.reports.models import GroupComment, GroupPriority

GROUP_CODE = "RIVER-2026"


@pytest.fixture
def quarter(app):
    quarter = seed_feedback_quarter()
    db.session.add(GroupAccessCode(code_hash=hash_access_code("OLD-0001")))
    db.session.add(GroupAccessCode(code_hash=hash_access_code(GROUP_CODE)))
    db.session.commit()
    return quarter


def unlock(client, url: str, code: str = GROUP_CODE):
    response = client.post(url, data={"step": "code", "code": code})
    assert response.status_code == 303, response.get_data(as_text=True)[:500]


def stored() -> tuple[list[GroupPriority], list[GroupComment]]:
    db.session.expire_all()
    return (list(db.session.scalars(select(GroupPriority).order_by(GroupPriority.id))),
            list(db.session.scalars(select(GroupComment).order_by(GroupComment.id))))


def test_access_code_first_newest_group_code_for_feedback(client, quarter):
    url = f"/group/feedback/{quarter}"
    first = client.get(url)
    html = page(first)
    assert html.h1.get_text() == "Enter your access code" and html.find(id="exit-this-page")
    assert UNPUBLISHED not in first.get_data(as_text=True) and PUBLISHED not in first.get_data(as_text=True)
    # Posting the view before the code stores nothing: the code is asked for (as after a time-out).
    skipped = client.post(url, data={"step": "view", "priorities": "staff-attitude"})
    assert skipped.status_code == 400 and page(skipped).h1.get_text() == "Enter your access code"
    assert stored() == ([], [])
    for wrong in ("OLD-0001", "MAPLE-0000"):
        refused = client.post(url, data={"step": "code", "code": wrong})
        assert refused.status_code == 400 and "not right" in page(refused).get_text()
        assert page(refused).find("input", attrs={"name": "code"})["value"] == wrong
    unlock(client, url)
    assert page(client.get(url)).h1.get_text() == "What people told us"


def test_themes_suppressed_below_5_and_only_published_quotes(client, quarter):
    url = f"/group/feedback/{quarter}"
    unlock(client, url)
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


def test_priorities_and_redacted_comments_are_stored_then_thanks(client, quarter):
    url = f"/group/feedback/{quarter}"
    unlock(client, url)
    done = client.post(url, data={
        "step": "view", "priorities": ["staff-attitude", "police"],
        "comment-staff-attitude": "Staff should call back. My worker Jane Smith on 07700 900123 did.",
        "comment-police": "  "})
    assert done.status_code == 303
    priorities, comments = stored()
    assert [(p.scope, p.theme_code) for p in priorities] == [(f"feedback:{quarter}", "staff-attitude"),
                                                            (f"feedback:{quarter}", "police")]
    [comment] = comments
    assert comment.theme_code == "staff-attitude"
    assert "07700" not in comment.text and "Jane Smith" not in comment.text and "call back" in comment.text
    thanks = client.get(url)
    assert page(thanks).h1.get_text(strip=True) == "Thank you"
    # The session ended with the thank-you page: the code is needed again.
    assert page(client.get(url)).h1.get_text() == "Enter your access code"


def test_kind_errors_keep_what_was_typed(client, quarter):
    url = f"/group/feedback/{quarter}"
    unlock(client, url)
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


def test_risk_words_lead_the_thank_you_page_with_help(client, quarter):
    url = f"/group/feedback/{quarter}"
    unlock(client, url)
    client.post(url, data={"step": "view", "comment-staff-attitude": "He said he will kill me tonight."})
    html = page(client.get(url))
    assert html.find(id="urgent-heading").get_text() == "If you are in danger now, call 999"


def test_consultation_uses_its_own_code_and_only_when_closed(client, app):
    consultation = seed_closed_consultation()
    url = f"/group/consultation/{consultation.slug}"
    refused = client.post(url, data={"step": "code", "code": GROUP_CODE})
    assert refused.status_code == 400
    unlock(client, url, ACCESS_CODE)
    html = page(client.get(url))
    assert "The refuge found us a safe place (0)." in html.get_text()
    assert "The refuge found us a safe place (1)." not in html.get_text()
    consultation.status = "open"
    db.session.commit()
    assert client.get(url).status_code == 404


def test_public_consultation_uses_the_group_code(client, quarter):
    consultation = seed_closed_consultation()
    consultation.audience, consultation.access_code_hash = "public", ""
    db.session.commit()
    url = f"/group/consultation/{consultation.slug}"
    assert client.post(url, data={"step": "code", "code": ACCESS_CODE}).status_code == 400
    unlock(client, url)
    assert page(client.get(url)).h1.get_text() == "What people told us"


def test_no_group_code_yet_and_unknown_scopes(client, app):
    seed_feedback_quarter()
    assert "not ready yet" in page(client.get("/group/feedback/2026Q3")).get_text()
    assert client.get("/group/feedback/summer").status_code == 404
    assert client.get("/group/other/2026Q3").status_code == 404
    assert client.get("/group/consultation/no-such-thing").status_code == 404


def test_a_visit_that_timed_out_keeps_what_was_typed_through_the_code(client, quarter):
    url = f"/group/feedback/{quarter}"
    expired = client.post(url, data={"step": "view", "priorities": "staff-attitude",
                                     "comment-staff-attitude": "Call people back"})
    assert expired.status_code == 400
    html = page(expired)
    assert html.h1.get_text() == "Enter your access code" and "your visit ended" in html.get_text()
    carried = [(field["name"], field["value"]) for field in html.find_all("input", attrs={"type": "hidden"})
               if field["name"] not in ("step", "csrf_token")]
    assert ("carry-comment-staff-attitude", "Call people back") in carried
    resumed = client.post(url, data=MultiDict([*carried, ("step", "code"), ("code", GROUP_CODE)]))
    assert resumed.status_code == 200
    view = page(resumed)
    assert view.h1.get_text() == "What people told us"
    assert view.find("textarea", attrs={"name": "comment-staff-attitude"}).get_text().strip() == "Call people back"
    assert view.find("input", attrs={"name": "priorities", "value": "staff-attitude"}).has_attr("checked")
    assert stored() == ([], [])
