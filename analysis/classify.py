"""Multi-label theme classification that starts from the codebook and learns
from every staff-coded example.

Three signals per (text, label):

- the codebook prior (``analysis.semantic``): closeness in embedding space
  to the theme's description and examples, with phrase matches;
- the nearest coded neighbours in embedding space (a similarity-weighted
  vote), and a logistic regression per label on the embedding, the better
  learners while examples are few (on the NHS curve the embedding model
  earned the largest learned weight at 200 coded). Their space is the
  all-MiniLM-L6-v2 transformer's (``analysis.transformer``), not the static
  embedding the codebook prior was fitted in: on the NHS feedback (5-fold CV,
  seeds 0-2) micro / macro-F1 0.792 / 0.664 -> 0.800 / 0.691, and on its
  curve at 200 codings 0.712 -> 0.721 (random) and 0.725 -> 0.734 ("code
  these next");
- an NB-SVM (a linear SVM on features scaled by their naive Bayes log-count
  ratio) over word 1-2-gram and character 2-5-gram TF-IDF plus the question
  answered, Platt-scaled on out-of-fold margins; the better learner with
  many examples (in 5-fold CV on the NHS feedback it beat the plain SVM and
  an SVM + logistic regression ensemble).

A small logistic regression combines them, fitted pooled over all labels
and then per label pulled towards the pooled one (``LABEL_COMBINER_PULL``;
on the NHS curve, seeds 0-2, micro-F1 at 50/200/400 coded 0.672/0.709/0.727
-> 0.680/0.713/0.734): its
inputs are the prior's logit and the learned signals scaled by how many
positives the label has (``n / (n + RELIABILITY_AT)``), all computed out of
fold for the training texts. With no or few examples the learned inputs are
near zero and the result is the prior (recalibrated to the partnership's
coding); they take over as examples accumulate. Its output is a calibrated
probability.

The combiner's output is then mixed with the codebook's own probability,
per label, with the learned share growing with the label's coded positives
(``BLEND_AT``), and so is its cut-off, the prior's ``ASSIGN_AT`` mixed with
the learned model's: a label no coded answer has is decided as on day one
(its cut-off raised only by the share cap below), and a handful of positives can only nudge a good codebook (once, the
combiner alone let them overrule it and learning from 120 coded answers
scored below the codebook alone on answers it had not seen).

A common label (on ``COMMON_SHARE`` of coded answers) is cut at one shared
``COMMON_CUT`` once it has ``MIN_POSITIVES_FOR_SHARE`` positives and
``CALIBRATED_FROM`` answers are coded: the cut-off that gets most
assignments right over all labels together. A rarer label's
threshold is learned only once it has
``MIN_POSITIVES_FOR_THRESHOLD`` positives, and never one whose predicted
share exceeds ``MAX_SHARE_RATIO`` times the coded share: with a handful of
positives "label everything" maximises F1, which once made learning worse
than the codebook alone. From ``MIN_POSITIVES_FOR_SHARE`` positives until
then, the cut-off is the one that assigns the label to its coded share of the
training texts (a codebook under-calling a vague theme is put right long
before F1 can be trusted); with fewer the prior's ``ASSIGN_AT`` is kept,
raised where needed so the label goes to at most
``FEW_POSITIVES_SHARE_RATIO`` times its smoothed coded share of the training
texts (a codebook theme none of 200 coded NHS answers had was given to 6 %
of them; micro-F1 at 200 random codings 0.700 -> 0.709, seeds 0-2).

A catch-all label, one the coded answers nearly always have alone (the NHS
coders' "general"), goes beside another label only where it is the more
probable (``CATCH_ALL_ALONE``).

While few answers are coded, and where no shipped answers model covers the
codebook, the model is fitted a second time with the answers being themed
that it themes most surely added, labelled as it themes them
(self-training, ``SELF_TRAINING_BELOW``); from ``CALIBRATED_FROM`` coded
answers the combiner and the cut-offs still learn from those alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

from analysis.codebook import Codebook
from analysis.embedding import Embedder, StaticEmbedder, default_embedder
from analysis.semantic import ASSIGN_AT, AnswersModel, CodebookPrior, choose, says_nothing
from analysis.semantic import sigmoid as _sigmoid
from analysis.text import clean, question_kind
from analysis.transformer import remembered_transformer

MIN_POSITIVES_FOR_THRESHOLD = 30
# From this many positives until MIN_POSITIVES_FOR_THRESHOLD, a label's
# cut-off is the one that assigns it to its coded share (``_share_matching``).
MIN_POSITIVES_FOR_SHARE = 8
# A label on at least COMMON_SHARE of the coded answers is cut at COMMON_CUT
# once it has MIN_POSITIVES_FOR_SHARE positives (and CALIBRATED_FROM answers
# are coded). Common labels make up most assignments, and the cut-off that
# gets most of all assignments right (micro-F1) is one shared by every label,
# about half the micro-F1 reached when probabilities are calibrated (Lipton
# et al., "Thresholding classifiers to maximize F1 score", 2014). A label's
# own F1-best cut-off is higher where the label is easy and lower where it is
# hard, so it assigned hard common themes too freely, and a share-matched one
# follows a noisy share. With the combiner fitted on coded
# answers alone (``ThemeClassifier._fit``), on the NHS curve (seeds 0-5)
# micro-F1 at 100 / 200 / 400 random codings 0.704 / 0.730 / 0.750 -> 0.718 /
# 0.738 / 0.755, "code these next" 0.711 / 0.741 / 0.755 -> 0.719 / 0.743 /
# 0.756; all coded (5-fold CV, seeds 0-2) 0.800 / 0.691 -> 0.805 / 0.692
# micro / macro. Rarer labels keep their own cut-offs, which serve each
# theme's F1 (macro-F1).
COMMON_CUT = 0.38
COMMON_SHARE = 0.05
# The shared cut-off needs probabilities calibrated on enough coded answers,
# and so does the combiner learning from coded answers alone
# (``ThemeClassifier._fit``): with fewer than this many, common labels keep
# their own cut-offs (at 25 random NHS codings, seeds 0-2, the shared one
# cost 0.679 -> 0.670) and the combiner learns from the self-taught answers
# too (at 10, the coded alone 0.621 -> 0.616).
CALIBRATED_FROM = 50
# A catch-all label: one the coded answers have alone in at least this share
# of its positives (the NHS coders' "general", 90 % of 1,408; no theme of the
# domestic-abuse dev answers is over 45 %). Beside another label it is
# assigned only where it is the more probable (``ThemeClassifier.assign``;
# from CALIBRATED_FROM coded answers): the learned model gave "general" with
# another theme to about three times as many answers as the coders did. NHS
# curve at 200 random codings, micro-F1 0.741 -> 0.745 (seeds 0-2, tuned on)
# and 0.735 -> 0.739 (seeds 3-5); all coded (5-fold CV, seeds 0-2) 0.805 ->
# 0.806.
CATCH_ALL_ALONE = 0.8
SHARE_MATCH_RANGE = (0.1, 0.6)
# For a theme coded on under 1 % of answers (NHS "mental_health", 26 of
# 3,704) a calibrated probability seldom reaches 0.1 even where it applies,
# and a floor of 0.1 assigned it to under half its coded share: the floor is
# at most this many times the theme's coded share.
RARE_FLOOR_PER_SHARE = 10.0
# Pseudo-neighbours at the label's share added to each vote.
VOTE_SMOOTHING = 1.0
# A label's learned signals count half once it has this many positives.
RELIABILITY_AT = 3.0
MAX_SHARE_RATIO = 3.0
# A label with few positives is assigned to at most this many times its
# smoothed coded share of the training texts (``_few_positives_cap``).
FEW_POSITIVES_SHARE_RATIO = 1.5
# Inverse L2 strength of the per-label logistic regression on embeddings.
EMBEDDING_C = 10.0
# With a codebook, the embedding model also sees every theme's codebook logit
# (scaled by this), and is regularised harder (``EMBEDDING_C_WITH_PRIOR``):
# it learns which of the codebook's calls to trust for this partnership, and
# how themes go together, from far fewer examples than the embedding alone.
PRIOR_IN_EMBEDDING = 0.3
EMBEDDING_C_WITH_PRIOR = 1.0
# A codebook label's final probability is the codebook's and the learned
# model's, mixed with the learned share n / (n + BLEND_AT) for a label with n
# coded positives: 0 with none (the codebook exactly, as on day one), a half
# at 2, 0.9 at 18. Chosen on dev data only: 5-fold CV within the 120
# domestic-abuse dev answers (seeds 0-2, out-of-fold, cut-offs mixed the same
# way) was flat from 2 to 8 (micro-F1 0.766-0.767; the codebook alone, tuned
# on those answers, 0.753; the learned model alone 0.744; 0.756 at 1, 0.763 at
# 16); on the NHS learning curve (a weak codebook) 2 learned fastest (micro-F1
# at 200 random codings 0.693, against 0.682 at 4 and 0.674 at 8).
BLEND_AT = 2.0
# For a theme the default codebook's shipped answers model covers (fitted on
# 14,002 coded domestic-abuse answers since 2026-12-06, the 120 dev answers among
# them; the figures below were measured with an earlier model, about 1,000) the
# codebook is worth far more: learning from the 120 dev answers with 2 scored
# below the codebook alone on every set of another writer's answers (micro-F1
# -0.009 on average over ten sets, the answers model refitted without the set
# scored, down to -0.029), and so did learning from 80 % of a set's own answers
# with the model refitted without it (-0.011). With 30 and the day-one rule on
# the mixed cut-offs (``ThemeClassifier.assign``): -0.001 (at worst -0.007) and
# +0.001 (at worst -0.004); at 10, -0.001 (-0.015); at 1,000, 0.000 (-0.003),
# but a partnership's own answers would then teach almost nothing.
ANSWERS_MODEL_BLEND_AT = 30.0
# Below this learned weight a codebook label is decided by the day-one rule
# (``ThemeClassifier.assign``).
PRIOR_LED_BELOW = 0.5
# Platt scaling needs a few of each class; below, a fixed squashing is used.
MIN_FOR_PLATT = 3
# Rows per block when comparing many texts with anchors or coded examples,
# so 100,000 texts never need a 100,000 x examples matrix at once.
BLOCK = 4096
# Pseudo-count added to each feature's summed TF-IDF weight with and without
# the label before the NB-SVM's log-count ratio. A feature's TF-IDF weight in
# one text is about 0.1-0.3, so 1 (add-one, as for counts) swamped the words
# a rare theme is told by: in 5-fold CV on the NHS feedback (seed 0) the
# NB-SVM's mean average precision over labels rose 0.695 -> 0.708 at 0.3
# (category_tbc 0.58 -> 0.65, environment 0.52 -> 0.56; 0.1 and 0.5 a little
# lower, 3 far lower).
NB_SMOOTHING = 0.3
# Self-training (``ThemeClassifier._self_trains``): while under
# SELF_TRAINING_BELOW answers are coded, the model learns again with as many
# more as SELF_TRAINING_SHARE times the coded ones: the uncoded answers it
# themes most surely, with its themes. On the NHS learning curve (seeds 0-2,
# its own codebook) micro-F1 at 100 / 200 random codings 0.696 / 0.721 ->
# 0.703 / 0.735, and at 100 "code these next" 0.702 -> 0.715; 0.5 and 2 times
# did about as well, and at 400 codings it added nothing.
SELF_TRAINING_BELOW = 300
SELF_TRAINING_SHARE = 1.0
SELF_TRAINING_CANDIDATES = 5000


def _question_tokens(question: str | None) -> str:
    # Both the kind ("improve"/"good") and the exact wording: services ask
    # different questions and their answers cover different themes.
    exact = "_".join((question or "").lower().split())[:80]
    return f"kind_{question_kind(question)} q_{exact}"


def word_key(text: str) -> str:
    """A text's words only, lower-cased: "Nothing." and "nothing!!" are one text."""
    return " ".join(re.findall(r"[^\W_]+", clean(text).lower()))


