"""The Easy Read feedback journey's questions: the same answers as the standard
journey (`questions`), asked in short sentences with three choices each.

Each question is balanced, naming both sides ("Did staff listen to you, or not
listen?"), so it does not lead people to say yes. Each choice stores a value of
the standard question's scale (good, OK, bad -> good, neither, poor), so reports,
the paper form and theming read an Easy Read answer like any other; the response
also records that it came through Easy Read (`FeedbackResponse.easy_read`).
Every choice has a small picture (`templates/components/easy-read-pictures.html`),
decorative: its words are next to it. The about-you questions are not asked in
Easy Read: they are optional, and their long lists are not Easy Read."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.i18n import N_

STEPS = ("service", "experience", "comments", "check")
# /feedback?read=easy starts the journey in Easy Read; ?read=standard goes back to the standard version.
QUERY_ARG, QUERY_VALUE, STANDARD_VALUE = "read", "easy", "standard"


@dataclass(frozen=True)
class Choice:
    value: str  # a value of the standard question's scale
    words: str
    picture: str  # good, ok or bad: the face drawn beside the words


EASE = (
    Choice("easy", N_("Easy"), "good"),
    Choice("neither", N_("OK"), "ok"),
    Choice("difficult", N_("Hard"), "bad"),
)
LISTENED = (
    Choice("yes", N_("Staff listened to me"), "good"),
    Choice("partly", N_("Staff listened a bit"), "ok"),
    Choice("no", N_("Staff did not listen to me"), "bad"),
)
OVERALL = (
    Choice("good", N_("Good"), "good"),
    Choice("neither", N_("OK"), "ok"),
    Choice("poor", N_("Bad"), "bad"),
)
# Overall is the one answer every response has, so people can decline it: after an "or".
DECLINE = ("prefer-not", N_("I do not want to say"))

CHOICES = {"ease": EASE, "listened": LISTENED, "overall": OVERALL}

QUESTION_TEXT = {
    "service": N_("Which service do you want to tell us about?"),
    "other_service": N_("What is the name of the service?"),
    "ease": N_("Was it easy to get help, or hard?"),
    "listened": N_("Did staff listen to you, or not listen?"),
    "overall": N_("Was the help good, OK or bad?"),
    "what_helped": N_("What helped you?"),
    "could_be_better": N_("What could be better?"),
}

def pairs(choices: tuple[Choice, ...]) -> list[tuple[str, str]]:
    """(value, words) pairs, for a form's choices."""
    return [(c.value, c.words) for c in choices]


def label_for(field: str, value: str) -> str:
    """The Easy Read words for a stored answer (for the check page); "" if none."""
    words = {c.value: c.words for c in CHOICES.get(field, ())}
    words[DECLINE[0]] = DECLINE[1]
    return words.get(value, "")
