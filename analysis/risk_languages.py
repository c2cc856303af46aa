"""Danger words in other languages (Welsh, Polish, Urdu, Panjabi, Romanian, Bengali,
Arabic, Somali, Portuguese, Turkish, Spanish, Lithuanian, Hindi, Persian, Tigrinya, Ukrainian, Tamil, Chinese, Kurdish
(Sorani), Gujarati, Amharic): one phrase list
per language in ``data/risk_languages/``.

``analysis.risk.assess`` calls :func:`assess_languages` beside its English rules.
Each list is simpler than the English lexicon (no spelling correction, no learned
backstop) and reads its own frames: negation a few words before a match (or, in
Bengali, just after it), a past or "safe now" anywhere in the text, a course or a
leaflet. ``data/risk_languages/README.md`` says how a list is written and what review
each still needs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGUAGES = ("cy", "pl", "ur", "pa", "ro", "bn", "ar", "so", "pt", "tr", "es", "lt", "hi", "fa", "ti", "uk", "ta", "zh",
             "ku", "gu", "am")
_LATIN = {"cy", "pl", "ro", "so", "pt", "tr", "es", "lt"}
_STRENGTH = {"strong": 2.0, "medium": 1.0, "weak": 0.5}
_FLAG_AT = 1.0
# Weak cues (fear, a harm verb, "now", being sought out, control...) flag only together: two of them,
# of different kinds, in one sentence, when no frame lowers them.
_WEAK = _STRENGTH["weak"]
_PAST_PENALTY = 1.0
_EDUCATIONAL_PENALTY = 2.0
_NEGATION_WORDS = 3  # words before a match searched for a negator (a list may set its own: `negation_words`)
# A match begins where a word begins, in any script (Indic vowel signs are not \w).
_WORD_START = r"(?<![\w\u0900-\u0DFF])"
# Letters no decomposition removes the mark from.
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i"})
_URDU_FORMS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ۃ": "ہ"})
_URDU_MARKS = re.compile("[\u064b-\u065f\u0670]")
# Arabic: hamza seats and final forms people type either way, tatweel, and Arabic-Indic digits ("عمري ١٥").
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
                               "\u0640": None, **{chr(0x660 + d): str(d) for d in range(10)},
                               **{chr(0x6f0 + d): str(d) for d in range(10)}})
# Nukta, addak (Gurmukhi), nukta and chandrabindu (Bengali, Devanagari): often left out on phones.
_INDIC_MARKS = re.compile("[\u0a3c\u0a71\u09bc\u0981\u093c\u0901]")
# Gurmukhi tippi read as bindi; Devanagari digits as 0-9; the joiners some keyboards put inside words dropped.
_INDIC_FORMS = str.maketrans({"\u0a70": "\u0a02", "\u200c": None, "\u200d": None,
                              **{chr(0x966 + d): str(d) for d in range(10)}})
# Lists read only when the text holds a letter of their script (Arabic's and Persian's romanised sections apart).
_SCRIPT_ONLY = {"ar": re.compile("[\u0600-\u06ff]"), "fa": re.compile("[\u0600-\u06ff]"),
                # A Devanagari letter: Panjabi and Bengali use its danda "।" too.
                "hi": re.compile("[\u0904-\u0939\u0958-\u0961]"),
                "ti": re.compile("[\u1200-\u135a]"),
                # Round 40: Cyrillic (Ukrainian, with the Russian forms many Ukrainians write), Tamil, Chinese (Han).
                "uk": re.compile("[\u0400-\u04ff]"), "ta": re.compile("[\u0b80-\u0bff]"),
                "zh": re.compile("[\u4e00-\u9fff]"),
                # Round 41: Kurdish (Sorani), on a letter Sorani writes and Persian, Arabic and Urdu do not (ە ێ ۆ ڵ ڕ).
                "ku": re.compile("[\u06d5\u06ce\u06c6\u06b5\u0695]"),
                # Round 42: Gujarati, and Amharic (Ge'ez, as Tigrinya).
                "gu": re.compile("[\u0a80-\u0aff]"), "am": re.compile("[\u1200-\u135a]")}
# Written without spaces between words: a match may begin inside a run of letters, and a negator is read as the
# last characters of the clause before the match ("他没有跟踪我"), not as a word.
_UNSPACED = {"zh"}
# Arabic and Persian typed in Latin letters (Arabizi "ra7 yi2telni", Finglish "mikoshamet"): the `romanised` section of
# their file, with its own negators and frames, read as "ar-latn" / "fa-latn" on every text, so that the script patterns
# are never tried on Latin text. Folded as the Latin lists are, and a letter held down read twice ("khayfeeee").
_ROMANISED = ("ar", "fa")
_HELD_DOWN = re.compile(r"([a-z])\1{2,}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_SENTENCE_BREAK = re.compile(r"[.!?\n;।۔؟።፧。]")
# Where a story moves on: a sentence or clause break, or "but" in the lists' languages (Latin and romanised forms
# as folded, and in their scripts).
_STORY_BREAK = re.compile(r"[.!?\n;।۔؟,،።፣፧。]|(?<![\w\u0600-\u06ff\u0900-\u0DFF])(?:but|ama|ancak|fakat|lakin|lekin|"
                          r"magar|pero|mas|ale|dar|ond|laakiin|lakiin|vali|amma|kintu|bas|bet|taciau|"
                          r"لیکن|مگر|لكن|لکن|بس|ولی|اما|কিন্তু|ਪਰ|ਲੇਕਿਨ|लेकिन|मगर)(?![\w\u0600-\u06ff\u0900-\u0DFF])")
# A negator before a comma denies its own clause: "nu mai pot, vreau să mor" is no "nu vreau".
_CLAUSE_BREAK = re.compile(r"[.!?\n;।۔؟,،።፣፧。]")
_PUNCTUATION = ",.!?;:\"'()«»“”„،۔।؟።፣፧"


@dataclass(frozen=True)
class _Language:
    code: str
    patterns: tuple[tuple[str, float, re.Pattern[str]], ...]
    negators: re.Pattern[str]
    negators_after: re.Pattern[str] | None
    negation_words: int
    over_or_past: re.Pattern[str]
    educational: re.Pattern[str]
    figures: re.Pattern[str] | None


def fold(text: str, code: str) -> str:
    """Text as a language's list is written: lower case, apostrophes straight, and the
    marks people often leave out removed (diacritics in Welsh, Polish and Romanian)."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    if code.endswith("-latn"):
        return _HELD_DOWN.sub(r"\1\1", fold(text, "tr"))
    if code in _LATIN:
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        return unicodedata.normalize("NFC", text.translate(_LATIN_EXTRA))
    if code == "ur":
        return _URDU_MARKS.sub("", text.translate(_URDU_FORMS))
    if code == "fa":  # Persian as Urdu, without the half-space phones put in or leave out ("می‌خواهم")
        return _URDU_MARKS.sub("", text.translate(_URDU_FORMS)).replace("\u200c", "")
    if code == "ar":
        return _URDU_MARKS.sub("", text.translate(_ARABIC_FORMS))
    return _INDIC_MARKS.sub("", text.translate(_INDIC_FORMS))


