"""Answering a consultation: the journey's state in the server-side session,
and writing the response.

Like the feedback journey it lives on one URL (`/c/<slug>`): the session says
which page to show. Each consultation has its own key in the session, so two
consultations answered in one sitting do not mix. Only redacted free text is
ever put into the session or the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import format_date, gettext
from sqlalchemy import select

from analysis.language import detect_language, needs_reader
from analysis.redaction import redact
from analysis.risk import assess
from webapp.access_codes import MAX_WRONG_TRIES, CodeCheck
from webapp.audit import record_event
from webapp.consultations import lifecycle, rules
from webapp.consultations.easy_read import EasyReadPage
from webapp.consultations.models import Answer, Consultation, ConsultationPage, ConsultationResponse
from webapp.extensions import db
from webapp.journeys import SummaryRow, SummarySection, answers_stored, fresh_state
from webapp.putting_back import REMOVED, RESTORED, removed_entries, restored_lines

CHECK = "check"
CODE = "code"
THANKS_KEY = "consultation_thanks"


def session_key(slug: str) -> str:
    return f"consultation:{slug}"


def consultation_by_slug(slug: str) -> Consultation | None:
    return db.session.scalar(select(Consultation).where(Consultation.slug == slug))


def check_access_code(consultation: Consultation, code: str) -> CodeCheck:
    """A counted try at a group consultation's code (answering or reviewing it,
    or the group's view of its summary); audited when wrong tries stop the code."""
    result = consultation.check_access_code(code)
    if result.just_stopped:
        record_event("consultation.access_code_locked", target=consultation.slug, user=None,
                     detail=f"stopped after {MAX_WRONG_TRIES} wrong tries in a row; issue a new code")
        db.session.commit()
    return result


def availability(consultation: Consultation | None, today: date | None = None) -> str:
    if consultation is None:
        return "not-found"
    return rules.availability(consultation.status, consultation.opens_on, consultation.closes_on, today)


def field_name(question) -> str:
    return f"q{question.id}"


def other_name(question) -> str:
    """The "please specify" box of a question's "Other" answer."""
    return f"q{question.id}_other"


def row_name(question, index: int) -> str:
    """A grid's row of radios for its `index`th statement."""
    return f"q{question.id}_r{index}"


def item_name(question, index: int) -> str:
    """A ranking's select for its `index`th thing to rank."""
    return f"q{question.id}_i{index}"


def choice_label(question, choice: str) -> str:
    """What one answer says to the respondent: in their language when the
    question is shown translated (`translations.LocalQuestion`); "Other" always is."""
    label = getattr(question, "label", None)
    if label is not None:
        return label(choice)
    return gettext("Other") if choice == rules.OTHER and question.has_other else choice


def other_key(question) -> str:
    """Where the (redacted) "please specify" text is kept among the answers."""
    return f"{question.id}:other"


