"""The feedback journey's state, kept in the server-side session.

The journey lives on one URL: the session says which step to show. Only redacted
free text is ever put into the session or the database. The words redaction took
out are kept in the session only encrypted (`webapp.crypto`), so the check page can
list them and the writer can put back any that identify nobody; they go when the
answers are sent or the session ends. What is stored is what the check page showed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from flask_babel import gettext
from sqlalchemy import bindparam, insert, select

from analysis.language import detect_language
from analysis.redaction import redact
from analysis.risk import assess, assess_rules
from webapp import putting_back
from webapp.extensions import db
from webapp.feedback import easy_read as er
from webapp.feedback import questions as q
from webapp.feedback.directory import service_by_slug
from webapp.feedback.models import FeedbackResponse, Service
from webapp.journeys import SummaryRow, SummarySection, answers_stored, fresh_state
from webapp.putting_back import RemovedWord, redact_texts, restored_lines
from webapp.staff import alerts

STEPS = ("service", "experience", "comments", "about-you", "check")
SESSION_KEY = "feedback"
THANKS_KEY = "feedback_thanks"


class ServiceUnavailable(Exception):
    """The chosen service stopped taking feedback while the person was answering."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


@dataclass
class Journey:
    """A view over the session dict; every change marks the session modified."""

    session: dict

    @property
    def state(self) -> dict:
        return self.session[SESSION_KEY]

    @property
    def step(self) -> str:
        return self.state["step"]

    @property
    def answers(self) -> dict:
        return self.state["answers"]

    @property
    def easy_read(self) -> bool:
        return self.state.get("easy_read", False)

    @property
    def steps(self) -> tuple[str, ...]:
        """Easy Read asks the same questions but not the optional about-you ones."""
        return er.STEPS if self.easy_read else STEPS

    @property
    def step_number(self) -> int:
        return self.steps.index(self.step) + 1

    def previous_step(self) -> str | None:
        index = self.steps.index(self.step)
        return self.steps[index - 1] if index else None

    def can_visit(self, step: str) -> bool:
        return step in self.steps and self.steps.index(step) <= self.state["reached"]

    def switch_to(self, easy_read: bool) -> None:
        """Someone who started one version chose the other from the first screen:
        keep what they answered, and take them through the steps again from the start."""
        if easy_read == self.easy_read:
            return
        self.state.update(easy_read=easy_read, reached=0, checked=False)
        self.state["step"] = self.steps[0]
        self.session.modified = True

    def go_to(self, step: str) -> None:
        self.state["step"] = step
        self.session.modified = True

    def save(self, step: str, values: dict) -> None:
        """Store a step's answers and move on; after a first check, go back to it."""
        self.answers.update(values)
        index = self.steps.index(step)
        self.state["reached"] = max(self.state["reached"], index + 1)
        self.state["step"] = "check" if self.state.get("checked") else self.steps[index + 1]
        self.session.modified = True

    def mark_checked(self) -> None:
        self.state["checked"] = True
        self.session.modified = True

    @property
    def resumed(self) -> bool:
        """Started again part-way after the visit timed out: earlier answers are gone."""
        return self.state.get("resumed", False)

    def missing_fields(self) -> tuple[str, ...]:
        """Required answers not given (only after a time-out can there be any at the check)."""
        return tuple(field for field in ("service", "overall") if not self.answers.get(field))

    def first_missing_step(self) -> str | None:
        """A required answer can go missing if a session ended mid-journey."""
        if not self.answers.get("service"):
            return "service"
        if not self.answers.get("overall"):
            return "experience"
        return None


def current_journey(session) -> Journey | None:
    return Journey(session) if fresh_state(session, SESSION_KEY) is not None else None


def start_journey(session, service_slug: str = "", step: str = "service", easy_read: bool = False) -> Journey:
    """A journey from its start, or (a page posted after a time-out) from that page;
    in Easy Read when `easy_read`."""
    answers = {"service": service_slug} if service_slug else {}
    steps = er.STEPS if easy_read else STEPS
    session[SESSION_KEY] = {"step": step, "reached": steps.index(step), "answers": answers,
                            "resumed": step != steps[0], "easy_read": easy_read}
    return Journey(session)


def redact_comments(form_data: dict) -> dict:
    """Redact free text before it goes anywhere; assess risk and detect the language on
    what was typed. New comments start the list of removed words afresh."""
    texts = {field: (form_data.get(field) or "").strip() for field in q.FREE_TEXT_FIELDS}
    values = redact_texts(texts)
    values["text_language"] = detect_language("\n".join(texts.values()))
    values["risk_categories"] = comment_risks(texts)
    return values


def comment_risks(texts: dict[str, str]) -> list[str]:
    """The danger found in the comments together, and by the rules in each alone:
    the learned parts weigh a text's words as a whole, so thanks in one box once
    outweighed "he is parked on Church St now" in the other and no help was shown
    first. (The whole-answer reader reads them together only: on a box as short as
    "Email me at ..." it raised false alarms.)"""
    readings = [assess_rules(text) for text in texts.values() if text] + [assess("\n".join(texts.values()))]
    return sorted({category for reading in readings for category in reading.categories})


