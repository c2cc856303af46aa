"""Demo consultations for `make run`, one in each state of the lifecycle, so a
newcomer sees the builder, co-production and answering working.

Responses are generated from a few dozen hand-written answer fragments with a
seeded random generator; each fragment is redacted (and assessed for risk)
once, exactly as a respondent's text would be before it is stored.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache

from analysis.redaction import redact
from analysis.risk import assess
from webapp.access_codes import hash_access_code, new_access_code
from webapp.consultations.models import (
    Answer,
    ChangeRecord,
    Consultation,
    ConsultationPage,
    ConsultationResponse,
    Question,
    ReviewComment,
)
from webapp.extensions import db

OPEN_RESPONSES = 260

SERVICES_USED = ["Outreach worker or IDVA", "Refuge", "Council housing options", "Police",
                 "Counselling", "Peer support group", "Children's services"]
MATTERED_MOST = ["Feeling safe", "A home of my own", "Money and benefits", "Help for my children",
                 "Someone to talk to"]

FRAGMENTS = {
    "helped": (
        "My IDVA Karen Walsh rang me every week, even when I had nothing new to say.",
        "Having one worker who knew my story, so I did not have to repeat it.",
        "The peer support group on Thursdays. Nobody there needed it explained.",
        "Help to fill in the Universal Credit forms when my head was all over the place.",
        "The sanctuary scheme fitted new locks and a camera so I could stay at home.",
        "My children's school was brilliant once they knew. They kept an eye on them.",
        "Counselling, once I finally got it. I understand now it was not my fault.",
        "Someone came with me to the housing office and spoke up when I could not.",
        "Text messages at times I chose, so I could answer when it was safe.",
        "A food bank voucher and a bag of toiletries on the first night.",
        "The police officer who took my statement was patient and believed me.",
        "Being told about the Freedom Programme. It changed how I see everything.",
        "Help to open a bank account in my own name.",
        "An interpreter who was a woman and not from my community.",
    ),
    "change": (
        "Support stopped after three months, just when the court case was starting.",
        "I had to tell my story to five different people in the first month.",
        "The waiting list for counselling was nine months. I needed it then, not now.",
        "Nobody explained what would happen next. Write it down for us, please.",
        "Housing said I had made myself intentionally homeless by leaving.",
        "Appointments are only in the day. Some of us work or have the school run.",
        "Letters went to my old address, where he still lives.",
        "More help with debts he ran up in my name.",
        "He still messages me through the children's contact arrangements and nobody stops it.",
        "Leaflets in more languages, and groups outside the town centre.",
        "Staff at the council front desk asked about the abuse in front of other people.",
        "Follow up after support ends. One phone call a few months later would mean a lot.",
        "Sometimes I still think about ending it all, and there is no one to call at night.",
    ),
    "stay": (
        "A room with space for my children's things, not just beds.",
        "Help to find a school place before we moved, not after.",
        "Being allowed to bring my dog. I nearly stayed because of him.",
        "Somewhere closer to my family and my job.",
        "Wi-Fi that worked, so the children could do their homework.",
        "Staff on site at night. The nights were the hardest.",
        "A quicker move on to a flat of my own. We stayed for eleven months.",
        "Nothing, the staff were kind and I felt safe for the first time in years.",
    ),
    "courts": (
        "Separate waiting rooms at court.",
        "Someone to explain the paperwork before the hearing.",
        "Screens so I did not have to see him.",
        "Knowing the date of the hearing more than a week ahead.",
    ),
}


@cache
def _prepared(fragment: str) -> tuple[str, tuple[str, ...]]:
    """(redacted text, risk categories) for one fragment, worked out once."""
    return redact(fragment).text, tuple(assess(fragment).categories)


def add_demo_consultations(rng: random.Random, today: date | None = None) -> dict[str, Consultation]:
    today = today or date.today()
    consultations = {
        "open": _support_after_leaving(today),
        "review": _family_courts(today),
        "draft": _children_and_young_people(today),
        "closed": _out_of_hours(today),
        "published": _telling_your_story_once(today),
    }
    for consultation in consultations.values():
        db.session.add(consultation)
    db.session.flush()
    _link_show_if(consultations["open"])
    _add_responses(consultations["open"], OPEN_RESPONSES, rng, today)
    _add_responses(consultations["closed"], 48, rng, consultations["closed"].closes_on)
    _add_responses(consultations["published"], 120, rng, consultations["published"].closes_on)
    _add_review_comments(consultations["review"])
    return consultations


def _page(title: str, position: int, *questions: Question) -> ConsultationPage:
    page = ConsultationPage(title=title, position=position)
    for number, question in enumerate(questions):
        question.position = number
        page.questions.append(question)
    return page


def _support_after_leaving(today: date) -> Consultation:
    return Consultation(
        slug="support-after-leaving", title="Improving support after leaving", audience="public",
        status="open", opens_on=today - timedelta(days=45), closes_on=today + timedelta(days=30),
        results_due_on=today + timedelta(days=75),
        results_where="on this site under \u201cYou said, we did\u201d and at the partnership board in public",
        introduction="The partnership is rethinking the support people get in the first year after "
                     "leaving an abusive relationship.\nTell us what helped, what did not, and what "
                     "should change. It takes about 5 minutes and every question is optional unless it says otherwise.",
        pages=[
            _page("Your support", 0,
                  # Optional: nobody has to say where they stayed (a refuge is a safety matter).
                  Question(kind="yes_no",
                           text="Did you stay in a refuge or other safe accommodation after leaving?",
                           easy_read_text="Did you stay in a refuge or other safe place after you left?"),
                  Question(kind="multiple", text="Which kinds of support did you use after leaving?",
                           easy_read_text="Which kinds of help did you use after you left?",
                           options=list(SERVICES_USED))),
            _page("Safe accommodation", 1,
                  Question(kind="rating", text="How would you rate the safe accommodation you stayed in?",
                           hint="1 is very poor and 5 is very good.",
                           easy_read_text="How good was the safe place you stayed in?",
                           easy_read_hint="1 is very bad. 5 is very good."),
                  Question(kind="free_text", text="What would have made your stay better?", char_limit=1000,
                           easy_read_text="What would have made your stay better?")),
            _page("How it felt", 2,
                  Question(kind="agreement", text="I knew where to get help after I left",
                           easy_read_text="I knew where to get help after I left."),
                  Question(kind="agreement", text="Services worked together, so I did not have to repeat my story",
                           easy_read_text="Services worked together. I did not have to say it all again."),
                  Question(kind="single", text="What mattered most to you in the first months?",
                           easy_read_text="What mattered most to you in the first months?",
                           options=list(MATTERED_MOST))),
            _page("In your own words", 3,
                  Question(kind="free_text", text="What helped you most after leaving?",
                           easy_read_text="What helped you most after you left?"),
                  Question(kind="free_text", text="What should change?",
                           easy_read_text="What should change?")),
        ])


def _link_show_if(consultation: Consultation) -> None:
    accommodation = consultation.pages[1]
    accommodation.show_if_question_id = consultation.pages[0].questions[0].id
    accommodation.show_if_value = "Yes"


def _family_courts(today: date) -> Consultation:
    return Consultation(
        slug="family-courts", title="Your experience of the family courts", audience="group",
        access_code_hash=hash_access_code(new_access_code()), status="review",
        opens_on=today + timedelta(days=21), closes_on=today + timedelta(days=70),
        results_due_on=today + timedelta(days=120), results_where="on this site and in the board pack",
        introduction="We want to understand what going through the family courts was like, "
                     "so the partnership can press for changes locally.",
        pages=[
            _page("Going to court", 0,
                  Question(kind="yes_no", required=True,
                           text="Have you been to a family court hearing in the last 3 years?"),
                  Question(kind="agreement", text="I felt safe at the court building"),
                  Question(kind="multiple", text="Which special measures were you offered?",
                           options=["Separate waiting room", "Screens", "Video link", "Separate entrance", "None"])),
            _page("In your own words", 1,
                  Question(kind="free_text", text="What would have made court easier?"),
                  Question(kind="rating", text="How well were you kept informed about your case?")),
        ])


def _children_and_young_people(today: date) -> Consultation:
    return Consultation(
        slug="children-and-young-people", title="Support for children and young people", audience="public",
        status="draft", introduction="A draft: questions for parents about support for their children.",
        pages=[_page("Your children", 0,
                     Question(kind="yes_no", text="Did your children get support of their own?"),
                     Question(kind="free_text", text="What support would have helped them?"))])


def _out_of_hours(today: date) -> Consultation:
    return Consultation(
        slug="out-of-hours", title="Getting help out of hours", audience="public", status="closed",
        opens_on=today - timedelta(days=80), closes_on=today - timedelta(days=20),
        results_due_on=today + timedelta(days=40), results_where="on this site",
        introduction="Evenings and weekends: could you get help when you needed it?",
        pages=[_page("Out of hours", 0,
                     Question(kind="yes_no", required=True,
                              text="Have you needed help in the evening or at a weekend?"),
                     Question(kind="agreement", text="I could get help when I needed it"),
                     Question(kind="free_text", text="What should change?"))])


def _telling_your_story_once(today: date) -> Consultation:
    return Consultation(
        slug="telling-your-story-once", title="Telling your story once", audience="public",
        status="published", opens_on=today - timedelta(days=200), closes_on=today - timedelta(days=140),
        results_due_on=today - timedelta(days=90), results_published_on=today - timedelta(days=95),
        results_where="on this site",
        results_summary="120 people told us they had to repeat their story to too many services.\n"
                        "You said: being passed between services was one of the hardest parts of getting help.\n"
                        "We did: from April, a single lead worker is named for everyone referred to the "
                        "partnership's risk conference, and services share one summary, with your agreement.",
        introduction="How many times did you have to tell your story before you got help?",
        pages=[_page("Telling your story", 0,
                     Question(kind="single", text="How many services did you tell your story to?",
                              options=["1 or 2", "3 to 5", "6 or more", "I do not know"]),
                     Question(kind="agreement", text="Services shared information so I did not have to repeat it"),
                     Question(kind="free_text", text="What helped you most after leaving?"))])


def _free_text_pool(question: Question) -> tuple[str, ...]:
    text = question.text.lower()
    if "stay" in text:
        return FRAGMENTS["stay"]
    if "court" in text:
        return FRAGMENTS["courts"]
    if "change" in text:
        return FRAGMENTS["change"]
    return FRAGMENTS["helped"]


def _answer(question: Question, rng: random.Random) -> tuple[str, list | None, tuple[str, ...]]:
    """(value, values, risk categories) for one generated answer."""
    choices = question.choices
    if question.kind == "free_text":
        parts = rng.sample(_free_text_pool(question), rng.choice((1, 1, 2)))
        prepared = [_prepared(part) for part in parts]
        return " ".join(text for text, _ in prepared), None, tuple(c for _, cats in prepared for c in cats)
    if question.kind == "multiple":
        return "", sorted(rng.sample(list(choices), rng.randint(1, 3)), key=choices.index), ()
    if question.kind == "yes_no":
        return rng.choice(("Yes", "Yes", "No")), None, ()
    # Skew scales towards the middle and upper end, as real answers tend to be.
    weights = [3, 5, 4, 2, 1] if len(choices) == 5 else [1] * len(choices)
    return rng.choices(list(choices), weights=weights)[0], None, ()


def _add_responses(consultation: Consultation, count: int, rng: random.Random, last_day: date) -> None:
    first_day = consultation.opens_on
    span = max((last_day - first_day).days, 0)
    for _ in range(count):
        given: dict[str, object] = {}
        risks: set[str] = set()
        response = ConsultationResponse(consultation=consultation,
                                        submitted_on=first_day + timedelta(days=rng.randint(0, span)))
        for page in consultation.pages:
            condition = page.show_if_question_id
            if condition and given.get(str(condition)) != page.show_if_value:
                continue
            for question in page.questions:
                if not question.required and rng.random() < 0.15:
                    continue  # optional questions are sometimes left blank
                value, values, categories = _answer(question, rng)
                given[str(question.id)] = value
                risks.update(categories)
                response.answers.append(Answer(question=question, value=value, values=values))
        response.risk_flagged = bool(risks)
        response.risk_categories = ",".join(sorted(risks))
        db.session.add(response)
    for question in consultation.questions:
        question.meaning_locked = True


REVIEW_COMMENTS = (
    # (page, question, comment, status, reason or change made)
    (0, 0, "Three years is too short. Some of us are still in court after five.", "accepted",
     "Changed the question to ask about the last 5 years."),
    (0, 1, "Safe where? Inside the court room or getting there? Those are different.", "accepted",
     "Split into feeling safe getting to court and feeling safe inside the building."),
    (0, 2, "Add 'I did not know I could ask'. Nobody told me these existed.", "accepted",
     "Added the answer 'I did not know I could ask for these'."),
    (1, 1, "Rating from 1 to 5 is confusing. Which end is good?", "declined",
     "The hint under the question says 1 is very poor and 5 is very good; we kept the scale "
     "so results compare with last year's."),
    (1, 0, "Please say we can leave this blank. Some of it is too hard to write down.", "pending", ""),
    (None, None, "Nothing asks about the children and how court affected them.", "pending", ""),
    (None, None, "Ask whether Cafcass listened, that was the worst part for me.", "pending", ""),
)


def _add_review_comments(consultation: Consultation) -> None:
    with db.session.no_autoflush:
        for page, question, text, status, outcome in REVIEW_COMMENTS:
            target = consultation.pages[page].questions[question] if page is not None else None
            comment = ReviewComment(question=target, text=redact(text).text,
                                    status=status, reason=outcome if status == "declined" else "")
            consultation.comments.append(comment)
            if status == "accepted":
                consultation.changes.append(ChangeRecord(comment=comment, description=outcome))
