"""Forms people answer a consultation with, built per page from its questions,
with GOV.UK widgets (radios, checkboxes, character count) and kind messages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Optional

from webapp.consultations.journey import field_name
from webapp.forms import FREE_TEXT_MAX, JourneyForm, OptionalRadioField, free_text_field


class _OptionalCheckboxes(SelectMultipleField):
    def pre_validate(self, form):
        if not self.data:
            self.data = []
            return
        super().pre_validate(form)


def _field_for(question):
    label = question.text
    hint = question.hint or None
    if question.kind == "free_text":
        required = f"Answer the question: {question.text}" if question.required else ""
        return free_text_field(label, hint, question.char_limit or FREE_TEXT_MAX, required_message=required)
    choices = list(question.choices)  # each its own value and label
    if question.kind == "multiple":
        cls = SelectMultipleField if question.required else _OptionalCheckboxes
        validators = ([InputRequired(message=f"Choose at least one answer to: {question.text}")]
                      if question.required else [Optional()])
        return cls(label, description=hint, choices=choices, widget=GovCheckboxesInput(),
                   validators=validators)
    if not question.required:
        return OptionalRadioField(label, description=hint, choices=choices)
    return RadioField(label, description=hint, choices=choices, widget=GovRadioInput(),
                      validators=[InputRequired(message=f"Choose an answer to: {question.text}")])


class AnswerPageForm(JourneyForm):
    submit = SubmitField("Continue", widget=GovSubmitInput())


def page_form(page, data: dict | None = None) -> FlaskForm:
    """A form for one page. `data` pre-fills it from the session; with no data
    it reads the posted form."""
    form_class = type("PageForm", (AnswerPageForm,),
                      {field_name(question): _field_for(question) for question in page.questions})
    form = form_class(data=data) if data is not None else form_class()
    form.questions = [(question, form[field_name(question)]) for question in page.questions]
    return form


class CheckForm(JourneyForm):
    # The words redaction removed (choices set from the session): ticked ones are put back.
    put_back = SelectMultipleField(_l("Put back words that do not identify anyone"), coerce=int,
                                   widget=GovCheckboxesInput(), validate_choice=True)
    put_back_submit = SubmitField(_l("Put back the ticked words"), widget=GovSubmitInput())
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField("Send your answers", widget=GovSubmitInput())
