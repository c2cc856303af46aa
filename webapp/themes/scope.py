"""What a theming run, a board summary, an action or a group view is about:
a consultation, or feedback for a quarter or a date range. A scope has a
short key kept in the database:

    consultation:<slug>
    feedback:2026Q3
    feedback:2026-07-01..2026-08-15

`items(scope)` gives the scope's free-text items as plain records, each named
by a `ref` (``f:<feedback id>:<field>`` or ``a:<answer id>``), with what
reports break them down by. Hidden (moderated-out) responses are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, String, cast, literal, select

from webapp import equality
from webapp.channels import channel_label
from webapp.consultations.models import Answer, Consultation, ConsultationResponse, Question, answer_ref
from webapp.consultations.translations import language_name
from webapp.extensions import RANDOM_ID_CEILING, db
from webapp.feedback import questions as bank
from webapp.feedback.models import FeedbackResponse, feedback_ref
from webapp.formatters import MONTHS, long_date
from webapp.periods import (
    EARLIEST,
    QUARTER_KEY,
    ScopeError,
    check_range,
    month_end,
    month_start,
    months_between,
    quarter_dates,
    quarter_of,
)

RANGE_KEY = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
# Refs as ``feedback_ref`` and ``answer_ref`` make them; anything else (a link cut
# short, say) names no item. No id reaches RANDOM_ID_CEILING.
FEEDBACK_REF = re.compile(r"f:([0-9]{1,19}):[a-z_]+\Z")
ANSWER_REF = re.compile(r"a:([0-9]{1,19})\Z")


@dataclass(frozen=True)
class Scope:
    kind: str  # "consultation" or "feedback"
    slug: str = ""
    start: date | None = None
    end: date | None = None  # inclusive

    @property
    def key(self) -> str:
        if self.kind == "consultation":
            return f"consultation:{self.slug}"
        if self.is_quarter:
            return f"feedback:{quarter_of(self.start)}"
        return f"feedback:{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def is_quarter(self) -> bool:
        return (self.kind == "feedback" and self.start is not None
                and quarter_dates(quarter_of(self.start)) == (self.start, self.end))

    def consultation(self) -> Consultation | None:
        if self.kind != "consultation":
            return None
        return db.session.scalar(select(Consultation).where(Consultation.slug == self.slug))

    @property
    def label(self) -> str:
        if self.kind == "consultation":
            consultation = self.consultation()
            return consultation.title if consultation else self.slug
        if self.is_quarter:
            return f"Feedback, {MONTHS[self.start.month - 1]} to {MONTHS[self.end.month - 1]} {self.end.year}"
        return f"Feedback, {long_date(self.start)} to {long_date(self.end)}"

    def previous(self) -> Scope | None:
        """The period before, of the same length (a quarter before a quarter);
        consultations have none."""
        if self.kind != "feedback" or self.start - (self.end - self.start) <= EARLIEST:
            return None  # (nothing is reported before EARLIEST)
        if self.is_quarter:
            return feedback_quarter(quarter_of(self.start - timedelta(days=1)))
        if self.start == month_start(self.start) and self.end == month_end(self.end):
            # Whole months (what reports count): as many whole months before, not as
            # many days (July's 31 days before it reach back into May).
            end = self.start - timedelta(days=1)
            start = month_start(end)
            for _ in months_between(self.start, self.end)[1:]:
                start = month_start(start - timedelta(days=1))
            return Scope("feedback", start=start, end=end)
        length = self.end - self.start
        end = self.start - timedelta(days=1)
        return Scope("feedback", start=end - length, end=end)


def feedback_quarter(quarter: str) -> Scope:
    start, end = quarter_dates(quarter)
    return Scope("feedback", start=start, end=end)


def feedback_range(start: date, end: date) -> Scope:
    check_range(start, end)
    return Scope("feedback", start=start, end=end)


def consultation_scope(slug: str) -> Scope:
    return Scope("consultation", slug=slug)


def parse_scope(key: str) -> Scope:
    """The scope for a key; ScopeError when it cannot be read."""
    kind, _, rest = (key or "").partition(":")
    if kind == "consultation" and rest:
        return consultation_scope(rest)
    if kind == "feedback":
        if QUARTER_KEY.match(rest):
            return feedback_quarter(rest)
        match = RANGE_KEY.match(rest)
        if match:
            try:
                return feedback_range(date.fromisoformat(match[1]), date.fromisoformat(match[2]))
            except ValueError as error:
                raise ScopeError(f"“{rest}” is not a real date range.") from error
    raise ScopeError(f"Heard does not recognise the report “{key}”.")


@dataclass(frozen=True)
class Item:
    """One free-text answer in a scope, with what reports group it by."""

    ref: str
    text: str
    question: str
    submitted_on: date
    response_id: int
    service: str = ""
    equality: dict[str, str] = field(default_factory=dict)
    risk_flagged: bool = False
    safeguarding_flag: bool = False
    risk_categories: tuple[str, ...] = ()  # analysis.risk categories of the whole response
    channel: str = ""  # how the response reached Heard, as the board reads it (`webapp.channels`)
    easy_read: bool = False  # given through the Easy Read journey (`webapp.feedback.easy_read`)
    language: str = ""  # the language a consultation was answered in, as the board reads it ("Welsh")
    hidden: bool = False  # hidden by a moderator (only `items(hidden_too=True)` gives these)


def _categories(stored: str | None) -> tuple[str, ...]:
    return tuple(c for c in (stored or "").split(",") if c)


def items(scope: Scope, hidden_too: bool = False) -> list[Item]:
    """The scope's non-empty free-text items from visible responses (with
    `hidden_too`, from hidden ones as well, marked `hidden`), oldest first."""
    if scope.kind == "consultation":
        consultation = scope.consultation()
        return _consultation_items(consultation, hidden_too) if consultation else []
    return _feedback_items(scope.start, scope.end, hidden_too)


def _feedback_items(start: date, end: date, hidden_too: bool = False) -> list[Item]:
    query = select(FeedbackResponse).where(FeedbackResponse.submitted_on.between(start, end))
    if not hidden_too:
        query = query.where(FeedbackResponse.hidden.is_(False))
    responses = db.session.scalars(query.order_by(FeedbackResponse.submitted_on, FeedbackResponse.id))
    return [item for response in responses for item in _items_of_feedback(response)]


def _items_of_feedback(response: FeedbackResponse) -> list[Item]:
    service = response.service.name if response.service else ("Another service" if response.other_service else "")
    said = {f: _choice_label(f, getattr(response, f)) for f in bank.EQUALITY_FIELDS}
    return [
        # Text Heard cannot read is themed from staff's English working translation when there is one.
        Item(ref=feedback_ref(response.id, field_name), text=response.readable_text(field_name),
             question=bank.QUESTION_TEXT[field_name], submitted_on=response.submitted_on,
             response_id=response.id, service=service, equality=said,
             risk_flagged=response.risk_flagged, safeguarding_flag=response.safeguarding_flag,
             risk_categories=_categories(response.risk_categories), channel=channel_label(response.channel),
             easy_read=response.easy_read, hidden=response.hidden)
        for field_name in bank.FREE_TEXT_FIELDS
        if (getattr(response, field_name) or "").strip()
    ]


def _choice_label(field_name: str, value: str) -> str:
    """The answer as people read it; unanswered and "prefer not" both read as Not said."""
    labels = dict(bank.CHOICES[field_name])
    if not value or value == equality.PREFER_NOT[0]:
        return "Not said"
    return labels.get(value, value)


def _consultation_items(consultation: Consultation, hidden_too: bool = False) -> list[Item]:
    questions = {q.id: q for q in consultation.questions}
    equality_questions = {qid: equality.FIELD_BY_TEXT[q.text] for qid, q in questions.items()
                          if q.kind == "single" and q.text in equality.FIELD_BY_TEXT}
    query = select(ConsultationResponse).where(ConsultationResponse.consultation_id == consultation.id)
    if not hidden_too:
        query = query.where(ConsultationResponse.hidden.is_(False))
    responses = db.session.scalars(query.order_by(ConsultationResponse.submitted_on, ConsultationResponse.id))
    found = []
    for response in responses:
        said = {f: "Not said" for f in equality_questions.values()}
        for answer in response.answers:
            if answer.question_id in equality_questions and answer.value and answer.value != equality.PREFER_NOT[1]:
                said[equality_questions[answer.question_id]] = answer.value
        for answer in sorted(response.answers, key=lambda a: a.id):
            question = questions.get(answer.question_id)
            if question and question.kind == "free_text" and answer.value and answer.value.strip():
                found.append(Item(
                    ref=answer_ref(answer.id), text=answer.readable_text, question=question.text,
                    submitted_on=response.submitted_on, response_id=response.id, equality=said,
                    risk_flagged=response.risk_flagged, safeguarding_flag=response.safeguarding_flag,
                    risk_categories=_categories(response.risk_categories),
                    channel=channel_label(response.channel), easy_read=response.easy_read,
                    language=language_name(response.language or "en"), hidden=response.hidden))
    return found


def ref_selects() -> list[Select]:
    """SELECTs of the ref of every visible, non-empty free-text item, of every
    scope, each as its one column ``ref``, worked out in SQL so callers can
    filter on it there (``webapp.themes.vectors``): ``feedback_ref`` and
    ``answer_ref`` in SQL."""
    selects = [
        select((literal("f:") + cast(FeedbackResponse.id, String) + f":{field_name}").label("ref"))
        .where(FeedbackResponse.hidden.is_(False), getattr(FeedbackResponse, field_name) != "")
        for field_name in bank.FREE_TEXT_FIELDS]
    selects.append(
        select((literal("a:") + cast(Answer.id, String)).label("ref"))
        .join(ConsultationResponse).join(Question, Answer.question_id == Question.id)
        .where(ConsultationResponse.hidden.is_(False), Question.kind == "free_text", Answer.value != ""))
    return selects


def all_refs() -> list[str]:
    """The ref of every visible, non-empty free-text item, of every scope."""
    return [ref for query in ref_selects() for ref in db.session.scalars(query)]


def resolve(refs: list[str]) -> dict[str, Item]:
    """Items by ref, whatever their scope (e.g. quotes chosen for publication).
    Refs whose response has gone (hidden or purged) are left out."""
    feedback_ids, answer_ids = _ids(refs, FEEDBACK_REF), _ids(refs, ANSWER_REF)
    wanted = set(refs)
    found: dict[str, Item] = {}
    # In chunks: a backfill resolves every answer, and PostgreSQL takes at most
    # 65,535 parameters a statement.
    for chunk in _chunks(feedback_ids):
        visible = select(FeedbackResponse).where(FeedbackResponse.id.in_(chunk), FeedbackResponse.hidden.is_(False))
        for response in db.session.scalars(visible):
            found.update((item.ref, item) for item in _items_of_feedback(response))
    consultation_ids = {consultation_id for chunk in _chunks(answer_ids) for consultation_id in db.session.scalars(
        select(ConsultationResponse.consultation_id).join(Answer).where(Answer.id.in_(chunk)).distinct())}
    for consultation_id in sorted(consultation_ids):
        found.update((item.ref, item) for item in _consultation_items(db.session.get(Consultation, consultation_id))
                     if item.ref in wanted)
    return {ref: found[ref] for ref in refs if ref in found}


def _ids(refs: list[str], pattern: re.Pattern) -> list[int]:
    return sorted({int(m[1]) for ref in refs if (m := pattern.match(ref)) and int(m[1]) < RANDOM_ID_CEILING})


def _chunks(values: list, size: int = 5000) -> list[list]:
    return [values[start:start + size] for start in range(0, len(values), size)]
