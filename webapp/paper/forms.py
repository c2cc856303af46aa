"""A paper form laid out from the same definitions the web journeys use: the
feedback questions (`webapp.feedback.questions`) and a consultation's pages
and questions. Plain values, so the PDF template only draws them and the
keyed-entry screen can follow the same order.

Every question kind has a paper shape: tick one box, tick any boxes, lines to
write on, a grid of boxes (a statement a row), boxes to number for a ranking,
a box for a number, day/month/year boxes for a date. A page shown online only
after a certain answer says so in words ("Answer this part only if...")."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _

from webapp.consultations.journey import choice_label
from webapp.consultations.keyed import question_numbers
from webapp.consultations.rules import OTHER
from webapp.consultations.translations import LocalConsultation
from webapp.feedback import questions as fq
from webapp.feedback.directory import services_taking_feedback
from webapp.forms import FREE_TEXT_MAX

# Lines to write on: about one line per 80 characters allowed, 4 to 10.
MIN_LINES, MAX_LINES = 4, 10
CHARACTERS_PER_LINE = 80


@dataclass(frozen=True)
class PaperQuestion:
    number: int | None  # None for information between questions
    text: str
    shape: str  # one, scale, many, lines, grid, ranking, number, date, info
    hint: str = ""
    choices: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    lines: int = 0
    other: bool = False
    optional: bool = True
    ends: str = ""  # what the ends of a 0 to 10 scale mean
    how: str = ""  # how to answer, when the shape alone does not say it (a number's range)


@dataclass(frozen=True)
class PaperSection:
    title: str
    condition: str
    questions: tuple[PaperQuestion, ...]


@dataclass(frozen=True)
class PaperForm:
    title: str
    introduction: str
    sections: tuple[PaperSection, ...]
    return_by: str = ""  # "Please return this by 31 January 2027.", from a consultation's closing date


def line_count(char_limit: int | None) -> int:
    return max(MIN_LINES, min(MAX_LINES, (char_limit or FREE_TEXT_MAX) // CHARACTERS_PER_LINE))


# The feedback form ---------------------------------------------------------------------------

def _feedback_choice(field: str) -> PaperQuestion:
    # Overall is the one answer every feedback response has (`questions.OVERALL`).
    return PaperQuestion(fq.number(field), _(fq.QUESTION_TEXT[field]), "one",
                         choices=tuple(_(label) for _value, label in fq.CHOICES[field]), optional=field != "overall")


def feedback_form() -> PaperForm:
    """The feedback journey on paper, in the current language: the service
    (ticked from the services taking feedback, or written in), the three
    ratings, the two free-text questions and the optional "about you" part."""
    services = tuple(service.name for service in services_taking_feedback())
    service = PaperQuestion(fq.number("service"), _(fq.QUESTION_TEXT["service"]), "one", choices=services,
                            other=True, optional=False)
    ratings = tuple(_feedback_choice(field) for field in fq.RATING_FIELDS)
    texts = tuple(PaperQuestion(fq.number(field), _(fq.QUESTION_TEXT[field]), "lines", lines=line_count(None))
                  for field in fq.FREE_TEXT_FIELDS)
    about = tuple(_feedback_choice(field) for field in fq.EQUALITY_FIELDS)
    return PaperForm(
        title=_("Share your experience"),
        introduction=_("Tell %(partnership_name)s what local support services were like for you. "
                       "What you say helps us change them.",
                       partnership_name=current_app.config["PARTNERSHIP_NAME"]),
        sections=(PaperSection(_("How it went"), "", (service, *ratings)),
                  PaperSection(_("In your own words"), "", texts),
                  PaperSection(_("About you (optional)"), "", about)))


# A consultation ------------------------------------------------------------------------------

def _shape(question) -> str:
    if question.kind == "info":
        return "info"
    if question.kind == "free_text":
        return "lines"
    if question.kind == "multiple":
        return "many"
    if question.kind in ("grid", "ranking", "number", "date"):
        return question.kind
    if question.kind in ("rating", "scale10"):
        return "scale"  # boxes in a row, the number under each
    return "one"  # single, select, agreement, yes/no


def _scale_ends(question) -> str:
    low, high = question.config.get("low_label"), question.config.get("high_label")
    if question.kind != "scale10" or not (low or high):
        return ""
    return f"0 = {low or ''}   10 = {high or ''}"


def _number_how(question) -> str:
    """A number question's range, as the web page gives it in its hint."""
    if question.kind != "number":
        return ""
    low, high = question.config.get("min"), question.config.get("max")
    if low is not None and high is not None:
        return _("Write a number from %(low)s to %(high)s.", low=low, high=high)
    if low is not None:
        return _("Write a number of %(low)s or more.", low=low)
    if high is not None:
        return _("Write a number of %(high)s or less.", high=high)
    return _("Write a number.")


def _consultation_question(question, number: int | None) -> PaperQuestion:
    choices = tuple(choice_label(question, choice) for choice in question.choices
                    if not (question.has_other and choice == OTHER))
    return PaperQuestion(number, question.text, _shape(question), hint=question.hint or "", choices=choices,
                         rows=question.rows, lines=line_count(question.char_limit), other=question.has_other,
                         optional=not question.required, ends=_scale_ends(question), how=_number_how(question))


def _return_by(consultation: LocalConsultation) -> str:
    """The closing date, in the form's language: a form that comes back later is not counted."""
    if consultation.closes_on is None:
        return ""
    return _("Please return this by %(date)s.", date=format_date(consultation.closes_on, format="d MMMM yyyy"))


def _condition(consultation: LocalConsultation, page, numbers: dict[int, int]) -> str:
    question = consultation.question(page.show_if_question_id) if page.show_if_question_id else None
    if question is None or not page.show_if_values:
        return ""
    # Each answer in its own quotes: “Friend” or “Other”, as the msgid quotes one answer.
    between = "” " + _("or") + " “"
    return _("Answer this part only if you answered “%(answers)s” to question %(number)s.",
             answers=between.join(choice_label(question, value) for value in page.show_if_values),
             number=numbers.get(question.id, "?"))


def consultation_form(consultation: LocalConsultation) -> PaperForm:
    """A consultation on paper, in the language it is shown in (`translations.localise`): a part
    per page, its questions numbered through the whole form."""
    numbers = question_numbers(consultation)
    sections = tuple(
        PaperSection(page.title or _("Part %(number)s", number=position),
                     _condition(consultation, page, numbers),
                     tuple(_consultation_question(question, numbers.get(question.id)) for question in page.questions))
        for position, page in enumerate(consultation.pages, 1))
    return PaperForm(title=consultation.title, introduction=consultation.introduction or "", sections=sections,
                     return_by=_return_by(consultation))
