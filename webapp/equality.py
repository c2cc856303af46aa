"""The equality questions both journeys may ask: optional, coarse, each with
"Prefer not to say". The feedback journey asks them on its "about you" step;
the consultation builder adds them from its question bank with this wording,
which is how reports find their answers in a consultation; reports break
themes down by them under `REPORT_LABELS`."""

from __future__ import annotations

PREFER_NOT = ("prefer-not", "Prefer not to say")

AGE_BAND = (
    ("under-25", "Under 25"),
    ("25-34", "25 to 34"),
    ("35-44", "35 to 44"),
    ("45-54", "45 to 54"),
    ("55-64", "55 to 64"),
    ("65-plus", "65 or over"),
    PREFER_NOT,
)
GENDER = (
    ("woman", "Woman"),
    ("man", "Man"),
    ("another", "In another way"),
    PREFER_NOT,
)
DISABILITY = (
    ("yes", "Yes"),
    ("no", "No"),
    PREFER_NOT,
)
ETHNICITY = (
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("white", "White"),
    ("other", "Another ethnic group"),
    PREFER_NOT,
)
SEXUALITY = (
    ("straight", "Straight or heterosexual"),
    ("gay-lesbian", "Gay or lesbian"),
    ("bisexual", "Bisexual"),
    ("another", "Another sexual orientation"),
    PREFER_NOT,
)

EQUALITY_FIELDS = ("age_band", "gender", "disability", "ethnicity", "sexuality")
CHOICES = {"age_band": AGE_BAND, "gender": GENDER, "disability": DISABILITY,
           "ethnicity": ETHNICITY, "sexuality": SEXUALITY}
QUESTION_TEXT = {
    "age_band": "How old are you?",
    "gender": "How would you describe your gender?",
    "disability": "Do you have a disability or long-term health condition?",
    "ethnicity": "What is your ethnic group?",
    "sexuality": "What is your sexual orientation?",
}
# A consultation question with the bank's wording is that equality question.
FIELD_BY_TEXT = {text: field for field, text in QUESTION_TEXT.items()}
REPORT_LABELS = {
    "age_band": "Age", "gender": "Gender", "disability": "Disability",
    "ethnicity": "Ethnic group", "sexuality": "Sexual orientation",
}
