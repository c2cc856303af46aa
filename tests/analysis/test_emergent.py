"""Emergent themes a board can read (issue 13, part 5): "nothing"-style and very
short answers set aside and counted per question, names without negations or
generic words, only coherent groups, each with example answers."""

import random

import numpy as np

from analysis.emergent import (
    GENERIC_WORDS,
    NEGATIONS,
    EmergentThemes,
    _merge_similar,
    is_set_aside,
    set_aside_by_question,
)

BETTER = "What could be better?"
HELPED = "What helped?"
NOTHINGS = ["Nothing", "None.", "Can't think of anything", "No comment", "Not sure anything could be better",
            "Everything was fine", "nothing really, all good", "N/A", "Ok", "Good service"]
PARKING = ["The car park barrier was broken again and I missed my slot",
           "No parking spaces by the clinic, I drove round for twenty minutes",
           "Parking at the hub costs a fortune and the barrier never works",
           "The car park is full by nine so I park on the street",
           "Could not find parking near the office, barrier stuck again"]
INTERPRETER = ["They never booked an interpreter so my daughter had to translate",
               "I needed an interpreter in Polish and waited three weeks for one",
               "An interpreter on the phone kept cutting out in the middle of my statement",
               "Please book interpreters who are women, not a man from my community",
               "The interpreter was my husband's cousin which was terrifying"]


def fitted(texts, questions=None):
    return EmergentThemes(n_themes=2, random_state=0).fit(texts, questions=questions)


def test_nothing_style_and_short_answers_are_set_aside():
    assert all(is_set_aside(t) for t in NOTHINGS)
    assert not any(is_set_aside(t) for t in PARKING + INTERPRETER)
    # A long answer that starts "nothing" still says something.
    assert not is_set_aside("Nothing was explained about the court process, the hearing was moved twice "
                            "and the solicitor never rang me back about the order")


def test_one_finding_split_by_wording_is_not_several_themes():
    texts = NOTHINGS * 6 + PARKING * 3 + INTERPRETER * 3
    questions = [BETTER] * (len(NOTHINGS) * 6) + [HELPED] * (len(PARKING + INTERPRETER) * 3)
    model = fitted(texts, questions)
    assert model.set_aside_ == {BETTER: len(NOTHINGS) * 6}
    assert set_aside_by_question(texts, questions) == model.set_aside_
    names = {t.name for t in model.themes_}
    assert len(names) == 2 and any("park" in n for n in names) and any("interpreter" in n for n in names)
    nothing_indices = range(len(NOTHINGS) * 6)
    assert all(model.labels_[i] == -1 for i in nothing_indices)


def test_names_have_words_without_negations_or_generic_words():
    model = fitted(NOTHINGS * 6 + PARKING * 3 + INTERPRETER * 3)
    for theme in model.themes_:
        words = theme.name.replace(",", " ").split()
        assert words and not set(words) & (NEGATIONS | GENERIC_WORDS)
        assert theme.terms and all(t not in NEGATIONS | GENERIC_WORDS for t in theme.terms)


def test_each_theme_quotes_two_or_three_different_answers():
    model = fitted(PARKING * 3 + INTERPRETER * 3)
    for theme in model.themes_:
        assert 2 <= len(theme.exemplars) <= 3 and len(set(theme.exemplars)) == len(theme.exemplars)
        assert theme.coherence >= model.min_coherence


def test_incoherent_groups_are_not_shown():
    rng = random.Random(1)
    vocabulary = ["".join(rng.choice("bcdfgklmprst") + rng.choice("aeiou") for _ in range(3)) for _ in range(1000)]
    # Answers of unrelated made-up words: any grouping is an accident.
    noise = [" ".join(rng.sample(vocabulary, rng.randint(3, 9))) for _ in range(1000)]
    model = EmergentThemes(random_state=0).fit(noise)
    assert model.themes_ == [] and model.hidden_ and all(model.labels_ == -1)
    assert all(t.coherence < model.min_coherence for t in model.hidden_)


def test_groups_whose_centres_point_the_same_way_are_joined():
    centres = np.array([[1.0, 0.1, 0.0], [0.9, 0.2, 0.0], [0.0, 0.0, 1.0]])
    assert _merge_similar(np.array([0, 1, 2, 1]), centres).tolist() == [0, 0, 2, 0]


def test_nothing_to_group_gives_no_themes():
    model = fitted(NOTHINGS * 3, [HELPED] * 30)
    assert model.themes_ == [] and model.set_aside_ == {HELPED: 30}