def _fold_pattern(pattern: str, code: str) -> str:
    """Fold only the letters of a pattern: lower-casing would turn \\W into \\w."""
    if code == "cy":
        pattern = _MUTABLE.sub(lambda m: _mutated(m.group(1)), pattern)
    return "".join(fold(c, code) if not c.isascii() else c for c in pattern)


# Welsh mutates a word's first letter after "fy", "ei", "yn", a verb...: "~lladd" in a
# pattern matches lladd, ladd and nladd; "~cyllell" cyllell, gyllell, nghyllell, chyllell.
_MUTABLE = re.compile(r"~([a-z]+)")
_MUTATIONS = (  # radical, then its soft, nasal and aspirate forms (two-letter radicals first)
    ("ll", ("l", "nl")), ("rh", ("r",)), ("p", ("b", "mh", "ph")), ("t", ("d", "nh", "th")),
    ("c", ("g", "ngh", "ch")), ("b", ("f", "m")), ("d", ("dd", "n")), ("g", ("", "ng")), ("m", ("f",)),
)
_DOUBLE_LETTERS = ("ch", "dd", "ff", "ng", "ph", "th")  # letters of their own, never mutated


def welsh_forms(word: str) -> list[str]:
    """A Welsh word and its mutated forms: "plant" -> plant, blant, mhlant, phlant.
    A word that starts with one of Welsh's double letters ("therapi", "ddim") has none."""
    if word.startswith(_DOUBLE_LETTERS):
        return [word]
    for radical, forms in _MUTATIONS:
        if word.startswith(radical):
            rest = word[len(radical):]
            return [word, *(form + rest for form in forms)]
    return [word]


