import socket

import nltk
import pytest
from nltk.sentiment.util import mark_negation
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from analysis.sentiment import default_scorer, is_nothing_answer, rule_compound, vader
from analysis.text import content_stems, negated_tokens, question_kind, stems, tokenize


def test_offline_guard_blocks_download_and_network():
    with pytest.raises(AssertionError):
        nltk.download("punkt")
    with pytest.raises(AssertionError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)


def test_tokenize_handles_emoji_accents_and_long_text():
    assert tokenize("Staff were great 😀!") == ["staff", "were", "great", "😀", "!"]
    assert tokenize("Très contente") == ["très", "contente"]
    assert len(" ".join(tokenize("word " * 100_000))) <= 5000


def test_stems_and_stopwords():
    assert stems("Listened to me") == ["listen", "to", "me"]
    assert content_stems("They listened to me") == ["listen"]


def test_negation_matches_nltk():
    text = "I didn't like the wait. It was fine, not bad"
    assert negated_tokens(text) == mark_negation(tokenize(text))


def test_question_kind():
    assert question_kind("What did we not get right?") == question_kind("What didn't go right?") == "improve"
    assert question_kind("How could we improve?") == "improve"
    assert question_kind("What was good?") == "good"
    assert question_kind("FFT Why?") == "other"
    assert question_kind(None) == "other"


@pytest.mark.parametrize(("question", "kind"), [
    # Improvement- or fault-seeking, in wordings the fitted data never used.
    ("What went wrong?", "improve"),
    ("What would you change?", "improve"),
    ("What made things harder for you?", "improve"),
    ("What didn't help?", "improve"),
    ("What did not go well?", "improve"),
    ("Was anything missing?", "improve"),
    ("Beth allai fod yn well?", "improve"),  # Welsh: what could be better?
    ("Beth aeth o'i le?", "improve"),  # Welsh: what went wrong?
    ("What let you down?", "improve"),
    ("Anything we should stop doing?", "improve"),
    ("Was there anything that put you off getting in touch?", "improve"),
    # Praise-seeking.
    ("What worked well?", "good"),
    ("What did you value most about your worker?", "good"),
    ("Did we get anything right?", "good"),
    ("Beth oedd yn dda?", "good"),  # Welsh: what was good?
    ("Beth wnaeth helpu?", "good"),  # Welsh: what helped?
    ("What did the court do well?", "good"),
    ("What should we keep?", "good"),
    ("What difference has the service made?", "good"),
    ("Beth oedd y peth mwyaf defnyddiol?", "good"),  # Welsh: what was the most useful thing?
    # Open, or asking for both: the answer's own words decide.
    ("Would you recommend us to a friend? Why?", "other"),
    ("Tell us about your experience of the refuge", "other"),
    ("Would you like to add anything?", "other"),
    ("Has anything changed for you since?", "other"),
    ("What helped and what didn't?", "other"),
    ("Please describe anything you were satisfied and/or dissatisfied with", "other"),
    ("Please share anything else, good or bad.", "other"),
    ("Was the interpreter helpful?", "other"),
])
def test_question_kind_reads_intent_not_one_wording(question, kind):
    assert question_kind(question) == kind


def test_fast_vader_equals_nltk():
    fast = vader(domain=False)  # also puts the lexicon folder on nltk.data.path
    plain = SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")
    for text in ["Good!!! :) ,bad, 'great' ...nice?!", "not happy :(", "kind of ok", ""]:
        assert fast.polarity_scores(text) == plain.polarity_scores(text)


def test_nothing_to_improve_is_positive():
    assert is_nothing_answer("Nothing.") and is_nothing_answer("n/a") and is_nothing_answer("")
    compound = rule_compound(["Nothing", "Nothing"], ["How could we improve?", "What was good?"])
    assert compound[0] > 0 > compound[1]


def test_default_scorer_labels():
    scorer = default_scorer()
    results = scorer.predict(
        ["Nothing, it was perfect", "Staff were rude and I waited hours", "", "😀😀", "x" * 20000],
        ["How could we improve?", "FFT Why?", None, None, None],
    )
    assert results[0].label == "positive"
    assert results[1].label == "negative"
    assert results[2].label == "neutral" and results[2].compound == 0.0
    assert all(-1 <= r.compound <= 1 for r in results)
