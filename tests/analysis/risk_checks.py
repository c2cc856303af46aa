"""The tests each danger-phrase round shares, made for its own lists: a danger phrase
is flagged and named with every language list and with its writer's language alone;
a hard negative is flagged by neither the rules (the reader, analysis.risk_reader, may
look again at what the rules leave: tests/analysis/test_risk_reader.py)."""

from __future__ import annotations

import pytest

from analysis.risk import assess, assess_rules


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
            assert not assess_rules(text, code).flagged, (code, text, assess_rules(text, code).matches)

    return flagged_and_named, left_alone
