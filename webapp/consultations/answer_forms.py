"""Forms people answer a consultation with, built per page from its questions,
with GOV.UK widgets (radios, checkboxes, select, date input, character count)
and kind messages.

Most questions are one field named after the question (`journey.field_name`).
Some need more, named from it: the "please specify" box of an "Other" answer
(`_other`), a grid's row of radios per statement (`_r0`, `_r1`...) and a
ranking's select per thing ranked (`_i0`, `_i1`...). The templates
(`consultations/respond/_question.html`) lay them out; `journey.page_values`
reads them back.
"""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import Field, RadioField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional, StopValidation, ValidationError

from webapp.consultations.journey import choice_label, field_name, item_name, other_name, row_name
from webapp.consultations.rules import OTHER, parse_number
from webapp.forms import FREE_TEXT_MAX, JourneyForm, OptionalRadioField, free_text_field

OTHER_MAX = 200  # "please specify" is a few words, not an essay


class _OptionalCheckboxes(SelectMultipleField):
    def pre_validate(self, form):
        if not self.data:
            self.data = []
            return
        super().pre_validate(form)


def _labelled(question) -> dict[str, str]:
    """Each answer its own (English) value and its label in the respondent's language."""
    return {choice: choice_label(question, choice) for choice in question.choices}


def _choice_field(question):
    label, hint = question.text, question.hint or None
    choices = _labelled(question)
    if question.kind == "multiple":
        cls = SelectMultipleField if question.required else _OptionalCheckboxes
        validators = ([InputRequired(message=_("Choose at least one answer to: %(question)s",
                                                question=question.text))]
                      if question.required else [Optional()])
        return cls(label, description=hint, choices=choices, widget=GovCheckboxesInput(),
                   validators=validators)
    if question.kind == "select":
        message = _("Choose an answer to: %(question)s", question=question.text)
        return SelectField(label, description=hint, choices={"": _("Choose an answer")} | choices,
                           widget=GovSelect(),
                           validators=[InputRequired(message=message)] if question.required else [Optional()])
    if not question.required:
        return OptionalRadioField(label, description=hint, choices=choices)
    return RadioField(label, description=hint, choices=choices, widget=GovRadioInput(),
                      validators=[InputRequired(message=_("Choose an answer to: %(question)s",
                                                          question=question.text))])


def _main_field(question):
    if question.kind == "free_text":
        required = _("Answer the question: %(question)s", question=question.text) if question.required else ""
        return free_text_field(question.text, question.hint or None, question.char_limit or FREE_TEXT_MAX,
                               required_message=required)
    if question.kind == "number":
        return NumberField(question)
    if question.kind == "date":
        return AnswerDateField(question)
    return _choice_field(question)


class NumberField(StringField):
    """A number within the question's range, typed as people write it ("1,200", "2.5")."""

    def __init__(self, question, **kwargs):
        self.range = (question.config.get("min"), question.config.get("max"))
        self.question_text = question.text
        validators = ([InputRequired(message=_("Enter a number for: %(question)s", question=question.text))]
                      if question.required else [Optional()])
        super().__init__(question.text, description=question.hint or None, widget=GovTextInput(),
                         validators=validators, **kwargs)

    def pre_validate(self, form) -> None:
        if not (self.data or "").strip():
            return
        number = parse_number(self.data)
        if number is None:
            raise StopValidation(_("Enter a number, like 12, for: %(question)s", question=self.question_text))
        low, high = self.range
        if low is not None and high is not None and not low <= number <= high:
            raise StopValidation(_("Enter a number from %(low)s to %(high)s", low=low, high=high))
        if low is not None and number < low:
            raise StopValidation(_("Enter a number of %(low)s or more", low=low))
        if high is not None and number > high:
            raise StopValidation(_("Enter a number of %(high)s or less", high=high))


class AnswerDateField(Field):
    """Day, month and year boxes (the GOV.UK date input): all empty is no
    answer; anything else must be a real date. `data` is the date or None."""

    def __init__(self, question, **kwargs):
        self.required_message = (_("Enter a date for: %(question)s", question=question.text)
                                 if question.required else "")
        super().__init__(question.text, description=question.hint or None, **kwargs)

    def process_formdata(self, valuelist) -> None:
        parts = ([(value or "").strip() for value in valuelist] + ["", "", ""])[:3]
        self.raw_data = parts
        self.data = None
        if not any(parts):
            return
        try:
            day, month, year = (int(part) for part in parts)
            if year < 1000:
                raise ValueError(year)
            self.data = date(year, month, day)
        except ValueError as error:
            raise ValueError(_("Enter a real date, like 27 3 2026")) from error

    def process_data(self, value) -> None:
        self.data = date.fromisoformat(value) if isinstance(value, str) and value else None
        self.raw_data = [str(self.data.day), str(self.data.month), str(self.data.year)] if self.data else ["", "", ""]

    def pre_validate(self, form) -> None:
        if self.data is None and not self.process_errors and self.required_message:
            raise StopValidation(self.required_message)

    @property
    def parts(self) -> list[str]:
        return list(self.raw_data or ["", "", ""])


