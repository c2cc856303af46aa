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

# What a question asks for, by intent rather than by one wording. Fault- or
# improvement-seeking: what could be better, what went wrong, what made it
# harder, what would you change (and Welsh: gwell, gwella, newid, o'i le,
# anoddach). Praise-seeking: what was good, what helped, what worked, what
# did you like or value (Welsh: da/dda, helpu, hoffi). A question asking for
# both ("satisfied and/or dissatisfied", "what helped and what didn't") or
# for neither ("tell us about...", "would you recommend us?") is open.
_IMPROVE_QUESTION = re.compile(
    r"improv|better|\bchange\b|\bchanges\b|differently|worse|went wrong|go wrong|\bwrong\b|harder|"
    r"difficult|\bproblems?\b|disappoint|dissatisf|unhappy|\bcomplain|\bfrustrat|\bleast\b|\bfix\b|"
    r"\bmissing\b|\blacking\b|let (?:you|us) down|stop doing|put (?:you|people) off|\bbad\b|"
    r"\bgwell|\byn well\b|\bnewid|o'?i le|anoddach|\banodd",
    re.I,
)
_GOOD_QUESTION = re.compile(
    r"\bgood|went well|worked well|go well|\bhelped|\bhelpful|\buseful|\bbest\b|\bliked?\b(?! to| us)|"
    r"\benjoy|\bvalued?\b|\bappreciat|\bpositive|(?<!dis)satisf|made a difference|\bright\b|do well|"
    r"\bkeep\b(?! (?:you|them|us|me|people|women|survivors|children|your)\b)|difference (?:has|have|did|does)\b|"
    r"\bdda\b|\bhelpu|\bhelpodd|\bhoffi|\bgweithio|defnyddiol",
    re.I,
)
_VERDICT = re.compile(r"^\W*(?:was|were|is|are)\b(?! there\b)", re.I)
# Praise sought then negated ("what didn't help?", "what did not go well?")
# seeks faults.
_NEGATED_GOOD_QUESTION = re.compile(
    r"\b(?:didn'?t|did not|wasn'?t|was not|not|never)\b(?: \w+){0,2} (?:help|helpful|useful|go well|go right|"
    r"work(?: well)?|good|like|right)\b|\b(?:didn'?t|did not|wasn'?t|was not)\W*$",
    re.I,
)


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


@lru_cache(maxsize=4096)
def question_kind(question: str | None) -> str:
    """Classify the question a text answers: 'improve', 'good' or 'other'.

    The same words mean different things by question: "nothing" answering
    "what could be better?" is praise, answering "what was good?" is not.
    """
    if not question:
        return "other"
    question = question.replace("’", "'")
    negated_good = bool(_NEGATED_GOOD_QUESTION.search(question))
    improve = negated_good or bool(_IMPROVE_QUESTION.search(question))
    # "Was the interpreter helpful?" asks for a verdict, not for what was good.
    good = bool(_GOOD_QUESTION.search(_NEGATED_GOOD_QUESTION.sub(" ", question))) and not _VERDICT.match(question)
    if improve and good:
        return "other"  # asks for both: the answer's own words decide
    if improve:
        return "improve"
    if good:
        return "good"
    return "other"
