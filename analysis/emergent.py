"""Emergent themes: groups of responses the codebook does not explain.

Answers that say nothing to group ("Nothing", "can't think of anything",
"all fine", or a word or two) are set aside first and counted per question:
on NHS answers they were six of eight "themes", one finding split by wording.
The rest are clustered on TF-IDF of their content stems, without negations and
generic service words, with k-means fitted on a seeded sample (so
100,000 responses cost about as much as 20,000), and every response is then
assigned to its nearest centre. A group is shown only when it is coherent
(its answers lie close to its centre) and it has a name: its most distinctive
collocation or words, never a negation or a generic word, and two or three
example answers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

from analysis.sentiment import is_nothing_answer
from analysis.text import clean, content_stems, near_duplicate, stem, stopwords, words

# Words that say nothing about what a group is about: negations, and words
# every service's feedback uses. Kept out of clustering and of names.
NEGATIONS = frozenset("""no not nothing none never nobody cannot can't couldn't don't didn't
doesn't isn't wasn't weren't won't wouldn't shouldn't haven't hasn't hadn't aren't nor n't
dont didnt cant couldnt doesnt isnt wasnt werent wont wouldnt shouldnt havent hasnt hadnt arent without""".split())
GENERIC_WORDS = frozenset("""service services staff team people person worker workers support care
help helped helping helpful good great excellent brilliant lovely nice fine ok okay happy pleased
satisfied better best well really thing things everything anything something everyone anyone time
think thought feel felt made make get got done always just very much lot thank thanks thankyou
experience professional friendly kind polite able also would could should said say says told tell
asked ask take took taken put use used know knew go went going come came want wanted need needed
every one back still even way day like around idea different whole""".split())
_IGNORED_STEMS = frozenset(stem(w) for w in NEGATIONS | GENERIC_WORDS)

# "Nothing"-style answers beyond ``is_nothing_answer``: short answers that
# say there is nothing to add or that all was fine.
_NOTHING_STYLE = re.compile(
    r"\b(?:nothing|none|no (?:improvements?|changes?|complaints?|comments?)|"
    r"(?:can'?t|cannot|could ?n'?t|could not|don'?t) (?:think|say|see|fault|suggest|improve)|"
    r"not (?:really|sure|that i know)|(?:all|everything|it) (?:was |is )?(?:fine|good|great|ok|okay|perfect)|"
    r"no(?:thing)? (?:to|i would|could|that could|else)|n/a)\b"
)
NOTHING_STYLE_MAX_WORDS = 12
MERGE_SIMILARITY = 0.4
# Fewer content words than this (after dropping generic ones) is too short to group.
MIN_CONTENT_WORDS = 2
# A group is shown when two of its answers are on average at least this similar
# (cosine, TF-IDF of grouping stems) and its first two name words are in at
# least MIN_NAME_COVERAGE of its answers. Groups of unrelated made-up words
# scored 0.03-0.07 at NHS sizes; NHS groups worth reading 0.08-0.22.
MIN_COHERENCE = 0.08
MIN_NAME_COVERAGE = 0.5


@dataclass(frozen=True)
class EmergentTheme:
    name: str
    terms: tuple[str, ...]
    size: int
    exemplars: tuple[str, ...]
    coherence: float = 0.0


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def stem_vectorizer(min_df: int = 2) -> TfidfVectorizer:
    """TF-IDF over pre-computed stem lists (shared with summaries)."""
    return TfidfVectorizer(analyzer=_identity, min_df=min_df, max_df=0.5, sublinear_tf=True,
                           dtype=np.float32)


def grouping_stems(stem_list: Sequence[str]) -> list[str]:
    """Content stems without negations and generic words: what groups are made of."""
    return [s for s in stem_list if s not in _IGNORED_STEMS]


def is_set_aside(text: str, stem_list: Sequence[str] | None = None) -> bool:
    """True for answers with nothing to group: "nothing"-style or very short."""
    if is_nothing_answer(text):
        return True
    stem_list = content_stems(text) if stem_list is None else stem_list
    if len(grouping_stems(stem_list)) < MIN_CONTENT_WORDS:
        return True
    lowered = clean(text).lower()
    return len(lowered.split()) <= NOTHING_STYLE_MAX_WORDS and bool(_NOTHING_STYLE.search(lowered))


def set_aside_by_question(texts: Sequence[str], questions: Sequence[str | None]) -> dict[str, int]:
    """How many answers to each question were set aside (``is_set_aside``)."""
    counts: Counter = Counter(q or "" for t, q in zip(texts, questions, strict=True) if is_set_aside(t))
    return dict(counts)


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


def _nameable(word: str) -> bool:
    return len(word) >= 3 and word not in stopwords() and stem(word) not in _IGNORED_STEMS and word not in NEGATIONS


def _collocation(texts: Sequence[str], min_count: int) -> str | None:
    """The strongest bigram collocation seen ``min_count``+ times, both words nameable."""
    finder = BigramCollocationFinder.from_documents(words(t) for t in texts)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: not _nameable(w))
    best = finder.nbest(BigramAssocMeasures.likelihood_ratio, 1)
    return " ".join(best[0]) if best else None


def _merge_similar(assigned: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Join groups whose centres point the same way (cosine >= MERGE_SIMILARITY):
    k-means asked for k groups splits one finding by its wording."""
    unit = centres / np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    similar = unit @ unit.T
    root = list(range(len(centres)))

    def find(c: int) -> int:
        while root[c] != c:
            c = root[c]
        return c

    for a, b in zip(*np.nonzero(np.triu(similar >= MERGE_SIMILARITY, k=1)), strict=True):
        root[find(int(b))] = find(int(a))
    return np.array([find(int(c)) for c in assigned])


