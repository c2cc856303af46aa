"""Hostile input over every form and query parameter.

Forms are not listed by hand: the journeys (feedback, consultation, co-production
review) are walked from their first page, and every POST form on every staff page
found from the URL map is read from its HTML, so new fields and routes are
covered automatically. Every case must get a clear response (never a 500), store
nothing unsafe (no NUL characters) and render escaped.

Each payload runs once per form, step and route on SQLite. Markup is escaped when a
page is rendered, whichever database stored it, so on PostgreSQL only the payloads
whose risk is the database's run again (`for_this_database`; the query cases marked
`one_database`): NUL, which it refuses, other scripts and combining marks, quotes,
and in forms invalid UTF-8 and lengths (a query string's are parsed before any view
reads a value from it, so those run on SQLite alone). A request already sent in a
sweep is not sent again (`first_time`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, String, Text, select
from werkzeug.datastructures import MultiDict

from tests.webapp.helpers import ACCESS_CODE, PASSWORD, get_urls, make_consultation, make_user, sign_in_as
from webapp.consultations.models import Answer, ConsultationResponse
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse

# Payloads that attack the same thing are joined into one string: escaping that
# fails for any of its parts leaves that part's marker (UNESCAPED) on the page, and a
# quote that reaches SQL unescaped breaks the statement whichever injection follows
# it, so one request finds what each part alone would (at half the requests).
PAYLOADS = {
    # a script element, an attribute broken out of, a textarea closed early
    "markup": "<script>alert('heard')</script>\"><img src=x onerror=alert(1)></textarea><svg/onload=alert(1)>",
    "sql": "1'); DROP TABLE feedback_response; -- ' OR '1'='1' --",
    "nul": "before\x00after",
    # right-to-left override, Hebrew and Arabic, an emoji sequence, stacked combining marks
    "scripts": ("\u202eexe.txt\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 "
                "\U0001f469\U0001f3fd\u200d\U0001f467 Z\u0334\u0321\u031b\u0349a\u0335\u034el e\u0301"),
}
# What the database itself could treat differently; the rest are markup.
DATABASE_PAYLOADS = ("sql", "nul", "scripts")
# What a payload looks like when it reached the page as markup instead of text.
UNESCAPED = ("<script>alert", "<img src=x", "<svg/onload", "\x00")
HUGE = "x" * 1_000_000
INVALID_UTF8_BODY = b"step=comments&what_helped=%FF%FE%C3%28\xff\xfe&could_be_better=\xc3\x28"
INVALID_UTF8_QUERY = "step=%FF%FE&page=%C3%28&service=\xff\xfe"  # WSGI: raw bytes as latin-1
KIND_ANSWER = "A kind answer"
TEXT_TYPES = {"text", "email", "password", "search", "tel", "url", "number", "date", None}
REVIEW = "/review/hostile-review"
DOWNLOADS = (".pdf", ".csv", ".xlsx", ".json")  # staff URLs that are files, not pages
FORM_MARKUP = re.compile(r"<form\b.*?</form>", re.S | re.I)  # forms never nest


@dataclass
class Form:
    action: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, type, value)
    options: dict[str, str] = field(default_factory=dict)  # first option of each choice

    def valid_data(self, answer: str = KIND_ANSWER) -> dict[str, str]:
        data = {}
        for name, kind, value in self.fields:
            if kind in ("radio", "checkbox", "select"):
                data.setdefault(name, self.options.get(name, value))
            elif kind == "textarea":
                data[name] = answer  # text inputs stay as they are: one is the honeypot
            else:
                data[name] = value
        return data

    def hostile_data(self, payload: str, everywhere: bool) -> dict[str, str]:
        """Payload in every typed field, or (everywhere) in every field but the token."""
        data = self.valid_data()
        for name, kind, _value in self.fields:
            typed = kind == "textarea" or kind in TEXT_TYPES
            if name != "csrf_token" and (everywhere or typed):
                data[name] = payload
        return data


def post_forms(response) -> list[Form]:
    forms = []
    # Only the forms are parsed: the rest of a page (header, help, footer) is most of its
    # markup and holds none, and parsing whole pages took a seventh of the journeys' sweep.
    only_forms = "".join(FORM_MARKUP.findall(response.get_data(as_text=True)))
    for html_form in BeautifulSoup(only_forms, "html.parser").find_all(
            "form", method=lambda m: (m or "").lower() == "post"):
        form = Form(action=html_form.get("action") or urlsplit(response.request.url).path)
        for tag in html_form.find_all(["input", "textarea", "select", "button"]):
            name = tag.get("name")
            if not name:
                continue
            kind = tag.name if tag.name in ("textarea", "select") else tag.get("type")
            if tag.name == "button":
                kind = "submit"
            if kind == "select":
                values = [o.get("value", o.get_text()) for o in tag.find_all("option")]
                form.options.setdefault(name, next((v for v in values if v), ""))
            if kind in ("radio", "checkbox"):
                form.options.setdefault(name, tag.get("value", "y"))
            form.fields.append((name, kind, tag.get_text() if kind == "textarea" else tag.get("value", "")))
        forms.append(form)
    return forms


def assert_clear_and_escaped(response, where) -> None:
    body = response.get_data().decode("utf-8", "replace")  # also reads streamed exports to the end
    assert response.status_code < 500, (where, response.status_code)
    if response.mimetype == "text/html":
        for marker in UNESCAPED:
            assert marker not in body, (where, marker)


def send(client, url: str, data, where) -> None:
    """POST a dict, a list of pairs (repeated names) or raw bytes (invalid UTF-8)."""
    if isinstance(data, bytes):
        response = client.post(url, data=data, content_type="application/x-www-form-urlencoded")
    else:
        response = client.post(url, data=MultiDict(data) if isinstance(data, list) else data)
    assert_clear_and_escaped(response, where)
    if response.status_code in (302, 303) and response.location.startswith("/"):
        assert_clear_and_escaped(client.get(response.location), (where, "after redirect"))


def payload_attacks(payload: str, sent: set):
    """The payload in the typed fields of a form, then in every field; a request
    already in `sent` is not made again."""
    return lambda form: [(data, (form.fields, payload, where)) for data, where in (
        (form.hostile_data(payload, False), "typed fields"), (form.hostile_data(payload, True), "every field"))
        if first_time(sent, form.action, data)]


def first_time(sent: set, action: str, data: dict) -> bool:
    """Whether this request is new, noting it in `sent`. A form with no typed field
    (sign out, hide, a choice of radios) posts the same data whatever the payload:
    it is sent once, not once per payload."""
    key = (action, tuple(sorted(data.items())))
    if key in sent:
        return False
    sent.add(key)
    return True


def shape_attacks(form: Form) -> list:
    """What is wrong whatever the words: 1 MB, invalid UTF-8, every name twice."""
    return [(form.hostile_data(HUGE, False), "1 MB"), (INVALID_UTF8_BODY, "invalid UTF-8"),
            ([(name, "1") for name, *_ in form.fields] * 2, "repeated")]


def walk_journey(client, start: str, attacks=None, answer: str = KIND_ANSWER, max_steps: int = 12) -> list[Form]:
    """Walk a journey to its end, with `answer` in every free-text box; on the
    way, send each step the `attacks` made for its form first. Returns the step
    forms seen. (A hostile honeypot value ends a journey as a bot's, storing nothing.)"""
    seen = []
    response = client.get(start, follow_redirects=True)
    for _ in range(max_steps):
        forms = [f for f in post_forms(response) if not f.action.startswith("/staff")]
        if not forms:
            break
        form = forms[-1]
        seen.append(form)
        if attacks is not None:
            for data, what in attacks(form):
                send(client, form.action, data, (start, what))
            client.get(start)  # back on the step, wherever the hostile posts left the journey
        response = client.post(form.action, data=form.valid_data(answer), follow_redirects=True)
        assert_clear_and_escaped(response, (start, "valid answers"))
    return seen


@pytest.fixture
def journeys(app_context, app, demo_data):
    make_consultation("support-after-leaving-2")
    make_consultation("hostile-review", status="review", audience="group")
    return {"/feedback?step=service": None, "/c/support-after-leaving-2?start=1": None, REVIEW: ACCESS_CODE}


def start_client(app, start: str, access_code: str | None):
    client = app.test_client()
    if access_code:  # the review asks for its code first
        assert client.post(start, data={"step": "code", "code": access_code}).status_code == 303
    return client


def test_the_walker_reaches_every_step_of_every_journey(app, journeys):
    steps = {start: walk_journey(start_client(app, start, code), start) for start, code in journeys.items()}
    assert len(steps["/feedback?step=service"]) >= 5
    assert len(steps["/c/support-after-leaving-2?start=1"]) >= 4
    assert len(steps[REVIEW]) >= 3
    free_text = {name for forms in steps.values() for form in forms for name, kind, _ in form.fields
                 if kind == "textarea"}
    assert {"what_helped", "could_be_better"} <= free_text


def for_this_database(payloads) -> list[str]:
    """Every payload on SQLite; on PostgreSQL, those whose risk is the database's."""
    if db.engine.dialect.name == "sqlite":
        return list(payloads)
    return [name for name in payloads if name in DATABASE_PAYLOADS]


@pytest.mark.slow
def test_hostile_answers_in_every_public_journey(app, journeys):
    """Every payload in turn, in each step's typed fields, then in all its fields,
    and as the free-text answers; the 1 MB, invalid UTF-8 and repeated posts once
    at each step. The staff pages are read once all of them are stored."""
    for start, code in journeys.items():
        walk_journey(start_client(app, start, code), start, shape_attacks)
    sent = set()
    for name in for_this_database(PAYLOADS):
        before = stored_feedback()
        for start, code in journeys.items():
            walk_journey(start_client(app, start, code), start, payload_attacks(PAYLOADS[name], sent))
            walk_journey(start_client(app, start, code), start, answer=PAYLOADS[name])
        assert stored_feedback() > before, name  # the payload as free text was really stored
    assert_nothing_unsafe_stored()
    assert_staff_pages_escape_what_was_stored(app)


def stored_feedback() -> int:
    return db.session.scalar(select(db.func.count(FeedbackResponse.id)))


def assert_nothing_unsafe_stored() -> None:
    """No NUL in any text anywhere (PostgreSQL refuses them; nobody types one)."""
    db.session.expire_all()
    for mapper in db.Model.registry.mappers:
        columns = [c for c in mapper.columns if isinstance(c.type, (String, Text, JSON))
                   or isinstance(getattr(c.type, "impl", None), (String, Text, JSON))]
        for row in db.session.scalars(select(mapper.class_)):
            for column in columns:
                value = getattr(row, column.key, None)
                assert "\x00" not in str(value or ""), (mapper.class_.__name__, column.key)


def assert_staff_pages_escape_what_was_stored(app) -> None:
    admin = make_user(f"reader-{stored_feedback()}@partnership.example", "admin")
    client = app.test_client()
    sign_in_as(client, admin)
    for url in sorted(get_urls(app, admin)):
        if url.startswith(("/staff", "/you-said")):
            assert_clear_and_escaped(client.get(url), url)


def staff_forms(app, admin) -> list[tuple[str, Form]]:
    """One of each distinct POST form on every staff page, with the page it is on.
    Forms are told apart by the view they post to and their fields, not by the
    URL: a moderation page has a "hide" form for each of its fifty responses, all
    handled by one view."""
    client = app.test_client()
    sign_in_as(client, admin)
    views = app.url_map.bind("localhost")
    found, keys = [], set()
    for url in sorted(get_urls(app, admin)):
        # Downloads have no forms: making every PDF, spreadsheet and export here took
        # a fifth of the test (each is still made, and checked, once hostile input is stored).
        if not url.startswith("/staff") or url.endswith(DOWNLOADS):
            continue
        response = client.get(url)
        if response.mimetype != "text/html":
            response.get_data()
            continue
        for form in post_forms(response):
            view, _ = views.match(urlsplit(form.action).path, method="POST")
            key = (view, tuple(name for name, *_ in form.fields))
            if key not in keys:
                keys.add(key)
                found.append((url, form))
    return found



@pytest.mark.slow
def test_hostile_input_in_every_staff_form(app_context, app, demo_data):
    make_consultation("support-after-leaving-2")
    forms = staff_forms(app, make_user("finder@partnership.example", "admin"))
    assert len(forms) >= 15
    actions = {form.action for _, form in forms}
    assert "/staff/users/new" in actions and "/staff/consultations/new" in actions
    admin = make_user("hostile@partnership.example", "admin")
    sent = set()
    for name in for_this_database(PAYLOADS):
        for url, form in forms:
            for everywhere in (False, True):
                data = form.hostile_data(PAYLOADS[name], everywhere)
                if first_time(sent, form.action, data):
                    send(signed_in(app, admin), form.action, data, (url, form.action, name))
        if "\x00" in PAYLOADS[name]:  # checked before a later payload can overwrite what it stored
            assert_nothing_unsafe_stored()
    for url, form in forms:
        send(signed_in(app, admin), form.action, INVALID_UTF8_BODY, (url, "invalid UTF-8"))
        send(signed_in(app, admin), form.action, [(n, "1") for n, *_ in form.fields] * 2, (url, "repeated"))
    assert_staff_pages_escape_what_was_stored(app)


def signed_in(app, admin):
    """A fresh admin session, even if the last hostile form signed out or
    rotated the session."""
    client = app.test_client()
    sign_in_as(client, db.session.get(type(admin), admin.id))
    return client


def test_hostile_staff_sign_in(client):
    for payload in [*PAYLOADS.values(), HUGE]:
        send(client, "/staff/sign-in", {"email": payload, "password": payload}, payload[:20])
    send(client, "/staff/sign-in", INVALID_UTF8_BODY.replace(b"what_helped", b"email"), "invalid UTF-8")
    send(client, "/staff/sign-in", [("email", "a@b.example"), ("email", "' OR 1=1"), ("password", "x")], "repeated")


QUERY_NAMES = ("step", "service", "page", "start", "next", "q", "status", "filter", "sort", "period")


# A query value is only read, never stored, so no length limit stands between a
# value and what reads it: markup, SQL and other scripts go joined in one value, as
# in PAYLOADS (a lookup, parse or escape that fails on any part fails on the whole).
# NUL goes alone: a value holding one is refused before its other parts reach anything.
JOINED_PAYLOADS = "".join(PAYLOADS[name] for name in ("markup", "sql", "scripts"))


def query_of(value: str) -> str:
    return "&".join(f"{query_name}={quote(value)}" for query_name in QUERY_NAMES)


# Each query (as the WSGI server hands it over: invalid UTF-8 arrives as latin-1) is
# sent to every route, one test per query so that the workers can share them.
QUERIES = {
    "joined": query_of(JOINED_PAYLOADS),
    "nul": query_of(PAYLOADS["nul"]),
    "invalid-utf8": INVALID_UTF8_QUERY,
    "repeated": "step=service&step=comments&page=1&page=2&service=a&service=b",
    "long": f"{'x' * 8000}={'y' * 8000}",
}
# The values a database reads: SQL, other scripts, NUL. The query string itself (its
# decoding, its length) is parsed before any view runs, whichever database is behind
# it; the non-ASCII values it decodes to reach PostgreSQL in "joined" (other scripts).
DATABASE_QUERIES = ("joined", "nul")


def reads_no_query_name(url: str) -> bool:
    """The PDFs and a consultation's exports; the actions ledger's exports read `status`."""
    return url.endswith(".pdf") or "/export." in url
WHOLE_QUERY_ATTACKS = ("invalid-utf8", "long")


@pytest.mark.parametrize("query", [
    pytest.param(name, marks=() if name in DATABASE_QUERIES else pytest.mark.one_database) for name in QUERIES])
def test_hostile_query_parameters_everywhere(app_context, app, demo_data, query):
    make_consultation("support-after-leaving-2")
    admin = make_user("query@partnership.example", "admin")
    urls = sorted(u for u in get_urls(app, admin) if not u.startswith("/healthz"))
    for url in urls:
        # These files' views read none of QUERY_NAMES (the paper forms, posters and board
        # packs are made from the database and the page's language alone, a
        # consultation's exports from the database and `include_hidden`), so a value's
        # payload cannot reach one: each was the same file every time, and making them
        # took over a third of this sweep. They still get the attacks on the query string.
        if reads_no_query_name(url) and query not in WHOLE_QUERY_ATTACKS:
            continue
        client = app.test_client()
        if url.startswith("/staff"):
            sign_in_as(client, admin)
        response = client.get(url, environ_overrides={"QUERY_STRING": QUERIES[query]})
        assert_clear_and_escaped(response, (url, query))


# The answers wait in the session until they are sent: no database sees them here.
@pytest.mark.one_database
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(codec="utf-8"), max_size=1500))
def test_any_text_in_the_comments_step_is_kept_escaped_and_without_nul(client, demo_data, text):
    client.get("/feedback?step=service")
    client.post("/feedback", data={"step": "service", "service": "outreach"})
    client.post("/feedback", data={"step": "experience", "ease": "easy", "listened": "yes", "overall": "good"})
    response = client.post("/feedback", data={"step": "comments", "what_helped": text, "could_be_better": ""},
                           follow_redirects=True)
    assert_clear_and_escaped(response, text)
    check = client.get("/feedback?step=check", follow_redirects=True)
    assert_clear_and_escaped(check, text)
    body = check.get_data(as_text=True)
    assert "\x00" not in body
    client.get("/exit")


