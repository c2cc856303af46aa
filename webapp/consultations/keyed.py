"""Keyed entry: staff type in a response that came on a paper form, or one
given with a worker's help (in person, by phone, or through an interpreter).

The screen is laid out like the paper form: every part in order, questions
numbered as on paper, so the Tab order follows the page. Nothing is required,
because a paper form can come back with any question blank; what is typed must
still make sense (a number in range, a real date). Typed text goes through the
same redaction and danger detection as online (`journey.page_values`), and
the answers are written by the same code (`journey.write_response`), so
theming, moderation and reports treat them alike. A paper form has nobody to
preview its redaction, so staff see the redacted text and confirm it before
saving; a danger flag goes straight to the safeguarding queue. Who wrote or
keyed a response is never stored with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput
from wtforms import RadioField
from wtforms.validators import InputRequired

from webapp import channels
from webapp.consultations import answer_forms, journey, rules, translations
from webapp.consultations.models import Consultation, ConsultationResponse
from webapp.putting_back import REMOVED


def question_numbers(consultation: Consultation) -> dict[int, int]:
    """Each answerable question's number through the whole form, as the paper form prints it."""
    numbers: dict[int, int] = {}
    for question in consultation.questions:
        if question.answerable:
            numbers[question.id] = len(numbers) + 1
    return numbers


class KeyedQuestion:
    """A question as keyed entry asks it: numbered as on paper, and never
    required, since a paper form can come back with any question blank."""

    required = False

    def __init__(self, question, number: int | None):
        self._question = question
        self.text = f"{number}. {question.text}" if number else question.text

    def __getattr__(self, name: str):
        return getattr(self._question, name)


def keyed_pages(consultation: Consultation) -> list[tuple[object, list[KeyedQuestion]]]:
    numbers = question_numbers(consultation)
    return [(page, [KeyedQuestion(q, numbers.get(q.id)) for q in page.questions]) for page in consultation.pages]


def condition_words(page, numbers: dict[int, int]) -> str:
    """When a part is answered, as the paper form says it."""
    if page.show_if_question is None or not page.show_if_values:
        return ""
    answers = " or ".join(f"“{value}”" for value in page.show_if_values)
    return f"Only if question {numbers.get(page.show_if_question.id, '?')} was answered {answers}."


def entry_form(consultation: Consultation) -> channels.KeyedEntryForm:
    """The screen's form: the channel, the language of the form when it has more
    than English, then every question's fields in paper order."""
    fields = {}
    languages = translations.available(consultation)
    if len(languages) > 1:
        fields["form_language"] = RadioField(
            "Which language was the form or conversation in?", widget=GovRadioInput(), default=languages[0],
            choices={code: translations.language_name(code) for code in languages},
            validators=[InputRequired(message="Choose the language the response was given in")])
    for _page, questions in keyed_pages(consultation):
        for question in questions:
            fields |= answer_forms.question_fields(question)
    return type("KeyedForm", (channels.KeyedEntryForm,), fields)()


@dataclass(frozen=True)
class Keyed:
    """What was keyed, as it will be stored: answers with free text redacted,
    the pages their conditions show, and the danger categories found."""

    answers: dict
    pages: list
    categories: list[str]


def read(consultation: Consultation, form_data: dict) -> Keyed:
    """Every page's answers at once. Each page's values carry their own list of what
    redaction took out; those lists are joined, so a later page never drops an earlier one's."""
    answers: dict = {REMOVED: []}
    risks: dict = {}
    for page in consultation.pages:
        values, found = journey.page_values(page, form_data)
        removed = values.pop(REMOVED, [])
        answers |= values
        answers[REMOVED] += removed
        risks |= found
    pages = rules.visible_pages(consultation.pages, journey.condition_view(consultation, answers))
    shown = {str(q.id) for page in pages for q in page.questions}
    categories = sorted({c for key, cats in risks.items() if key.split(":")[0] in shown for c in cats})
    return Keyed(answers, pages, categories)


def redacted_text(consultation: Consultation, keyed: Keyed) -> list[tuple[str, str]]:
    """Each piece of free text as it will be stored, by its numbered question, for staff to check."""
    numbers = question_numbers(consultation)
    shown = []
    for page in keyed.pages:
        for question in page.questions:
            label = f"{numbers.get(question.id, '')}. {question.text}"
            if question.kind == "free_text" and keyed.answers.get(str(question.id)):
                shown.append((label, keyed.answers[str(question.id)]))
            other = keyed.answers.get(journey.other_key(question), "") if question.has_other else ""
            if other:
                shown.append((f"{label} (Other)", other))
    return shown


def save(consultation: Consultation, keyed: Keyed, channel: str, language: str,
         today: date | None = None, form_language: str = translations.SOURCE_LANGUAGE) -> ConsultationResponse:
    """Write the keyed response (commits) with the language it was given in. Danger words flag it
    for safeguarding at once: nobody saw a help page when it was written."""
    return journey.write_response(
        consultation, keyed.pages, keyed.answers, keyed.categories, today or date.today(),
        channel=channel, channel_language=language.strip() if channel == channels.INTERPRETER else "",
        safeguarding_flag=bool(keyed.categories), language=form_language)
