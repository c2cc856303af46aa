"""Theming from the codebook alone: meaning first, phrases as one signal.

Every partnership starts with its codebook and no coded answers. Each answer
is compared, in the embedding space of ``analysis.embedding``, with each
theme's label, description and example sentences; the closeness, how much
closer it is than the answer's other themes, and whether one of the theme's
phrases matched are combined into one score and turned into a probability
by a logistic curve with a few global weights (``WEIGHTS``).

Those weights were fitted on the 120 domestic-abuse dev answers
(``../shared/data/da-feedback-dev.csv``) and six sets written for Heard
(``scripts/fit_codebook_prior.py``); they are global (the same for every
theme), so a partnership's own themes and examples get the same treatment.
The figures measured on those answers are therefore tuned-on figures;
README.md ("Theming model") gives the held-out ones.

The default codebook's themes also ship a model learned from the coded
answers written for Heard (``ANSWERS_MODEL_FILE``, made by
``scripts/fit_default_theme_model.py``): per theme a logistic regression on the
answer's embedding, its words and word pairs (TF-IDF over a vocabulary shipped
with the model, ``answer_terms``) and the codebook's own score, whose
probability is mixed with the codebook's (``ANSWERS_MODEL_SHARE``). Coded
answers carry what phrases
and examples cannot: that coders file "he's always in the house" under safety.
It applies only to a theme whose code, label and description are the default
codebook's (``theme_fingerprint``): a partnership's own or reworded themes are
themed from their codebook alone.

Answers that say nothing ("Nothing", "n/a", "no comment") get no theme.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy.sparse import csr_matrix, diags
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from analysis.codebook import Codebook, Theme
from analysis.embedding import StaticEmbedder, default_embedder
from analysis.glossary import gloss
from analysis.text import clean, stems, stopwords, words

# Answers with nothing to theme. Kept apart from the themes (and from "code
# these next": coding them teaches nothing).
_NOTHING = re.compile(
    r"^\W*(?:(?:honestly|tbh|to be honest|erm|um)\W+)?"
    r"(?:no|none|nothing|nil|nope|n\W?a|na|nah|no comments?|not really|nothing really|ok|okay|fine|"
    r"(?:all|everything)(?: was| is)? (?:fine|good|ok|okay)|"
    r"nothing (?:else|more|to add|to say|to improve|at all)|no thanks?|thanks?(?: you)?|ta|"
    r"thanks?(?: you)? (?:all|everyone|for (?:this|doing this|everything|your help|the survey))|"
    r"not sure|unsure|don'?t know|dunno|idk|can'?t think of anything|"
    r"cannot think of anything|nothing i can think of|see above|as above|no idea|"
    r"nothing (?:really )?helped|"
    r"(?:nothing,? )?(?:tbh|really|thanks|thank you)?)(?:\W+(?:tbh|thanks|thank you|really|"
    r"sorry|x+|if i'?m honest|to be honest|honestly))*\W*$",
    re.IGNORECASE,
)


def has_letters(text: str) -> bool:
    """False for "123", "???" or "": nothing a theme could be read from."""
    return any(c.isalpha() for c in text)


def says_nothing(text: str) -> bool:
    """True for an answer such as "Nothing.", "n/a", "no comment thanks"."""
    return bool(_NOTHING.match(clean(text)))


# The inputs of the codebook score, per (answer, theme), in ``Weights.coef`` order.
FEATURES = (
    "words",           # nearest answer word or word pair to one of the theme's phrases (cosine)
    "word_lead",       # ... and how far ahead of the answer's best other theme
    "word_strong",     # ... how far above 0.75: near-synonyms, not loosely related words
    "closeness",       # closeness of the whole answer to the theme's anchors (centred per answer)
    "closeness_lead",
    "clause",          # the same for the answer's closest clause: one theme of several
    "clause_lead",
    "phrase",          # a phrase of the theme matched exactly
    "question_phrase", # ... in the question answered ("What did you think of the refuge?")
    "question_lead",   # the question's closeness lead: answers to "what would make it easier
                       # to ask for help?" are often about getting help
)


@dataclass(frozen=True)
class Weights:
    """The global weights of the codebook score (see the module docstring): a
    logistic regression over (answer, theme) pairs fitted by
    ``scripts/fit_codebook_prior.py``, one weight per ``FEATURES`` entry."""

    coef: tuple[float, ...] = (0.80, 3.94, 1.90, 3.72, 4.05, 3.61, 4.51, 2.54, 6.22, 0.58)
    offset: float = -2.04
    nearest: int = 3             # anchors averaged for the closeness


WEIGHTS = Weights()
BLOCK = 5000
# Probabilities are calibrated; F1 is best when a theme is assigned from about 0.3, since a
# missed theme and a wrong one cost alike. 0.3 is the best leave-one-set-out figure over the
# seven domestic-abuse sets the weights are fitted on (scripts/fit_codebook_prior.py), and on
# another writer's answers the evidence is weaker than on the sets the codebook was revised
# from, so recall is the side to favour (0.35 before).
ASSIGN_AT = 0.3
# Clauses of at least this many words are compared with the themes on their own.
CLAUSE_WORDS = 3
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]+|,|\s(?:but|because|cos|and then|so|although|though)\s", re.IGNORECASE)


# On answers the codebook was not revised from, its evidence is weaker and most errors
# are themes missed (recall 0.57 against precision 0.83 on da-theming-tuning-5), and the
# answer's best theme is right about nine times in ten even below ``ASSIGN_AT``, the
# second about half the time, the third about a quarter: so the best theme is taken from
# ``TOP_AT`` and the second from ``SECOND_AT``, and no answer gets more than ``MOST_THEMES``
# (two coders together gave more than three to 5 of the 120 dev answers).
TOP_AT = 0.1
SECOND_AT = 0.25
MOST_THEMES = 3
# Below ``ASSIGN_AT`` the best theme is taken only on evidence of its own in the answer: one
# of its phrases, or an answer word at least this close to one (``CodebookPrior.evidence``).
# Without it "asdf", "lol" or "My cat is called Tom." got their weak best guess (word
# closeness 0.43-0.63), while the right weak guesses mostly have a word above 0.65.
EVIDENCE_AT = 0.65
# An answer with no evidence for any theme takes only themes from this probability
# (no weak best or second theme): refitted on thousands of coded answers, the answers
# model's common words ("can", "have") gave "Can I have a biscuit?" housing and "brb"
# housing at 0.55. With the model of 48 sets, leaving each set out, micro-F1 0.8132
# without the rule, 0.8134 at 0.5, 0.8124 at 0.7; of the 30 off-topic answers of
# da-theming-offtopic-fresh.csv 9, 7 and 6 get a theme (its 30 on-topic ones all keep one).
UNSUPPORTED_AT = 0.5


def choose(proba: np.ndarray, evidence: np.ndarray | None = None,
           thresholds: np.ndarray | float = ASSIGN_AT, unsupported: np.ndarray | None = None) -> np.ndarray:
    """(texts x themes) booleans: the themes suggested from the prior's probabilities;
    the best from ``TOP_AT`` only where ``evidence`` (same shape) is true, when given.
    A theme whose cut-off was learned (``thresholds``, per theme) has its ``TOP_AT``
    and ``SECOND_AT`` moved in proportion: with ``ASSIGN_AT`` it is day one exactly.
    An answer with no evidence for any theme (``unsupported``, one per text; by
    default worked out from ``evidence``) takes only themes from ``UNSUPPORTED_AT``."""
    thresholds = np.asarray(thresholds, dtype=float)
    scale = thresholds / ASSIGN_AT
    rank = np.argsort(-proba, axis=1, kind="stable").argsort(axis=1)
    best = (rank == 0) & (proba >= TOP_AT * scale)
    if evidence is not None:
        best &= evidence
    chosen = (proba >= thresholds) | best | ((rank == 1) & (proba >= SECOND_AT * scale))
    if evidence is not None:
        unsupported = ~evidence.any(axis=1) if unsupported is None else np.asarray(unsupported, dtype=bool)
        chosen = np.where(unsupported[:, None], proba >= np.maximum(thresholds, UNSUPPORTED_AT), chosen)
    return chosen & (rank < MOST_THEMES)


ANSWERS_MODEL_FILE = "default_theme_model.npz"
# The learned model's share of a default theme's probability, and the scale of the
# codebook's logit among its inputs: chosen by leaving each written set out in turn
# (scripts/fit_default_theme_model.py prints those figures). With the answers' words
# among its inputs and 1,800 coded answers the model earns more than the 0.7 it had
# with the embedding alone and 1,000 (0.85 and 1.0 scored alike; 0.85 keeps some of
# the codebook's own probability for answers unlike any coded one). Fitted on 26 of
# the sets of 2026-12-06, 0.8 / 0.85 / 0.9 scored 0.799 / 0.800 / 0.802: kept.
ANSWERS_MODEL_SHARE = 0.85
ANSWERS_MODEL_PRIOR_SCALE = 0.3
# Word n-grams of the answers model: sklearn's default tokens (two or more word
# characters, lower-cased), single words and adjacent pairs.
ANSWER_NGRAMS = (1, 2)


@dataclass(frozen=True)
class AnswerTerms:
    """The answers model's vocabulary and each term's inverse document frequency."""

    terms: tuple[str, ...]
    idf: np.ndarray


def answer_terms(texts: Sequence[str], vocabulary: AnswerTerms) -> csr_matrix:
    """(texts x terms) TF-IDF as sklearn's ``TfidfVectorizer(sublinear_tf=True)``
    fitted on the coded answers gives it, rebuilt from plain arrays (no pickle)."""
    counts = CountVectorizer(vocabulary=vocabulary.terms, ngram_range=ANSWER_NGRAMS).transform(texts)
    counts = counts.astype(np.float32)
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts @ diags(vocabulary.idf.astype(np.float32)), copy=False).tocsr()


def theme_fingerprint(theme: Theme) -> str:
    """What the shipped answers model was learned for: the theme's code, label and description."""
    return hashlib.sha256(f"{theme.code}\n{theme.label}\n{theme.description}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class AnswersModel:
    """An answers model: its vocabulary, and per theme's fingerprint (weights on the
    embedding, then the terms, then the codebook logit; bias). The shipped one is
    ``shipped_answers_model()``; benchmarks pass one refitted without the answers they
    score (``scripts/fit_default_theme_model.py``)."""

    vocabulary: AnswerTerms
    themes: dict[str, tuple[np.ndarray, float]]

    @classmethod
    def from_arrays(cls, arrays) -> AnswersModel:
        """From the arrays the fitting script writes (an opened .npz or a dict of them)."""
        vocabulary = AnswerTerms(tuple(str(t) for t in arrays["terms"]), np.asarray(arrays["idf"]))
        return cls(vocabulary, {str(key): (np.asarray(coef, dtype=np.float32), float(bias)) for key, coef, bias
                                in zip(arrays["fingerprints"], arrays["coef"], arrays["intercept"], strict=True)})


NO_ANSWERS_MODEL = AnswersModel(AnswerTerms((), np.zeros(0)), {})


@lru_cache(maxsize=1)
def shipped_answers_model() -> AnswersModel:
    """The default codebook's answers model as shipped (``ANSWERS_MODEL_FILE``)."""
    with resources.files("analysis.data").joinpath(ANSWERS_MODEL_FILE).open("rb") as handle, \
            np.load(handle, allow_pickle=False) as npz:
        return AnswersModel.from_arrays(npz)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def _lead(scores: np.ndarray) -> np.ndarray:
    """Each column's lead over the best of the other columns (negative when behind)."""
    if scores.shape[1] < 2:
        return np.zeros_like(scores)
    top_two = np.partition(scores, scores.shape[1] - 2, axis=1)[:, -2:]
    return scores - np.where(scores >= top_two[:, [1]], top_two[:, [0]], top_two[:, [1]])


def _centred(scores: np.ndarray) -> np.ndarray:
    return scores - scores.mean(axis=1, keepdims=True)


def clauses(text: str) -> list[str]:
    """The answer's clauses of ``CLAUSE_WORDS`` words or more, when it has two or more:
    "the refuge was lovely but he found me" is about housing and about safety."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(text)]
    parts = [p for p in parts if len(p.split()) >= CLAUSE_WORDS]  # split(): words() costs 5x
    return parts if len(parts) > 1 else []


class CodebookPrior:
    """Probability per (answer, theme) from the codebook's words and examples."""

    def __init__(self, codebook: Codebook, embedder: StaticEmbedder | None = None,
                 weights: Weights = WEIGHTS, answers_model: bool | AnswersModel = True) -> None:
        """``answers_model``: True for the shipped one, False for none, or the one to use."""
        if len(weights.coef) != len(FEATURES):
            raise ValueError(f"weights need one number per feature: {', '.join(FEATURES)}")
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
        self.vocabulary, self.learned, self.learned_coef, self.learned_bias = self._learned_themes(answers_model)

    def _learned_themes(self, wanted: bool | AnswersModel) -> tuple[AnswerTerms, np.ndarray, np.ndarray, np.ndarray]:
        """The answers model's vocabulary and the themes it was learned for
        (``theme_fingerprint``), with its weights; none for another embedding model
        or when not ``wanted``."""
        if isinstance(wanted, AnswersModel):
            model = wanted
        else:
            model = shipped_answers_model() if wanted else NO_ANSWERS_MODEL
        vocabulary = model.vocabulary
        width = self.embedder.dim + len(vocabulary.terms) + 1
        found = [(j, model.themes[theme_fingerprint(t)]) for j, t in enumerate(self.codebook.themes)
                 if theme_fingerprint(t) in model.themes]
        found = [(j, fitted) for j, fitted in found if len(fitted[0]) == width]
        return (vocabulary, np.array([j for j, _ in found], dtype=int),
                np.array([coef for _, (coef, _) in found], dtype=np.float32).reshape(len(found), width),
                np.array([bias for _, (_, bias) in found], dtype=np.float32))

    def with_answers_model(self, texts: Sequence[str], logit: np.ndarray, vectors: np.ndarray,
                           content: np.ndarray | None = None) -> np.ndarray:
        """The codebook's logit with each learned theme's probability mixed in
        (``ANSWERS_MODEL_SHARE``), as a logit again, on the rows with ``content``
        (all when not given): on an answer without content words ("123", "me?") the
        model reads only the embedding of stopwords or nothing, and lifted "123" to access 0.63."""
        if content is None:
            content = np.ones(len(logit), dtype=bool)
        if not len(self.learned) or not content.any():
            return logit
        own = np.clip(logit[:, self.learned], -10, 10)
        dim = self.embedder.dim
        z = (vectors @ self.learned_coef[:, :dim].T
             + answer_terms([gloss(t) for t in texts], self.vocabulary) @ self.learned_coef[:, dim:-1].T
             + ANSWERS_MODEL_PRIOR_SCALE * own * self.learned_coef[:, -1] + self.learned_bias)
        p = (1 - ANSWERS_MODEL_SHARE) * sigmoid(own) + ANSWERS_MODEL_SHARE * sigmoid(z)
        # Within a logit of 10 either way, where the learning layer clips the codebook's logit
        # (analysis.classify), so a theme no coded answer has keeps exactly these probabilities.
        p = np.clip(p, sigmoid(np.float64(-10)), sigmoid(np.float64(10)))
        out = logit.copy()
        out[np.ix_(content, self.learned)] = np.log(p / (1 - p))[content]
        return out

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

    def clause_closeness(self, texts: Sequence[str], whole: np.ndarray) -> np.ndarray:
        """(texts x themes): the centred closeness of the answer's closest clause
        (the whole answer's counts as one), so each theme of a two- or
        three-theme answer is measured where it is said, not diluted by the others."""
        centred = whole.copy()
        owner, parts = [], []
        for i, text in enumerate(texts):
            found = clauses(text)
            owner += [i] * len(found)
            parts += found
        if parts:
            np.maximum.at(centred, np.array(owner), _centred(self.closeness(self.embedder.encode(parts))))
        return centred

    def question_evidence(self, questions: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
        """(questions x themes) phrase matches in (a Welsh question with the English
        of its service words, as an answer), and closeness lead of, each question;
        zeros where there is none. Worked once per distinct question."""
        distinct = list(dict.fromkeys(q for q in questions if q))
        n_themes = len(self.codebook.themes)
        phrase, lead = np.zeros((len(questions), n_themes)), np.zeros((len(questions), n_themes))
        if distinct:
            rows = {q: i for i, q in enumerate(distinct)}
            hits = self.codebook.assign(self.codebook.phrase_hits([stems(gloss(q)) for q in distinct])).toarray()
            leads = _lead(_centred(self.closeness(self.embedder.encode(distinct))))
            asked = [i for i, q in enumerate(questions) if q]
            phrase[asked] = hits[[rows[questions[i]] for i in asked]]
            lead[asked] = leads[[rows[questions[i]] for i in asked]]
        return phrase, lead

    def matches(self, texts: Sequence[str]) -> tuple[csr_matrix, np.ndarray]:
        """Each answer's phrase hits (``Codebook.phrase_hits``) and (texts x themes)
        word closeness; an exclude phrase ("judge me" for the courts) stops the
        soft word match too. An answer in Welsh, Polish or Urdu is read with the English
        of its service words (``analysis.glossary``)."""
        texts = [gloss(t) for t in texts]
        hits = self.codebook.phrase_hits([stems(t) for t in texts])
        return hits, np.where(self.codebook.blocked(hits), 0.0, self.word_closeness(texts)).astype(np.float32)

    def features(self, texts: Sequence[str], vectors: np.ndarray | None = None,
                 questions: Sequence[str | None] | None = None,
                 matches: tuple[csr_matrix, np.ndarray] | None = None) -> np.ndarray:
        """(texts x themes x ``FEATURES``): the evidence the score weighs
        (``matches``: the texts' ``matches``, when already worked out)."""
        if vectors is None:
            vectors = self.embedder.encode(texts)
        close = _centred(self.closeness(vectors))
        clause = self.clause_closeness(texts, close)
        hits, word = matches if matches is not None else self.matches(texts)
        phrase = self.codebook.assign(hits).toarray()
        question_phrase, question_lead = self.question_evidence(questions or [None] * len(texts))
        return np.stack([word, _lead(word), np.maximum(word - 0.75, 0), close, _lead(close),
                         clause, _lead(clause), phrase, question_phrase, question_lead],
                        axis=2).astype(np.float32)

    def scores(self, texts: Sequence[str], vectors: np.ndarray | None = None,
               questions: Sequence[str | None] | None = None,
               matches: tuple[csr_matrix, np.ndarray] | None = None) -> np.ndarray:
        """(texts x themes) logit of each theme applying (``questions``, the question
        each text answers, is optional)."""
        if vectors is None:
            vectors = self.embedder.encode(texts)
        features = self.features(texts, vectors, questions, matches)
        logit = features @ np.asarray(self.weights.coef, dtype=np.float32) + self.weights.offset
        return self.with_answers_model(texts, logit, vectors, np.array([has_content(t) for t in texts], dtype=bool))

    def proba(self, texts: Sequence[str], vectors: np.ndarray | None = None,
              questions: Sequence[str | None] | None = None) -> np.ndarray:
        """(texts x themes) probabilities; answers that say nothing get none."""
        return self.proba_and_evidence(texts, vectors, questions)[0]

    def proba_and_evidence(self, texts: Sequence[str], vectors: np.ndarray | None = None,
                           questions: Sequence[str | None] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """``proba`` and ``evidence`` at once, the phrase and word matches worked out
        once for both (about a quarter of day-one theming's time). Worked in blocks
        of ``BLOCK`` texts, so memory stays flat however many."""
        texts = list(texts)
        p = np.zeros((len(texts), len(self.codebook.themes)))
        evidence = np.zeros(p.shape, dtype=bool)
        for start in range(0, len(texts), BLOCK):
            block = slice(start, start + BLOCK)
            logit, evidence[block] = self.scores_and_evidence(
                texts[block], None if vectors is None else vectors[block],
                None if questions is None else list(questions)[block])
            p[block] = 1.0 / (1.0 + np.exp(-logit))
        nothing = np.array([says_nothing(t) or not has_letters(t) for t in texts], dtype=bool)
        p[nothing] = 0.0
        return p, evidence

    def scores_and_evidence(self, texts: Sequence[str], vectors: np.ndarray | None = None,
                            questions: Sequence[str | None] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """``scores`` and ``evidence`` at once, the phrase and word matches worked
        out once for both."""
        matches = self.matches(texts)
        return self.scores(texts, vectors, questions, matches), self._evidence(*matches)

    def evidence(self, texts: Sequence[str]) -> np.ndarray:
        """(texts x themes) booleans: the answer has one of the theme's phrases, or a
        content word within ``EVIDENCE_AT`` of one (``choose``)."""
        return self._evidence(*self.matches(list(texts)))

    def _evidence(self, hits: csr_matrix, word: np.ndarray) -> np.ndarray:
        return (self.codebook.assign(hits).toarray() > 0) | (word >= EVIDENCE_AT)


def has_content(text: str) -> bool:
    """True when the answer has a content word of three letters or more (``_grams``)."""
    return bool(_grams(text))


def _grams(text: str) -> list[str]:
    """Content words of three letters or more, and adjacent pairs of them."""
    stop = stopwords()
    found = [w for w in words(text) if len(w) > 2 and w not in stop]
    return found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]