# --- paths, periods, ranges, redirects and exports (issue 11, part 6) ---------------------

CONTROL_PATHS = ["/c/%00", "/c/a%00b", "/review/%00", "/you-said-we-did/consultations/%00",
                 "/group/consultation/a%00b", "/group/feedback/2026Q1%00", "/c/%1b%5b31m", "/c/%07",
                 "/staff/reports/summary/consultation:a%00b", "/staff/themes/scope/consultation:%00"]
IMPOSSIBLE_PERIODS = ["/group/feedback/0000Q1", "/group/feedback/9999Q4", "/group/feedback/1999Q4",
                      "/group/feedback/2026Q5", "/group/feedback/2026Q0"]
EXTREME_RANGES = ["feedback:0001-01-01..9999-12-31", "feedback:0000-01-01..2026-12-31",
                  "feedback:2026-01-01..9999-12-31", "feedback:1900-01-01..2026-12-31",
                  "feedback:2000-01-01..2099-12-31", "feedback:2026-02-30..2026-03-01", "feedback:9999Q4",
                  "feedback:0000Q1"]


def test_control_characters_in_path_segments_are_not_found(app_context, app, demo_data):
    """Before, PostgreSQL refused the NUL in the lookup and the page was a 500."""
    client = app.test_client()
    sign_in_as(client, make_user())
    for path in CONTROL_PATHS:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Page not found" in response.get_data(as_text=True)