def removed_words(journey: Journey) -> list[RemovedWord]:
    """What redaction took out of the comments that the writer may put back."""
    return putting_back.removed_words(journey.answers)


def put_back(journey: Journey, indexes: set[int]) -> int:
    """Put the chosen removed words back into the comments (the rest stay redacted);
    returns how many. Each is remembered so staff can check it in moderation."""
    count = putting_back.put_back(journey.answers, indexes)
    journey.session.modified = True
    return count


def other_service_values(name: str) -> dict:
    """The other service as typed at the first step, redacted, with any danger
    in it: someone may write it there ("GP - he said he will kill me")."""
    name = name.strip()
    if not name:  # most people choose a listed service: nothing to read (nor a model to load)
        return {"other_service": "", "other_service_risk": []}
    return {"other_service": redact(name).text, "other_service_risk": list(assess(name).categories)}


def risk_categories(answers: dict) -> list[str]:
    """The kinds of danger found anywhere the person wrote."""
    return list(dict.fromkeys([*(answers.get("risk_categories") or []), *(answers.get("other_service_risk") or [])]))


def submit(journey: Journey) -> None:
    """Write the response: day-precision date, redacted text, no identifiers.

    One INSERT: for a chosen service it is `INSERT … SELECT … FROM service WHERE
    slug = … AND accepting_feedback`, so the check that the service is still
    open and the write cost one round trip, and nothing is stored if it closed."""
    answers = journey.answers
    categories = risk_categories(answers)
    values = {
        "submitted_on": date.today(),
        "risk_flagged": bool(categories),
        "risk_categories": ",".join(categories),
        **{field: answers.get(field, "") for field in
           (*q.RATING_FIELDS, *q.FREE_TEXT_FIELDS, *q.EQUALITY_FIELDS)},
        "restored_words": restored_lines(answers),
        "text_language": answers.get("text_language") or "",
        "easy_read": journey.easy_read,
    }
    slug = answers.get("service")
    if not slug or slug == q.ANOTHER_SERVICE:
        db.session.execute(insert(FeedbackResponse).values(other_service=answers.get("other_service", ""),
                                                            **values))
    elif db.session.scalar(_insert_if_open(tuple(values)),
                           {"service_slug": slug, **{f"v_{name}": value for name, value in values.items()}}) is None:
        db.session.rollback()
        service = service_by_slug(slug)
        raise ServiceUnavailable(service.name if service else "That service")
    if categories:
        alerts.alert("safeguarding")
    db.session.commit()
    answers_stored()


@cache
def _insert_if_open(names: tuple[str, ...]):
    """Built once per set of columns (the values are bound), so a submission
    pays neither statement construction nor cache-key work."""
    table = FeedbackResponse.__table__  # the table, not the entity: ORM inserts with params are bulk inserts
    chosen = (select(*(bindparam(f"v_{name}", type_=table.c[name].type) for name in names), Service.id)
              .where(Service.slug == bindparam("service_slug"), Service.accepting_feedback.is_(True)))
    return insert(table).from_select([*names, "service_id"], chosen).returning(table.c.id)


def check_answers(journey: Journey) -> tuple[SummarySection, ...]:
    """What the person will send, in their words, as the check page shows it,
    the questions and choices in their language (in Easy Read words for Easy Read)."""
    answers = journey.answers
    questions, label_for = (er.QUESTION_TEXT, er.label_for) if journey.easy_read else (q.QUESTION_TEXT, q.label_for)

    def rows(step: str, fields: tuple[str, ...]) -> tuple[SummaryRow, ...]:
        return tuple(SummaryRow(gettext(questions[field]), _chosen(label_for(field, answers.get(field, ""))), step)
                     for field in fields)

    needed = journey.missing_fields()
    experience = tuple(SummaryRow(row.question, row.answer, row.step, needed=field in needed)
                       for field, row in zip(q.RATING_FIELDS, rows("experience", q.RATING_FIELDS), strict=True))
    sections = (
        SummarySection(gettext("The service"), (SummaryRow(gettext("Service"), _service_name(answers), "service",
                                                           needed="service" in needed),)),
        SummarySection(gettext("How it went"), experience),
        SummarySection(gettext("In your own words"), tuple(
            SummaryRow(gettext(questions[field]), answers.get(field, ""), "comments")
            for field in q.FREE_TEXT_FIELDS)),
    )
    if journey.easy_read:
        return sections
    return (*sections, SummarySection(gettext("About you"), rows("about-you", q.EQUALITY_FIELDS)))


def _chosen(label: str) -> str:
    return gettext(label) if label else ""


def _service_name(answers: dict) -> str:
    slug = answers.get("service", "")
    if slug == q.ANOTHER_SERVICE:
        return answers.get("other_service", "")
    service = service_by_slug(slug) if slug else None
    return service.name if service else ""
