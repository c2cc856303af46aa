"""Forms for the feedback journey: one per step, GOV.UK widgets, kind messages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

from webapp import equality
from webapp.feedback import easy_read as er
from webapp.feedback import questions as q
from webapp.forms import JourneyForm, OptionalRadioField, free_text_field
from webapp.i18n import lazy_choices

OTHER_SERVICE_MAX = 120


class ServiceForm(JourneyForm):
    service = RadioField(
        _l(q.QUESTION_TEXT["service"]),
        widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Choose the service you want to tell us about"))],
    )
    other_service = StringField(
        _l(q.QUESTION_TEXT["other_service"]),
        widget=GovTextInput(),
        validators=[Length(max=OTHER_SERVICE_MAX,
                           message=_l("Keep the name of the service to %(limit)s characters or fewer",
                                      limit=OTHER_SERVICE_MAX))],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())
    other_needed = _l("Tell us which service it was, or choose one from the list")

    def set_services(self, services) -> None:
        self.service.choices = [SelectChoice(value=s.slug, label=s.name) for s in services] + [
            SelectChoice(value=q.ANOTHER_SERVICE, label=_l("Another service"))]

    def validate_other_service(self, field) -> None:
        if self.service.data == q.ANOTHER_SERVICE and not (field.data or "").strip():
            raise ValidationError(self.other_needed)


class ExperienceForm(JourneyForm):
    ease = OptionalRadioField(_l(q.QUESTION_TEXT["ease"]), choices=lazy_choices(q.EASE))
    listened = OptionalRadioField(_l(q.QUESTION_TEXT["listened"]), choices=lazy_choices(q.LISTENED))
    overall = RadioField(
        _l(q.QUESTION_TEXT["overall"]),
        choices=lazy_choices(q.OVERALL),
        widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Choose how the support was overall"))],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class CommentsForm(JourneyForm):
    what_helped = free_text_field(_l(q.QUESTION_TEXT["what_helped"]),
                                  _l("Anything they did that made a difference. You can leave this blank."))
    could_be_better = free_text_field(
        _l(q.QUESTION_TEXT["could_be_better"]),
        _l("Anything that was hard or that they should change. You can leave this blank."))
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class AboutYouForm(JourneyForm):
    age_band = OptionalRadioField(_l(q.QUESTION_TEXT["age_band"]), choices=lazy_choices(equality.AGE_BAND))
    gender = OptionalRadioField(_l(q.QUESTION_TEXT["gender"]), choices=lazy_choices(equality.GENDER))
    disability = OptionalRadioField(_l(q.QUESTION_TEXT["disability"]), choices=lazy_choices(equality.DISABILITY))
    ethnicity = OptionalRadioField(_l(q.QUESTION_TEXT["ethnicity"]), choices=lazy_choices(equality.ETHNICITY))
    sexuality = OptionalRadioField(_l(q.QUESTION_TEXT["sexuality"]), choices=lazy_choices(equality.SEXUALITY))
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())
    skip = SubmitField(_l("Skip these questions"), widget=GovSubmitInput())


# Easy Read (`easy_read`): the same fields and stored values, in Easy Read words.

class EasyReadServiceForm(ServiceForm):
    service = RadioField(
        _l(er.QUESTION_TEXT["service"]),
        widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Choose the service you want to tell us about."))],
    )
    other_service = StringField(
        _l(er.QUESTION_TEXT["other_service"]),
        widget=GovTextInput(),
        validators=[Length(max=OTHER_SERVICE_MAX,
                           message=_l("The name is too long. Use %(limit)s letters or fewer.",
                                      limit=OTHER_SERVICE_MAX))],
    )
    other_needed = _l("Write the name of the service.")


class EasyReadExperienceForm(JourneyForm):
    ease = OptionalRadioField(_l(er.QUESTION_TEXT["ease"]), choices=lazy_choices(er.pairs(er.EASE)))
    listened = OptionalRadioField(_l(er.QUESTION_TEXT["listened"]), choices=lazy_choices(er.pairs(er.LISTENED)))
    overall = RadioField(
        _l(er.QUESTION_TEXT["overall"]),
        choices=lazy_choices((*er.pairs(er.OVERALL), er.DECLINE)),
        widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Choose good, OK or bad."))],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class EasyReadCommentsForm(JourneyForm):
    what_helped = free_text_field(_l(er.QUESTION_TEXT["what_helped"]), _l("You do not have to write anything."))
    could_be_better = free_text_field(_l(er.QUESTION_TEXT["could_be_better"]),
                                      _l("You do not have to write anything."))
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class CheckForm(JourneyForm):
    # The words redaction removed (choices set from the session): ticked ones are put back.
    put_back = SelectMultipleField(_l("Put back words that do not identify anyone"), coerce=int,
                                   widget=GovCheckboxesInput(), validate_choice=True)
    put_back_submit = SubmitField(_l("Put back the ticked words"), widget=GovSubmitInput())
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = StringField("Leave this blank")
    submit = SubmitField(_l("Send feedback"), widget=GovSubmitInput())
