"""Staff forms for building consultations: details, pages, questions, the
question bank, lifecycle and review decisions, and redacting more words of an
answer in moderation. GOV.UK widgets, "Enter…" messages."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovCheckboxInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from webapp import equality
from webapp.consultations import bank
from webapp.consultations.rules import AUDIENCES, KINDS, check_dates
from webapp.forms import FREE_TEXT_MAX, DayMonthYearField


def _date(label: str, hint: str = "For example, 27 3 2027") -> DateField:
    return DayMonthYearField(label, description=hint, format="%d %m %Y", widget=GovDateInput(),
                     validators=[Optional()])


class ConsultationForm(FlaskForm):
    title = StringField("Title", widget=GovTextInput(), description="Calm and plain, for example "
                        "\u201cImproving support after leaving\u201d. People see it on their screen.",
                        validators=[InputRequired(message="Enter a title"),
                                    Length(max=200, message="Keep the title to 200 characters or fewer")])
    introduction = TextAreaField("Introduction", widget=GovTextArea(),
                                 description="Shown before the first question. What you are asking about and why.",
                                 validators=[Length(max=3000,
                                                    message="Keep the introduction to 3000 characters or fewer")])
    audience = RadioField("Who can answer", choices=AUDIENCES, default="public",
                          widget=GovRadioInput(), validators=[InputRequired(message="Choose who can answer")])
    opens_on = _date("Opens on")
    closes_on = _date("Closes on")
    results_due_on = _date("Results published by")
    results_where = StringField("Where results will be published", widget=GovTextInput(),
                                description="For example, \u201con this site and at the partnership board\u201d",
                                validators=[Length(max=300, message="Keep this to 300 characters or fewer")])
    submit = SubmitField("Save", widget=GovSubmitInput())

    def validate_closes_on(self, field) -> None:
        self._check_dates(field)

    def validate_results_due_on(self, field) -> None:
        self._check_dates(field)

    def _check_dates(self, field) -> None:
        error = check_dates(self.opens_on.data, self.closes_on.data, self.results_due_on.data).get(field.name)
        if error:
            raise ValidationError(error)


class AddressForm(FlaskForm):
    slug = StringField("Web address", widget=GovTextInput(),
                       validators=[InputRequired(message="Enter a web address")])
    submit = SubmitField("Save address", widget=GovSubmitInput())


class PageForm(FlaskForm):
    title = StringField("Page heading", widget=GovTextInput(),
                        description="A short heading, like \u201cYour support\u201d.",
                        validators=[InputRequired(message="Enter a page heading"),
                                    Length(max=200, message="Keep the heading to 200 characters or fewer")])
    show_if_question = SelectField("Show this page only if", widget=GovSelect(), coerce=str, default="",
                                   description="Optional. Choose an answer to a question on an earlier page.")
    show_if_also = SelectMultipleField("Or if the answer is one of these (optional)", widget=GovCheckboxesInput(),
                                       description="Tick other answers to the same question to show the page "
                                                   "when the answer is any one of them.",
                                       validators=[Optional()])
    submit = SubmitField("Save page", widget=GovSubmitInput())

    def set_conditions(self, conditions: list[tuple[str, str]], saved: tuple[str, str] | None = None) -> None:
        """The answers a page may depend on; `saved` is the page's current
        condition, listed even when it no longer works, so it is never lost
        by saving the page unchanged."""
        choices = {"": "Always show this page"} | dict(conditions)
        if saved and saved[0] not in choices:
            choices[saved[0]] = saved[1]
        self.show_if_question.choices = choices
        self.show_if_also.choices = dict(conditions)


class QuestionForm(FlaskForm):
    """One question. Fields a kind does not use are ignored for it
    (`rules.normalise_options`, `rules.normalise_settings`)."""

    kind = RadioField("Type of question", choices=KINDS, widget=GovRadioInput(),
                      validators=[InputRequired(message="Choose a type of question")])
    text = StringField("Question", widget=GovTextInput(),
                       description="For information between questions: its heading.",
                       validators=[InputRequired(message="Enter the question"),
                                   Length(max=400, message="Keep the question to 400 characters or fewer")])
    hint = TextAreaField("Hint (optional)", widget=GovTextArea(),
                         description="For information between questions: the text people read.",
                         validators=[Length(max=600, message="Keep the hint to 600 characters or fewer")])
    required = BooleanField("People must answer this question", widget=GovCheckboxInput())
    options = TextAreaField("Answers to choose from", widget=GovTextArea(),
                            description="One on each line. For single and multiple choice and select lists: the "
                                        "answers. For a grid: the answers every statement offers. For ranking: the "
                                        "things to rank (up to 10). For agreement and rating scales: leave blank "
                                        "for the standard labels, or give exactly 5 of your own.",
                            validators=[Length(max=3000, message="Keep the answers to 3000 characters or fewer")])
    other = BooleanField("Add an \u201cOther (please specify)\u201d answer", widget=GovCheckboxInput(),
                         description="For single and multiple choice. What people type there is redacted "
                                     "like other free text.")
    rows = TextAreaField("Statements for a grid", widget=GovTextArea(),
                         description="For a grid: one statement on each line; each is a question of its own "
                                     "with the answers above.",
                         validators=[Length(max=3000, message="Keep the statements to 3000 characters or fewer")])
    min = IntegerField("Smallest number allowed (optional)", widget=GovTextInput(),
                       validators=[Optional()])
    max = IntegerField("Largest number allowed (optional)", widget=GovTextInput(),
                       validators=[Optional()])
    low_label = StringField("What 0 means (optional)", widget=GovTextInput(),
                            description="For a scale from 0 to 10, for example \u201cNot at all likely\u201d.",
                            validators=[Length(max=60, message="Keep the label to 60 characters or fewer")])
    high_label = StringField("What 10 means (optional)", widget=GovTextInput(),
                             description="For example, \u201cExtremely likely\u201d.",
                             validators=[Length(max=60, message="Keep the label to 60 characters or fewer")])
    char_limit = IntegerField("Character limit", widget=GovTextInput(),
                              description=f"For free text. Leave blank for {FREE_TEXT_MAX}.",
                              validators=[Optional(),
                                          NumberRange(min=1, max=5000,
                                                      message="The character limit must be between 1 and 5000")])
    submit = SubmitField("Save question", widget=GovSubmitInput())

    def fill_from(self, question) -> None:
        """Show a saved question's options and settings in the boxes they came from."""
        settings = question.config
        self.options.data = "\n".join(question.options or [])
        self.other.data = bool(settings.get("other"))
        self.rows.data = "\n".join(settings.get("rows", []))
        self.min.data, self.max.data = settings.get("min"), settings.get("max")
        self.low_label.data = settings.get("low_label", "")
        self.high_label.data = settings.get("high_label", "")


