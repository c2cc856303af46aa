"""The feedback journey's fixed questions and answer choices, in one place so the
forms, the check-answers page, the demo data and the reports all agree. The
"about you" questions are the shared equality questions (`webapp.equality`)."""

from webapp import equality
from webapp.i18n import N_

EASE = (
    ("very-easy", N_("Very easy")),
    ("easy", N_("Easy")),
    ("neither", N_("Neither easy nor difficult")),
    ("difficult", N_("Difficult")),
    ("very-difficult", N_("Very difficult")),
)
LISTENED = (
    ("yes", N_("Yes, completely")),
    ("partly", N_("Yes, partly")),
    ("no", N_("No")),
    ("not-sure", N_("Not sure")),
)
OVERALL = (
    ("very-good", N_("Very good")),
    ("good", N_("Good")),
    ("neither", N_("Neither good nor poor")),
    ("poor", N_("Poor")),
    ("very-poor", N_("Very poor")),
    # Required (the one answer every response has), so never forced: a person can decline it.
    ("prefer-not", N_("Prefer not to say")),
)

CHOICES = {"ease": EASE, "listened": LISTENED, "overall": OVERALL, **equality.CHOICES}

RATING_FIELDS = ("ease", "listened", "overall")
FREE_TEXT_FIELDS = ("what_helped", "could_be_better")
EQUALITY_FIELDS = equality.EQUALITY_FIELDS  # the "about you" step

ANOTHER_SERVICE = "another"
# The questions in journey order, numbered from 1 on the paper form and the keyed-entry screen.
QUESTION_ORDER = ("service", *RATING_FIELDS, *FREE_TEXT_FIELDS, *EQUALITY_FIELDS)

QUESTION_TEXT = {
    "service": N_("Which service would you like to tell us about?"),
    "other_service": N_("Which service was it?"),
    "ease": N_("How easy was it to get help from them?"),
    "listened": N_("Did you feel listened to and believed?"),
    "overall": N_("Overall, how was the support you got?"),
    "what_helped": N_("What helped?"),
    "could_be_better": N_("What could be better?"),
    **equality.QUESTION_TEXT,
}


def label_for(field: str, value: str) -> str:
    """The words a person chose, for the check-answers page."""
    return dict(CHOICES[field]).get(value, "")


def number(field: str) -> int:
    """The question's number on paper."""
    return QUESTION_ORDER.index(field) + 1