def test_impossible_group_periods_are_not_found(client, demo_data):
    for path in IMPOSSIBLE_PERIODS:
        assert client.get(path).status_code == 404, path


def test_extreme_report_ranges_are_refused_kindly(app_context, app, demo_data):
    client = app.test_client()
    sign_in_as(client, make_user())
    for scope in EXTREME_RANGES:
        for path in (f"/staff/reports/summary/{scope}", f"/staff/reports/summary/{scope}/board-pack.pdf",
                     f"/staff/themes/scope/{scope}", f"/staff/reports/summary/{scope}/actions/new"):
            response = client.get(path)
            assert response.status_code in (400, 404), (path, response.status_code)
    ten_years = client.get("/staff/reports/summary/feedback:2016-01-01..2025-12-31")
    assert ten_years.status_code == 200


def test_line_breaks_in_next_after_sign_in_are_dropped(app_context, app):
    client = app.test_client()
    user = make_user(demo=True)
    app.config["DEMO"] = True
    for raw in ("/staff/users%0d%0aSet-Cookie:%20heard=x", "/staff/%0aLocation:%20https://evil.example",
                "/staff/%E2%80%A8", "/staff/%09"):
        response = client.post(f"/staff/sign-in?next={raw}", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, raw
        location = response.headers["Location"]
        assert "\r" not in location and "\n" not in location and "evil" not in location
        client.post("/staff/sign-out")


def test_escape_and_bell_characters_never_reach_a_csv_export(app_context, app):
    consultation = make_consultation("control-characters")
    [free_text] = [q for q in consultation.questions if q.text == "Anything else?"]
    response = ConsultationResponse(consultation_id=consultation.id, submitted_on=date.today())
    response.answers.append(Answer(question=free_text, value="red \x1b[31malert\x1b[0m ring \x07\x08 end\x9b"))
    db.session.add(response)
    db.session.commit()
    client = app.test_client()
    sign_in_as(client, make_user())
    export = client.get(f"/staff/consultations/{consultation.id}/export.csv").get_data(as_text=True)
    assert "red [31malert[0m ring  end" in export
    assert not any(ch in export for ch in "\x1b\x07\x08\x9b")
