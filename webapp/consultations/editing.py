"""Editing consultations: every change the staff builder makes, checked
against `rules` and added to the audit log with the change (the view commits).

Structure (pages, questions, their order and page conditions) can change only
while a consultation is a draft or in review. Once people have answered, a
question's meaning is locked: only its wording can change, and each wording
change is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import force_locale, gettext
from sqlalchemy import func, select

from analysis.redaction import redact
from webapp import access_codes, equality
from webapp.audit import record_event
from webapp.consultations import addresses, bank, lifecycle, rules, translations
from webapp.consultations.models import (
    ChangeRecord,
    Consultation,
    ConsultationPage,
    ConsultationResponse,
    Question,
    ReviewComment,
    ReviewDecision,
    Translation,
    WordingChange,
)
from webapp.consultations.rules import RuleError
from webapp.extensions import db

EDITABLE_STATUSES = ("draft", "review")

def all_consultations() -> list[Consultation]:
    return list(db.session.scalars(select(Consultation).order_by(Consultation.created_on.desc(),
                                                                 Consultation.id.desc())))


def get_consultation(consultation_id: int) -> Consultation | None:
    return db.session.get(Consultation, consultation_id)


def response_counts() -> dict[int, int]:
    """Responses per consultation id, counted in the database."""
    return dict(db.session.execute(select(ConsultationResponse.consultation_id, func.count(ConsultationResponse.id))
                                   .group_by(ConsultationResponse.consultation_id)).all())


def response_count(consultation: Consultation) -> int:
    return db.session.scalar(select(func.count(ConsultationResponse.id))
                             .where(ConsultationResponse.consultation_id == consultation.id)) or 0


def can_change_structure(consultation: Consultation) -> bool:
    return consultation.status in EDITABLE_STATUSES and not response_count(consultation)


def _require_structure(consultation: Consultation) -> None:
    if not can_change_structure(consultation):
        raise RuleError("Pages and questions can only be added, removed or reordered while the "
                        "consultation is a draft or in review and nobody has answered it.")


DETAIL_FIELDS = ("title", "introduction", "audience", "opens_on", "closes_on", "results_due_on", "results_where")


def create_consultation(details: dict) -> tuple[Consultation, str]:
    """A new draft. Returns it and, for a group consultation, its new access code (shown once)."""
    consultation = Consultation(slug=addresses.new_slug(), status="draft",
                                **{f: details.get(f) if details.get(f) is not None else "" for f in DETAIL_FIELDS
                                   if f not in ("opens_on", "closes_on", "results_due_on")},
                                opens_on=details.get("opens_on"), closes_on=details.get("closes_on"),
                                results_due_on=details.get("results_due_on"))
    db.session.add(consultation)
    db.session.flush()
    code = _issue_code(consultation) if consultation.audience == "group" else ""
    record_event("consultation.create", target=consultation.slug)
    return consultation, code


def update_details(consultation: Consultation, details: dict) -> str:
    """Returns a new access code when the consultation has just become a group one."""
    for field in DETAIL_FIELDS:
        setattr(consultation, field, details.get(field) if details.get(field) is not None else
                (None if field.endswith("_on") else ""))
    code = ""
    if consultation.audience == "group" and not consultation.access_code_hash:
        code = _issue_code(consultation)
    record_event("consultation.edit", target=consultation.slug)
    return code


def _issue_code(consultation: Consultation) -> str:
    code = access_codes.new_access_code()
    consultation.access_code_hash = access_codes.hash_access_code(code)
    consultation.code_failures = 0
    consultation.code_stopped_at = None
    return code


def issue_access_code(consultation: Consultation) -> str:
    code = _issue_code(consultation)
    record_event("consultation.access_code", target=consultation.slug, detail="new code issued")
    return code


def transition(consultation: Consultation, target: str) -> str:
    """Moves the consultation on ("open" before its opening date schedules it). Returns a new access
    code when it has just gone to the group for review without one (a public consultation has none
    until then): the group cannot review without it."""
    rules.check_transition(consultation.status, target, question_count=len(consultation.questions),
                           opens_on=consultation.opens_on, closes_on=consultation.closes_on)
    if target == "open":
        translations.check_complete(consultation)
        target = rules.opening_status(consultation.opens_on)
    lifecycle.set_status(consultation, target)
    if target == "review" and not consultation.access_code_hash:
        return issue_access_code(consultation)
    return ""


# Pages ----------------------------------------------------------------------------

def add_page(consultation: Consultation, title: str) -> ConsultationPage:
    _require_structure(consultation)
    page = ConsultationPage(title=title, position=len(consultation.pages))
    consultation.pages.append(page)
    db.session.flush()
    record_event("consultation.page_add", target=consultation.slug, detail=title)
    return page


def condition_questions(page: ConsultationPage) -> list[Question]:
    """Questions on earlier pages a page can be shown after: only those whose
    answers are choices (`rules.CONDITION_KINDS`), since a typed answer, a number
    or a date could never be matched."""
    return [question for earlier in page.consultation.pages if earlier.position < page.position
            for question in earlier.questions if question.kind in rules.CONDITION_KINDS]


def condition_problem(page: ConsultationPage) -> str:
    """Why a page's saved condition can never be met, for the page-edit screen
    ("" when it works). Edits in the builder keep conditions working; this
    catches conditions saved before they did."""
    source = page.show_if_question
    if source is None:
        return ""
    if source.kind not in rules.CONDITION_KINDS:
        return (f"\u201c{source.text}\u201d is now a {source.kind_label.lower()} question, so this page "
                "would never be shown. Choose another answer, or always show the page.")
    gone = [value for value in page.show_if_values if value not in source.condition_answers]
    if gone:
        return (f"\u201c{source.text}\u201d no longer has the answer \u201c{gone[0]}\u201d, so "
                "this page would never be shown. Choose another answer, or always show the page.")
    if source.page.position >= page.position:
        return (f"\u201c{source.text}\u201d is not on an earlier page, so this page would never be shown. "
                "Choose another answer, or always show the page.")
    return ""


def dependent_pages(question: Question) -> list[ConsultationPage]:
    """Pages shown only after an answer to `question`."""
    return [page for page in question.page.consultation.pages if page.show_if_question_id == question.id]


def _page_name(page: ConsultationPage, capital: bool = False) -> str:
    name = f"{'P' if capital else 'p'}age {page.position + 1}"
    return f"{name} (\u201c{page.title}\u201d)" if page.title else name


def update_page(page: ConsultationPage, title: str, question_id: int | None,
                answers: Sequence[str] = ()) -> None:
    """Save a page's heading and its condition: shown only when the answer to
    `question_id` is one of `answers` (None: always shown)."""
    consultation = page.consultation
    value = rules.CONDITION_SEPARATOR.join(dict.fromkeys(answers)) if question_id is not None else ""
    if (question_id, value) != (page.show_if_question_id, page.show_if_value or ""):
        _require_structure(consultation)
        if question_id is not None:
            question = db.session.get(Question, question_id)
            if question is None or question.page.consultation_id != consultation.id:
                raise RuleError("Choose a question from this consultation.")
            rules.check_condition((question.page.position, question.position), page.position, value,
                                  question.condition_answers)
    page.title = title
    page.show_if_question_id = question_id
    page.show_if_value = value
    record_event("consultation.page_edit", target=consultation.slug, detail=title)


def delete_page(page: ConsultationPage) -> None:
    consultation = page.consultation
    _require_structure(consultation)
    ids = set(page.question_ids)
    for other in consultation.pages:
        if other.show_if_question_id in ids:
            other.show_if_question_id, other.show_if_value = None, ""
    for question in page.questions:
        translations.forget_question(question)
    translations.forget_page(page)
    consultation.pages.remove(page)
    _renumber(consultation.pages)
    record_event("consultation.page_delete", target=consultation.slug, detail=page.title)


def move_page(page: ConsultationPage, direction: str) -> None:
    """Swap a page with its neighbour, unless that would put a page before the
    answer it depends on: then refuse, saying which condition is in the way,
    rather than drop the condition."""
    consultation = page.consultation
    _require_structure(consultation)
    pages = list(consultation.pages)
    index = pages.index(page)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(pages):
        return
    pages[index], pages[other] = pages[other], pages[index]
    clash = rules.condition_out_of_order(pages)
    if clash:
        dependent, source = clash
        raise RuleError(f"{_page_name(dependent, capital=True)} is shown only after an answer on "
                        f"{_page_name(source)}, so it has to come after it. To move it, first change "
                        f"the condition on {_page_name(dependent)}.")
    _swap(consultation.pages, page, direction)
    record_event("consultation.page_move", target=consultation.slug, detail=f"{page.title} {direction}")


# Questions ------------------------------------------------------------------------

def _question_values(values: dict) -> dict:
    kind = values["kind"]
    options = rules.normalise_options(kind, (values.get("options") or "").splitlines())
    char_limit = values.get("char_limit") if kind == "free_text" else None
    settings = rules.normalise_settings(kind, values)
    text, hint = values["text"].strip(), (values.get("hint") or "").strip()
    rules.check_question(kind, options, char_limit, settings, text=text, hint=hint)
    # Information between questions has nothing to answer, so it cannot be required.
    required = bool(values.get("required")) and kind not in rules.NO_ANSWER_KINDS
    return {"kind": kind, "text": text, "hint": hint, "required": required, "options": options,
            "char_limit": char_limit, "settings": settings,
            "easy_read_text": (values.get("easy_read_text") or "").strip(),
            "easy_read_hint": (values.get("easy_read_hint") or "").strip()}


def add_question(page: ConsultationPage, values: dict) -> Question:
    _require_structure(page.consultation)
    question = Question(position=len(page.questions), **_question_values(values))
    page.questions.append(question)
    db.session.flush()
    record_event("consultation.question_add", target=page.consultation.slug, detail=question.text)
    return question


def update_question(question: Question, values: dict, staff_user) -> list[str]:
    """Apply an edit. Returns what changed elsewhere because of it (a page
    condition that now follows a renamed answer), for the view to tell staff.
    An edit that would leave a page condition unable to match is refused."""
    proposed = _question_values(values)
    current = {field: getattr(question, field) for field in proposed}
    current["options"] = list(current["options"] or [])
    current["settings"] = dict(current["settings"] or {})
    for field, old, new in rules.check_edit(question.meaning_locked, current, proposed):
        question.wording_changes.append(WordingChange(field=field, old=old, new=new, changed_by=staff_user))
    followed = _follow_conditions(question, proposed)
    for field, value in proposed.items():
        setattr(question, field, value)
    record_event("consultation.question_edit", target=question.page.consultation.slug, detail=question.text)
    return followed


def _follow_conditions(question: Question, proposed: dict) -> list[str]:
    """Keep the conditions that use `question` true to the edit: rename them
    with a renamed answer, refuse an edit that removes the answer or makes the
    question one a condition cannot use."""
    kind = proposed["kind"]
    new_choices = (rules.condition_answers(kind, rules.choices_for(kind, proposed["options"], proposed["settings"]),
                                           proposed["settings"].get("rows", ()))
                   if kind in rules.CONDITION_KINDS else ())
    notes = []
    for dependent in dependent_pages(question):
        followed = []
        for old in dependent.show_if_values:
            value = rules.follow_condition(old, question.condition_answers, tuple(new_choices))
            if value is None:
                raise RuleError(f"{_page_name(dependent, capital=True)} is shown only if this question is answered "
                                f"\u201c{old}\u201d. Keep that answer (renaming it in place is "
                                f"fine), or change the condition on {_page_name(dependent)} first.")
            if value != old:
                notes.append(f"The condition on {_page_name(dependent)} now uses the renamed answer "
                             f"\u201c{value}\u201d (it was \u201c{old}\u201d).")
                record_event("consultation.page_edit", target=question.page.consultation.slug,
                             detail=f"{dependent.title}: condition follows {old!r} -> {value!r}")
            followed.append(value)
        dependent.show_if_value = rules.CONDITION_SEPARATOR.join(followed)
    return notes


def delete_question(question: Question) -> None:
    page = question.page
    _require_structure(page.consultation)
    for other in page.consultation.pages:
        if other.show_if_question_id == question.id:
            other.show_if_question_id, other.show_if_value = None, ""
    translations.forget_question(question)
    page.questions.remove(question)
    _renumber(page.questions)
    record_event("consultation.question_delete", target=page.consultation.slug, detail=question.text)


def move_question(question: Question, direction: str) -> None:
    _require_structure(question.page.consultation)
    _swap(question.page.questions, question, direction)
    record_event("consultation.question_move", target=question.page.consultation.slug,
                 detail=f"{question.text} {direction}")


def add_from_bank(page: ConsultationPage, fields: list[str], welsh: list[str] | None = None) -> list[Question]:
    """Equality questions as the feedback journey asks them (optional, each with
    Prefer not to say), translated into each language the partnership offers from
    the site's catalogues; and the Welsh Language Standards questions, with their Welsh."""
    _require_structure(page.consultation)
    added = []
    for field in fields:
        if field not in equality.EQUALITY_FIELDS:
            continue
        question = Question(kind="single", text=equality.QUESTION_TEXT[field], required=False,
                            options=[label for _, label in equality.CHOICES[field]], position=len(page.questions))
        page.questions.append(question)
        added.append(question)
        db.session.flush()
        _translate_from_catalogues(question)
    for key in welsh or []:
        if key not in bank.BY_KEY:
            continue
        wording = bank.BY_KEY[key]
        question = Question(kind="free_text", text=wording.text, hint=wording.hint, required=False,
                            position=len(page.questions))
        page.questions.append(question)
        added.append(question)
        db.session.flush()
        translations.add_bank_translations(question, bank.WELSH, {"text": wording.welsh_text,
                                                                  "hint": wording.welsh_hint})
    record_event("consultation.question_bank", target=page.consultation.slug,
                 detail=", ".join(q.text for q in added))
    return added