def _mutated(word: str) -> str:
    forms = welsh_forms(word)
    return "(?:" + "|".join(forms) + ")" if len(forms) > 1 else word


@cache
def _language(code: str) -> _Language:
    import yaml  # with the first assessment, not when the web app starts (it imports this module)

    base, _, romanised = code.partition("-")  # "ar-latn": the romanised section of ar.yaml
    text = resources.files("analysis").joinpath("data", "risk_languages", f"{base}.yaml").read_text("utf-8")
    spec = yaml.safe_load(text)
    if romanised:
        spec = spec["romanised"]

    def compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(_fold_pattern(pattern, code))

    patterns = []
    start = "" if base in _UNSPACED else _WORD_START
    for category, strengths in spec["categories"].items():
        for strength, items in strengths.items():
            joined = "|".join(f"(?:{_fold_pattern(p, code)})" for p in items)
            patterns.append((category, _STRENGTH[strength], re.compile(f"{start}(?:{joined})", re.MULTILINE)))
    after = spec.get("negators_after")
    figures = spec.get("figures")
    return _Language(
        code=code,
        patterns=tuple(patterns),
        negators=compiled(spec["negators"]),
        negators_after=compiled(after) if after else None,
        negation_words=spec.get("negation_words", _NEGATION_WORDS),
        over_or_past=compiled(spec["over_or_past"]),
        educational=compiled(spec["educational"]),
        # Anchored as patterns are: an unanchored figure is retried at every letter of a long paste.
        figures=compiled(start + "(?:" + "|".join(f"(?:{p})" for p in figures) + ")") if figures else None,
    )


@dataclass(frozen=True)
class LanguageHit:
    language: str
    category: str
    phrase: str
    start: int


def _words(text: str) -> list[str]:
    return [word.strip(_PUNCTUATION) for word in text.split()]


def _negated(text: str, match: re.Match[str], language: _Language) -> bool:
    """A negator as a whole word just before the match in its clause (or, where
    "not" follows the verb, just after it). Whole words: Panjabi "ਨਾ" is inside "ਨਾਲ"."""
    said = _words(match.group(0))
    if said and language.negators.fullmatch(said[0]):
        return False  # "nigdy nie czuję się bezpiecznie": a match that is a negation agrees with "never"
    head = _CLAUSE_BREAK.split(text[max(0, match.start() - 60):match.start()])[-1]
    if language.code in _UNSPACED:
        return bool(re.search(f"(?:{language.negators.pattern})\\S?$", head.rstrip()))
    if any(language.negators.fullmatch(word) for word in _words(head)[-language.negation_words:]):
        return True
    if language.negators_after is None:
        return False
    tail = _SENTENCE_BREAK.split(text[match.end():match.end() + 30])[0]
    return any(language.negators_after.fullmatch(word) for word in _words(tail)[:2])


def _read_by(text: str, codes: tuple[str, ...]) -> Iterator[tuple[str, _Language, str]]:
    """Each list that reads the text, with the text folded for it and its figures of speech blanked."""
    folds: dict[str, str] = {}  # Welsh, Polish and Romanian share one fold
    codes = tuple(c for code in codes for c in ((code, f"{code}-latn") if code in _ROMANISED else (code,)))
    for code in codes:
        if code in _SCRIPT_ONLY and not _SCRIPT_ONLY[code].search(text):
            continue  # the Arabic list is written in Arabic script only: no need to read Latin text with it
        language = _language(code)
        family = "latin" if code in _LATIN else code
        folded = folds.get(family) or folds.setdefault(family, fold(text, code))
        if language.figures:  # "the wait nearly killed me": blanked, so offsets stay the same
            folded = language.figures.sub(lambda m: " " * len(m.group()), folded)
        yield code, language, folded


