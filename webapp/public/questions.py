"""The feedback journey's fixed questions and answer choices, in one place so the
forms, the check-answers page, the demo data and the stats all agree."""

PREFER_NOT = ("prefer-not", "Prefer not to say")

EASE = (
    ("very-easy", "Very easy"),
    ("easy", "Easy"),
    ("neither", "Neither easy nor difficult"),
    ("difficult", "Difficult"),
    ("very-difficult", "Very difficult"),
)
LISTENED = (
    ("yes", "Yes, completely"),
    ("partly", "Yes, partly"),
    ("no", "No"),
    ("not-sure", "Not sure"),
)
OVERALL = (
    ("very-good", "Very good"),
    ("good", "Good"),
    ("neither", "Neither good nor poor"),
    ("poor", "Poor"),
    ("very-poor", "Very poor"),
)

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

CHOICES = {
    "ease": EASE, "listened": LISTENED, "overall": OVERALL,
    "age_band": AGE_BAND, "gender": GENDER, "disability": DISABILITY,
    "ethnicity": ETHNICITY, "sexuality": SEXUALITY,
}

EQUALITY_FIELDS = ("age_band", "gender", "disability", "ethnicity", "sexuality")
RATING_FIELDS = ("ease", "listened", "overall")
FREE_TEXT_FIELDS = ("what_helped", "could_be_better")

ANOTHER_SERVICE = "another"

QUESTION_TEXT = {
    "service": "Which service would you like to tell us about?",
    "other_service": "Which service was it?",
    "ease": "How easy was it to get help from them?",
    "listened": "Did you feel listened to and believed?",
    "overall": "Overall, how was the support you got?",
    "what_helped": "What helped?",
    "could_be_better": "What could be better?",
    "age_band": "How old are you?",
    "gender": "How would you describe your gender?",
    "disability": "Do you have a disability or long-term health condition?",
    "ethnicity": "What is your ethnic group?",
    "sexuality": "What is your sexual orientation?",
}


def label_for(field: str, value: str) -> str:
    """The words a person chose, for the check-answers page."""
    return dict(CHOICES[field]).get(value, "")
