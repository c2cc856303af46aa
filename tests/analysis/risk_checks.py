"""The tests each danger-phrase round shares, made for its own lists: a danger phrase
is flagged and named with every language list and with its writer's language alone;
a hard negative is left alone by the shipped verdict (rules, then the reader), bar the
known exceptions listed in READER_FLAGS with why."""

from __future__ import annotations

import pytest

from analysis.risk import assess, assess_rules

# Hard negatives the rules leave alone but the reader (analysis.risk_reader) still flags, each
# with why; a text leaving this list when the reader stops flagging it fails loudly.
# Reader probabilities at danger8 (threshold 0.65).
READER_FLAGS: dict[str, str] = {
    # Round 40's look-alikes, which the rules leave and the reader (not retrained since round 39) flags:
    "my 6 year old is at home with his nan today":
        "1.00: 'year old is at home with' is the n-grams of a child left with him",
    "I keep stopping on the bridge to take photos of the river":
        "0.96: 'keep stopping on the bridge' (round 35's danger)",
    "todavía no sabe a qué colegio irá mi hija en septiembre": "0.94: Spanish about a child and a school, no frame",
    # Round 32's reader (trained with 420 answers in 14 languages, mostly ordinary, and the round's
    # probes: over the 14,920 coded answers 29 fewer false alarms and one more caught) flags these
    # near its threshold:
    "our security light keeps coming on for the cats": "0.68: 'keeps coming on' at night reads as someone outside",
    "he turned up late for contact again": "0.95: 'turned up' and 'contact' are the n-grams of a visit feared",
    "he turned up at the nativity and behaved himself": "0.94: 'turned up'; no frame says he behaved",
    "I want to disappear on holiday for a week":
        "0.96: 'want to disappear' read as suicidal; the backstop agrees (0.77)",
    "amar dokaner samne ekta bus stop ache": "0.72: romanised Bengali 'samne' (in front of) is a cue in danger texts",
    "ਉਹ ਮੇਰੇ ਨਾਲ ਚੰਗਾ ਹੈ":
        "0.99: Gurmukhi 'ਉਹ ਮੇਰੇ ਨਾਲ' opens most Punjabi danger texts; the reader has no negation",
    "Every night I lie awake worrying about money.":
        "0.996: 'every night', 'lie awake' and the backstop (0.78) read fear",
}


def assert_left_alone(text: str, language: str | None = None) -> None:
    """The shipped verdict leaves the text alone, or it is a listed reader exception (which the
    rules must still leave alone, and which must still be flagged until it is taken off)."""
    rules = assess_rules(text, language)
    assert not rules.flagged, (language, text, rules.matches)
    if text in READER_FLAGS:
        assert assess(text, language).flagged, f"no longer flagged: take it off READER_FLAGS: {text}"
    else:
        assert not assess(text, language).flagged, (language, text, assess(text, language))


def phrase_tests(danger: list[tuple[str, str, str]], safe: list[tuple[str, str]]):
    """The two tests for a round's (language, category, text) danger phrases and
    (language, text) hard negatives; a module assigns them to names starting test_."""

    @pytest.mark.parametrize("language, category, text", danger,
                             ids=[f"{lang}-{c}-{i}" for i, (lang, c, _) in enumerate(danger)])
    def flagged_and_named(language, category, text):
        for code in (None, language):
            result = assess(text, code)
            assert result.flagged, (code, text)
            assert category in result.categories, (code, text, result.categories)

    @pytest.mark.parametrize("language, text", safe, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(safe)])
    def left_alone(language, text):
        for code in (None, language):
            assert_left_alone(text, code)

    return flagged_and_named, left_alone
