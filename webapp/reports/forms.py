"""Forms for the actions ledger and the group members' codes. The report period form is
shared with theming (`webapp.forms.DateRangeForm`)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from webapp.forms import GovDateField
from webapp.reports.models import ACTION_STATUSES


def _strip(value):
    return value.strip() if isinstance(value, str) else value


MARKDOWN_HINT = ("Shown to the public once published. You can use paragraphs, lists (start lines with “- ”), "
                 "**bold** and links to the partnership's published reports, like "
                 "[what changed](/you-said-we-did/feedback). Names, phone numbers, emails and addresses are "
                 "removed when you save.")


class ActionForm(FlaskForm):
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
    status = RadioField("Status", choices=ACTION_STATUSES, default="planned",
                        widget=GovRadioInput(), validators=[InputRequired(message="Choose a status")])
    reason = TextAreaField("Reason, if not doing", widget=GovTextArea(),
                           description="Needed when the status is “Not doing”: it is shown to the public.",
                           validators=[Length(max=1000, message="Keep the reason to 1000 characters or fewer")])
    submit = SubmitField("Record action", widget=GovSubmitInput())

    def validate_reason(self, field) -> None:
        if self.status.data == "not_doing" and not (field.data or "").strip():
            raise ValidationError("Enter why this will not be done")


class EditActionForm(FlaskForm):
    description = TextAreaField("What will be done", widget=GovTextArea(), description=MARKDOWN_HINT,
                                filters=[_strip], validators=[
                                    DataRequired(message="Enter what will be done"),
                                    Length(max=2000, message="Keep this to 2000 characters or fewer")])
    owner_org = StringField("Owner organisation", widget=GovTextInput(), filters=[_strip],
                            validators=[DataRequired(message="Enter the organisation responsible"),
                                        Length(max=200, message="Keep this to 200 characters or fewer")])
    due_on = GovDateField("Due by (optional)")
    reason = TextAreaField("Reason, if not doing", widget=GovTextArea(),
                           validators=[Length(max=1000, message="Keep the reason to 1000 characters or fewer")])
    submit = SubmitField("Save changes", widget=GovSubmitInput())

    def __init__(self, *args, not_doing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.not_doing = not_doing

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
