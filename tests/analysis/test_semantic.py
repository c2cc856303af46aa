"""Theming from the codebook alone, and the shipped embedding model (offline:
conftest.py makes any network access fail)."""

import numpy as np
import pytest

from analysis.codebook import default_codebook, parse_codebook
from analysis.embedding import StaticEmbedder, basic_words, default_embedder
from analysis.semantic import ASSIGN_AT, CodebookPrior, says_nothing


@pytest.fixture(scope="module")
def prior():
    return CodebookPrior(default_codebook())


def themes(prior, text):
    [row] = prior.proba([text])
    return {prior.codebook.codes[j] for j in np.nonzero(row >= ASSIGN_AT)[0]}


def test_shipped_model_loads_offline_and_embeds_meaning():
    model = default_embedder()
    vectors = model.encode(["the refuge was full", "there was no space in the shelter", "I love my garden", ""])
    assert vectors.shape == (4, model.dim) and model.dim == 256
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1, atol=1e-5)
    assert not vectors[3].any()  # nothing to embed
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_word_pieces_follow_bert_uncased():
    assert basic_words("Héllo, WORLD!! don't") == ["hello", ",", "world", "!", "!", "don", "'", "t"]
    model = StaticEmbedder(["[UNK]", "un", "##believ", "##able", "able"], np.eye(5, 3))
    assert model.piece_ids("Unbelievable able zzz") == [1, 2, 3, 4]  # "zzz" is unknown: dropped


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("My council housing officer was brilliant and got me moved", {"housing"}, {"police"}),
    ("The hostel was cold and damp", {"housing"}, {"staff-attitude"}),
    ("I felt judged the moment I walked in", {"believed"}, {"justice"}),
    ("I've had suicidal thoughts since I left him", {"mental-health"}, set()),
    ("Some days I don't want to be here any more", {"mental-health"}, set()),
    ("Honestly I think we'd all be better off if I was dead, better off dead", {"mental-health"}, set()),
    ("The cops turned up and took him away", {"police"}, set()),
    ("There was no space in any shelter", {"housing"}, set()),
    ("He told me he would find me", set(), {"information"}),
])
def test_codebook_themes_by_meaning_not_only_words(prior, text, expected, not_expected):
    found = themes(prior, text)
    assert expected <= found and not (not_expected & found)


@pytest.mark.parametrize("text", ["Nothing.", "nothing!!", "n/a", "N/A", "No comment", "no thanks",
                                  "nothing tbh", "Thanks", "", "🙂", "Don't know"])
def test_answers_that_say_nothing_get_no_theme(prior, text):
    assert says_nothing(text) and not themes(prior, text)


def test_things_worth_saying_are_not_nothing():
    assert not says_nothing("Nothing helped until I found the refuge")
    assert not says_nothing("Nobody called back")


def test_probabilities_are_probabilities_and_follow_meaning(prior):
    p = prior.proba(["The refuge gave us a flat", "The judge let him cross examine me"])
    assert ((0 <= p) & (p <= 1)).all()
    codes = list(prior.codebook.codes)
    assert p[0, codes.index("housing")] > 0.8 > p[0, codes.index("justice")]
    assert p[1, codes.index("justice")] > 0.8 > p[1, codes.index("housing")]


def test_a_partnerships_own_theme_works_from_its_examples():
    codebook = parse_codebook("""
themes:
  - code: online
    label: Online abuse
    description: Abuse through phones, social media and tracking apps.
    include: [online]
    examples:
      - He kept logging into my instagram and messaging my friends
      - He put a tracking app on my phone
  - code: housing
    label: Housing
    description: Refuge and somewhere to live.
    include: [refuge]
    examples: [The refuge was full]
""")
    assert codebook.themes[0].examples[1] == "He put a tracking app on my phone"
    [row] = CodebookPrior(codebook).proba(["he hacked my facebook and read all my messages"])
    assert row[0] > ASSIGN_AT > row[1]
