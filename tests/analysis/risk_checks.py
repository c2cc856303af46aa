"""Checks the danger-phrase rounds share: a phrase is flagged and named with every
language list and with its writer's language alone; a hard negative is flagged by neither."""

from __future__ import annotations

from analysis.risk import assess


def check_flagged_and_named(language: str, category: str, text: str) -> None:
    for code in (None, language):
        result = assess(text, code)
        assert result.flagged, (code, text)
        assert category in result.categories, (code, text, result.categories)


def check_left_alone(language: str, text: str) -> None:
    for code in (None, language):
        assert not assess(text, code).flagged, (code, text, assess(text, code).matches)
