"""Forms for the feedback journey: one per step, GOV.UK widgets, kind messages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from webapp.public import questions as q

FREE_TEXT_MAX = 1500
OTHER_SERVICE_MAX = 120


class OptionalRadioField(RadioField):
    """A radio question people may leave unanswered."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [Optional()])
        kwargs.setdefault("validate_choice", True)
        super().__init__(*args, widget=GovRadioInput(), **kwargs)

    def pre_validate(self, form):
        if self.data in (None, "", "None"):
            self.data = ""
            return
        super().pre_validate(form)


class JourneyForm(FlaskForm):
    """A step of a respondent's journey. CSRFProtect checks the token on every
    POST before the view runs, and the step page renders it with `csrf_token()`,
    so the form carries no token field of its own: a step that is saved and
    redirects then never signs a new token it would not show."""

    class Meta:
        csrf = False


class ServiceForm(JourneyForm):
    service = RadioField(
        q.QUESTION_TEXT["service"],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose the service you want to tell us about")],
    )
    other_service = StringField(
        q.QUESTION_TEXT["other_service"],
        widget=GovTextInput(),
        validators=[Length(max=OTHER_SERVICE_MAX,
                           message=f"Keep the name of the service to {OTHER_SERVICE_MAX} characters or fewer")],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())

    def set_services(self, services) -> None:
        self.service.choices = {s.slug: s.name for s in services} | {q.ANOTHER_SERVICE: "Another service"}

    def validate_other_service(self, field) -> None:
        if self.service.data == q.ANOTHER_SERVICE and not (field.data or "").strip():
            raise ValidationError("Tell us which service it was, or choose one from the list")


class ExperienceForm(JourneyForm):
    ease = OptionalRadioField(q.QUESTION_TEXT["ease"], choices=dict(q.EASE))
    listened = OptionalRadioField(q.QUESTION_TEXT["listened"], choices=dict(q.LISTENED))
    overall = RadioField(
        q.QUESTION_TEXT["overall"],
        choices=dict(q.OVERALL),
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose how the support was overall")],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


def _free_text(label: str, hint: str) -> TextAreaField:
    return TextAreaField(
        label,
        description=hint,
        widget=GovCharacterCount(),
        validators=[Length(max=FREE_TEXT_MAX,
                           message=f"Keep your answer to {FREE_TEXT_MAX} characters or fewer. "
                                   "You can shorten it, or say the most important part.")],
    )


class CommentsForm(JourneyForm):
    what_helped = _free_text(q.QUESTION_TEXT["what_helped"], "Anything they did that made a difference. You can leave this blank.")
    could_be_better = _free_text(q.QUESTION_TEXT["could_be_better"], "Anything that was hard or that they should change. You can leave this blank.")
    submit = SubmitField("Continue", widget=GovSubmitInput())


class AboutYouForm(JourneyForm):
    age_band = OptionalRadioField(q.QUESTION_TEXT["age_band"], choices=dict(q.AGE_BAND))
    gender = OptionalRadioField(q.QUESTION_TEXT["gender"], choices=dict(q.GENDER))
    disability = OptionalRadioField(
        q.QUESTION_TEXT["disability"], choices=dict(q.DISABILITY))
    ethnicity = OptionalRadioField(q.QUESTION_TEXT["ethnicity"], choices=dict(q.ETHNICITY))
    sexuality = OptionalRadioField(q.QUESTION_TEXT["sexuality"], choices=dict(q.SEXUALITY))
    submit = SubmitField("Continue", widget=GovSubmitInput())
    skip = SubmitField("Skip these questions", widget=GovSubmitInput())


class CheckForm(JourneyForm):
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField("Send feedback", widget=GovSubmitInput())
