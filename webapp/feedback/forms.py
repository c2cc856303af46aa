"""Forms for the feedback journey: one per step, GOV.UK widgets, kind messages."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import RadioField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

from webapp import equality
from webapp.feedback import questions as q
from webapp.forms import JourneyForm, OptionalRadioField, free_text_field

OTHER_SERVICE_MAX = 120


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


class CommentsForm(JourneyForm):
    what_helped = free_text_field(q.QUESTION_TEXT["what_helped"],
                                  "Anything they did that made a difference. You can leave this blank.")
    could_be_better = free_text_field(q.QUESTION_TEXT["could_be_better"],
                                      "Anything that was hard or that they should change. You can leave this blank.")
    submit = SubmitField("Continue", widget=GovSubmitInput())


class AboutYouForm(JourneyForm):
    age_band = OptionalRadioField(q.QUESTION_TEXT["age_band"], choices=dict(equality.AGE_BAND))
    gender = OptionalRadioField(q.QUESTION_TEXT["gender"], choices=dict(equality.GENDER))
    disability = OptionalRadioField(q.QUESTION_TEXT["disability"], choices=dict(equality.DISABILITY))
    ethnicity = OptionalRadioField(q.QUESTION_TEXT["ethnicity"], choices=dict(equality.ETHNICITY))
    sexuality = OptionalRadioField(q.QUESTION_TEXT["sexuality"], choices=dict(equality.SEXUALITY))
    submit = SubmitField("Continue", widget=GovSubmitInput())
    skip = SubmitField("Skip these questions", widget=GovSubmitInput())


class CheckForm(JourneyForm):
    # The words redaction removed (choices set from the session): ticked ones are put back.
    put_back = SelectMultipleField("Put back words that do not identify anyone", coerce=int,
                                   widget=GovCheckboxesInput(), validate_choice=True)
    put_back_submit = SubmitField("Put back the ticked words", widget=GovSubmitInput())
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField("Send feedback", widget=GovSubmitInput())