class EmergentThemes:
    """Cluster unexplained responses into named, coherent, quotable groups.

    After ``fit``: ``themes_`` (shown groups, largest first), ``labels_`` (each
    text's group, -1 for none), ``set_aside_`` (count per question of answers
    with nothing to group) and ``hidden_`` (groups not coherent enough to show).
    """

    def __init__(
        self,
        n_themes: int = 8,
        min_size: int = 5,
        sample_size: int = 20_000,
        n_terms: int = 4,
        n_quotes: int = 3,
        max_quote_chars: int = 280,
        random_state: int = 0,
        min_coherence: float = MIN_COHERENCE,
    ) -> None:
        self.n_themes = n_themes
        self.min_size = min_size
        self.sample_size = sample_size
        self.n_terms = n_terms
        self.n_quotes = n_quotes
        self.max_quote_chars = max_quote_chars
        self.random_state = random_state
        self.min_coherence = min_coherence

    def fit(self, texts: Sequence[str], stem_lists: Sequence[list[str]] | None = None,
            questions: Sequence[str | None] | None = None) -> EmergentThemes:
        """Find groups among ``texts``; ``labels_`` gives each text's group (-1: none)."""
        stem_lists = stem_lists if stem_lists is not None else [content_stems(t) for t in texts]
        questions = questions if questions is not None else [None] * len(texts)
        self.labels_ = np.full(len(texts), -1)
        self.themes_: list[EmergentTheme] = []
        self.hidden_: list[EmergentTheme] = []
        aside = [is_set_aside(t, s) for t, s in zip(texts, stem_lists, strict=True)]
        self.set_aside_ = dict(Counter(q or "" for q, a in zip(questions, aside, strict=True) if a))
        usable = np.array([i for i, a in enumerate(aside) if not a], dtype=int)
        k = min(self.n_themes, len(usable) // max(self.min_size, 1))
        if k < 2:
            return self
        vectorizer = stem_vectorizer()
        try:
            X = vectorizer.fit_transform([grouping_stems(stem_lists[i]) for i in usable])
        except ValueError:  # no term recurs, so there is nothing to group
            return self
        # No more groups than distinct answers: k-means cannot split identical points.
        k = min(k, len({tuple(sorted(grouping_stems(stem_lists[i]))) for i in usable}))
        if k < 2:
            return self
        kept = [texts[i] for i in usable]
        rng = np.random.default_rng(self.random_state)
        sample = np.sort(rng.choice(X.shape[0], size=min(self.sample_size, X.shape[0]), replace=False))
        # Full k-means on the sample: mini-batch k-means on sparse short texts
        # left one group holding nearly everything and the rest of one answer each.
        kmeans = KMeans(n_clusters=k, random_state=self.random_state, n_init=3).fit(X[sample])
        assigned = _merge_similar(kmeans.predict(X), kmeans.cluster_centers_)
        terms = vectorizer.get_feature_names_out()
        overall = np.asarray(X.mean(axis=0)).ravel()
        groups = []
        for c in range(k):
            members = np.nonzero(assigned == c)[0]
            if len(members) < self.min_size:
                continue
            centre = np.asarray(X[members].mean(axis=0)).ravel()
            theme = self._describe(X[members], [kept[i] for i in members], centre, overall, terms)
            if self._showable(theme):
                groups.append((members, theme))
            else:
                self.hidden_.append(theme)
        groups.sort(key=lambda g: (-len(g[0]), g[1].name))
        for number, (members, theme) in enumerate(groups):
            self.labels_[usable[members]] = number
            self.themes_.append(theme)
        return self

    def _showable(self, theme: EmergentTheme) -> bool:
        """A name, an example answer (two or three unless its answers all say the
        same thing), and answers that belong together."""
        return bool(theme.name.strip()) and bool(theme.exemplars) and theme.coherence >= self.min_coherence

    def _describe(self, X: sparse.csr_matrix, texts: list[str], centre: np.ndarray,
                  overall: np.ndarray, terms: np.ndarray) -> EmergentTheme:
        # Distinctive = heavy in this group relative to all unexplained text,
        # among terms common in the group (not one response's odd words).
        present = X > 0
        share = np.asarray(present.mean(axis=0)).ravel()
        distinct = np.where(share >= 0.05, centre - overall, -np.inf)
        top = [j for j in np.argsort(-distinct, kind="stable")[: self.n_terms] if np.isfinite(distinct[j])]
        sample = texts[:2000]
        surface = _surface_forms(sample)
        names = tuple(w for w in (surface.get(str(terms[j]), str(terms[j])) for j in top) if _nameable(w))
        bigram = _collocation(sample, max(3, len(sample) // 10))
        name = bigram if bigram and any(w in bigram.split() for w in names[:2]) else ", ".join(names[:3])
        quotes = nearest_quotes(X, texts, centre, self.n_quotes, self.max_quote_chars)
        return EmergentTheme(name=name, terms=names, size=len(texts), exemplars=quotes,
                             coherence=round(self._coherence(X, present, top), 4))

    def _coherence(self, X: sparse.csr_matrix, present: sparse.csr_matrix, top: list[int]) -> float:
        """Mean cosine similarity between two different answers of the group
        (rows are unit length, so it comes from their sum); 0 unless the first
        two naming words are in at least half the answers and ``min_size`` of
        them, so that the name describes the group."""
        n = X.shape[0]
        named = int(np.sum(np.asarray(present[:, top[:2]].sum(axis=1)).ravel() > 0)) if top else 0
        if named < max(self.min_size, MIN_NAME_COVERAGE * n) or n < 2:
            return 0.0
        total = np.asarray(X.sum(axis=0)).ravel()
        return float((total @ total - n) / (n * (n - 1)))
