"""The feedback journey's fixed questions and answer choices, in one place so the
forms, the check-answers page, the demo data and the reports all agree. The
"about you" questions are the shared equality questions (`webapp.equality`)."""

from webapp import equality

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
    # Required (the one answer every response has), so never forced: a person can decline it.
    ("prefer-not", "Prefer not to say"),
)

CHOICES = {"ease": EASE, "listened": LISTENED, "overall": OVERALL, **equality.CHOICES}

RATING_FIELDS = ("ease", "listened", "overall")
FREE_TEXT_FIELDS = ("what_helped", "could_be_better")
EQUALITY_FIELDS = equality.EQUALITY_FIELDS  # the "about you" step

ANOTHER_SERVICE = "another"

QUESTION_TEXT = {
    "service": "Which service would you like to tell us about?",
    "other_service": "Which service was it?",
    "ease": "How easy was it to get help from them?",
    "listened": "Did you feel listened to and believed?",
    "overall": "Overall, how was the support you got?",
    "what_helped": "What helped?",
    "could_be_better": "What could be better?",
    **equality.QUESTION_TEXT,
}


def label_for(field: str, value: str) -> str:
    """The words a person chose, for the check-answers page."""
    return dict(CHOICES[field]).get(value, "")