@dataclass
class Journey:
    """A view over one consultation's part of the session."""

    session: dict
    consultation: Consultation

    @property
    def state(self) -> dict:
        return self.session[session_key(self.consultation.slug)]

    @property
    def answers(self) -> dict:
        return self.state["answers"]

    @property
    def step(self) -> str:
        """A page id (as text), "code" or "check"."""
        return self.state["step"]

    @property
    def unlocked(self) -> bool:
        return self.consultation.audience != "group" or self.state.get("unlocked", False)

    def visible_pages(self) -> list[ConsultationPage]:
        return rules.visible_pages(self.consultation.pages, self.condition_view())

    def condition_view(self) -> dict:
        return condition_view(self.consultation, self.answers)

    @property
    def page(self) -> ConsultationPage | None:
        return next((page for page in self.visible_pages() if str(page.id) == self.step), None)

    @property
    def resumed(self) -> bool:
        """Started again part-way after the visit timed out: earlier answers are gone."""
        return self.state.get("resumed", False)

    @property
    def easy_read(self) -> bool:
        return self.state.get("easy_read", False)

    def shown(self, page: ConsultationPage):
        """The page as this journey shows it: worded for Easy Read in the Easy Read version."""
        return EasyReadPage(page) if self.easy_read else page

    def page_count(self) -> tuple[int, bool]:
        """(pages, whether some are still undecided), for the progress caption."""
        return rules.pages_to_come(self.consultation.pages, self.condition_view())

    def page_number(self) -> int:
        pages = self.visible_pages()
        return next((n for n, page in enumerate(pages, 1) if str(page.id) == self.step), len(pages))

    def previous_step(self) -> str | None:
        if self.step == CHECK:
            pages = self.visible_pages()
            return str(pages[-1].id) if pages else None
        pages = self.visible_pages()
        index = next((i for i, page in enumerate(pages) if str(page.id) == self.step), 0)
        return str(pages[index - 1].id) if index else None

    def can_visit(self, step: str) -> bool:
        if not self.unlocked:
            return False
        if step == CHECK:
            return self.state.get("checked", False)
        return step in self.state["seen"] and any(str(page.id) == step for page in self.visible_pages())

    def go_to(self, step: str) -> None:
        self.state["step"] = step
        self.session.modified = True

    def unlock(self) -> None:
        self.state["unlocked"] = True
        self.go_to(self._first_step())

    def keep_answers(self, values: dict, risks: dict) -> None:
        """A page's (redacted) answers: what redaction took out of them, and any words put back
        before, start afresh for that page's questions."""
        removed = values.pop(REMOVED, [])
        fields = set(values)
        for key in (REMOVED, RESTORED):
            self.answers[key] = [entry for entry in self.answers.get(key) or [] if entry[0] not in fields]
        self.answers[REMOVED] += removed
        self.answers.update(values)
        self.state["risks"].update(risks)
        self.session.modified = True

    def save_page(self, page: ConsultationPage, values: dict, risks: dict) -> None:
        """Store a page's (redacted) answers and move on. Before the first check,
        the next page in order; after it, any page now shown but never seen,
        else back to the check page."""
        self.keep_answers(values, risks)
        if str(page.id) not in self.state["seen"]:
            self.state["seen"].append(str(page.id))
        pages = self.visible_pages()
        if self.state.get("checked"):
            unseen = [p for p in pages if str(p.id) not in self.state["seen"]]
            self.state["step"] = str(unseen[0].id) if unseen else CHECK
        else:
            later = [p for p in pages if p.position > page.position]
            self.state["step"] = str(later[0].id) if later else CHECK
        self.session.modified = True

    def mark_checked(self) -> None:
        self.state["checked"] = True
        self.session.modified = True

    def first_incomplete_page(self) -> ConsultationPage | None:
        """A required answer can be missing if a condition changed, or the session was cut short."""
        for page in self.visible_pages():
            if str(page.id) not in self.state["seen"]:
                return page
            for question in page.questions:
                if question.required and not self.answers.get(str(question.id)):
                    return page
        return None

    def risk_categories(self) -> list[str]:
        shown = {str(q.id) for page in self.visible_pages() for q in page.questions}
        # Keys are question ids, or "<id>:other" for the text of an "Other" answer.
        categories = {c for key, cats in self.state["risks"].items() if key.split(":")[0] in shown for c in cats}
        return sorted(categories)

    def _first_step(self) -> str:
        pages = self.visible_pages()
        return str(pages[0].id) if pages else CHECK


def condition_view(consultation: Consultation, answers: dict) -> dict:
    """The answers as page conditions read them (`rules.condition_answers`):
    a grid's as the "<statement> → <answer>" pairs it gave, a ranking's as
    "<thing> ranked first"."""
    view = dict(answers)
    for question in consultation.questions:
        answer = view.get(str(question.id))
        if question.kind == "grid" and isinstance(answer, list):
            view[str(question.id)] = rules.grid_tokens(question.rows, answer)
        elif question.kind == "ranking" and isinstance(answer, list) and answer:
            view[str(question.id)] = f"{answer[0]}{rules.RANKED_FIRST}"
    return view


def current_journey(session, consultation: Consultation) -> Journey | None:
    fresh = fresh_state(session, session_key(consultation.slug)) is not None
    return Journey(session, consultation) if fresh else None


