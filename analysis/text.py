"""Text preparation using only the parts of nltk that need no downloaded data."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from nltk.sentiment.util import CLAUSE_PUNCT, NEGATION
from nltk.stem.snowball import SnowballStemmer

# Very long answers are cut before analysis so one pasted essay cannot
# dominate run time or memory; the cut keeps far more than any real answer.
MAX_CHARS = 5000

# Words (with inner apostrophes/hyphens) or single non-space symbols such as
# emoji; everything runs offline, unlike nltk's punkt-based word_tokenize.
# Compiled with the standard library: the pattern is fixed and linear, and
# nltk's RegexpTokenizer wraps it in a ReDoS timeout that triples its cost.
_TOKENIZER = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s]")
_WORD = re.compile(r"[^\W\d_]")
_STEMMER = SnowballStemmer("english")
# nltk's own negation patterns, compiled with the standard library: nltk's
# ReDoS-guarded wrappers make mark_negation ~10x slower on short tokens.
_NEGATION = re.compile(NEGATION, re.VERBOSE)
_CLAUSE_PUNCT = re.compile(CLAUSE_PUNCT)

# "satisfied and/or dissatisfied" questions match neither: they are mixed.
_IMPROVE_QUESTION = re.compile(r"improv|better|change|differently|worse", re.I)
_GOOD_QUESTION = re.compile(r"\bgood|went well|worked well|helped|\blike|\bbest", re.I)


def clean(text: str) -> str:
    """Normalise unicode and whitespace and cap the length."""
    text = unicodedata.normalize("NFKC", text or "")[:MAX_CHARS]
    return " ".join(text.replace("’", "'").split())


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens, punctuation and emoji kept as single tokens."""
    return _TOKENIZER.findall(clean(text).lower())


def words(text: str) -> list[str]:
    """Word tokens only (no punctuation, digits or emoji)."""
    return [t for t in tokenize(text) if _WORD.match(t)]


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Snowball stem, cached because feedback reuses a small vocabulary."""
    return _STEMMER.stem(token)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stopword list shipped in ``analysis/data/stopwords.txt``."""
    text = resources.files("analysis.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword words: the unit theming works on."""
    stop = stopwords()
    return [stem(w) for w in words(text) if w not in stop and len(w) > 1]


# Two quotes whose content words overlap this much say the same thing.
NEAR_DUPLICATE_OVERLAP = 0.7


def near_duplicate(a: str, b: str) -> bool:
    """True when most content stems of the shorter text are in the other: a
    quote and the same quote with a sentence added count as one."""
    first, second = set(content_stems(a)), set(content_stems(b))
    if not first or not second:
        return a.strip().lower() == b.strip().lower()
    return len(first & second) / min(len(first), len(second)) >= NEAR_DUPLICATE_OVERLAP


def stems(text: str) -> list[str]:
    """Stems of all words and numbers, stopwords included, for phrase matching."""
    return [stem(t) for t in tokenize(text) if t[0].isalnum()]


def negated_tokens(text: str) -> list[str]:
    """Tokens with a ``_NEG`` suffix after a negation up to clause punctuation.

    Same rule as ``nltk.sentiment.util.mark_negation`` (without double
    negation flipping).
    """
    marked, negated = [], False
    for token in tokenize(text):
        if _NEGATION.search(token):
            marked.append(token + "_NEG" if negated else token)
            negated = True
        elif negated and _CLAUSE_PUNCT.search(token):
            marked.append(token)
            negated = False
        else:
            marked.append(token + "_NEG" if negated else token)
    return marked


def question_kind(question: str | None) -> str:
    """Classify the question a text answers: 'improve', 'good' or 'other'.

    The same words mean different things by question: "nothing" answering
    "what could be better?" is praise, answering "what was good?" is not.
    """
    if not question:
        return "other"
    if _IMPROVE_QUESTION.search(question):
        return "improve"
    if _GOOD_QUESTION.search(question):
        return "good"
    return "other"