def _translate_from_catalogues(question: Question) -> None:
    """An equality question's words are the site's own, already in every catalogue."""
    consultation = question.page.consultation
    for code in translations.offerable():
        with force_locale(code):
            texts = [("text", question.text, gettext(question.text))]
            texts += [("option", option, gettext(option)) for option in question.options]
        for field, source, text in texts:
            consultation.translations.append(Translation(
                language=code, question_id=question.id, field=field, source=source, text=text))


def duplicate(consultation: Consultation) -> Consultation:
    """A new draft with the same details, pages and questions; no responses,
    comments or access code, and no dates (they are for the new run to set)."""
    copy = Consultation(slug=addresses.new_slug(), title=f"{consultation.title} (copy)",
                        introduction=consultation.introduction, audience=consultation.audience,
                        status="draft", results_where=consultation.results_where, languages=consultation.languages)
    mapping: dict[int, Question] = {}
    pages: dict[int, ConsultationPage] = {}
    for page in consultation.pages:
        new_page = ConsultationPage(title=page.title, position=page.position)
        pages[page.id] = new_page
        for question in page.questions:
            new_question = Question(kind=question.kind, text=question.text, hint=question.hint,
                                    easy_read_text=question.easy_read_text, easy_read_hint=question.easy_read_hint,
                                    required=question.required, options=list(question.options or []),
                                    char_limit=question.char_limit, settings=dict(question.config),
                                    position=question.position)
            new_page.questions.append(new_question)
            mapping[question.id] = new_question
        copy.pages.append(new_page)
    db.session.add(copy)
    db.session.flush()
    for page, new_page in zip(consultation.pages, copy.pages, strict=True):
        if page.show_if_question_id in mapping:
            new_page.show_if_question_id = mapping[page.show_if_question_id].id
            new_page.show_if_value = page.show_if_value
    # The copy's own title ends "(copy)": its title translation is left for staff to check.
    translations.copy_translations(consultation, copy, {old: new.id for old, new in pages.items()},
                                   {old: new.id for old, new in mapping.items()})
    record_event("consultation.duplicate", target=copy.slug, detail=f"from {consultation.slug}")
    return copy


