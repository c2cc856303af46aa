"""Forms for the theming pages: a feedback date range, staff coding, and the
codebook editor. GOV.UK widgets and "Enter…"/"Choose…" messages; a form with
errors is shown again with what was typed."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from webapp.forms import DateRangeForm
from webapp.themes import codebook as book
from webapp.themes.scope import feedback_range


class RangeForm(DateRangeForm):
    """The board summary's date range (same fields and messages), for theming."""

    submit = SubmitField("Review this period", widget=GovSubmitInput())

    def scope(self):
        return feedback_range(self.start.data, self.end.data)


def _phrase_lines(label: str, hint: str) -> TextAreaField:
    return TextAreaField(label, description=hint, widget=GovTextArea(),
                         validators=[Length(max=5000, message="Keep the phrases to 5000 characters or fewer")])


class ThemeForm(FlaskForm):
    label = StringField("Name", widget=GovTextInput(), description="Plain words the board will read.",
                        validators=[InputRequired(message="Enter a name for the theme"),
                                    Length(max=200, message="Keep the name to 200 characters or fewer")])
    description = TextAreaField("Description (optional)", widget=GovTextArea(),
                                validators=[Length(max=1000,
                                                   message="Keep the description to 1000 characters or fewer")])
    include = _phrase_lines("Phrases that suggest this theme",
                            "One phrase per line. Any one of them suggests the theme, for example "
                            "\u201crefuge\u201d. Word endings do not matter: \u201clistened\u201d also finds "
                            "\u201clistening\u201d.")
    exclude = _phrase_lines("Phrases that rule it out (optional)",
                            "One phrase per line, for example \u201cheard about\u201d for a theme about being heard.")
    examples = TextAreaField(
        "Example answers (optional)", widget=GovTextArea(),
        description="One short answer per line, in the words people use, for example \u201cThe refuge was "
                    "full so I went back to him\u201d. Heard looks for responses that mean the same, even in "
                    "other words. Ten or more varied examples work best. Never paste a real person\u2019s answer.",
        validators=[Length(max=10000, message="Keep the examples to 10000 characters or fewer")])
    submit = SubmitField("Save theme", widget=GovSubmitInput())

    def validate_label(self, field) -> None:
        field.data = " ".join((field.data or "").split())
        if not field.data:
            raise ValidationError("Enter a name for the theme")

    def validate_include(self, field) -> None:
        _check_phrases(field)

    def validate_exclude(self, field) -> None:
        _check_phrases(field)


def _check_phrases(field) -> None:
    bad = book.wordless(book.phrases(field.data))
    if bad:
        raise ValidationError(f"“{bad[0]}” has no words Heard can look for. Use words, not only symbols")


class NewThemeForm(ThemeForm):
    code = StringField("Short name", widget=GovTextInput(),
                       description="Used in exports and reports. Lower-case letters, numbers and hyphens, "
                                   "for example \u201conline-safety\u201d.",
                       validators=[InputRequired(message="Enter a short name"),
                                   Length(max=60, message="Keep the short name to 60 characters or fewer")])

    def validate_code(self, field) -> None:
        field.data = (field.data or "").strip()
        if not book.CODE_PATTERN.match(field.data):
            raise ValidationError("The short name can only have lower-case letters, numbers and single hyphens, "
                                  "like online-safety")
        if book.find(field.data) is not None:
            raise ValidationError(f"There is already a theme with the short name “{field.data}”. Choose another")


class MergeForm(FlaskForm):
    into = SelectField("Merge into", widget=GovSelect(),
                       validators=[InputRequired(message="Choose the theme to merge into")])
    submit = SubmitField("Merge themes", widget=GovSubmitInput())
