"""English for the service words of Welsh, Polish and Urdu answers, so theming reads
them as it reads English ones."""

import numpy as np
import pytest

from analysis.codebook import default_codebook
from analysis.glossary import gloss, glosses
from analysis.semantic import CodebookPrior, choose


@pytest.fixture(scope="module")
def prior():
    return CodebookPrior(default_codebook())


def themes(prior, text):
    [row] = choose(prior.proba([text]), prior.evidence([text]))
    return {prior.codebook.codes[j] for j in np.nonzero(row)[0]}


@pytest.mark.parametrize(("text", "english"), [
    ("Roedd yr heddlu yn wych", ["police"]),
    # Welsh mutations: "plant" after "fy" is "mhlant", "diogel" after "yn" is "ddiogel".
    ("Roedd y lloches yn ddiogel i fy mhlant", ["refuge", "safe", "children"]),
    ("Diolch i fy eiriolwr, roedd hi mor garedig", ["advocate", "kind"]),
    # Polish endings and accents, typed with or without them.
    ("Policja przyjechała szybko, ale nie było tłumacza", ["police", "interpreter"]),
    ("Czekalam trzy miesiace na psychologa", ["waiting", "counselling"]),
    # Urdu in Latin letters and in Urdu script.
    ("mere bachon ko kisi ne nahi poocha", ["children"]),
    ("ghar walon ne kaha izzat ka sawal hai", ["honour"]),
    ("پولیس نے میری مدد نہیں کی", ["police"]),
    # Vowel marks and the stretching stroke are not letters: "بچّے" is "بچے".
    ("بچّے اسکول نہیں جا سکے، پولـیس دیر سے آئی", ["children", "school", "police"]),
    # Words English shares are glossed in an answer written in another language.
    ("Roedd y plant yn hapus yn yr ysgol", ["children", "school"]),
    ("Sąd rodzinny nie słuchał mnie", ["court", "listened"]),
    # A plural, the council, a letter and the helpline (strangers' answers of 2026-12-06).
    ("Dim digon o lochesau, ac roedd y gweithwyr yn llawn caredigrwydd", ["refuge", "kind"]),
    ("Cefais lythyr yn Saesneg", ["letter", "language"]),
    ("Dostałam pismo z gminy", ["letter", "council"]),
    ("میرے شوہر جیل سے نکلنے والے ہیں", ["prison"]),
])
def test_service_words_in_other_languages_are_given_in_english(text, english):
    assert glosses(text) == english
    assert gloss(text) == f"{text} ({', '.join(english)})"


@pytest.mark.parametrize("text", [
    "The police were great and the plant on the desk was nice",  # "plant" is Welsh for children too
    "sad and lonely, nobody rang back",  # "sad" is a Polish court without its accent
    "Tell them to stop asking the same questions",
    "",
])
def test_english_answers_are_left_as_they_are(text):
    assert gloss(text) == text


@pytest.mark.parametrize("text", [
    "Dw i'n credu bod angen mwy o staff",  # "credu" is "think" more often than "believe"
    "Długi czas nikt nie oddzwonił",  # "długi": long, not debts
    "Police ne mujhe bacha liya",  # "bacha": saved, not a child
    "ہم نے سیاسی پناہ مانگی",  # "پناہ": asylum, not a refuge
    "Ces i gyngor da gan y gweithiwr",  # "cyngor": advice as often as the council
    "Mae e wedi croesi'r llinell",  # "llinell": any line, not only the helpline
])
def test_words_common_in_another_sense_are_not_glossed(text):
    assert set(glosses(text)) <= {"police"}


def test_a_glossed_answer_is_not_glossed_again():
    once = gloss("Roedd yr heddlu yn wych")
    assert gloss(once) == once


def test_a_welsh_answer_is_themed_by_what_it_says(prior):
    """Before the glossary this answer had no evidence of any theme and drew
    whatever its embedding came nearest to."""
    assert "police" in themes(prior, "Roedd yr heddlu yn wych, daethon nhw o fewn deg munud")
    assert "housing" in themes(prior, "Roedd y lloches yn lân ac yn gynnes")



def test_a_welsh_question_is_evidence_as_an_english_one(prior):
    """"What did you think of the refuge?" is evidence for housing that the answer
    may not repeat; so is its Welsh."""
    phrase, _ = prior.question_evidence(["Beth oedd eich barn am y lloches?", "Beth oedd eich barn?"])
    housing = prior.codebook.codes.index("housing")
    assert phrase[0, housing] > 0 and phrase[1].sum() == 0
