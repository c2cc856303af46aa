"""Form parts more than one room uses: the journey form, optional radios, the
free-text limit, GOV.UK date fields, the period form, the access-code form and
a bare POST button. A room's own forms live in its `forms.py`."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import DateField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from webapp.i18n import character_count_words
from webapp.periods import ScopeError, check_range

# The longest free-text answer anyone is asked for, unless a consultation
# question sets its own limit; the character count shows it as people type.
FREE_TEXT_MAX = 1500
DATE_HINT = "For example, 27 3 2026"


class JourneyForm(FlaskForm):
    """A step of a respondent's journey. CSRFProtect checks the token on every
    POST before the view runs, and the step page renders it with `csrf_token()`,
    so the form carries no token field of its own: a step that is saved and
    redirects then never signs a new token it would not show."""

    class Meta:
        csrf = False


class ButtonForm(FlaskForm):
    """A POST button (hide, flag, disable, confirm...): only the CSRF token."""


class OptionalRadioField(RadioField):
    """A radio question people may leave unanswered."""

    def __init__(self, *args, widget=None, **kwargs):
        kwargs.setdefault("validators", [Optional()])
        kwargs.setdefault("validate_choice", True)
        super().__init__(*args, widget=widget or GovRadioInput(), **kwargs)

    def pre_validate(self, form):
        if self.data in (None, "", "None"):
            self.data = ""
            return
        super().pre_validate(form)


def too_long_message(limit: int) -> str:
    return _l("Keep your answer to %(limit)s characters or fewer. "
              "You can shorten it, or say the most important part.", limit=limit)


def free_text_field(label: str, hint: str | None = None, limit: int = FREE_TEXT_MAX,
                    required_message: str = "") -> TextAreaField:
    """A GOV.UK character count capped at `limit`, optional unless `required_message` is given."""
    validators = [Length(max=limit, message=too_long_message(limit))]
    if required_message:
        validators.insert(0, InputRequired(message=required_message))
    return TextAreaField(label, description=hint, widget=CharacterCount(), validators=validators)


class CharacterCount(GovCharacterCount):
    """GOV.UK's character count with its words in the visitor's language."""

    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        if not params.get("maxlength"):
            return params
        return {**character_count_words(params["maxlength"]), **params}


class AccessCodeForm(FlaskForm):
    """The service-user group's code, for a group consultation, its review and the group view."""

    code = StringField(_l("Access code"), widget=GovTextInput(),
                       validators=[InputRequired(message=_l("Enter the access code you were given")),
                                   Length(max=40, message=_l("Enter the access code you were given"))])
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


# Dates ----------------------------------------------------------------------------------

class DateInput(GovDateInput):
    """GovDateInput that copes with a GET form sent without the date (no raw data)."""

    def map_gov_params(self, field, **kwargs):
        if field.raw_data is not None and len(field.raw_data) != 3:
            field.raw_data = None
        return super().map_gov_params(field, **kwargs)


class DayMonthYearField(DateField):
    """A GOV.UK date input (day, month, year boxes). A post without the boxes
    counts as three empty ones, so the widget can always show them again."""

    def process(self, formdata, *args, **kwargs):
        super().process(formdata, *args, **kwargs)
        if formdata is not None and len(self.raw_data or []) != 3:
            self.raw_data = ((self.raw_data or []) + ["", "", ""])[:3]


class GovDateField(DayMonthYearField):
    """Day, month and year boxes: all empty means no date (so `required` can
    say what is missing); anything else must be a real date."""

    def __init__(self, label: str, required: str | None = None, **kwargs):
        super().__init__(label, description=DATE_HINT, format="%d %m %Y", widget=DateInput(), **kwargs)
        self.required_message = required

    def process_formdata(self, valuelist):
        if not valuelist or not any((value or "").strip() for value in valuelist):
            self.data = None
            return
        try:
            super().process_formdata([(value or "").strip() for value in valuelist])
        except ValueError as error:
            raise ValueError(f"Enter a real date for “{self.label.text}”, like 27 3 2026") from error

    def pre_validate(self, form) -> None:
        if self.data is None and not self.process_errors and self.required_message:
            raise ValidationError(self.required_message)


class DateRangeForm(FlaskForm):
    """A period of feedback, for the board summary and for theming."""

    start = GovDateField("From", "Enter the first day of the period")
    end = GovDateField("To", "Enter the last day of the period")
    submit = SubmitField(_l("Show the summary"), widget=GovSubmitInput())

    def validate_end(self, field) -> None:
        if not (field.data and self.start.data):
            return
        if field.data < self.start.data:
            raise ValidationError("The last day must be the same as or after the first day")
        try:
            check_range(self.start.data, field.data)
        except ScopeError as error:  # too early, too late or too long: said here, not as a server error
            raise ValidationError(str(error)) from error
