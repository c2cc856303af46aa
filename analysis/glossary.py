"""English for the service words of answers written in Welsh, Polish or Urdu.

The codebook's phrases, its example answers and the answers model are English, so
an answer in another language ("Roedd yr heddlu yn wych") had no evidence of any
theme and drew one from its embedding alone. ``gloss(text)`` adds to such an answer
the English of the service words it has ("Roedd yr heddlu yn wych (police)"), so
theming reads them as it reads an English answer. The words are listed in
``data/theme_glossary.yaml``; a word the English lexicon knows is never glossed
("plant", "sad"), so an English answer is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice

from analysis.redaction.lexicon import lexicon
from analysis.risk_languages import fold, welsh_forms

# Letters only: "budd-dal" is two words, "o'r" too.
_WORD = re.compile(r"[^\W\d_]+")
_TATWEEL = "\u0640"  # the Urdu stretching stroke: "پولـیس" is "پولیس"
# An answer with this many words of another language (the lexicon's Welsh, Polish,
# Urdu... words that are not English too) is read as written in it, so its words
# that English shares ("plant", children in Welsh; "sad", a Polish court) are glossed.
_OTHER_LANGUAGE_AT = 2


@dataclass(frozen=True)
class _Glossary:
    words: dict[str, str]  # a folded whole word -> its English
    stems: dict[str, str]  # a folded beginning of words -> its English
    stem_lengths: tuple[int, ...]  # the stems' lengths, longest first

    def english(self, word: str) -> str | None:
        if word in self.words:
            return self.words[word]
        for n in self.stem_lengths:
            if len(word) >= n and word[:n] in self.stems:
                return self.stems[word[:n]]
        return None


def _entries(english: str, code: str, written: list[str]) -> Iterator[tuple[str, str, bool]]:
    """(folded word, its English, whether it is a beginning) for each form of each entry."""
    for entry in written:
        word = entry.rstrip("*")
        forms = welsh_forms(word[1:]) if word.startswith("~") else [word]
        for form in forms:
            folded = fold(form, code)
            if _WORD.fullmatch(folded) is None:
                raise ValueError(f"theme_glossary.yaml: {entry!r} is not one word")
            yield folded, english, entry.endswith("*")


@cache
def _glossary() -> _Glossary:
    import yaml  # with the first answer themed, not when the web app starts

    text = resources.files("analysis").joinpath("data", "theme_glossary.yaml").read_text("utf-8")
    words: dict[str, str] = {}
    stems: dict[str, str] = {}
    for english, languages in yaml.safe_load(text).items():
        for code, written in languages.items():
            for folded, gloss_word, stem in _entries(english, code, written):
                (stems if stem else words).setdefault(folded, gloss_word)
    return _Glossary(words, stems, tuple(sorted({len(s) for s in stems}, reverse=True)))


def _words(text: str) -> list[str]:
    """The answer's words in lower case, Urdu ones in their Urdu forms (the marks
    and the stretching stroke dropped before splitting: they are not letters)."""
    return _WORD.findall(fold(text, "ur").replace(_TATWEEL, ""))


def _in_other_language(words: list[str]) -> bool:
    lex = lexicon()
    other = (w for w in words if w not in lex.ordinary
             and (w in lex.welsh_words or w in lex.foreign_words or w in lex.romanised))
    return len(list(islice(other, _OTHER_LANGUAGE_AT))) == _OTHER_LANGUAGE_AT


def _is_urdu(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def glosses(text: str) -> list[str]:
    """The English of ``text``'s Welsh, Polish and Urdu service words, each once."""
    words, ordinary, glossary = _words(text), lexicon().ordinary, _glossary()
    english_too = None  # whether English words may be glossed: worked out when one is met
    found: dict[str, None] = {}
    for word in words:
        if word in ordinary:
            english_too = _in_other_language(words) if english_too is None else english_too
            if not english_too:
                continue
        # Latin letters as the Welsh and Polish keys are written: without accents.
        english = glossary.english(word if _is_urdu(word) else fold(word, "pl"))
        if english:
            found[english] = None
    return list(found)


def gloss(text: str) -> str:
    """``text`` with the English of its Welsh, Polish and Urdu service words added
    in brackets; an answer without any, or already glossed, is returned as it is."""
    english = glosses(text)
    if not english:
        return text
    added = f" ({', '.join(english)})"
    return text if text.endswith(added) else text + added
