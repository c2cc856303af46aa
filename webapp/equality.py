"""The equality questions both journeys may ask: optional, coarse, each with
"Prefer not to say". The feedback journey asks them on its "about you" step;
the consultation builder adds them from its question bank with this wording,
which is how reports find their answers in a consultation; reports break
themes down by them under `REPORT_LABELS`."""

from __future__ import annotations

from webapp.i18n import N_

PREFER_NOT = ("prefer-not", N_("Prefer not to say"))

AGE_BAND = (
    ("under-25", N_("Under 25")),
    ("25-34", N_("25 to 34")),
    ("35-44", N_("35 to 44")),
    ("45-54", N_("45 to 54")),
    ("55-64", N_("55 to 64")),
    ("65-plus", N_("65 or over")),
    PREFER_NOT,
)
GENDER = (
    ("woman", N_("Woman")),
    ("man", N_("Man")),
    ("another", N_("In another way")),
    PREFER_NOT,
)
DISABILITY = (
    ("yes", N_("Yes")),
    ("no", N_("No")),
    PREFER_NOT,
)
ETHNICITY = (
    ("asian", N_("Asian or Asian British")),
    ("black", N_("Black, Black British, Caribbean or African")),
    ("mixed", N_("Mixed or multiple ethnic groups")),
    ("white", N_("White")),
    ("other", N_("Another ethnic group")),
    PREFER_NOT,
)
SEXUALITY = (
    ("straight", N_("Straight or heterosexual")),
    ("gay-lesbian", N_("Gay or lesbian")),
    ("bisexual", N_("Bisexual")),
    ("another", N_("Another sexual orientation")),
    PREFER_NOT,
)

EQUALITY_FIELDS = ("age_band", "gender", "disability", "ethnicity", "sexuality")
CHOICES = {"age_band": AGE_BAND, "gender": GENDER, "disability": DISABILITY,
           "ethnicity": ETHNICITY, "sexuality": SEXUALITY}
QUESTION_TEXT = {
    "age_band": N_("How old are you?"),
    "gender": N_("How would you describe your gender?"),
    "disability": N_("Do you have a disability or long-term health condition?"),
    "ethnicity": N_("What is your ethnic group?"),
    "sexuality": N_("What is your sexual orientation?"),
}
# A consultation question with the bank's wording is that equality question.
FIELD_BY_TEXT = {text: field for field, text in QUESTION_TEXT.items()}
REPORT_LABELS = {
    "age_band": "Age", "gender": "Gender", "disability": "Disability",
    "ethnicity": "Ethnic group", "sexuality": "Sexual orientation",
}