class _NBSVM:
    """Linear SVM on features scaled by their naive Bayes log-count ratio.

    NB-SVM (Wang & Manning, 2012): scaling each feature by how much more
    often it occurs with the label than without lets a few telling words of
    a rare theme outweigh the many common ones. In 5-fold CV over seeds
    0-2 it beat the plain SVM on every seed (macro-F1 +0.01-0.02).
    """

    def __init__(self, C: float, random_state: int) -> None:
        self.svm = LinearSVC(C=C, random_state=random_state)

    def fit(self, X: sparse.csr_matrix, y: np.ndarray) -> _NBSVM:
        with_label = np.asarray(X[y == 1].sum(axis=0)).ravel() + NB_SMOOTHING
        without = np.asarray(X[y == 0].sum(axis=0)).ravel() + NB_SMOOTHING
        self.ratio_ = sparse.diags(np.log((with_label / with_label.sum()) / (without / without.sum())))
        self.svm.fit(X @ self.ratio_, y)
        return self

    def decision_function(self, X: sparse.csr_matrix) -> np.ndarray:
        return self.svm.decision_function(X @ self.ratio_)


class _EmbeddingLogit:
    """Logistic regression on the answer's sentence embedding, one label.

    It generalises from a few coded answers to others worded differently
    ("the cops never came" from "police took hours"), which word features
    cannot; its output is a probability already.
    """

    def __init__(self, C: float) -> None:
        self.model = LogisticRegression(C=C, max_iter=200)

    def fit(self, vectors: np.ndarray, y: np.ndarray) -> _EmbeddingLogit:
        self.model.fit(vectors, y)
        return self

    def proba(self, vectors: np.ndarray) -> np.ndarray:
        return self.model.predict_proba(vectors)[:, 1]


