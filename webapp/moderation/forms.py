"""The hide form both moderation pages show beside each response, the form to redact more words,
and the form for an English working translation of text Heard cannot read."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from webapp.forms import FREE_TEXT_MAX

HIDE_REASONS = {"spam": "Spam", "abuse": "Abuse", "other": "Other"}
# Spam speaks for itself; abuse and "other" need a word on why, for whoever reviews it later.
NOTE_NEEDED = ("abuse", "other")


class HideForm(FlaskForm):
    reason = RadioField("Why hide this response?", choices=HIDE_REASONS,
                        widget=GovRadioInput(), validators=[InputRequired(message="Choose why you are hiding it")])
    detail = StringField("Say more (not needed for spam)", widget=GovTextInput(),
                         validators=[Length(max=150, message="Keep this to 150 characters or fewer")])
    submit = SubmitField("Hide response", widget=GovSubmitInput())

    def validate_detail(self, field) -> None:
        if self.reason.data in NOTE_NEEDED and not (field.data or "").strip():
            raise ValidationError(f"Say why you are hiding it as {HIDE_REASONS[self.reason.data].lower()}")

    def reason_text(self) -> str:
        """What is stored as the hidden reason (the column holds 200 characters)."""
        detail = (self.detail.data or "").strip()
        return f"{HIDE_REASONS[self.reason.data]}: {detail}"[:200] if detail else HIDE_REASONS[self.reason.data]


class RedactForm(FlaskForm):
    words = SelectMultipleField("Choose the words to replace with [redacted]", coerce=int,
                                widget=GovCheckboxesInput(),
                                validators=[InputRequired(message="Choose at least one word")])
    version = HiddenField()
    submit = SubmitField("Redact the chosen words", widget=GovSubmitInput())


class TranslationForm(FlaskForm):
    """Staff's English working translation of one text (a little longer than the
    original may be: translations run longer)."""

    translation = TextAreaField("English working translation", widget=GovTextArea(),
                                validators=[DataRequired(message="Enter the English working translation"),
                                            Length(max=FREE_TEXT_MAX * 2,
                                                   message=f"Keep the translation to {FREE_TEXT_MAX * 2} "
                                                           "characters or fewer")])
    submit = SubmitField("Save the working translation", widget=GovSubmitInput())
