"""Emergent themes: groups of responses the codebook does not explain.

Responses are clustered on TF-IDF of their content stems with
mini-batch k-means fitted on a seeded sample (so 100,000 responses cost
about as much as 20,000) and every response is then assigned to its nearest
centre. Each group is named by its most distinctive terms or, when one
stands out, a bigram collocation, and illustrated by the quotes nearest
its centre.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer

from analysis.text import content_stems, near_duplicate, stem, stopwords, words


@dataclass(frozen=True)
class EmergentTheme:
    name: str
    terms: tuple[str, ...]
    size: int
    exemplars: tuple[str, ...]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def stem_vectorizer(min_df: int = 2) -> TfidfVectorizer:
    """TF-IDF over pre-computed stem lists (shared with summaries)."""
    return TfidfVectorizer(analyzer=_identity, min_df=min_df, max_df=0.5, sublinear_tf=True,
                           dtype=np.float32)


def nearest_quotes(
    X: sparse.csr_matrix, texts: Sequence[str], centre: np.ndarray, n: int, max_chars: int
) -> tuple[str, ...]:
    """Up to ``n`` texts closest to ``centre``, at most ``max_chars`` long, no two
    saying the same thing (`near_duplicate`)."""
    similarity = np.asarray(X @ centre).ravel()
    order = [i for i in np.argsort(-similarity, kind="stable") if similarity[i] > 0]
    quotes: list[str] = []
    # Prefer quotes that say something (20+ characters); fall back to short ones.
    for shortest in (20, 1):
        for i in order:
            text = " ".join(texts[i].split())
            if len(quotes) == n:
                return tuple(quotes)
            if shortest <= len(text) <= max_chars and not any(near_duplicate(text, q) for q in quotes):
                quotes.append(text)
    return tuple(quotes)


def _surface_forms(texts: Sequence[str]) -> dict[str, str]:
    """Most common word per stem, so names read as words, not stems."""
    counts: dict[str, Counter] = {}
    stop = stopwords()
    for text in texts:
        for word in words(text):
            if word not in stop:
                counts.setdefault(stem(word), Counter())[word] += 1
    return {s: c.most_common(1)[0][0] for s, c in counts.items()}


def _collocation(texts: Sequence[str]) -> str | None:
    """The strongest bigram collocation (seen 3+ times) without stopwords."""
    stop = stopwords()
    finder = BigramCollocationFinder.from_documents(words(t) for t in texts)
    finder.apply_freq_filter(3)
    finder.apply_word_filter(lambda w: w in stop or len(w) < 3)
    best = finder.nbest(BigramAssocMeasures.likelihood_ratio, 1)
    return " ".join(best[0]) if best else None


class EmergentThemes:
    """Cluster unexplained responses into named, quotable groups."""

    def __init__(
        self,
        n_themes: int = 8,
        min_size: int = 5,
        sample_size: int = 20_000,
        n_terms: int = 4,
        n_quotes: int = 3,
        max_quote_chars: int = 280,
        random_state: int = 0,
    ) -> None:
        self.n_themes = n_themes
        self.min_size = min_size
        self.sample_size = sample_size
        self.n_terms = n_terms
        self.n_quotes = n_quotes
        self.max_quote_chars = max_quote_chars
        self.random_state = random_state

    def fit(self, texts: Sequence[str], stem_lists: Sequence[list[str]] | None = None) -> EmergentThemes:
        """Find groups among ``texts``; ``labels_`` gives each text's group (-1: none)."""
        stem_lists = stem_lists if stem_lists is not None else [content_stems(t) for t in texts]
        self.labels_ = np.full(len(texts), -1)
        self.themes_: list[EmergentTheme] = []
        usable = np.array([i for i, s in enumerate(stem_lists) if s], dtype=int)
        k = min(self.n_themes, len(usable) // max(self.min_size, 1))
        if k < 2:
            return self
        vectorizer = stem_vectorizer()
        try:
            X = vectorizer.fit_transform([stem_lists[i] for i in usable])
        except ValueError:  # no term recurs, so there is nothing to group
            return self
        kept = [texts[i] for i in usable]
        rng = np.random.default_rng(self.random_state)
        sample = np.sort(rng.choice(X.shape[0], size=min(self.sample_size, X.shape[0]), replace=False))
        kmeans = MiniBatchKMeans(n_clusters=k, random_state=self.random_state, n_init=3,
                                 batch_size=2048).fit(X[sample])
        assigned = kmeans.predict(X)
        terms = vectorizer.get_feature_names_out()
        overall = np.asarray(X.mean(axis=0)).ravel()
        groups = []
        for c in range(k):
            members = np.nonzero(assigned == c)[0]
            if len(members) >= self.min_size:
                theme = self._describe(X[members], [kept[i] for i in members],
                                       kmeans.cluster_centers_[c], overall, terms)
                groups.append((members, theme))
        groups.sort(key=lambda g: (-len(g[0]), g[1].name))
        for number, (members, theme) in enumerate(groups):
            self.labels_[usable[members]] = number
            self.themes_.append(theme)
        return self

    def _describe(self, X: sparse.csr_matrix, texts: list[str], centre: np.ndarray,
                  overall: np.ndarray, terms: np.ndarray) -> EmergentTheme:
        # Distinctive = heavy in this group relative to all unexplained text,
        # among terms common in the group (not one response's odd words).
        share = np.asarray((X > 0).mean(axis=0)).ravel()
        distinct = np.where(share >= 0.05, centre - overall, -np.inf)
        top = [j for j in np.argsort(-distinct, kind="stable")[: self.n_terms] if np.isfinite(distinct[j])]
        sample = texts[:2000]
        surface = _surface_forms(sample)
        names = tuple(surface.get(str(terms[j]), str(terms[j])) for j in top)
        bigram = _collocation(sample)
        name = bigram if bigram and any(w in bigram for w in names[:2]) else ", ".join(names[:3])
        quotes = nearest_quotes(X, texts, centre, self.n_quotes, self.max_quote_chars)
        return EmergentTheme(name=name, terms=names, size=len(texts), exemplars=quotes)
