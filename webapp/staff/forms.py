"""Staff forms: GOV.UK widgets, "Enter…"/"Select…" messages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import DateField, PasswordField, RadioField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, Optional, Regexp, ValidationError

from webapp.audit import ACTIONS, action_words
from webapp.forms import DateInput
from webapp.staff.access import ROLE_LABELS, ROLES
from webapp.staff.accounts import password_problem


class OptionalDateField(DateField):
    """Empty day, month and year mean "no date", not an error."""

    def process_formdata(self, valuelist):
        if not valuelist or not any(value.strip() for value in valuelist):
            self.data = None
            self.raw_data = None
            return
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(f"Enter a real date for {self.label.text.lower()}, like 27 3 2026") from error


class SignInForm(FlaskForm):
    email = StringField("Email address", widget=GovTextInput(),
                        validators=[DataRequired(message="Enter your email address"), Length(max=254)])
    password = PasswordField("Password", widget=GovPasswordInput(),
                             validators=[DataRequired(message="Enter your password"), Length(max=128)])
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class TwoFactorForm(FlaskForm):
    code = StringField("Security code", widget=GovTextInput(),
                       validators=[DataRequired(message="Enter the security code from your authenticator app, "
                                                        "or one of your recovery codes"),
                                   Length(max=20)])
    submit = SubmitField("Continue", widget=GovSubmitInput())


class EnrolForm(FlaskForm):
    code = StringField("Security code", widget=GovTextInput(),
                       validators=[DataRequired(message="Enter the 6-digit security code from your authenticator app"),
                                   Length(max=20)])
    submit = SubmitField("Turn on two-factor authentication", widget=GovSubmitInput())


class CreateUserForm(FlaskForm):
    email = StringField("Email address", widget=GovTextInput(),
                        validators=[DataRequired(message="Enter their email address"),
                                    Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                           message="Enter an email address in the correct format, "
                                                   "like name@example.org"),
                                    Length(max=254)])
    role = RadioField("Role", widget=GovRadioInput(),
                      choices={role: ROLE_LABELS[role] for role in ROLES},
                      validators=[InputRequired(message="Select a role")])
    password = PasswordField("Password (optional)", widget=GovPasswordInput(),
                             validators=[Optional(), Length(max=128)])
    submit = SubmitField("Add user", widget=GovSubmitInput())

    def validate_password(self, field) -> None:
        if field.data:
            problem = password_problem(field.data, self.email.data or "")
            if problem:
                raise ValidationError(problem)


class RoleForm(FlaskForm):
    role = RadioField("Role", widget=GovRadioInput(), choices=ROLE_LABELS,
                      validators=[InputRequired(message="Select a role")])
    submit = SubmitField("Change role", widget=GovSubmitInput())


class AlertSettingsForm(FlaskForm):
    email_alerts = RadioField("Email me alerts", widget=GovRadioInput(), coerce=lambda value: value in (True, "yes"),
                              choices={"yes": "Yes, email me", "no": "No"},
                              validators=[InputRequired(message="Select yes or no")])
    submit = SubmitField("Save alert settings", widget=GovSubmitInput())


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField("Current password", widget=GovPasswordInput(),
                                     validators=[DataRequired(message="Enter your current password"),
                                                 Length(max=128)])
    new_password = PasswordField("New password", widget=GovPasswordInput(),
                                 validators=[DataRequired(message="Enter a new password"), Length(max=128)])
    confirm_password = PasswordField("Confirm new password", widget=GovPasswordInput(),
                                     validators=[DataRequired(message="Enter your new password again"),
                                                 EqualTo("new_password", message="The new passwords do not match. "
                                                                                 "Enter the same password twice")])
    submit = SubmitField("Change password", widget=GovSubmitInput())

    def __init__(self, *args, email: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def validate_new_password(self, field) -> None:
        problem = password_problem(field.data, self.email)
        if problem:
            raise ValidationError(problem)


class AuditFilterForm(FlaskForm):
    """A GET form, so no CSRF token: filtering changes nothing."""

    class Meta:
        csrf = False

    action = SelectField("Action", widget=GovSelect(), validators=[Optional()],
                         choices={"": "All actions"} | {a: action_words(a) for a in ACTIONS})
    user = SelectField("Staff member", widget=GovSelect(), validators=[Optional()], choices={"": "Everyone"})
    date_from = OptionalDateField("From", widget=DateInput(), format="%d %m %Y")
    date_to = OptionalDateField("To", widget=DateInput(), format="%d %m %Y")
    submit = SubmitField("Filter", widget=GovSubmitInput())

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("The \u201cto\u201d date must be the same as or after the \u201cfrom\u201d date")
