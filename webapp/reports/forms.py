"""Forms for the actions ledger and the group members' codes. The report period form is
shared with theming (`webapp.forms.DateRangeForm`)."""

from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from webapp.forms import GovDateField
from webapp.reports.models import ACTION_STATUSES


def _strip(value):
    return value.strip() if isinstance(value, str) else value


MARKDOWN_HINT = ("Shown to the public once published. You can use paragraphs, lists (start lines with “- ”), "
                 "**bold** and links to the partnership's published reports, like "
                 "[what changed](/you-said-we-did/feedback). Names, phone numbers, emails and addresses are "
                 "removed when you save.")


PAST_DUE_CONFIRM = "Yes, the due date is in the past"
PAST_DUE_MESSAGE = (f"The due date is in the past. Check the date, or tick “{PAST_DUE_CONFIRM}” "
                    "if that is right (for example, for work already finished)")


class PastDueCheck:
    """A due date in the past is questioned, not refused: the form comes back
    with everything typed and a box to confirm the date (a typo in the year
    would otherwise make a new action overdue from the day it is recorded).
    `due_before` is the date already stored, which is never questioned again."""

    due_before: date | None = None

    def question_past_due(self, field, today: date | None = None) -> None:
        if (field.data and field.data != self.due_before and field.data < (today or date.today())
                and not self.confirm_past_due.data):
            self.past_due_questioned = True
            raise ValidationError(PAST_DUE_MESSAGE)

    def validate_due_on(self, field) -> None:
        self.question_past_due(field)

    @property
    def show_past_due_confirm(self) -> bool:
        """The box shows once the date has been questioned, and stays ticked."""
        return bool(getattr(self, "past_due_questioned", False) or self.confirm_past_due.data)


def _past_due_box():
    return BooleanField(PAST_DUE_CONFIRM, widget=GovCheckboxInput(), false_values=("", "false", "0"))


class ActionForm(PastDueCheck, FlaskForm):
    theme_code = SelectField("Theme", widget=GovSelect(), validators=[InputRequired(message="Choose a theme")])
    description = TextAreaField("What will be done", widget=GovTextArea(), description=MARKDOWN_HINT,
                                filters=[_strip], validators=[
        DataRequired(message="Enter what will be done"),
        Length(max=2000, message="Keep this to 2000 characters or fewer")])
    owner_org = StringField("Owner organisation", widget=GovTextInput(),
                            description="Who is responsible, for example “Women's Aid refuge team”",
                            filters=[_strip],
                            validators=[DataRequired(message="Enter the organisation responsible"),
                                        Length(max=200, message="Keep this to 200 characters or fewer")])
    due_on = GovDateField("Due by (optional)")
    confirm_past_due = _past_due_box()
    status = RadioField("Status", choices=ACTION_STATUSES, default="planned",
                        widget=GovRadioInput(), validators=[InputRequired(message="Choose a status")])
    reason = TextAreaField("Reason, if not doing", widget=GovTextArea(),
                           description="Needed when the status is “Not doing”: it is shown to the public.",
                           validators=[Length(max=1000, message="Keep the reason to 1000 characters or fewer")])
    submit = SubmitField("Record action", widget=GovSubmitInput())

    def validate_reason(self, field) -> None:
        if self.status.data == "not_doing" and not (field.data or "").strip():
            raise ValidationError("Enter why this will not be done")


class EditActionForm(PastDueCheck, FlaskForm):
    description = TextAreaField("What will be done", widget=GovTextArea(), description=MARKDOWN_HINT,
                                filters=[_strip], validators=[
                                    DataRequired(message="Enter what will be done"),
                                    Length(max=2000, message="Keep this to 2000 characters or fewer")])
    owner_org = StringField("Owner organisation", widget=GovTextInput(), filters=[_strip],
                            validators=[DataRequired(message="Enter the organisation responsible"),
                                        Length(max=200, message="Keep this to 200 characters or fewer")])
    due_on = GovDateField("Due by (optional)")
    confirm_past_due = _past_due_box()
    reason = TextAreaField("Reason, if not doing", widget=GovTextArea(),
                           validators=[Length(max=1000, message="Keep the reason to 1000 characters or fewer")])
    submit = SubmitField("Save changes", widget=GovSubmitInput())

    def __init__(self, *args, not_doing: bool = False, due_before: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.not_doing = not_doing
        self.due_before = due_before

    def validate_reason(self, field) -> None:
        if self.not_doing and not (field.data or "").strip():
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


class MemberCodesForm(FlaskForm):
    count = IntegerField("How many group members need a code?", widget=GovTextInput(),
                         description="One code for each member. Each works once, for this summary only.",
                         validators=[InputRequired(message="Enter how many codes you need, like 8"),
                                     NumberRange(min=1, max=50, message="Enter a number of codes from 1 to 50")])
    submit = SubmitField("Issue codes", widget=GovSubmitInput())
