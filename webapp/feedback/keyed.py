"""Keyed entry of feedback: staff type in a paper feedback form, or feedback
given with a worker's help, on one screen numbered like the paper form.
Nothing is required (a paper form can come back with anything blank). The
text is redacted and checked for danger as online (`journey.redact_comments`);
a danger flag goes straight to the safeguarding queue; the response records
its channel and nothing about who wrote or keyed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import SelectChoice, StringField
from wtforms.validators import Length

from webapp import channels, equality
from webapp.extensions import db
from webapp.feedback import journey
from webapp.feedback import questions as q
from webapp.feedback.directory import service_by_slug, services_taking_feedback
from webapp.feedback.forms import OTHER_SERVICE_MAX
from webapp.feedback.models import FeedbackResponse
from webapp.forms import OptionalRadioField, free_text_field
from webapp.journeys import answers_stored
from webapp.staff import alerts


def _label(field: str) -> str:
    return f"{q.number(field)}. {q.QUESTION_TEXT[field]}"


def _choices(field: str) -> list[SelectChoice]:
    return [SelectChoice(value=value, label=label) for value, label in q.CHOICES[field]]


class FeedbackKeyedForm(channels.KeyedEntryForm):
    service = OptionalRadioField(_label("service"), choices=[])
    other_service = StringField(q.QUESTION_TEXT["other_service"], widget=GovTextInput(),
                                validators=[Length(max=OTHER_SERVICE_MAX, message=(
                                    f"Keep the name of the service to {OTHER_SERVICE_MAX} characters or fewer"))])
    ease = OptionalRadioField(_label("ease"), choices=_choices("ease"))
    listened = OptionalRadioField(_label("listened"), choices=_choices("listened"))
    overall = OptionalRadioField(_label("overall"), choices=_choices("overall"))
    what_helped = free_text_field(_label("what_helped"))
    could_be_better = free_text_field(_label("could_be_better"))
    age_band = OptionalRadioField(_label("age_band"), choices=_choices("age_band"))
    gender = OptionalRadioField(_label("gender"), choices=_choices("gender"))
    disability = OptionalRadioField(_label("disability"), choices=_choices("disability"))
    ethnicity = OptionalRadioField(_label("ethnicity"), choices=_choices("ethnicity"))
    sexuality = OptionalRadioField(_label("sexuality"), choices=_choices("sexuality"))


def entry_form() -> FeedbackKeyedForm:
    form = FeedbackKeyedForm()
    form.service.choices = [SelectChoice(value=s.slug, label=s.name) for s in services_taking_feedback()] + [
        SelectChoice(value=q.ANOTHER_SERVICE, label="Another service (write which below)")]
    return form


@dataclass(frozen=True)
class Keyed:
    """What was keyed, as it will be stored: free text redacted, danger categories found."""

    answers: dict
    categories: list[str]


def read(form: FeedbackKeyedForm) -> Keyed:
    redacted = journey.redact_comments(form.data)
    answers = {field: form.data.get(field) or "" for field in (*q.RATING_FIELDS, *equality.EQUALITY_FIELDS)}
    answers |= {field: redacted[field] for field in q.FREE_TEXT_FIELDS}
    answers["service"] = form.service.data or ""
    other = form.other_service.data if answers["service"] == q.ANOTHER_SERVICE else ""
    service = journey.other_service_values(other or "")
    answers["other_service"] = service["other_service"]
    return Keyed(answers, journey.risk_categories(service | {"risk_categories": redacted["risk_categories"]}))


def redacted_text(keyed: Keyed) -> list[tuple[str, str]]:
    """The free text as it will be stored, by its numbered question, for staff to check."""
    shown = [(_label(field), keyed.answers[field]) for field in q.FREE_TEXT_FIELDS if keyed.answers[field]]
    if keyed.answers["other_service"]:
        shown.insert(0, (q.QUESTION_TEXT["other_service"], keyed.answers["other_service"]))
    return shown


def save(keyed: Keyed, channel: str, language: str, today: date | None = None) -> FeedbackResponse:
    """Write the keyed feedback (commits). Danger words flag it for safeguarding at once."""
    answers = dict(keyed.answers)
    slug = answers.pop("service")
    service = service_by_slug(slug) if slug and slug != q.ANOTHER_SERVICE else None
    response = FeedbackResponse(
        submitted_on=today or date.today(), service=service, **answers,
        risk_flagged=bool(keyed.categories), risk_categories=",".join(keyed.categories),
        safeguarding_flag=bool(keyed.categories), channel=channel,
        channel_language=language.strip() if channel == channels.INTERPRETER else "")
    db.session.add(response)
    if keyed.categories:
        alerts.alert("safeguarding")
    db.session.commit()
    answers_stored()
    return response
