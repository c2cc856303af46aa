"""The hide form both moderation pages show beside each response, and the form to redact more words."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import HiddenField, RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

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