def _swap(items: list, item, direction: str) -> None:
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(items):
        return
    items[index].position, items[other].position = items[other].position, items[index].position
    items.sort(key=lambda thing: thing.position)
    _renumber(items)


def _renumber(items: list) -> None:
    for position, item in enumerate(sorted(items, key=lambda thing: thing.position)):
        item.position = position


# Co-production decisions -------------------------------------------------------------

def decide_comment(comment: ReviewComment, decision: str, reason: str) -> None:
    """Records a decision, or revises an earlier one: the history keeps every
    decision, and the change record follows the latest (an accepted comment has
    exactly one, a declined one none)."""
    revising = comment.status != "pending"
    comment.status = decision
    comment.reason = redact(reason.strip()).text
    comment.decisions.append(ReviewDecision(decision=decision, reason=comment.reason))
    record = next((change for change in comment.consultation.changes if change.comment_id == comment.id), None)
    if decision == "accepted" and record is None:
        comment.consultation.changes.append(ChangeRecord(comment=comment, description=comment.reason))
    elif decision == "accepted":
        record.description = comment.reason
    elif record is not None:
        comment.consultation.changes.remove(record)
    record_event(f"consultation.comment_{decision}", target=comment.consultation.slug,
                 detail=f"comment {comment.id}" + (" (decision revised)" if revising else ""))
