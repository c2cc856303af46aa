"""The hide form both moderation pages show beside each response, and the form to redact more words."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

HIDE_REASONS = {"spam": "Spam", "abuse": "Abuse", "other": "Other"}


class HideForm(FlaskForm):
    reason = RadioField("Why hide this response?", choices=HIDE_REASONS,
                        widget=GovRadioInput(), validators=[InputRequired(message="Choose why you are hiding it")])
    detail = StringField("Say more", widget=GovTextInput(),
                         validators=[InputRequired(message="Say why you are hiding it"),
                                     Length(max=150, message="Keep this to 150 characters or fewer")])
    submit = SubmitField("Hide response", widget=GovSubmitInput())

    def reason_text(self) -> str:
        """What is stored as the hidden reason (the column holds 200 characters)."""
        return f"{HIDE_REASONS[self.reason.data]}: {self.detail.data.strip()}"[:200]


class RedactForm(FlaskForm):
    words = SelectMultipleField("Choose the words to replace with [redacted]", coerce=int,
                                widget=GovCheckboxesInput(),
                                validators=[InputRequired(message="Choose at least one word")])
    version = HiddenField()
    submit = SubmitField("Redact the chosen words", widget=GovSubmitInput())
