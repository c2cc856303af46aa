"""Which language a piece of free text is written in, offline.

``detect_language(text)`` returns the ISO 639-1 code of the language of
``text`` among the languages Heard ships (English, Welsh, Polish, Urdu,
Panjabi, Romanian, Bengali), or ``""`` when the text is too short or too
mixed to tell. ``needs_reader(code)`` says whether Heard's staff and its
analysis cannot read it (anything but English and Welsh): such text is
marked in moderation and its writer is shown help in their own language.

How: an answer whose words are mostly English words (the redaction lexicon's
ordinary words) is English, so "The staff were lovely, dziękuję" stays English.
Anything else goes to ``lingua-language-detector``, whose language models are
compiled into the package: nothing is downloaded at run time. It is built for
the shipped languages only and in its low-accuracy mode (trigram models only),
which loads in well under a second and holds about 30 MB, against several
seconds and 160 MB for the full models; the English check above covers the
mixed answers that mode reads least well.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from analysis.redaction.lexicon import lexicon

# The languages Heard ships a catalogue for, by code.
LANGUAGES = {
    "en": Language.ENGLISH,
    "cy": Language.WELSH,
    "pl": Language.POLISH,
    "ur": Language.URDU,
    "pa": Language.PUNJABI,
    "ro": Language.ROMANIAN,
    "bn": Language.BENGALI,
}
# What Heard's staff and its analysis read.
READABLE = frozenset({"en", "cy"})
# Their names in English, for staff ("Written in Polish: needs a reader").
ENGLISH_NAMES = {
    "en": "English", "cy": "Welsh", "pl": "Polish", "ur": "Urdu", "pa": "Panjabi", "ro": "Romanian",
    "bn": "Bengali",
}

# Below this many letters a guess is mostly noise ("ok", "Tak!"): no guess.
_MIN_LETTERS = 12
# How far ahead the best language must be of the next (lingua's relative distance).
_MIN_DISTANCE = 0.1
# Share of an answer's words that are English words for it to be English.
_ENGLISH_SHARE = 0.6
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Scripts only one shipped language is written in. An answer with this share of
# its letters in one is that language, whatever the rest: lingua read
# "عمران خان نے کہا he wil kil me 2nite" (Urdu and misspelt English) as Romanian,
# so its writer was shown help in Romanian.
_SCRIPTS = {"ur": re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
            "pa": re.compile(r"[\u0A00-\u0A7F]"), "bn": re.compile(r"[\u0980-\u09FF]")}
_SCRIPT_SHARE = 0.25
# Labels left by redaction ("[name]") are English words in every answer.
_LABEL = re.compile(r"\[[a-z]+\]")


@cache
def _detector() -> LanguageDetector:
    return (LanguageDetectorBuilder.from_languages(*LANGUAGES.values())
            .with_minimum_relative_distance(_MIN_DISTANCE)
            .with_low_accuracy_mode()
            .build())


_CODES = {language: code for code, language in LANGUAGES.items()}


def detect_language(text: str) -> str:
    """The code of the language ``text`` is written in, or "" when it cannot tell."""
    text = _LABEL.sub(" ", text or "")
    if len(_LETTER.findall(text)) < _MIN_LETTERS:
        return ""
    if _mostly_english(text):
        return "en"
    letters = len(_LETTER.findall(text))
    for code, script in _SCRIPTS.items():
        if len(script.findall(text)) >= _SCRIPT_SHARE * letters:
            return code
    language = _detector().detect_language_of(text)
    return _CODES.get(language, "") if language is not None else ""


def _mostly_english(text: str) -> bool:
    words = [word.lower() for word in _WORD.findall(text)]
    ordinary = lexicon().is_ordinary
    english = sum(1 for word in words if word.isascii() and ordinary(word.replace("’", "'")))
    return english >= _ENGLISH_SHARE * len(words)


def needs_reader(code: str) -> bool:
    """True for a detected language that Heard's staff and analysis cannot read."""
    return bool(code) and code not in READABLE


def english_name(code: str) -> str:
    return ENGLISH_NAMES.get(code, code)
