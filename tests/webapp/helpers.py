"""Helpers the webapp tests share (fixtures are in conftest.py): reading pages,
staff users and sign-in, a small consultation, themed data for the board, the
group and "you said, we did", feedback for theming, and every GET route's URL.
Not a test module: tests import from here, never from each other."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pyotp
from bs4 import BeautifulSoup
from flask import url_for
from sqlalchemy import select

from webapp.access_codes import hash_access_code
from webapp.consultations.models import (
    Answer,
    Consultation,
    ConsultationPage,
    ConsultationResponse,
    Question,
    answer_ref,
)
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.moderation.models import PublishedQuote
from webapp.periods import recent_quarters
from webapp.reports.models import GroupComment, GroupPriority
from webapp.staff import accounts
from webapp.themes import runs
from webapp.themes.models import EmergentTheme, StaffCoding, ThemeRun, ThemeRunItem
from webapp.themes.scope import feedback_quarter

# Pages ------------------------------------------------------------------------------------

PUBLIC_PAGES = ("/", "/get-help", "/staying-safe-online", "/privacy", "/accessibility", "/feedback")


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def csrf_token(response) -> str:
    field = page(response).find("input", attrs={"name": "csrf_token"})
    return field["value"] if field else ""


def walk_to_check(client, **answers):
    """Answer every step with sensible defaults; return the check page response."""
    client.get("/feedback?step=service")
    steps = [
        {"step": "service", "service": answers.get("service", "outreach"),
         "other_service": answers.get("other_service", "")},
        {"step": "experience", "ease": "easy", "listened": "yes", "overall": answers.get("overall", "good")},
        {"step": "comments", "what_helped": answers.get("what_helped", "My worker listened."),
         "could_be_better": answers.get("could_be_better", "Shorter waits.")},
        {"step": "about-you", "age_band": "25-34", "gender": "woman", "disability": "prefer-not",
         "ethnicity": "", "sexuality": "", "submit": "Continue"},
    ]
    for data in steps:
        response = client.post("/feedback", data=data)
        assert response.status_code == 303, (data["step"], response.get_data(as_text=True)[:2000])
    return client.get("/feedback")


class ClientRequest:
    """Notify-style page requests: fetch by endpoint, check the status, parse the
    page and check its ids are unique. `client_request.get("public.privacy")`."""

    def __init__(self, client):
        self.client = client

    def url(self, endpoint: str, **values) -> str:
        with self.client.application.test_request_context():
            return url_for(endpoint, **values)

    def get(self, endpoint: str, _expected_status: int = 200, **values) -> BeautifulSoup:
        response = self.client.get(self.url(endpoint, **values))
        return checked_page(response, _expected_status)

    def post(self, endpoint: str, _data: dict | None = None, _expected_status: int = 303, **values):
        """The response (a redirect, by default) or, for a page, its parsed HTML."""
        response = self.client.post(self.url(endpoint, **values), data=_data or {})
        if response.status_code in (301, 302, 303):
            assert response.status_code == _expected_status, response.status_code
            return response
        return checked_page(response, _expected_status)


def checked_page(response, expected_status: int) -> BeautifulSoup:
    assert response.status_code == expected_status, (response.status_code, response.get_data(as_text=True)[:500])
    html = page(response)
    assert_unique_ids(html)
    return html


def assert_unique_ids(html: BeautifulSoup) -> None:
    ids = [tag["id"] for tag in html.find_all(id=True)]
    duplicates = sorted({found for found in ids if ids.count(found) > 1})
    assert not duplicates, f"ids used more than once: {duplicates}"


# Staff ------------------------------------------------------------------------------------

PASSWORD = "Copper-Kettle-Lantern-58"


def make_user(email: str = "sam@partnership.example", role: str = "admin", *, demo: bool = False,
              password: str = PASSWORD, must_change_password: bool = False):
    user = accounts.create_user(email, role, password, is_demo=demo, totp_required=not demo,
                                must_change_password=must_change_password)
    db.session.commit()
    return user


def sign_in_as(client, user) -> None:
    """Put a signed-in session in place without the sign-in pages (fast)."""
    with client.session_transaction() as session:
        session["_user_id"] = user.session_token
        session["_fresh"] = True
        session["staff_last_seen"] = session["staff_signed_in_at"] = time.time()


def code_for(secret: str, steps_ahead: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + 30 * steps_ahead)


def enrol(client, user, password: str = PASSWORD) -> tuple[str, list[str]]:
    """Sign in for the first time, set up two-factor; return (secret, recovery codes)."""
    response = client.post("/staff/sign-in", data={"email": user.email, "password": password})
    assert response.status_code == 302 and response.location.endswith("/staff/two-factor/set-up"), response.location
    html = page(client.get("/staff/two-factor/set-up"))
    secret = html.find(id="totp-secret").get_text().replace(" ", "")
    response = client.post("/staff/two-factor/set-up", data={"code": code_for(secret)})
    assert response.location.endswith("/staff/two-factor/recovery-codes")
    shown = page(client.get("/staff/two-factor/recovery-codes"))
    codes = [li.get_text(strip=True) for li in shown.select("#recovery-codes li")]
    return secret, codes


def sign_out(client) -> None:
    client.post("/staff/sign-out")


# A consultation -----------------------------------------------------------------------------

ACCESS_CODE = "MAPLE-4821"


def make_consultation(slug: str = "support-after-leaving", *, status: str = "open", audience: str = "public",
                      opens_on: date | None = None, closes_on: date | None = None) -> Consultation:
    today = date.today()
    consultation = Consultation(
        slug=slug, title="Improving support after leaving", status=status, audience=audience,
        introduction="We want to know what helped after you left.",
        access_code_hash=hash_access_code(ACCESS_CODE) if audience == "group" else "",
        opens_on=opens_on or today - timedelta(days=7), closes_on=closes_on or today + timedelta(days=30),
        results_due_on=date(2027, 3, 31), results_where="on this site and at the partnership board")
    first = ConsultationPage(title="Your support", position=0)
    refuge = Question(kind="yes_no", text="Did you stay in a refuge?", required=True, position=0)
    first.questions += [refuge,
                        Question(kind="multiple", text="Which services did you use?", position=1,
                                 options=["Outreach", "Housing", "Police"])]
    second = ConsultationPage(title="The refuge", position=1)
    second.questions.append(Question(kind="free_text", text="What was the refuge like?", required=True,
                                     char_limit=200, position=0))
    third = ConsultationPage(title="Looking ahead", position=2)
    third.questions += [
        Question(kind="agreement", text="I knew where to get help", position=0),
        Question(kind="rating", text="How would you rate support overall?", position=1),
        Question(kind="single", text="What matters most now?", position=2,
                 options=["Housing", "Money", "Children"]),
        Question(kind="free_text", text="Anything else?", hint="You can leave this blank.", position=3),
    ]
    consultation.pages += [first, second, third]
    db.session.add(consultation)
    db.session.flush()
    second.show_if_question_id = refuge.id
    second.show_if_value = "Yes"
    db.session.commit()
    return consultation


def field(consultation: Consultation, text: str) -> str:
    [question] = [q for q in consultation.questions if q.text == text]
    return f"q{question.id}"


def page_id(consultation: Consultation, title: str) -> str:
    [page] = [p for p in consultation.pages if p.title == title]
    return str(page.id)


# A themed quarter for the board summary, pack and ledger -----------------------------------

QUARTER = feedback_quarter("2026Q3")
PREVIOUS = feedback_quarter("2026Q2")
# Six different complaints (quotes skip near-duplicates), each saying "dismissive".
STAFF_TEXTS = (
    "The worker on the phone was dismissive and rushed me off the call.",
    "Reception staff were dismissive when I asked about the waiting list.",
    "A dismissive duty officer told me the messages he sent were nothing.",
    "My housing officer sounded dismissive and never rang back about repairs.",
    "The front desk gave dismissive answers that put me off going back for weeks.",
    "The counsellor seemed dismissive whenever I mentioned my children.",
)
HOUSING_TEXT = "They found us a refuge place within two days and it felt safe ({n})."


def _response(day: date, text: str, service: Service | None, **values) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, what_helped=text, service=service, **values)
    db.session.add(response)
    db.session.flush()
    return response


def _run(scope, coded: list[tuple[FeedbackResponse, list[str], float]], n_coded: int = 0) -> ThemeRun:
    run = ThemeRun(scope=scope.key, status="done", finished_at=datetime(2026, 10, 2, 9, 0),
                   n_items=len(coded), n_coded=n_coded)
    db.session.add(run)
    db.session.flush()
    for response, codes, compound in coded:
        db.session.add(ThemeRunItem(
            run_id=run.id, ref=feedback_ref(response.id, "what_helped"), codes=codes,
            scores={code: 0.9 for code in codes}, matched={}, compound=compound,
            sentiment="negative" if compound < -0.05 else "positive" if compound > 0.05 else "neutral"))
    return run


def seed_quarter() -> dict:
    """2026Q3: 6 staff-attitude responses (4 at the refuge, 2 on the advice
    line; compound -0.5; all women 25 to 34), 5 housing (refuge; +0.4; age not
    said), 1 police (advice line), and one hidden housing response that must not
    count. 2026Q2: 8 housing responses. The group: 3 priorities and a comment on
    housing. A pending emergent theme "Parking at the office"."""
    refuge, advice = Service(slug="refuge", name="Refuge"), Service(slug="advice", name="Advice line")
    db.session.add_all([refuge, advice])
    day = date(2026, 8, 3)
    coded = []
    for n in range(6):
        response = _response(day, STAFF_TEXTS[n], refuge if n < 4 else advice,
                             gender="woman", age_band="25-34", safeguarding_flag=(n == 0))
        coded.append((response, ["staff-attitude"], -0.5))
    for n in range(5):
        response = _response(day, HOUSING_TEXT.format(n=n), refuge, gender="woman", risk_flagged=(n == 4),
                             risk_categories="suicidal,weapons" if n == 4 else "")
        coded.append((response, ["housing"], 0.4))
    police = _response(day, "The police came quickly when I called them that night.", advice)
    coded.append((police, ["police"], 0.2))
    hidden = _response(day, HOUSING_TEXT.format(n="hidden"), refuge, hidden=True, hidden_reason="Test")
    coded.append((hidden, ["housing"], 0.4))
    run = _run(QUARTER, coded, n_coded=12)
    db.session.add(EmergentTheme(run_id=run.id, name="Parking at the office", terms=["parking"], size=3))
    db.session.add(EmergentTheme(run_id=run.id, name="Dismissed idea", status="dismissed"))
    before = [(_response(date(2026, 5, 4), HOUSING_TEXT.format(n=f"q2-{n}"), refuge), ["housing"], 0.3)
              for n in range(8)]
    _run(PREVIOUS, before)
    db.session.add_all([GroupPriority(scope=QUARTER.key, theme_code="housing") for _ in range(3)])
    db.session.add(GroupComment(scope=QUARTER.key, theme_code="housing", text="Refuge places matter most to us."))
    db.session.commit()
    return {"refuge": refuge, "advice": advice}


# Themed data for the group view and "you said, we did" --------------------------------------

PUBLISHED = "The worker on the phone was kind and patient (published)."
UNPUBLISHED = "The worker on the phone rushed me (not published)."
SMALL_THEME_QUOTE = "The police came quickly (published, but the theme is under 5)."
STAFF_LABEL = "Kindness, respect and trauma-informed practice of staff"
POLICE_LABEL = "Police response, protection orders, disclosure scheme"


def last_quarter() -> str:
    return recent_quarters(4)[1]


def seed_feedback_quarter() -> str:
    """Last quarter: 6 responses about staff attitude (one published), 2 about
    the police (one published, but 2 is under 5). Returns the quarter."""
    quarter = last_quarter()
    day = feedback_quarter(quarter).start + timedelta(days=3)
    texts = [PUBLISHED] + [UNPUBLISHED] * 5
    refs = []
    for text in texts:
        refs.append(_feedback(day, text, "staff-attitude"))
    police = [_feedback(day, SMALL_THEME_QUOTE, "police"), _feedback(day, "Police again.", "police")]
    db.session.add_all([PublishedQuote(ref=refs[0]), PublishedQuote(ref=police[0])])
    db.session.commit()
    return quarter


def _feedback(day: date, text: str, code: str) -> str:
    response = FeedbackResponse(submitted_on=day, what_helped=text)
    db.session.add(response)
    db.session.flush()
    ref = feedback_ref(response.id, "what_helped")
    db.session.add(StaffCoding(ref=ref, codes=[code]))
    return ref


def seed_closed_consultation(status: str = "closed"):
    """A group consultation (so it has an access code) that has closed, with
    5 answers about housing, one published."""
    consultation = make_consultation("after-leaving", status=status, audience="group",
                                     opens_on=date.today() - timedelta(days=60),
                                     closes_on=date.today() - timedelta(days=5))
    question = next(q for q in consultation.questions if q.kind == "free_text")
    for n in range(5):
        answer = Answer(question=question, value=f"The refuge found us a safe place ({n}).")
        db.session.add(ConsultationResponse(consultation=consultation, submitted_on=date.today() - timedelta(days=10),
                                            answers=[answer]))
        db.session.flush()
        db.session.add(StaffCoding(ref=answer_ref(answer.id), codes=["housing"]))
        if n == 0:
            db.session.add(PublishedQuote(ref=answer_ref(answer.id)))
    db.session.commit()
    return consultation


# Feedback for theming ------------------------------------------------------------------------

HOUSING = "The refuge found us temporary accommodation quickly and the staff were kind."
POLICE = "The police officer arrested him the same night."
WAITING = "I was on a waiting list for months before anyone called back."
PARKING = "Parking near the office is impossible, the car park is always full of cars."


def go_idle(client, minutes: int = 31) -> None:
    """As if the signed-in member of staff had done nothing for ``minutes``."""
    with client.session_transaction() as session:
        session["staff_last_seen"] = time.time() - minutes * 60


def add_feedback(helped: str, better: str = "", day: date = date(2026, 7, 10), **values) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, what_helped=helped, could_be_better=better, **values)
    db.session.add(response)
    db.session.commit()
    return response


def run_now(scope) -> ThemeRun:
    run = ThemeRun(scope=scope.key)
    db.session.add(run)
    db.session.commit()
    runs.execute_run(run.id)
    db.session.refresh(run)
    return run


# Every GET route -------------------------------------------------------------------------------

# Links a crawl must not follow: leaving, or files rather than pages.
SKIP_PREFIXES = ("/exit", "/static/", "/assets/")


def consultation_values(consultation: Consultation) -> dict:
    """Ids of one thing of each kind inside a consultation, for nested routes."""
    values = {"consultation_id": consultation.id, "slug": consultation.slug}
    if consultation.pages:
        values["page_id"] = consultation.pages[0].id
    questions = [q for p in consultation.pages for q in p.questions]
    if questions:
        values["question_id"] = questions[0].id
    if consultation.comments:
        values["comment_id"] = consultation.comments[0].id
    if consultation.responses:
        values["response_id"] = consultation.responses[0].id
        if consultation.responses[0].answers:
            values["answer_id"] = consultation.responses[0].answers[0].id
    return values


def candidate_values(admin) -> list[dict]:
    consultations = db.session.scalars(select(Consultation)).all()
    feedback_id = db.session.scalar(select(FeedbackResponse.id).limit(1))
    common = {"user_id": admin.id, "kind": "feedback", "ident": "x"}
    sets = [{**common, **consultation_values(c)} for c in consultations]
    sets.append({**common, "response_id": feedback_id, "slug": "no-such-consultation"})
    return sets


def get_urls(app, admin) -> set[str]:
    """A URL for every GET route with every set of values that fills it."""
    urls = set()
    value_sets = candidate_values(admin)  # read once, not again for each route
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(SKIP_PREFIXES):
            continue
        for values in value_sets:
            if all(values.get(name) is not None for name in rule.arguments):
                urls.add(rule.build({name: values[name] for name in rule.arguments}, append_unknown=False)[1])
    return urls
