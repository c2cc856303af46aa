"""A second look at answers the danger rules leave alone: the whole-answer reader.

Phrase lists score about 0.99 on the text they were tuned on but miss danger told in
words no list holds ("debts get paid", a child afraid to sleep at home, in Portuguese).
The reader is a logistic regression over the answer's character n-grams (2 to 5
letters within words, tf-idf: robust to misspelling and to any script) and the rules'
own frames (a past, a "safe now", a course, a "now") and word backstop's probability.
``analysis.risk.assess`` flags a text when the rules do, or else when the reader's
probability reaches the threshold stored with it.

A reader's flag names the category a second head (same n-grams, trained on the corpora's
categories) finds likeliest when it is fairly sure, else ``feeling_unsafe_now`` (the rules'
scores below their threshold are single weak cues, not a category to report); its ``matches`` say the
reader flagged it and how sure it was.

The model (``data/risk_reader.npz``) is made by ``scripts/train_risk_reader.py`` from the
committed danger corpora and ``../shared/data/da-feedback-dev.csv``; it is loaded with the
first text the rules leave alone, never when the app starts, and nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from analysis.risk import RuleReading

MODEL_FILE = "risk_reader.npz"
# The rules' signals the reader weighs beside the n-grams, in the model's order.
FRAMES = ("over", "far_past", "distant_past", "educational", "personal_now", "now")
NGRAMS = (2, 5)
# Answers are short; a pasted essay is read as far as this (its cost grows with length).
MAX_CHARS = 4_000
# The second head names a category only when at least this sure; else "feels unsafe now".
_CATEGORY_AT = 0.35
_FALLBACK_CATEGORY = "feeling_unsafe_now"
# About the word backstop's probability for words it never learned (its intercept, 0.585):
# only what its words add above this is evidence.
_BACKSTOP_PRIOR = 0.6


@dataclass(frozen=True)
class Reader:
    index: dict[str, int]  # n-gram -> column
    idf: np.ndarray
    weights: np.ndarray  # one per n-gram
    signal_weights: np.ndarray  # one per FRAMES name, the backstop's probability, "backstop unread"
    bias: float
    threshold: float
    categories: tuple[str, ...]
    category_weights: np.ndarray  # n-grams x categories
    category_bias: np.ndarray


@cache
def reader() -> Reader:
    """The shipped model, loaded once per process."""
    with resources.files("analysis.data").joinpath(MODEL_FILE).open("rb") as handle, \
            np.load(handle, allow_pickle=False) as npz:
        vocabulary = [str(gram) for gram in npz["vocabulary"]]
        return Reader(
            index={gram: i for i, gram in enumerate(vocabulary)},
            idf=npz["idf"].astype(np.float64),
            weights=npz["weights"].astype(np.float64),
            signal_weights=npz["signal_weights"].astype(np.float64),
            bias=float(npz["bias"]),
            threshold=float(npz["threshold"]),
            categories=tuple(str(c) for c in npz["categories"]),
            category_weights=npz["category_weights"].astype(np.float64),
            category_bias=npz["category_bias"].astype(np.float64),
        )


def prepare(reading: RuleReading) -> str:
    """The text as the reader reads it: as the rules normalise it (NFKC, lower case, straight
    apostrophes, English misspellings corrected), without the clauses a negator denies and
    the figures of speech the rules blank ("he never hit me", "i choked up")."""
    return reading.unnegated[:MAX_CHARS]


def char_ngrams(text: str) -> list[str]:
    """Character n-grams within words, each word padded with a space, as scikit-learn's
    ``TfidfVectorizer(analyzer="char_wb")`` makes them (the training script uses it)."""
    grams: list[str] = []
    low, high = NGRAMS
    for word in text.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                grams.append(padded)  # a short word counts once, whole
                break
            grams.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams


def _tfidf(text: str, model: Reader) -> tuple[np.ndarray, np.ndarray]:
    """Columns and l2-normed sublinear tf-idf values of the (prepared) text's known n-grams."""
    counts: dict[int, int] = {}
    for gram in char_ngrams(text):
        column = model.index.get(gram)
        if column is not None:
            counts[column] = counts.get(column, 0) + 1
    columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
    values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * model.idf[columns]
    norm = float(np.sqrt(values @ values)) or 1.0
    return columns, values / norm


def signals(reading: RuleReading) -> np.ndarray:
    """The rules' frames and the word backstop's probability, as the reader weighs them. Where
    the backstop may not read the text (too short, not English) its probability is 0 and a
    separate signal says so: its intercept alone once flagged "shukran" and "Longer hours"."""
    unread = reading.backstop is None
    said = 0.0 if unread else max(0.0, reading.backstop - _BACKSTOP_PRIOR) / (1 - _BACKSTOP_PRIOR)
    return np.array([*(float(reading.frames[name]) for name in FRAMES), said, float(unread)])


def probability(reading: RuleReading) -> float:
    """How sure the reader is that the text tells of danger now."""
    model = reader()
    columns, values = _tfidf(prepare(reading), model)
    z = model.bias + values @ model.weights[columns] + signals(reading) @ model.signal_weights
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))))


def category(reading: RuleReading) -> str:
    """The category a reader's flag reports: the second head's when it is fairly sure, else
    "feels unsafe now". The rules' own scores below their threshold are single weak cues
    ("choke" in "i choked up", "end" in "no end in sight"): naming a reader's flag after one
    called worry about money "suicidal"."""
    model = reader()
    columns, values = _tfidf(prepare(reading), model)
    scores = model.category_bias + values @ model.category_weights[columns]
    shares = np.exp(scores - scores.max())
    shares /= shares.sum()
    best = int(np.argmax(shares))
    return model.categories[best] if shares[best] >= _CATEGORY_AT else _FALLBACK_CATEGORY