def start_journey(session, consultation: Consultation, resumed: bool = False, easy_read: bool = False) -> Journey:
    """A journey from its start; `resumed` when a later page was posted after a time-out;
    in the consultation's Easy Read version when `easy_read` (`consultations.easy_read`)."""
    session[session_key(consultation.slug)] = {
        "step": CODE, "answers": {}, "risks": {}, "seen": [], "checked": False, "unlocked": False,
        "resumed": resumed, "easy_read": easy_read and consultation.has_easy_read}
    journey = Journey(session, consultation)
    if journey.unlocked:
        journey.go_to(journey._first_step())
    return journey


def _typed(text: str, key: str, values: dict, risks: dict) -> None:
    """Free text into the answers, redacted; risk assessed on what was typed, keeping only the categories."""
    text = (text or "").strip()
    risks[key] = list(assess(text).categories) if text else []
    redaction = redact(text)
    values[key] = redaction.text if text else ""
    values[REMOVED] += removed_entries(key, redaction) if text else []


def _ranked(question, form_data: dict) -> list[str] | str:
    """The things in the order ranked, once each has a different rank; else nothing."""
    ranks = {item: form_data.get(item_name(question, index)) or ""
             for index, item in enumerate(question.choices)}
    if not all(rank.isdigit() for rank in ranks.values()) or len(set(ranks.values())) != len(ranks):
        return ""
    return sorted(ranks, key=lambda item: int(ranks[item]))


def _answer_value(question, form_data: dict):
    raw = form_data.get(field_name(question))
    if question.kind == "multiple":
        return [choice for choice in question.choices if choice in (raw or [])]
    if question.kind == "grid":
        rows = [form_data.get(row_name(question, index)) or "" for index in range(len(question.rows))]
        rows = [value if value in question.choices else "" for value in rows]
        return rows if any(rows) else ""
    if question.kind == "ranking":
        return _ranked(question, form_data)
    if question.kind == "number":
        number = rules.parse_number(raw or "")
        return str(number) if number is not None else ""
    if question.kind == "date":
        return raw.isoformat() if isinstance(raw, date) else ""
    return raw if raw in question.choices else ""


def page_values(page: ConsultationPage, form_data: dict) -> tuple[dict, dict]:
    """A page's answers for the session: free text (and the text of an "Other"
    answer) redacted here, before it goes anywhere, with what was taken out kept
    for the check page's put-back; risk assessed on what was typed, keeping only
    the categories."""
    values: dict = {REMOVED: []}
    risks: dict = {}
    for question in page.questions:
        if not question.answerable:
            continue
        key = str(question.id)
        if question.kind == "free_text":
            _typed(form_data.get(field_name(question)), key, values, risks)
        else:
            values[key] = _answer_value(question, form_data)
        if question.has_other:
            chosen = values[key] if isinstance(values[key], list) else [values[key]]
            typed = form_data.get(other_name(question)) if rules.OTHER in chosen else ""
            _typed(typed, other_key(question), values, risks)
    return values, risks


def form_data(page: ConsultationPage, answers: dict) -> dict:
    """What a page's form shows when it is visited again."""
    data: dict = {}
    for question in page.questions:
        answer = answers.get(str(question.id))
        if question.kind == "grid":
            given = answer if isinstance(answer, list) else []
            data |= {row_name(question, index): given[index] if index < len(given) else ""
                     for index in range(len(question.rows))}
        elif question.kind == "ranking":
            given = answer if isinstance(answer, list) else []
            data |= {item_name(question, index): str(given.index(item) + 1) if item in given else ""
                     for index, item in enumerate(question.choices)}
        elif question.answerable:
            data[field_name(question)] = answer or ([] if question.kind == "multiple" else "")
        if question.has_other:
            data[other_name(question)] = answers.get(other_key(question), "")
    return data


def answer_text(question, answers: dict) -> str:
    """An answer as check your answers shows it: one line per choice, statement or rank."""
    answer = answers.get(str(question.id)) or ""
    other = answers.get(other_key(question), "")
    if question.kind == "grid" and isinstance(answer, list):
        return "\n".join(f"{row}: {choice_label(question, value)}"
                         for row, value in zip(question.rows, answer, strict=False) if value)
    if question.kind == "ranking" and isinstance(answer, list):
        return "\n".join(f"{rank}. {choice_label(question, item)}" for rank, item in enumerate(answer, 1))
    if question.kind == "date" and answer:
        return format_date(date.fromisoformat(answer), format="d MMMM yyyy")  # 3 February 2026, in their language
    chosen = answer if isinstance(answer, list) else [answer] if answer else []
    return "\n".join(f"{gettext('Other')}: {other}" if choice == rules.OTHER and question.has_other
                     else choice_label(question, choice) for choice in chosen)


