"""Theming from the codebook alone: meaning first, phrases as one signal.

Every partnership starts with its codebook and no coded answers. Each answer
is compared, in the embedding space of ``analysis.embedding``, with each
theme's label, description and example sentences; the closeness, how much
closer it is than the answer's other themes, and whether one of the theme's
phrases matched are combined into one score and turned into a probability
by a logistic curve with a few global weights (``WEIGHTS``).

Those weights were chosen on the 120 domestic-abuse dev answers
(``../shared/data/da-feedback-dev.csv``); they are global (the same for every
theme), so a partnership's own themes and examples get the same treatment.
The figures measured on the dev answers are therefore tuned-on figures;
README.md ("Theming model") gives the held-out ones.

Answers that say nothing ("Nothing", "n/a", "no comment") get no theme.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.codebook import Codebook
from analysis.embedding import StaticEmbedder, default_embedder
from analysis.text import clean, stems, stopwords, words

# Answers with nothing to theme. Kept apart from the themes (and from "code
# these next": coding them teaches nothing).
_NOTHING = re.compile(
    r"^\W*(?:no|none|nothing|nil|nope|n\W?a|na|nah|no comments?|not really|nothing really|"
    r"nothing (?:else|more|to add|to say|to improve|at all)|no thanks?|thanks?(?: you)?|ta|"
    r"not sure|unsure|don'?t know|dunno|idk|can'?t think of anything|"
    r"cannot think of anything|nothing i can think of|see above|as above|"
    r"(?:nothing,? )?(?:tbh|really|thanks|thank you)?)(?:\W+(?:tbh|thanks|thank you|really|"
    r"sorry|x+))*\W*$",
    re.IGNORECASE,
)


def says_nothing(text: str) -> bool:
    """True for an answer such as "Nothing.", "n/a", "no comment thanks"."""
    return bool(_NOTHING.match(clean(text)))


@dataclass(frozen=True)
class Weights:
    """The global weights of the codebook score (see the module docstring):
    a logistic regression over (answer, theme) pairs of the dev answers."""

    words: float = 1.85          # nearest answer word or word pair to one of the theme's phrases
    word_lead: float = 2.82      # ... and how far ahead of the answer's best other theme
    closeness: float = 6.06      # closeness of the whole answer to the theme's examples (centred per answer)
    closeness_lead: float = 6.84
    phrase: float = 1.43         # a phrase of the theme matched exactly
    offset: float = -2.38
    nearest: int = 3             # examples averaged for the closeness


WEIGHTS = Weights()
BLOCK = 5000
# Probabilities are calibrated; F1 is best when a theme is assigned from 0.4
# (cross-validated on the dev answers), since a missed theme and a wrong one cost alike.
ASSIGN_AT = 0.4


def _lead(scores: np.ndarray) -> np.ndarray:
    """Each column's lead over the best of the other columns (negative when behind)."""
    if scores.shape[1] < 2:
        return np.zeros_like(scores)
    top_two = np.partition(scores, scores.shape[1] - 2, axis=1)[:, -2:]
    return scores - np.where(scores >= top_two[:, [1]], top_two[:, [0]], top_two[:, [1]])


class CodebookPrior:
    """Probability per (answer, theme) from the codebook's words and examples."""

    def __init__(self, codebook: Codebook, embedder: StaticEmbedder | None = None,
                 weights: Weights = WEIGHTS) -> None:
        self.codebook = codebook
        self.embedder = embedder or default_embedder()
        self.weights = weights
        anchors, owners = [], []
        for j, theme in enumerate(codebook.themes):
            own = [f"{theme.label}. {theme.description}".strip(), *theme.examples]
            anchors += own
            owners += [j] * len(own)
        self.anchor_vectors = self.embedder.encode(anchors)
        self.owners = np.array(owners)
        # Include phrases grouped by theme, for the soft word match.
        phrases = [(j, p) for j, theme in enumerate(codebook.themes) for p in theme.include]
        self.phrase_vectors = self.embedder.encode([p for _, p in phrases]) if phrases else np.zeros((0, 1))
        self.phrase_owner = np.array([j for j, _ in phrases], dtype=int)

    def word_closeness(self, texts: Sequence[str]) -> np.ndarray:
        """(texts x themes): the best cosine similarity between any content
        word or adjacent pair of content words of the answer and any include
        phrase of the theme. It finds "shelter" for "refuge", "cops" for
        "police", which exact phrase matching misses."""
        n_themes = len(self.codebook.themes)
        grams_of = [_grams(t) for t in texts]
        vocabulary = {g: i for i, g in enumerate(dict.fromkeys(g for grams in grams_of for g in grams))}
        out = np.zeros((len(texts), n_themes), dtype=np.float32)
        if not vocabulary or not len(self.phrase_owner):
            return out
        best = np.full((len(vocabulary), n_themes), -1.0, dtype=np.float32)
        gram_list = list(vocabulary)
        for start in range(0, len(gram_list), 4096):
            similarity = self.embedder.encode(gram_list[start:start + 4096]) @ self.phrase_vectors.T
            for j in range(n_themes):
                own = similarity[:, self.phrase_owner == j]
                if own.shape[1]:
                    best[start:start + 4096, j] = own.max(axis=1)
        for i, grams in enumerate(grams_of):
            if grams:
                out[i] = best[[vocabulary[g] for g in grams]].max(axis=0)
        return out

    def closeness(self, vectors: np.ndarray) -> np.ndarray:
        """(texts x themes): mean cosine similarity to each theme's nearest anchors
        (its label and description, and its examples)."""
        similarity = vectors @ self.anchor_vectors.T
        out = np.zeros((len(vectors), len(self.codebook.themes)), dtype=np.float32)
        for j in range(len(self.codebook.themes)):
            own = similarity[:, self.owners == j]
            k = min(self.weights.nearest, own.shape[1])
            out[:, j] = np.partition(own, own.shape[1] - k, axis=1)[:, -k:].mean(axis=1)
        return out

    def scores(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """(texts x themes) logit of each theme applying."""
        if vectors is None:
            vectors = self.embedder.encode(texts)
        close = self.closeness(vectors)
        word = self.word_closeness(texts)
        phrase = self.codebook.assign(self.codebook.phrase_hits([stems(t) for t in texts])).toarray()
        w = self.weights
        return (w.words * word + w.word_lead * _lead(word)
                + w.closeness * (close - close.mean(axis=1, keepdims=True)) + w.closeness_lead * _lead(close)
                + w.phrase * phrase + w.offset)

    def proba(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """(texts x themes) probabilities; answers that say nothing get none.
        Worked in blocks of ``BLOCK`` texts, so memory stays flat however many."""
        texts = list(texts)
        p = np.zeros((len(texts), len(self.codebook.themes)))
        for start in range(0, len(texts), BLOCK):
            block = slice(start, start + BLOCK)
            p[block] = 1.0 / (1.0 + np.exp(-self.scores(texts[block], None if vectors is None else vectors[block])))
        nothing = np.array([says_nothing(t) for t in texts], dtype=bool)
        p[nothing] = 0.0
        return p


def _grams(text: str) -> list[str]:
    """Content words of three letters or more, and adjacent pairs of them."""
    stop = stopwords()
    found = [w for w in words(text) if len(w) > 2 and w not in stop]
    return found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]