class QuestionBankForm(FlaskForm):
    questions = SelectMultipleField("Equality questions", widget=GovCheckboxesInput(),
                                    choices=equality.QUESTION_TEXT, validators=[Optional()])
    # Offered only when the partnership offers Welsh (a Welsh body): the Welsh Language Standards questions.
    welsh = SelectMultipleField("Welsh Language Standards questions", widget=GovCheckboxesInput(),
                                choices={q.key: q.text for q in bank.WELSH_LANGUAGE_QUESTIONS},
                                validators=[Optional()])
    submit = SubmitField("Add questions", widget=GovSubmitInput())

    def validate_questions(self, field) -> None:
        welsh = getattr(self, "welsh", None)  # taken off the form unless the partnership offers Welsh
        if not field.data and not (welsh and welsh.data):
            raise ValidationError("Choose at least one question to add")


class LanguagesForm(FlaskForm):
    languages = SelectMultipleField("Languages besides English", widget=GovCheckboxesInput(),
                                    validators=[Optional()])
    submit = SubmitField("Save languages", widget=GovSubmitInput())


class TranslationForm(FlaskForm):
    """One builder page of translations: a box per English string (`translation_form` adds them)."""

    submit = SubmitField("Save and continue", widget=GovSubmitInput())


def translation_form(sources, current: dict, formdata=None) -> TranslationForm:
    """A box for each string, labelled with its English, holding its translation so far."""
    fields = {}
    for index, source in enumerate(sources):
        field_class, widget = (TextAreaField, GovTextArea()) if source.long else (StringField, GovTextInput())
        fields[f"t{index}"] = field_class(source.source, widget=widget, default=current.get(source.key, ""),
                                          validators=[Optional(), Length(max=5000)])
    form = type("PartTranslationForm", (TranslationForm,), fields)(formdata=formdata)
    form.boxes = [(source, form[f"t{index}"]) for index, source in enumerate(sources)]
    return form


class ActionForm(FlaskForm):
    """A POST button (move, delete, duplicate, lifecycle): only a CSRF token and a value."""

    value = HiddenField()


class DecisionForm(FlaskForm):
    decision = RadioField("Decision", choices={"accepted": "Accept: we will change the consultation",
                                               "declined": "Decline"},
                          widget=GovRadioInput(), validators=[InputRequired(message="Choose accept or decline")])
    reason = TextAreaField("What will change, or why not", widget=GovCharacterCount(),
                           validators=[InputRequired(message="Say what will change, or why not"),
                                       Length(max=1000, message="Keep this to 1000 characters or fewer")])
    submit = SubmitField("Save decision", widget=GovSubmitInput())


