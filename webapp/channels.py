"""How a response reached Heard: typed online by the person, keyed in by staff
from a paper form, or keyed in with a worker's help (in person, by phone, or
through an interpreter, whose language is kept). The board can break its
summary down by channel; a keyed response is otherwise handled like one typed
online. Nothing about who wrote or keyed a response is kept with it."""

from __future__ import annotations

import hashlib
import json

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import BooleanField, HiddenField, RadioField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

from webapp.putting_back import REMOVED, RESTORED

ONLINE = "online"
PAPER = "paper"
INTERPRETER = "interpreter"
CHANNELS = {
    ONLINE: "Online",
    PAPER: "Paper form",
    "in_person": "Assisted in person",
    "phone": "Assisted by phone",
    INTERPRETER: "Interpreter-assisted",
}
# What staff can choose on the keyed-entry screen.
KEYED = (PAPER, "in_person", "phone", INTERPRETER)
LANGUAGE_MAX = 40


def channel_label(channel: str, language: str = "") -> str:
    """The channel as staff read it: "Interpreter-assisted (Polish)"."""
    label = CHANNELS.get(channel or ONLINE, channel)
    return f"{label} ({language})" if channel == INTERPRETER and language else label


def fingerprint(answers: dict) -> str:
    """Names redacted answers, so the redaction staff confirmed is the one saved. What
    redaction took out is left out: it is kept encrypted, differently each time."""
    shown = {key: value for key, value in answers.items() if key not in (REMOVED, RESTORED)}
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


def _language_needed(form, field) -> None:
    if form.channel.data == INTERPRETER and not (field.data or "").strip():
        raise ValidationError("Enter the language the interpreter used")


class KeyedEntryForm(FlaskForm):
    """What every keyed-entry screen asks besides the questions: how the
    response came, and for paper the confirmed redaction check."""

    channel = RadioField("How did this response reach you?", widget=GovRadioInput(),
                         choices={code: CHANNELS[code] for code in KEYED},
                         validators=[InputRequired(message="Choose how this response reached you")])
    language = StringField("Language the interpreter used", widget=GovTextInput(),
                           validators=[_language_needed, Length(max=LANGUAGE_MAX,
                                       message=f"Enter the language in {LANGUAGE_MAX} characters or fewer")])
    # The redaction staff were shown, so a change after it sends them back to check again.
    checked = HiddenField()
    confirm = BooleanField("I have checked the redacted text against the paper form", widget=GovCheckboxInput())
    submit = SubmitField("Save response", widget=GovSubmitInput())

    def needs_check(self, answers: dict) -> bool:
        """Paper has nobody to preview the redaction: until staff confirm the
        one they were shown (unchanged since), show it. Sets the message."""
        if self.channel.data != PAPER or (self.confirm.data and self.checked.data == fingerprint(answers)):
            return False
        if self.checked.data:
            self.confirm.errors = [CHECK_AGAIN if self.checked.data != fingerprint(answers) else CHECK_FIRST]
        return True


CHECK_FIRST = "Check the redacted text below against the paper form, then tick to confirm it"
CHECK_AGAIN = "The text changed after you checked it: check the redacted text below again"
