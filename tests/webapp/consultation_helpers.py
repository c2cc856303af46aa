"""A small consultation for tests: three pages, every kind of question, and a
page shown only to people who stayed in a refuge."""

from __future__ import annotations

from datetime import date, timedelta

from webapp.consultations.models import Consultation, ConsultationPage, Question
from webapp.access_codes import hash_access_code
from webapp.extensions import db

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
