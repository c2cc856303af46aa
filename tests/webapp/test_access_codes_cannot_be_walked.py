"""Access codes that cannot be walked (issue 11, part 3).

Before: codes were a word and four digits (about 160,000 values), limited per
address only (rotating X-Forwarded-For straight at gunicorn gave 40 of 40
guesses), and wrong codes used up the public feedback bucket. Now a code is
three words from a committed list, each code stops after MAX_WRONG_TRIES wrong
tries in a row (counted in the database, so parallel tries and new addresses do
not help) and tells staff, and wrong codes have their own per-address bucket."""

from __future__ import annotations

import http.client
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from tests.webapp.helpers import ACCESS_CODE, make_consultation, make_user, page, sign_in_as
from webapp import access_codes
from webapp.access_codes import MAX_WRONG_TRIES, code_words, hash_access_code, new_access_code
from webapp.audit import AuditEvent
from webapp.consultations.models import Consultation
from webapp.extensions import db
from webapp.journeys import STOPPED_CODE, WRONG_CODE
from webapp.reports import member_codes
from webapp.themes.scope import feedback_quarter

REVIEW = "/review/support-after-leaving"
WRONG = "otter-lantern-plum"


def audit(action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def error_text(response) -> str:
    return page(response).select_one(".govuk-error-summary").get_text(" ", strip=True)


def test_codes_are_three_words_from_the_committed_list():
    words = code_words()
    assert len(words) >= 390 and len(set(words)) == len(words)
    assert all(re.fullmatch(r"[a-z]{3,8}", word) for word in words)
    codes = {new_access_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        parts = code.split("-")
        assert len(parts) == 3 and all(part in words for part in parts)
    # About 60 million codes: 26 bits, against about 17 for a word and four digits.
    assert len(words) ** 3 > 50_000_000


def test_a_code_may_be_typed_or_said_any_way():
    stored = hash_access_code("otter-lantern-plum")
    for typed in ("otter-lantern-plum", "Otter Lantern Plum", " OTTER lantern-plum ", "otterlanternplum"):
        assert access_codes.access_code_matches(typed, stored), typed
    assert not access_codes.access_code_matches("otter-lantern-pear", stored)


@pytest.fixture
def in_review(app_context, app):
    return make_consultation(status="review", audience="group")


def test_wrong_tries_stop_the_code_tell_staff_and_a_new_code_works(app, in_review):
    client = app.test_client()
    for n in range(MAX_WRONG_TRIES):
        response = client.post(REVIEW, data={"step": "code", "code": WRONG})
        assert response.status_code == 400
        assert (WRONG_CODE if n < MAX_WRONG_TRIES - 1 else STOPPED_CODE) in error_text(response)
    # Now even the right code is refused, kindly, with what to do.
    right = client.post(REVIEW, data={"step": "code", "code": ACCESS_CODE})
    assert right.status_code == 400 and STOPPED_CODE in error_text(right)
    assert page(right).find("input", attrs={"name": "code"})["value"] == ACCESS_CODE
    [event] = audit("consultation.access_code_locked")
    assert event.target == in_review.slug and f"{MAX_WRONG_TRIES} wrong tries" in event.detail

    staff = app.test_client()
    sign_in_as(staff, make_user("eng@partnership.example", "engagement"))
    show = page(staff.get(f"/staff/consultations/{in_review.id}"))
    assert "stopped working" in show.find(id="access-code-stopped").get_text()
    staff.post(f"/staff/consultations/{in_review.id}/access-code")
    code = page(staff.get(f"/staff/consultations/{in_review.id}")).find(id="access-code").get_text(strip=True)
    assert len(code.split("-")) == 3
    assert client.post(REVIEW, data={"step": "code", "code": code}).status_code == 303
    assert page(staff.get(f"/staff/consultations/{in_review.id}")).find(id="access-code-stopped") is None


def test_a_right_code_resets_the_count_so_mistyping_members_are_not_stopped(app, in_review):
    for _ in range(3):
        for _ in range(MAX_WRONG_TRIES - 1):
            app.test_client().post(REVIEW, data={"step": "code", "code": WRONG})
        assert app.test_client().post(REVIEW, data={"step": "code", "code": ACCESS_CODE}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Consultation, in_review.id).code_stopped_at is None


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "TRUST_PROXY_HOPS": 1}])
def test_forty_parallel_guesses_from_forty_addresses_check_at_most_ten(app, in_review, app_overrides):
    """Rotating X-Forwarded-For straight at the app gave 40 of 40 guesses before."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    compared = []
    real_matches = access_codes.access_code_matches

    def counting(code, stored):
        compared.append(code)
        return real_matches(code, stored)

    def guess(n: int) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=60)
        connection.request("POST", REVIEW, body=urlencode({"step": "code", "code": f"{WRONG}{n}"}),
                           headers={"Content-Type": "application/x-www-form-urlencoded",
                                    "X-Forwarded-For": f"198.51.100.{n}", "X-Forwarded-Proto": "http"})
        status = connection.getresponse().status
        connection.close()
        return status

    access_codes.access_code_matches = counting
    try:
        with ThreadPoolExecutor(max_workers=40) as pool:
            statuses = list(pool.map(guess, range(40)))
    finally:
        access_codes.access_code_matches = real_matches
        server.shutdown()
        thread.join()
    assert set(statuses) == {400}
    assert len(compared) <= MAX_WRONG_TRIES
    db.session.expire_all()
    assert db.session.get(Consultation, in_review.id).code_stopped_at is not None
    assert len(audit("consultation.access_code_locked")) == 1


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "ACCESS_CODE_RATE_LIMIT": "3 per minute"}])
def test_group_member_codes_cannot_be_walked_either(app_context, app, demo_data, app_overrides):
    """Each member's code is its own row, found by a keyed hash: there is no one
    code to stop, so wrong tries are throttled per visitor, and used codes count as wrong."""
    [code] = member_codes.issue(feedback_quarter("2026Q3"), 1, None)
    db.session.commit()
    client = app.test_client()
    for _ in range(3):
        assert client.post("/group/", data={"code": WRONG}).status_code == 400
    assert client.post("/group/", data={"code": code}).status_code == 429
    assert client.post("/group/feedback/2026Q3", data={"step": "code", "code": code}).status_code == 429


@pytest.mark.parametrize("app_overrides", [{"RATELIMIT_ENABLED": True, "ACCESS_CODE_RATE_LIMIT": "3 per minute",
                                            "FEEDBACK_RATE_LIMIT": "1 per minute"}])
def test_wrong_codes_have_their_own_bucket_and_right_ones_are_free(app, in_review, app_overrides):
    client = app.test_client()
    for _ in range(5):  # a group in one room, all from one address
        assert client.post(REVIEW, data={"step": "code", "code": ACCESS_CODE}).status_code == 303
        client.get("/exit")
    for _ in range(3):
        assert client.post(REVIEW, data={"step": "code", "code": WRONG}).status_code == 400
    slowed = client.post(REVIEW, data={"step": "code", "code": ACCESS_CODE})
    assert slowed.status_code == 429
    # The respondents' bucket was never touched: a feedback post still goes through.
    assert client.post("/feedback", data={"step": "service", "service": "x"}).status_code != 429


def test_the_review_decisions_page_counts_tries_at_the_same_code(app, in_review):
    client = app.test_client()
    for _ in range(MAX_WRONG_TRIES):
        assert client.post(f"{REVIEW}/decisions", data={"code": WRONG}).status_code == 400
    refused = client.post(f"{REVIEW}/decisions", data={"code": ACCESS_CODE})
    assert refused.status_code == 400 and STOPPED_CODE in error_text(refused)
    # The same code is stopped everywhere it is used.
    assert STOPPED_CODE in error_text(client.post(REVIEW, data={"step": "code", "code": ACCESS_CODE}))
    assert len(audit("consultation.access_code_locked")) == 1
