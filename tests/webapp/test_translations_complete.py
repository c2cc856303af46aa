"""Every shipped catalogue is complete and safe to use: each message translated
(every plural form too), none left fuzzy, and each translation keeps the
English's placeholders and HTML tags, so a page never shows half a sentence in
English or breaks its markup in another language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from webapp.i18n import SHIPPED

TRANSLATIONS = Path(__file__).resolve().parents[2] / "webapp" / "translations"
PLACEHOLDER = re.compile(r"%\(\w+\)s")
TAG = re.compile(r"</?([a-z]+)")


def catalogue(language: str):
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=language)


def pairs(message):
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [(ids[min(i, len(ids) - 1)], string) for i, string in enumerate(strings)]


@pytest.mark.parametrize("language", [code for code in SHIPPED if code != "en"])
def test_every_message_is_translated_with_its_placeholders_and_tags(language):
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        for english, translated in pairs(message):
            if not translated:
                problems.append(f"untranslated: {english!r}")
            elif set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(translated)):
                problems.append(f"placeholders differ: {english!r}")
            elif TAG.findall(english) != TAG.findall(translated):
                problems.append(f"tags differ: {english!r}")
    assert problems == [], f"{language}: " + "; ".join(problems[:10])


def test_each_catalogue_holds_every_message_of_the_template():
    with open(TRANSLATIONS / "messages.pot", "rb") as pot:
        expected = {message.id for message in read_po(pot) if message.id}
    for language in (code for code in SHIPPED if code != "en"):
        assert {m.id for m in catalogue(language) if m.id} == expected, language