def _other_field(question, main: str):
    """The "please specify" box: needed when "Other" is chosen, else ignored."""

    def needed_when_chosen(form, field) -> None:
        chosen = form[main].data
        chosen = chosen if isinstance(chosen, list) else [chosen]
        if OTHER not in chosen:
            field.data = ""
            raise StopValidation()
        if not (field.data or "").strip():
            raise StopValidation(_("Say what your other answer to \u201c%(question)s\u201d is",
                                   question=question.text))

    return StringField(_("Please say what"), widget=GovTextInput(), render_kw={"maxlength": OTHER_MAX},
                       validators=[needed_when_chosen,
                                   Length(max=OTHER_MAX, message=_("Keep your other answer to %(limit)s characters "
                                                                   "or fewer", limit=OTHER_MAX))])


def _grid_fields(question) -> dict:
    """A radios question per statement, each with the grid's answers."""
    fields = {}
    for index, statement in enumerate(question.rows):
        if question.required:
            fields[row_name(question, index)] = RadioField(
                statement, choices=_labelled(question), widget=GovRadioInput(),
                validators=[InputRequired(message=_("Choose an answer for \u201c%(statement)s\u201d",
                                                    statement=statement))])
        else:
            fields[row_name(question, index)] = OptionalRadioField(statement, choices=_labelled(question))
    return fields


def _ranking_fields(question) -> dict:
    """A select per thing to rank, from 1 (matters most) to how many there are.
    The checks that need every select at once are on the first one."""
    count = len(question.choices)
    ranks = {"": _("Choose a rank")} | {str(n): str(n) for n in range(1, count + 1)}
    names = [item_name(question, index) for index in range(count)]

    def ranks_are_whole(form, field) -> None:
        given = [form[name].data or "" for name in names]
        chosen = [rank for rank in given if rank]
        if not chosen and not question.required:
            return
        if len(chosen) != count:
            raise ValidationError(_("Rank every one of them, from 1 to %(count)s", count=count)
                                  if question.required else
                                  _("Rank every one of them, from 1 to %(count)s, or leave them all blank",
                                    count=count))
        if len(set(chosen)) != count:
            raise ValidationError(_("Give each one a different rank, from 1 to %(count)s", count=count))

    fields = {}
    for index, (name, item) in enumerate(zip(names, question.choices, strict=True)):
        fields[name] = SelectField(choice_label(question, item), choices=ranks, widget=GovSelect(),
                                   validators=[ranks_are_whole] if index == 0 else [])
    return fields


def question_fields(question) -> dict:
    """Every field a question needs, by name; none for information between questions."""
    if not question.answerable:
        return {}
    if question.kind == "grid":
        return _grid_fields(question)
    if question.kind == "ranking":
        return _ranking_fields(question)
    fields = {field_name(question): _main_field(question)}
    if question.has_other:
        fields[other_name(question)] = _other_field(question, field_name(question))
    return fields


class AnswerPageForm(JourneyForm):
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


def page_form(page, data: dict | None = None) -> FlaskForm:
    """A form for one page. `data` pre-fills it from the session; with no data
    it reads the posted form."""
    fields = {}
    for question in page.questions:
        fields |= question_fields(question)
    form_class = type("PageForm", (AnswerPageForm,), fields)
    form = form_class(data=data) if data is not None else form_class()
    form.questions = [(question, form[field_name(question)] if field_name(question) in form else None)
                      for question in page.questions]
    return form


class CheckForm(JourneyForm):
    # The words redaction removed (choices set from the session): ticked ones are put back.
    put_back = SelectMultipleField(_l("Put back words that do not identify anyone"), coerce=int,
                                   widget=GovCheckboxesInput(), validate_choice=True)
    put_back_submit = SubmitField(_l("Put back the ticked words"), widget=GovSubmitInput())
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField(_l("Send your answers"), widget=GovSubmitInput())
