"""The question bank's questions beyond the equality ones (`webapp.equality`).

For a Welsh body's policy consultation the Welsh Language Standards (No. 1)
Regulations 2015 (standards 84 to 86) require asking for views on the effects
the decision would have on opportunities for people to use Welsh, and on
treating Welsh no less favourably than English. The bank offers both, written
in English and Welsh, whenever the partnership offers Welsh (`LANGUAGES`
includes "cy"); the Welsh wording is added as the question's Welsh translation.
The Welsh here follows the wording Welsh public bodies use in their own
consultations; it still needs a native speaker's review (webapp/translations/README.md).
"""

from __future__ import annotations

from dataclasses import dataclass

WELSH = "cy"


@dataclass(frozen=True)
class BankQuestion:
    key: str
    text: str
    hint: str
    welsh_text: str
    welsh_hint: str


WELSH_LANGUAGE_QUESTIONS = (
    BankQuestion(
        "welsh-opportunities",
        "What effects do you think this proposal would have on opportunities for people to use the Welsh "
        "language?",
        "Tell us about any good or bad effects, and how good effects could be increased or bad effects reduced.",
        "Pa effeithiau ydych chi'n meddwl y byddai'r cynnig hwn yn eu cael ar gyfleoedd i bobl ddefnyddio'r "
        "Gymraeg?",
        "Dywedwch wrthym am unrhyw effeithiau da neu ddrwg, a sut y gellid cynyddu effeithiau da neu leihau "
        "effeithiau drwg."),
    BankQuestion(
        "welsh-no-less-favourably",
        "What effects do you think this proposal would have on treating the Welsh language no less favourably "
        "than the English language?",
        "Tell us about any good or bad effects, and how the proposal could be changed so it has good effects, "
        "or no bad effects.",
        "Pa effeithiau ydych chi'n meddwl y byddai'r cynnig hwn yn eu cael ar beidio â thrin y Gymraeg yn llai "
        "ffafriol na'r Saesneg?",
        "Dywedwch wrthym am unrhyw effeithiau da neu ddrwg, a sut y gellid newid y cynnig fel ei fod yn cael "
        "effeithiau da, neu ddim effeithiau drwg."),
)
BY_KEY = {question.key: question for question in WELSH_LANGUAGE_QUESTIONS}
