"""Forms for choosing a report period and for the actions ledger."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (GovRadioInput, GovSelect, GovSubmitInput, GovTextArea,
                                                GovTextInput)
from wtforms import RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from webapp.consultations.forms import DayMonthYearField
from webapp.reports.models import ACTION_STATUSES
from webapp.staff.forms import DateInput

HINT = "For example, 27 3 2026"


class GovDateField(DayMonthYearField):
    """Day, month and year boxes: all empty means no date (so `required` can
    say what is missing); anything else must be a real date."""

    def __init__(self, label: str, required: str | None = None, **kwargs):
        super().__init__(label, description=HINT, format="%d %m %Y", widget=DateInput(), **kwargs)
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


def _date(label: str, required: str | None = None):
    return GovDateField(label, required)


class DateRangeForm(FlaskForm):
    start = _date("From", "Enter the first day of the period")
    end = _date("To", "Enter the last day of the period")
    submit = SubmitField("Show the summary", widget=GovSubmitInput())

    def validate_end(self, field) -> None:
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError("The last day must be the same as or after the first day")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ActionForm(FlaskForm):
    theme_code = SelectField("Theme", widget=GovSelect(), validators=[InputRequired(message="Choose a theme")])
    description = TextAreaField("What will be done", widget=GovTextArea(), filters=[_strip], validators=[
        DataRequired(message="Enter what will be done"),
        Length(max=2000, message="Keep this to 2000 characters or fewer")])
    owner_org = StringField("Owner organisation", widget=GovTextInput(),
                            description="Who is responsible, for example “Women's Aid refuge team”",
                            filters=[_strip],
                            validators=[DataRequired(message="Enter the organisation responsible"),
                                        Length(max=200, message="Keep this to 200 characters or fewer")])
    due_on = GovDateField("Due by (optional)")
    status = RadioField("Status", choices=ACTION_STATUSES, default="planned",
                        widget=GovRadioInput(), validators=[InputRequired(message="Choose a status")])
    reason = TextAreaField("Reason, if not doing", widget=GovTextArea(),
                           description="Needed when the status is “Not doing”: it is shown to the public.",
                           validators=[Length(max=1000, message="Keep the reason to 1000 characters or fewer")])
    submit = SubmitField("Record action", widget=GovSubmitInput())

    def validate_reason(self, field) -> None:
        if self.status.data == "not_doing" and not (field.data or "").strip():
            raise ValidationError("Enter why this will not be done")


class UpdateForm(FlaskForm):
    status = RadioField("Status", choices=ACTION_STATUSES, widget=GovRadioInput(),
                        validators=[InputRequired(message="Choose a status")])
    note = TextAreaField("Update", widget=GovTextArea(), description="What has happened since the last update.",
                         validators=[Length(max=2000, message="Keep the update to 2000 characters or fewer")])
    reason = TextAreaField("Reason, if not doing", widget=GovTextArea(),
                           validators=[Length(max=1000, message="Keep the reason to 1000 characters or fewer")])
    submit = SubmitField("Save update", widget=GovSubmitInput())

    def validate_note(self, field) -> None:
        if not (field.data or "").strip() and self.status.data == getattr(self, "current_status", None):
            raise ValidationError("Enter an update, or choose a different status")

    def validate_reason(self, field) -> None:
        if self.status.data == "not_doing" and not (field.data or "").strip():
            raise ValidationError("Enter why this will not be done")

