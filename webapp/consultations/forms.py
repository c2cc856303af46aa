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
    """A page's heading and when it is shown. Without JavaScript the condition takes
    two steps: choose the question ("Show its answers"), then tick its answers."""

    title = StringField("Page heading", widget=GovTextInput(),
                        description="A short heading, like \u201cYour support\u201d.",
                        validators=[InputRequired(message="Enter a page heading"),
                                    Length(max=200, message="Keep the heading to 200 characters or fewer")])
    show_if_question = SelectField("Show this page only if people answered", widget=GovSelect(), coerce=str,
                                   default="",
                                   description="Optional. Only questions on earlier pages whose answers are "
                                               "choices are listed: single or multiple choice, a select list, a "
                                               "scale, a grid or a ranking.")
    choose = SubmitField("Show its answers", widget=GovSubmitInput())
    # The chosen question's answers are set by the view; ones not offered are dropped there.
    show_if_answers = SelectMultipleField("With one of these answers", widget=GovCheckboxesInput(),
                                          description="Tick one or more: the page is shown when the answer is "
                                                      "any of them.",
                                          validate_choice=False)
    submit = SubmitField("Save page", widget=GovSubmitInput())

    def set_questions(self, questions: list[tuple[str, str]], saved: tuple[str, str] | None = None) -> None:
        """The questions a page may depend on; `saved` is the page's current
        condition's question, listed even when it no longer works, so it is never
        lost by saving the page unchanged."""
        choices = {"": "Always show this page"} | dict(questions)
        if saved and saved[0] not in choices:
            choices[saved[0]] = saved[1]
        self.show_if_question.choices = choices


# What the answers box asks for, by kind (`rules.builder_fields` says which kinds have it).
OPTIONS_WORDS = {
    "grid": ("Answers to choose from", "One on each line: the answers every statement offers, "
                                       "for example \u201cSafe\u201d, \u201cUnsure\u201d, \u201cUnsafe\u201d."),
    "ranking": ("Things to rank", "One on each line, up to 10."),
    "agreement": ("Your own labels (optional)", "Leave blank for the standard labels (Strongly agree to Strongly "
                                                "disagree), or give exactly 5 of your own, one on each line."),
    "rating": ("Your own labels (optional)", "Leave blank for the standard labels (1 to 5), or give exactly 5 of "
                                             "your own, one on each line, lowest first."),
}
CHOICE_WORDS = ("Answers to choose from", "One on each line.")


class QuestionForm(FlaskForm):
    """One question. The builder shows only the fields its kind uses (`rules.builder_fields`):
    without JavaScript the type is chosen first ("Continue"), then its fields are shown.
    Fields a kind does not use are ignored for it (`rules.normalise_options`,
    `rules.normalise_settings`)."""

    kind = RadioField("Type of question", choices=KINDS, widget=GovRadioInput(),
                      validators=[InputRequired(message="Choose a type of question")])
    choose = SubmitField("Continue", widget=GovSubmitInput())
    # The kind whose fields the page showed: saving with another kind ticked shows that kind's fields first.
    fields_for = HiddenField()
    text = StringField("Question", widget=GovTextInput(),
                       validators=[InputRequired(message="Enter the question"),
                                   Length(max=400, message="Keep the question to 400 characters or fewer")])
    hint = TextAreaField("Hint (optional)", widget=GovTextArea(),
                         validators=[Length(max=600, message="Keep the hint to 600 characters or fewer")])
    easy_read_text = StringField("Easy Read wording of the question (optional)", widget=GovTextInput(),
                                 description="One idea, in 15 words or fewer. Name both sides, so it does not "
                                             "lead people to say yes: \u201cDid staff listen to you, or not "
                                             "listen?\u201d. Once every question has Easy Read wording, people "
                                             "can answer in Easy Read.",
                                 validators=[Length(max=400, message="Keep the Easy Read wording to 400 characters "
                                                                     "or fewer")])
    easy_read_hint = TextAreaField("Easy Read hint (optional)", widget=GovTextArea(),
                                   description="Short sentences, one idea each.",
                                   validators=[Length(max=600, message="Keep the Easy Read hint to 600 characters "
                                                                       "or fewer")])
    required = BooleanField("People must answer this question", widget=GovCheckboxInput())
    options = TextAreaField("Answers to choose from", widget=GovTextArea(),
                            validators=[Length(max=3000, message="Keep the answers to 3000 characters or fewer")])
    other = BooleanField("Add an \u201cOther (please specify)\u201d answer", widget=GovCheckboxInput(),
                         description="What people type there is redacted like other free text.")
    rows = TextAreaField("Statements for a grid", widget=GovTextArea(),
                         description="One on each line; each is a question of its own with the answers above.",
                         validators=[Length(max=3000, message="Keep the statements to 3000 characters or fewer")])
    min = IntegerField("Smallest number allowed (optional)", widget=GovTextInput(),
                       validators=[Optional()])
    max = IntegerField("Largest number allowed (optional)", widget=GovTextInput(),
                       validators=[Optional()])
    low_label = StringField("What 0 means (optional)", widget=GovTextInput(),
                            description="For example, \u201cNot at all likely\u201d.",
                            validators=[Length(max=60, message="Keep the label to 60 characters or fewer")])
    high_label = StringField("What 10 means (optional)", widget=GovTextInput(),
                             description="For example, \u201cExtremely likely\u201d.",
                             validators=[Length(max=60, message="Keep the label to 60 characters or fewer")])
    char_limit = IntegerField("Character limit", widget=GovTextInput(),
                              description=f"Leave blank for {FREE_TEXT_MAX}.",
                              validators=[Optional(),
                                          NumberRange(min=1, max=5000,
                                                      message="The character limit must be between 1 and 5000")])
    submit = SubmitField("Save question", widget=GovSubmitInput())

    def words_for(self, kind: str | None) -> None:
        """Labels and hints in the chosen kind's words: information between questions has
        a heading and text to read; the answers box asks for answers, things or labels."""
        if kind == "info":
            self.text.label.text, self.hint.label.text = "Heading", "Text people read"
        self.options.label.text, self.options.description = OPTIONS_WORDS.get(kind, CHOICE_WORDS)

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