# The combiner starts as "the prior as it is" (weight 1 on its logit, 0 on
# the rest) and is pulled back there with this strength, so a few coded
# examples can only nudge it; many move it where the data say.
COMBINER_START = np.array([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -10.0])
COMBINER_PULL = 20.0
LABEL_COMBINER_PULL = 20.0


def _fit_combiner(inputs: np.ndarray, y: np.ndarray, start: np.ndarray | None = None,
                  pull: float = COMBINER_PULL) -> np.ndarray:
    """Logistic regression penalised towards ``start`` (weights then bias;
    by default ``COMBINER_START`` and bias 0); returns weights then bias."""
    start = np.append(COMBINER_START, 0.0) if start is None else start
    design = np.hstack([inputs, np.ones((len(inputs), 1))])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = design @ theta
        p = _sigmoid(z)
        nll = np.sum(np.logaddexp(0, z) - y * z)
        gap = theta - start
        return nll + pull / 2 * gap @ gap, design.T @ (p - y) + pull * gap

    return minimize(loss, start, jac=True, method="L-BFGS-B").x


def _fit_label_combiners(inputs: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """(labels x inputs + 1): the pooled combiner, then one per label pulled
    towards it (``LABEL_COMBINER_PULL``). Labels differ in which signal
    serves them (a theme said in set words suits the SVM, one said many ways
    the embedding); the pull keeps a label with few examples near the pool."""
    pooled = _fit_combiner(inputs.reshape(-1, inputs.shape[2]), Y.ravel())
    return np.array([_fit_combiner(inputs[:, j], Y[:, j], pooled, LABEL_COMBINER_PULL)
                     for j in range(Y.shape[1])])


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


class ThemeClassifier:
    """One-vs-rest theme classifier: codebook prior + coded examples."""

    def __init__(
        self,
        svm_C: float = 0.3,
        char_ngrams: bool = True,
        threshold_folds: int = 4,
        neighbours: int = 10,
        codebook: Codebook | None = None,
        embedder: StaticEmbedder | None = None,
        random_state: int = 0,
        answers_model: AnswersModel | None = None,
        learner: Embedder | None = None,
    ) -> None:
        """``embedder``: the codebook prior's (the static embedding it was fitted
        in). ``learner``: the learned signals' (nearest coded answers, the
        embedding model, "code these next"), by default the transformer
        (``analysis.transformer``); the web app passes the vectors it stored
        with each answer. ``answers_model``: the codebook's answers model when
        not the shipped one (benchmarks pass one refitted without the answers
        they score)."""
        self.svm_C = svm_C
        self.char_ngrams = char_ngrams
        self.threshold_folds = threshold_folds
        self.neighbours = neighbours
        self.codebook = codebook
        self.embedder = embedder
        self.random_state = random_state
        self.answers_model = answers_model
        self.learner = learner

    # -- features -------------------------------------------------------
    def _fit_features(self, texts: list[str], questions: list[str | None]) -> sparse.csr_matrix:
        min_df = 2 if len(texts) >= 200 else 1
        self.vectorizers_ = [
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=min_df,
                            strip_accents="unicode"),
            TfidfVectorizer(token_pattern=r"\S+", lowercase=False),  # nosec B106 # a regex, not a password
        ]
        if self.char_ngrams:
            self.vectorizers_.append(
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                min_df=min_df, max_features=60_000)
            )
        columns = self._columns(texts, questions)
        return sparse.hstack([v.fit_transform(c) for v, c in zip(self.vectorizers_, columns, strict=True)]).tocsr()

    def _features(self, texts: list[str], questions: list[str | None]) -> sparse.csr_matrix:
        columns = self._columns(texts, questions)
        return sparse.hstack([v.transform(c) for v, c in zip(self.vectorizers_, columns, strict=True)]).tocsr()

    def _columns(self, texts: list[str], questions: list[str | None]) -> list[list[str]]:
        cleaned = [clean(t) for t in texts]
        columns = [cleaned, [_question_tokens(q) for q in questions]]
        return columns + [cleaned] if self.char_ngrams else columns

    # -- learned signals ------------------------------------------------------
    def _fit_svms(self, X: sparse.csr_matrix, Y: np.ndarray) -> list:
        # A constant label has nothing to learn: None, and the other signals decide.
        return [_NBSVM(self.svm_C, self.random_state).fit(X, Y[:, j]) if 0 < Y[:, j].sum() < len(Y)
                else None for j in range(Y.shape[1])]

    @staticmethod
    def _margins(svms: list, X: sparse.csr_matrix) -> np.ndarray:
        return np.column_stack([svm.decision_function(X) if svm is not None else np.zeros(X.shape[0])
                                for svm in svms])

    def _neighbour_vote(self, vectors: np.ndarray, coded: np.ndarray, Y: np.ndarray,
                        leave_self_out: bool = False) -> np.ndarray:
        """Share of each label among the nearest coded texts, weighted by similarity."""
        share = (Y.sum(axis=0) + 0.5) / (len(Y) + 1)
        out = np.tile(share, (len(vectors), 1))
        k = min(self.neighbours, len(coded) - int(leave_self_out))
        if k < 1:
            return out
        for start in range(0, len(vectors), BLOCK):
            sim = vectors[start:start + BLOCK] @ coded.T
            if leave_self_out:  # a training text is not its own neighbour
                rows = np.arange(sim.shape[0])
                sim[rows, rows + start] = -np.inf
            nearest = np.argpartition(-sim, k - 1, axis=1)[:, :k]
            weight = np.maximum(np.take_along_axis(sim, nearest, axis=1), 0) + 1e-6
            # Smoothed towards the label's share, so "none of 10 neighbours"
            # is strong evidence but not certainty.
            votes = np.einsum("nk,nkl->nl", weight, Y[nearest])
            out[start:start + BLOCK] = (votes + VOTE_SMOOTHING * share) / (weight.sum(axis=1, keepdims=True)
                                                                             + VOTE_SMOOTHING)
        return out

    def _learner_vectors(self, texts: list[str]) -> np.ndarray:
        return self.learner_.encode(texts)

    def _prior_logit(self, texts: list[str], questions: list[str | None]
                     ) -> tuple[np.ndarray, np.ndarray | None]:
        """Codebook logit per label (0 where the label is not in the codebook), and
        the codebook's evidence per (text, codebook theme) for ``assign`` (None
        without a codebook). Answers that say nothing are left to the ``nothing`` input."""
        out = np.zeros((len(texts), len(self.classes_)))
        if self.prior_ is None:
            return out, None
        # With the question answered, as on day one: "What did you think of
        # the refuge?" is evidence for housing that the answer may not repeat.
        scores, evidence = self.prior_.scores_and_evidence(texts, self.embedder_.encode(texts), questions)
        out[:, self.in_book_] = np.clip(scores, -10, 10)
        return out, evidence

    def _inputs(self, texts: list[str], prior_logit: np.ndarray, svm_p: np.ndarray,
                vote: np.ndarray, embedding_p: np.ndarray) -> np.ndarray:
        """(texts x labels x inputs) for the pooled combiner."""
        n = len(prior_logit)
        trust = self.positives_ / (self.positives_ + RELIABILITY_AT)
        nothing = np.array([says_nothing(t) for t in texts], dtype=float)[:, None]
        has_prior = np.zeros(len(self.classes_))
        has_prior[self.in_book_] = 1.0
        base = _logit(np.clip(self.positives_ / max(self.n_coded_, 1), 1e-3, 1 - 1e-3))
        return np.stack([
            prior_logit,
            np.broadcast_to(1 - has_prior, (n, len(self.classes_))),
            trust * _logit(svm_p),
            trust * _logit(vote),
            trust * _logit(embedding_p),
            np.broadcast_to(trust * base, (n, len(self.classes_))),
            # Some partnerships code "nothing" answers (as praise, say): the
            # learned signals may overrule this once a label has examples.
            nothing * (1 - trust),
        ], axis=2)

    def _combine(self, inputs: np.ndarray) -> np.ndarray:
        weights, bias = self.combiner_[:, :-1], self.combiner_[:, -1]
        return _sigmoid(np.einsum("nli,li->nl", inputs, weights) + bias)

    # -- public API ------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        questions: Sequence[str | None] | None = None,
        uncoded: Sequence[str] = (),
        uncoded_questions: Sequence[str | None] | None = None,
    ) -> ThemeClassifier:
        """Learn from coded texts; ``labels`` holds each text's theme codes.
        ``uncoded``: texts to be themed (a run's answers), of which while few
        are coded the most confidently themed are learned from too."""
        texts = [clean(t) for t in texts]
        questions = list(questions) if questions is not None else [None] * len(texts)
        if not texts:
            raise ValueError("no coded examples to learn from")
        labels = [list(row) for row in labels]
        self._fit(texts, labels, questions, len(texts))
        self.self_taught_ = 0
        if uncoded and self._self_trains(len(texts)):
            uncoded_questions = list(uncoded_questions) if uncoded_questions is not None else [None] * len(uncoded)
            more, more_labels, more_questions = self._surest(
                [clean(t) for t in uncoded], uncoded_questions, set(texts), round(SELF_TRAINING_SHARE * len(texts)))
            if more:
                self._fit(texts + more, labels + more_labels, questions + more_questions, len(texts))
                self.self_taught_ = len(more)
        return self

    def _self_trains(self, n_coded: int) -> bool:
        """Whether to learn from the surest uncoded texts too: while few are
        coded, and not where the shipped answers model covers the codebook (it
        already holds what they would teach, and learning from them cost 0.005
        micro-F1 on the 104 held-out domestic-abuse answers, 0.018 where they
        also counted towards each theme's learned share)."""
        covered = self.prior_ is not None and len(self.prior_.learned) > 0
        return not covered and 1 <= SELF_TRAINING_SHARE * n_coded and n_coded < SELF_TRAINING_BELOW

    def _surest(self, texts: list[str], questions: list[str | None], coded: set[str], n: int
                ) -> tuple[list[str], list[list[str]], list[str | None]]:
        """Up to ``n`` of ``texts`` (distinct, not among ``coded``, saying
        something and given some theme), those whose every label is furthest
        from its cut-off, with the themes the model gives them. Candidates are
        a sample of at most ``SELF_TRAINING_CANDIDATES``, so a run of 100,000
        answers is not themed twice."""
        keys = list(dict.fromkeys((t, q) for t, q in zip(texts, questions, strict=True)
                                  if t not in coded and not says_nothing(t)))
        if len(keys) > SELF_TRAINING_CANDIDATES:
            sample = np.random.default_rng(self.random_state).choice(len(keys), SELF_TRAINING_CANDIDATES, replace=False)
            keys = [keys[k] for k in sorted(sample)]
        if not keys:
            return [], [], []
        proba = self.predict_proba([t for t, _ in keys], [q for _, q in keys])
        # Labelled as ``assign`` would label them.
        chosen = self._catch_all_alone(proba, proba >= self.thresholds_)
        sureness = np.abs(proba - self.thresholds_).min(axis=1)
        order = [k for k in np.argsort(-sureness, kind="stable") if chosen[k].any()][:n]
        return ([keys[k][0] for k in order], [[self.classes_[j] for j in np.nonzero(chosen[k])[0]] for k in order],
                [keys[k][1] for k in order])

    def _fit(self, texts: list[str], labels: list[list[str]], questions: list[str | None], coded: int) -> None:
        """Learn from ``texts``, of which the first ``coded`` were coded by staff
        and the rest are self-taught (``_surest``)."""
        codebook_codes = list(self.codebook.codes) if self.codebook else []
        self.classes_ = sorted({c for row in labels for c in row} | set(codebook_codes))
        self.in_book_ = [self.classes_.index(c) for c in codebook_codes]
        Y = np.array([[c in set(row) for c in self.classes_] for row in labels], dtype=int)
        self.positives_ = Y.sum(axis=0).astype(float)
        self.n_coded_ = len(Y)
        self.embedder_ = self.embedder or default_embedder()
        answers_model = True if self.answers_model is None else self.answers_model
        self.prior_ = CodebookPrior(self.codebook, self.embedder_, answers_model=answers_model) \
            if self.codebook else None
        self.learner_ = self.learner or remembered_transformer()
        vectors = self._learner_vectors(texts)
        X = self._fit_features(texts, questions)
        prior_logit, _ = self._prior_logit(texts, questions)
        features = self._embedding_features(vectors, prior_logit)
        margins, embedding_p = self._out_of_fold(X, features, Y)
        self.platt_ = self._fit_platt(margins, Y)
        inputs = self._inputs(texts, prior_logit, self._svm_proba(margins),
                              self._neighbour_vote(vectors, vectors, Y, leave_self_out=True), embedding_p)
        # From CALIBRATED_FROM coded texts the combiner and the cut-offs learn
        # from them alone: the self-taught ones are those the signals were
        # surest of, labelled as they label them, and fitted on them too the
        # combiner trusted its signals more than they earn (NHS curve at 200
        # random codings, seeds 0-2: 0.735 -> 0.739).
        calibrated = coded >= CALIBRATED_FROM
        rows = coded if calibrated else len(Y)
        self.combiner_ = _fit_label_combiners(inputs[:rows], Y[:rows])
        learned = self._combine(inputs)
        # The learned model's cut-offs are found on its own out-of-fold output
        # and mixed with the prior's as its probabilities are.
        weight = self.learned_weight()
        own_cuts = self._choose_thresholds(learned[:rows], Y[:rows], calibrated)
        self.thresholds_ = (1 - weight) * ASSIGN_AT + weight * own_cuts
        said_nothing = np.array([says_nothing(t) for t in texts])
        # How this partnership files answers that say nothing (NHS coders put
        # every "Nothing" under "general"; a refuge files them under none).
        self.nothing_codes_ = Y[said_nothing].mean(axis=0) if said_nothing.any() else None
        # A codebook label no coded answer has is the codebook's alone (its
        # learned weight is 0), cut where the codebook cuts unless that gives
        # it to more texts than the coded sample allows.
        self.keep_prior_ = np.zeros(Y.shape[1], dtype=bool)
        self.keep_prior_[self.in_book_] = self.positives_[self.in_book_] == 0
        self.thresholds_[self.keep_prior_] = ASSIGN_AT
        final = self._blend(self._prior_proba(texts, prior_logit), learned)
        self.thresholds_ = np.maximum(self.thresholds_, self._few_positives_cap(final, Y))
        self.catch_all_ = _catch_alls(Y[:coded]) & calibrated
        self.svms_ = self._fit_svms(X, Y)
        self.embedding_models_ = self._fit_embedding_models(features, Y)
        self.coded_vectors_, self.coded_Y_ = vectors, Y

    def _out_of_fold(self, X: sparse.csr_matrix, vectors: np.ndarray, Y: np.ndarray
                     ) -> tuple[np.ndarray, np.ndarray]:
        """SVM margins and embedding-model probabilities for the training
        texts, each from models that did not see the text."""
        margins = np.zeros(Y.shape)
        embedding_p = np.tile((Y.sum(axis=0) + 0.5) / (len(Y) + 1), (len(Y), 1))
        n_splits = min(self.threshold_folds, len(Y))
        if n_splits >= 2:
            for train, test in KFold(n_splits, shuffle=True, random_state=self.random_state).split(X):
                margins[test] = self._margins(self._fit_svms(X[train], Y[train]), X[test])
                embedding_p[test] = self._embedding_proba(
                    self._fit_embedding_models(vectors[train], Y[train]), vectors[test], Y[train])
        return margins, embedding_p

    def _embedding_features(self, vectors: np.ndarray, prior_logit: np.ndarray) -> np.ndarray:
        if self.prior_ is None:
            return vectors
        return np.hstack([vectors, PRIOR_IN_EMBEDDING * prior_logit[:, self.in_book_]])

    def _fit_embedding_models(self, vectors: np.ndarray, Y: np.ndarray) -> list:
        C = EMBEDDING_C if self.prior_ is None else EMBEDDING_C_WITH_PRIOR
        return [_EmbeddingLogit(C).fit(vectors, Y[:, j]) if 0 < Y[:, j].sum() < len(Y)
                else None for j in range(Y.shape[1])]

    @staticmethod
    def _embedding_proba(models: list, vectors: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """Each label's probability; a label constant in training gets its smoothed share."""
        share = (Y.sum(axis=0) + 0.5) / (len(Y) + 1)
        return np.column_stack([m.proba(vectors) if m is not None else np.full(len(vectors), share[j])
                                for j, m in enumerate(models)])

    def _prior_proba(self, texts: list[str], prior_logit: np.ndarray) -> np.ndarray:
        """The codebook alone, as ``CodebookPrior.proba`` gives it (nothing answers get none)."""
        proba = _sigmoid(prior_logit)
        proba[[says_nothing(t) for t in texts]] = 0.0
        return proba

    def _svm_proba(self, margins: np.ndarray) -> np.ndarray:
        return _sigmoid(self.platt_[:, 0] * margins + self.platt_[:, 1])

    @staticmethod
    def _fit_platt(margins: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """Per label (a, b) of sigmoid(a * margin + b), fitted on out-of-fold
        margins; a label with too few of either class gets its base rate."""
        platt = np.zeros((Y.shape[1], 2))
        for j in range(Y.shape[1]):
            positives = Y[:, j].sum()
            if positives >= MIN_FOR_PLATT and len(Y) - positives >= MIN_FOR_PLATT:
                lr = LogisticRegression(C=1.0).fit(margins[:, [j]], Y[:, j])
                platt[j] = lr.coef_[0, 0], lr.intercept_[0]
            else:
                platt[j, 1] = _logit(np.clip((positives + 0.5) / (len(Y) + 1), 1e-3, 1 - 1e-3))
        return platt

    def _choose_thresholds(self, fitted: np.ndarray, Y: np.ndarray, calibrated: bool) -> np.ndarray:
        """Per-label cut-offs from the combiner's output for the coded texts
        (whose inputs are all out of fold): where ``calibrated``,
        ``COMMON_CUT`` for a common label with ``MIN_POSITIVES_FOR_SHARE``
        positives; for a rarer one, from
        ``MIN_POSITIVES_FOR_THRESHOLD`` positives the F1-best, where its
        predicted share stays within ``MAX_SHARE_RATIO`` of the coded share,
        and from ``MIN_POSITIVES_FOR_SHARE`` the one matching its coded
        share; otherwise the prior's ``ASSIGN_AT``."""
        grid = np.linspace(0.04, 0.9, 44)
        predicted = fitted[:, :, None] >= grid
        truth = Y[:, :, None].astype(bool)
        tp = (predicted & truth).sum(axis=0)
        f1 = 2 * tp / (predicted.sum(axis=0) + truth.sum(axis=0) + 1e-9)
        # Smoothing over neighbouring cut-offs keeps rare labels from chasing noise.
        smooth = np.apply_along_axis(lambda f: np.convolve(f, np.ones(3) / 3, "same"), 1, f1)
        share_ok = predicted.mean(axis=0) <= MAX_SHARE_RATIO * Y.mean(axis=0)[:, None]
        smooth = np.where(share_ok, smooth, -1.0)
        positives = Y.sum(axis=0)
        some = positives >= MIN_POSITIVES_FOR_SHARE
        return np.select(
            [some & (Y.mean(axis=0) >= COMMON_SHARE) & calibrated,
             (positives >= MIN_POSITIVES_FOR_THRESHOLD) & share_ok.any(axis=1),
             some],
            [np.full(Y.shape[1], COMMON_CUT), grid[smooth.argmax(axis=1)], _share_matching(fitted, Y)],
            ASSIGN_AT)

    def _few_positives_cap(self, fitted: np.ndarray, Y: np.ndarray) -> np.ndarray:
        """Per label with under ``MIN_POSITIVES_FOR_SHARE`` positives, the
        cut-off that assigns it to at most ``FEW_POSITIVES_SHARE_RATIO`` times
        (positives + 1) / coded of the training texts; 0 for other labels.
        A codebook theme none of 200 coded answers has is rare in this
        feedback, yet the prior alone once gave it to 6 % of the NHS answers."""
        cap = np.minimum(FEW_POSITIVES_SHARE_RATIO * (self.positives_ + 1) / len(Y), 1.0)
        cut = np.array([np.quantile(fitted[:, j], 1 - cap[j]) for j in range(Y.shape[1])])
        return np.where(self.positives_ < MIN_POSITIVES_FOR_SHARE, cut, 0.0)

    def predict_proba(
        self, texts: Sequence[str], questions: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """Calibrated probability per (text, label), columns in ``classes_`` order.
        Answers that say nothing ("n/a", "nothing") get next to none until
        staff have coded one; then each label's share among the coded ones."""
        return self._proba_and_evidence(texts, questions)[0]

    def assigned(
        self, texts: Sequence[str], questions: Sequence[str | None] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """``assign``'s labels and ``predict_proba``'s probabilities at once, the
        codebook's phrase and word matches worked out once for both."""
        proba, in_book = self._proba_and_evidence(texts, questions)
        return self.assign(texts, proba, in_book), proba

    def _proba_and_evidence(
        self, texts: Sequence[str], questions: Sequence[str | None] | None
    ) -> tuple[np.ndarray, np.ndarray | None]:
        texts = [clean(t) for t in texts]
        if not texts:
            return np.zeros((0, len(self.classes_))), None
        questions = list(questions) if questions is not None else [None] * len(texts)
        vectors = self._learner_vectors(texts)
        prior_logit, in_book = self._prior_logit(texts, questions)
        embedding_p = self._embedding_proba(self.embedding_models_,
                                            self._embedding_features(vectors, prior_logit), self.coded_Y_)
        proba = self._combine(self._inputs(
            texts, prior_logit,
            self._svm_proba(self._margins(self.svms_, self._features(texts, questions))),
            self._neighbour_vote(vectors, self.coded_vectors_, self.coded_Y_), embedding_p))
        proba = self._blend(self._prior_proba(texts, prior_logit), proba)
        # Until staff have filed an answer that says nothing, such answers get
        # no theme (the learned signals know nothing of them; in the
        # transformer's space "Nothing" sits near some short complaint).
        said_nothing = [says_nothing(t) for t in texts]
        proba[said_nothing] = 0.0 if self.nothing_codes_ is None else self.nothing_codes_
        return proba, in_book

    def learned_weight(self) -> np.ndarray:
        """Per label, the learned model's share of the final probability:
        n / (n + ``BLEND_AT``) for a codebook label with n coded positives
        (``ANSWERS_MODEL_BLEND_AT`` for a theme the shipped answers model
        covers), 1 for a label the codebook lacks (learning is all there is)."""
        weight = np.ones(len(self.classes_))
        n = self.positives_[self.in_book_]
        blend_at = np.full(len(n), BLEND_AT)
        if self.prior_ is not None:
            blend_at[self.prior_.learned] = ANSWERS_MODEL_BLEND_AT
        weight[self.in_book_] = n / (n + blend_at)
        return weight

    def _blend(self, prior_p: np.ndarray, learned: np.ndarray) -> np.ndarray:
        """The codebook's probability and the learned one, mixed per label by
        ``learned_weight``: a mix of two calibrated probabilities, so the
        result stays a probability a threshold of the prior's can cut."""
        weight = self.learned_weight()
        return (1 - weight) * prior_p + weight * learned

    def assign(self, texts: Sequence[str], proba: np.ndarray, in_book: np.ndarray | None = None
               ) -> np.ndarray:
        """(texts x labels) booleans, no label forced: each label at or above
        its cut-off, except that a theme of the shipped answers model that the
        codebook still leads (learned weight under ``PRIOR_LED_BELOW``) is
        decided by the day-one rule (``analysis.semantic.choose``, on its own
        cut-off: the best theme from a lower one where the answer has evidence
        of it, at most three), so learning from answers it adds little to
        scores as the codebook does. That rule was tuned for the default
        codebook: on the NHS curve (its own codebook, no answers model) it
        cost 0.006-0.013 micro-F1 at 200 random codings (seed 0). ``in_book``:
        the codebook's evidence for the texts, when already worked out. A
        catch-all label (``CATCH_ALL_ALONE``) is left off a text given a more
        probable label."""
        chosen = self._catch_all_alone(proba, proba >= self.thresholds_)
        led = np.zeros(len(self.classes_), dtype=bool)
        if self.prior_ is not None:
            covered = np.asarray(self.in_book_)[self.prior_.learned]
            led[covered] = self.learned_weight()[covered] < PRIOR_LED_BELOW
        if not led.any():
            return chosen
        texts = [clean(t) for t in texts]
        if in_book is None:
            in_book = self.prior_.evidence(texts)
        evidence = np.ones(proba.shape, dtype=bool)  # a label the codebook lacks is the model's alone
        evidence[:, self.in_book_] = in_book
        # An answer that says nothing keeps its labels' cut-offs: how staff filed such answers.
        said = np.array([not says_nothing(t) for t in texts], dtype=bool)[:, None]
        day_one = choose(proba, evidence, self.thresholds_, unsupported=~in_book.any(axis=1))
        return np.where(led & said, day_one, chosen)

    def _catch_all_alone(self, proba: np.ndarray, chosen: np.ndarray) -> np.ndarray:
        """``chosen`` with each catch-all label (``catch_all_``) taken off a
        text given another label that is more probable."""
        if not self.catch_all_.any():
            return chosen
        others = np.where(self.catch_all_, -np.inf, np.where(chosen, proba, -np.inf)).max(axis=1)
        beaten = self.catch_all_ & (proba < others[:, None])
        return chosen & ~beaten

    def decide(self, proba: np.ndarray, force: np.ndarray | None = None,
               chosen: np.ndarray | None = None) -> list[list[str]]:
        """Labels ``chosen`` (by default those at or above their thresholds, a
        catch-all left off beside a more probable label); where ``force`` (a
        mask of texts, all by default) none is, the single most probable."""
        chosen = self._catch_all_alone(proba, proba >= self.thresholds_) if chosen is None else chosen.copy()
        force = np.ones(len(proba), dtype=bool) if force is None else np.asarray(force, dtype=bool)
        empty = ~chosen.any(axis=1) & force
        if len(self.classes_):
            chosen[empty, proba[empty].argmax(axis=1)] = True
        return [[self.classes_[j] for j in np.nonzero(row)[0]] for row in chosen]

    def predict(
        self, texts: Sequence[str], questions: Sequence[str | None] | None = None
    ) -> list[list[str]]:
        """Theme codes per text (at least one each, unless it says nothing)."""
        texts = list(texts)
        chosen, proba = self.assigned(texts, questions)
        return self.decide(proba, force=np.array([not says_nothing(t) for t in texts], dtype=bool),
                           chosen=chosen)

    def suggest_next(
        self, texts: Sequence[str], n: int, questions: Sequence[str | None] | None = None,
        coded_texts: Sequence[str] = (),
    ) -> list[int]:
        """Indices of the uncoded ``texts`` whose coding would teach most."""
        proba = self.predict_proba(texts, questions)
        return choose_to_code(texts, proba, self.thresholds_, self.positives_,
                              self._learner_vectors([clean(t) for t in texts]), n, coded_texts,
                              self.coded_vectors_)


def _catch_alls(Y: np.ndarray) -> np.ndarray:
    """Labels the coded answers have alone in at least ``CATCH_ALL_ALONE`` of
    their (at least ``MIN_POSITIVES_FOR_SHARE``) positives."""
    positives = Y.sum(axis=0)
    alone = (Y * (Y.sum(axis=1, keepdims=True) == 1)).sum(axis=0)
    return (positives >= MIN_POSITIVES_FOR_SHARE) & (alone >= CATCH_ALL_ALONE * positives)


def _share_matching(fitted: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """Per label, the cut-off at which the share of training texts assigned
    (on out-of-fold inputs) equals the share coded with it, kept within
    ``SHARE_MATCH_RANGE`` (its floor lowered for a very rare theme,
    ``RARE_FLOOR_PER_SHARE``). Ten positives estimate a share far better than
    they find an F1-best cut-off, and a codebook that under- or over-calls a
    theme (a vague "general" theme under-called by half) is put right."""
    share = Y.mean(axis=0)
    cut = np.array([np.quantile(fitted[:, j], 1 - share[j]) for j in range(Y.shape[1])])
    floor = np.minimum(SHARE_MATCH_RANGE[0], RARE_FLOOR_PER_SHARE * share)
    return np.clip(cut, floor, SHARE_MATCH_RANGE[1])


DENSITY_SAMPLE = 512
# How much a typical text counts in "code these next" beside an uncertain one
# (uncertainty runs 0-1).
TYPICAL_WEIGHT = 0.25
# How far closeness to an already-coded text cuts a text's score (1 would cut
# it as much as closeness to a pick of this batch: with hundreds coded, every
# typical answer has a close coded neighbour, and only oddities would be left).
CODED_OVERLAP = 0.5
# Until this many texts are coded every suggestion is a random draw (a fair
# sample teaches the label shares and thresholds honestly); after, this share
# of each batch still is, interleaved with the most telling picks. A sample
# chosen only for uncertainty over-represents rare and odd answers, and the
# learned label shares, cut-offs and base rates drift with it. Uncertainty
# means little before the model is calibrated on enough coded answers: at 25
# (before CALIBRATED_FROM) "code these next" on the NHS curve, micro-F1 at
# 50 / 100 / 200 / 400 coded (seeds 0-5), 0.685 / 0.722 / 0.746 / 0.759 ->
# 0.688 / 0.723 / 0.747 / 0.763 at 50.
WARM_START = CALIBRATED_FROM
RANDOM_SHARE = 0.5


def _density(vectors: np.ndarray) -> np.ndarray:
    """Each text's mean cosine similarity (floored at 0) to a fixed sample of
    the texts, scaled to at most 1; worked in blocks so memory stays flat."""
    if not len(vectors):
        return np.zeros(0)
    sample = vectors[np.random.default_rng(0).choice(len(vectors), min(DENSITY_SAMPLE, len(vectors)),
                                                     replace=False)]
    density = np.concatenate([np.clip(vectors[i:i + BLOCK] @ sample.T, 0, None).mean(axis=1)
                              for i in range(0, len(vectors), BLOCK)])
    return density / max(float(density.max()), 1e-9)


def choose_to_code(texts: Sequence[str], proba: np.ndarray, thresholds: np.ndarray | float,
                   positives: np.ndarray, vectors: np.ndarray, n: int,
                   coded_texts: Sequence[str] = (), coded_vectors: np.ndarray | None = None,
                   random_share: float | None = None, random_state: int = 0) -> list[int]:
    """Pick ``n`` texts to code: typical, uncertain, of rare themes, and unlike
    each other and the texts already coded.

    Uncertainty is how close a label's probability sits to its threshold,
    weighted towards labels with few coded positives (one more example of a
    rare theme teaches most). It is blended with how typical the text is
    (information density): with few codings, uncertainty alone picks oddities
    whose lessons do not carry over, and a sample that looks like the
    feedback keeps the learned label shares and thresholds honest. Picks are
    greedy: each next pick's score is cut by its closeness in meaning to the
    texts coded or picked so far, so twenty suggestions are not twenty
    wordings of one complaint. Texts the same in words as one coded or
    already picked are never offered, nor texts that say nothing, except
    one, last in the batch, while none of the coded does (``_nothing_to_code``):
    on the NHS feedback 15 % of answers say nothing and all are coded
    "general", which a model never shown one cannot learn.

    A share of the picks (``random_share``; all of them while fewer than
    ``WARM_START`` texts are coded, ``RANDOM_SHARE`` after) is drawn at random
    from the texts still on offer, every other pick, so the coded sample
    stays a fair picture of the feedback.
    """
    if not len(texts) or n <= 0:
        return []
    thresholds = np.broadcast_to(np.asarray(thresholds, dtype=float), (proba.shape[1],))
    closeness = 1 - np.abs(proba - thresholds) / np.maximum(thresholds, 1 - thresholds)
    rarity = 1 / np.sqrt(1 + np.asarray(positives, dtype=float))
    uncertainty = (closeness * rarity).max(axis=1) if proba.shape[1] else np.zeros(len(texts))
    score = _density(vectors) * (TYPICAL_WEIGHT + uncertainty)
    seen = {word_key(t) for t in coded_texts}
    keys = [word_key(t) for t in texts]
    key_ids = np.array([hash(k) for k in keys])
    usable = np.array([bool(k) and k not in seen and not says_nothing(t) for k, t in zip(keys, texts, strict=True)])
    similarity_to_picked = CODED_OVERLAP * _closest(vectors, coded_vectors)
    if random_share is None:
        random_share = 1.0 if len(coded_texts) < WARM_START else RANDOM_SHARE
    rng = np.random.default_rng(random_state)
    nothing_pick = _nothing_to_code(texts, keys, coded_texts) if n >= 2 else None
    picked: list[int] = []
    drawn = 0.0
    while len(picked) < n - (nothing_pick is not None):
        if not usable.any():
            break
        drawn += random_share
        if drawn >= 1.0:  # a random pick, spread evenly through the batch
            drawn -= 1.0
            best = int(rng.choice(np.nonzero(usable)[0]))
        else:
            adjusted = np.where(usable, score * (1 - np.clip(similarity_to_picked, 0, 1)), -np.inf)
            best = int(np.argmax(adjusted))
        picked.append(best)
        usable &= key_ids != key_ids[best]  # nor the same words again
        similarity_to_picked = np.maximum(similarity_to_picked, vectors @ vectors[best])
    return picked + ([nothing_pick] if nothing_pick is not None else [])


def _nothing_to_code(texts: Sequence[str], keys: list[str], coded_texts: Sequence[str]) -> int | None:
    """While no coded answer says nothing, the commonest answer that does, so
    staff show once how they file them (``ThemeClassifier`` then files the
    rest alike); None once one is coded or there is none."""
    if any(says_nothing(t) for t in coded_texts):
        return None
    nothing = [i for i, t in enumerate(texts) if keys[i] and says_nothing(t)]
    if not nothing:
        return None
    counts: dict[str, int] = {}
    for i in nothing:
        counts[keys[i]] = counts.get(keys[i], 0) + 1
    commonest = max(counts, key=counts.get)
    return next(i for i in nothing if keys[i] == commonest)


def _closest(vectors: np.ndarray, others: np.ndarray | None) -> np.ndarray:
    """Each vector's highest cosine similarity to any of ``others`` (0 with none), in blocks."""
    if others is None or not len(others):
        return np.zeros(len(vectors))
    return np.concatenate([(vectors[i:i + BLOCK] @ others.T).max(axis=1) for i in range(0, len(vectors), BLOCK)])
