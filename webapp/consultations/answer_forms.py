"""Forms people answer a consultation with, built per page from its questions,
with GOV.UK widgets (radios, checkboxes, character count) and kind messages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (GovCharacterCount, GovCheckboxesInput, GovRadioInput,
                                                GovSubmitInput, GovTextInput)
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from webapp.consultations.journey import field_name
from webapp.consultations.rules import DEFAULT_CHAR_LIMIT
from webapp.public.forms import JourneyForm


class _OptionalRadio(RadioField):
    def pre_validate(self, form):
        if self.data in (None, "", "None"):
            self.data = ""
            return
        super().pre_validate(form)


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
        limit = question.char_limit or DEFAULT_CHAR_LIMIT
        validators = [Length(max=limit, message=f"Keep your answer to {limit} characters or fewer. "
                                                "You can shorten it, or say the most important part.")]
        if question.required:
            validators.insert(0, InputRequired(message=f"Answer the question: {question.text}"))
        return TextAreaField(label, description=hint, widget=GovCharacterCount(), validators=validators)
    choices = list(question.choices)  # each its own value and label
    if question.kind == "multiple":
        cls = SelectMultipleField if question.required else _OptionalCheckboxes
        validators = ([InputRequired(message=f"Choose at least one answer to: {question.text}")]
                      if question.required else [Optional()])
        return cls(label, description=hint, choices=choices, widget=GovCheckboxesInput(),
                   validators=validators)
    cls = RadioField if question.required else _OptionalRadio
    validators = ([InputRequired(message=f"Choose an answer to: {question.text}")]
                  if question.required else [Optional()])
    return cls(label, description=hint, choices=choices, widget=GovRadioInput(), validators=validators)


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
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField("Send your answers", widget=GovSubmitInput())


class AccessCodeForm(FlaskForm):
    code = StringField("Access code", widget=GovTextInput(),
                       validators=[InputRequired(message="Enter the access code you were given"),
                                   Length(max=40, message="Enter the access code you were given")])
    submit = SubmitField("Continue", widget=GovSubmitInput())