def blank_denied(text: str, codes: tuple[str, ...] = LANGUAGES) -> str:
    """The text with every phrase a list finds and its negation denies blanked, as the English rules
    blank what they deny, so that the whole-answer reader does not read "dw i ddim eisiau marw" (I don't
    want to die) as the danger it denies. Only where folding keeps the offsets: not yet Hindi with a nukta
    or chandrabindu, nor Persian with a half-space, which folding drops."""
    denied = []
    for _, language, folded in _read_by(text, codes):
        if len(folded) != len(text):
            continue
        for _, _, pattern in language.patterns:
            denied += [match.span() for match in pattern.finditer(folded)
                       if match.group().strip() and _negated(folded, match, language)]
    for start, end in denied:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def told_as_over(text: str, codes: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether a list reads a past, a "safe now" or a course anywhere in the text ("la orden de
    alejamiento se está cumpliendo"): the reader leaves such a text in another language alone, as it
    does an English one the English frames read so."""
    return any(language.over_or_past.search(folded) or language.educational.search(folded)
               for _, language, folded in _read_by(text, codes))


def assess_languages(text: str, codes: tuple[str, ...] = LANGUAGES) -> list[LanguageHit]:
    """The danger phrases found in the given languages that flag, in reading order."""
    found: list[LanguageHit] = []
    for code, language, folded in _read_by(text, codes):
        frames = [(match.start(), match.group()) for match in language.over_or_past.finditer(folded)]
        educational = _EDUCATIONAL_PENALTY if language.educational.search(folded) else 0.0
        weak: list[tuple[re.Match[str], str]] = []
        for category, strength, pattern in language.patterns:
            for match in pattern.finditer(folded):
                if not match.group().strip() or _negated(folded, match, language):
                    continue
                if strength == _WEAK:
                    weak.append((match, category))
                elif strength - _past_penalty(folded, frames, match.start()) - educational >= _FLAG_AT:
                    found.append(LanguageHit(code, category, match.group().strip(), match.start()))
        if not frames and not educational:
            found += _weak_together(folded, code, weak)
        found += _third_party(code, found, weak)
    return sorted(found, key=lambda hit: hit.start)


def _past_penalty(text: str, frames: list[tuple[int, str]], position: int) -> float:
    """1 for a past or a "safe now" in the match's clause or after it; 2 for two different ones
    ("kiedyś mnie dusił, dawno temu, teraz jestem bezpieczna"), as the English rules add a far past
    to a safe-now: a strong match then no longer flags. A frame in an earlier clause is a story the
    writer has moved on from ("he was deported, now he is back and threatens me", "2 years ago he
    left, but yesterday...": round 35's review found such answers hidden in six lists)."""
    clause_start = max((m.end() for m in _STORY_BREAK.finditer(text, 0, position)), default=0)
    said = {words for start, words in frames if start >= clause_start}
    return _PAST_PENALTY * min(2, len(said))


def _third_party(code: str, found: list[LanguageHit], weak: list[tuple[re.Match[str], str]]) -> list[LanguageHit]:
    """A relative or friend named ("meri behen", "ਮੇਰੀ ਭੈਣ") in a text this language's list
    flags: the danger may be hers, so staff and the board also see "someone else in danger"."""
    if not any(hit.language == code for hit in found) or any(
            hit.language == code and hit.category == "third_party_in_danger" for hit in found):
        return []
    return [LanguageHit(code, category, match.group().strip(), match.start())
            for match, category in weak if category == "third_party_in_danger"][:1]


def _weak_together(text: str, code: str, weak: list[tuple[re.Match[str], str]]) -> list[LanguageHit]:
    """Weak cues of two different kinds in one sentence ("ڈر" fear with "ابھی آ رہا" coming now)."""
    by_sentence: dict[int, list[tuple[re.Match[str], str]]] = {}
    for match, category in weak:
        sentence = len(_SENTENCE_BREAK.findall(text, 0, match.start()))
        by_sentence.setdefault(sentence, []).append((match, category))
    hits = []
    for cues in by_sentence.values():
        if _two_kinds(cues) or len({m.group() for m, _ in cues}) >= 3:
            hits += [LanguageHit(code, category, match.group().strip(), match.start()) for match, category in cues]
    return hits


def _two_kinds(cues: list[tuple[re.Match[str], str]]) -> bool:
    """Two cues of different kinds in different words: "ਮੇਰੀ ਮਾਂ" (a relative) with "ਕੁੱਟਦਾ"
    (beats), but not one word that is both a relative and a child ("মেয়ে", daughter)."""
    return any(a_kind != b_kind and (a.end() <= b.start() or b.end() <= a.start())
               for a, a_kind in cues for b, b_kind in cues)
