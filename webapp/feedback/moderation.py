"""Reading feedback free text for moderation: one quarter at a time (free text
is encrypted, so the quarter and service are filtered in SQL and empty text in
Python), newest first, a page at a time, with each text's publication mark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from webapp.extensions import db
from webapp.feedback import questions as bank
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.formatters import risk_labels
from webapp.moderation import translating
from webapp.moderation.publication import published_refs
from webapp.periods import quarter_dates, quarter_of
from webapp.putting_back import KIND_LABELS

PER_PAGE = 25


@dataclass(frozen=True)
class Text:
    ref: str
    question: str
    value: str
    published: bool
    restored: tuple[str, ...] = ()  # words the writer put back after redaction, for staff to check
    translation: str = ""  # staff's English working translation, shown beside the original


@dataclass(frozen=True)
class Entry:
    response: FeedbackResponse
    texts: list[Text]

    @property
    def risk_labels(self) -> list[str]:
        return risk_labels(self.response.risk_categories)

    @property
    def language_note(self) -> str:
        """ "Written in Polish: needs a reader" until every text has a working translation."""
        return language_note(self.response)


def language_note(response: FeedbackResponse) -> str:
    fields = _free_text_fields(response)
    return translating.language_note(response.text_language,
                                     bool(fields) and all(response.working_translation(f) for f in fields))


def add_working_translation(response: FeedbackResponse, field: str, translation: str) -> None:
    """Store staff's English working translation of one text beside the original."""
    translations = dict(response.working_translations or {})  # a new dict: the column sees the change
    translations[field] = translating.working_translation(translation, response.text_language,
                                                          f"feedback:{response.id}", field)
    response.working_translations = translations


@dataclass(frozen=True)
class Listing:
    entries: list[Entry]
    total: int
    page: int
    pages: int


def default_quarter(today: date | None = None) -> str:
    return quarter_of(today or date.today())


def services() -> list[Service]:
    return list(db.session.scalars(select(Service).order_by(Service.position, Service.name)))


def listing(quarter: str, service_slug: str = "", page: int = 1) -> Listing:
    """Responses with free text in `quarter` (ScopeError if unreadable), for one
    service when `service_slug` is given, newest first."""
    start, end = quarter_dates(quarter)
    query = (select(FeedbackResponse)
             .where(FeedbackResponse.submitted_on.between(start, end))
             .order_by(FeedbackResponse.submitted_on.desc(), FeedbackResponse.id.desc()))
    if service_slug:
        query = query.join(Service).where(Service.slug == service_slug)
    with_text = [r for r in db.session.scalars(query) if _free_text_fields(r)]
    pages = max((len(with_text) + PER_PAGE - 1) // PER_PAGE, 1)
    page = min(max(page, 1), pages)
    shown = with_text[(page - 1) * PER_PAGE:page * PER_PAGE]
    marked = published_refs([feedback_ref(r.id, f) for r in shown for f in bank.FREE_TEXT_FIELDS])
    entries = [Entry(r, [Text(feedback_ref(r.id, f), bank.QUESTION_TEXT[f], getattr(r, f),
                              feedback_ref(r.id, f) in marked, restored_words(r).get(f, ()),
                              r.working_translation(f))
                         for f in _free_text_fields(r)])
               for r in shown]
    return Listing(entries, len(with_text), page, pages)


def restored_words(response: FeedbackResponse) -> dict[str, tuple[str, ...]]:
    """{field: ("Will (a name)", ...)}: what the writer put back on the check page."""
    found: dict[str, list[str]] = {}
    for line in (response.restored_words or "").splitlines():
        field, kind, word = (line.split("\t") + ["", ""])[:3]
        found.setdefault(field, []).append(f"{word} ({KIND_LABELS.get(kind, kind)})")
    return {field: tuple(words) for field, words in found.items()}


def _free_text_fields(response: FeedbackResponse) -> list[str]:
    return [f for f in bank.FREE_TEXT_FIELDS if (getattr(response, f) or "").strip()]


def feedback_text_exists(ref: str) -> bool:
    """True when `ref` names a non-empty free-text field of a stored response."""
    kind, _, rest = ref.partition(":")
    response_id, _, field_name = rest.partition(":")
    if kind != "f" or not response_id.isdigit() or field_name not in bank.FREE_TEXT_FIELDS:
        return False
    response = db.session.get(FeedbackResponse, int(response_id))
    return bool(response and (getattr(response, field_name) or "").strip())