def check_answers(journey: Journey, shown=None) -> tuple[SummarySection, ...]:
    """The check page's rows; `shown` (a `translations.LocalConsultation`) words them in the respondent's language."""
    sections = []
    for number, page in enumerate(journey.visible_pages(), 1):
        page = shown.page(page.id) if shown is not None else page
        rows = []
        for question in journey.shown(page).questions:
            if not question.answerable:
                continue
            answer = answer_text(question, journey.answers)
            needed = question.required and not answer and journey.resumed
            rows.append(SummaryRow(question.text, answer, str(page.id), needed=needed))
        sections.append(SummarySection(page.title or gettext("Page %(number)s", number=number), tuple(rows)))
    return tuple(sections)


def lost_answers(journey: Journey) -> bool:
    """After a time-out, some required answers (or pages) must be given again."""
    return journey.resumed and journey.first_incomplete_page() is not None


def unread_language(journey: Journey) -> str:
    """The language of the free text when Heard cannot read it ("pl"), else "": its writer's
    thank-you page leads with help in that language."""
    texts = [journey.answers.get(str(q.id)) for page in journey.visible_pages() for q in page.questions
             if q.kind == "free_text"]
    code = detect_language("\n".join(text for text in texts if text))
    return code if needs_reader(code) else ""


def has_free_text(journey: Journey) -> bool:
    return any((q.kind == "free_text" and journey.answers.get(str(q.id))) or journey.answers.get(other_key(q))
               for page in journey.visible_pages() for q in page.questions)


def submit(journey: Journey, today: date | None = None, language: str = "en") -> ConsultationResponse:
    """Write the response: day-precision date, redacted text, answers only for
    pages that were shown, and the language it was answered in. The first
    response locks each question's meaning."""
    return write_response(journey.consultation, journey.visible_pages(), journey.answers,
                          journey.risk_categories(), today or date.today(), easy_read=journey.easy_read,
                          language=language)


def write_response(consultation: Consultation, pages: list[ConsultationPage], answers: dict,
                   categories: list[str], today: date, **recorded) -> ConsultationResponse:
    """Write a response from answers as the journey keeps them (free text
    already redacted), for the pages shown; `recorded` sets its channel or a
    safeguarding flag. Commits."""
    response = ConsultationResponse(consultation=consultation, submitted_on=today,
                                    risk_flagged=bool(categories), risk_categories=",".join(categories), **recorded)
    for page in pages:
        for question in page.questions:
            answer = answers.get(str(question.id))
            if not answer or not question.answerable:
                continue
            other = answers.get(other_key(question), "") if question.has_other else ""
            # Words the writer put back in an "Other" answer are noted for moderation as in free text.
            other_restored = restored_lines(answers, other_key(question)) if other else ""
            if isinstance(answer, list):
                response.answers.append(Answer(question=question, value="", values=list(answer), other_text=other,
                                               restored_words=other_restored))
            elif question.kind == "free_text":
                response.answers.append(Answer(question=question, value=str(answer),
                                               text_language=detect_language(str(answer)),
                                               restored_words=restored_lines(answers, str(question.id))))
            else:
                response.answers.append(Answer(question=question, value=str(answer), other_text=other,
                                               restored_words=other_restored))
    for question in consultation.questions:
        question.meaning_locked = True
    db.session.add(response)
    lifecycle.announce_response(consultation, flagged=bool(categories))
    db.session.commit()
    answers_stored()
    return response


def open_public_consultations(today: date | None = None) -> list[Consultation]:
    """Public consultations people can answer today, closing soonest first."""
    candidates = db.session.scalars(
        select(Consultation).where(Consultation.status == "open", Consultation.audience == "public")
        .order_by(Consultation.closes_on, Consultation.title))
    return [c for c in candidates if availability(c, today) == "open"]
