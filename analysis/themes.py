"""The full themed report: codebook or learned themes, sentiment and emergent themes.

This is what ``python -m analysis themes`` writes and what the web app calls::

    from analysis.themes import Record, build_report
    report = build_report([Record(id="1", text="...", question="What helped?")])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy import sparse

from analysis.classify import ThemeClassifier, choose_to_code
from analysis.codebook import Codebook, default_codebook
from analysis.embedding import Embedder, default_embedder
from analysis.emergent import EmergentThemes
from analysis.semantic import ASSIGN_AT, CodebookPrior, choose
from analysis.sentiment import Sentiment, default_scorer
from analysis.text import clean, content_stems, stems


@dataclass(frozen=True)
class Record:
    """One free-text answer (already redacted). ``period`` and ``group`` are optional."""

    id: str
    text: str
    question: str | None = None
    period: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Coded:
    """A staff-coded example: the record and the theme codes staff gave it."""

    record: Record
    codes: tuple[str, ...]


def _themes_by_codebook(codebook: Codebook, pairs: list[tuple[str, str | None]]
                        ) -> tuple[np.ndarray, np.ndarray]:
    """Day one: the codebook's meaning and phrases (in the answer, and in the
    question it answers), calibrated probabilities."""
    prior, texts = CodebookPrior(codebook), [t for t, _ in pairs]
    proba, evidence = prior.proba_and_evidence(texts, questions=[q for _, q in pairs])
    return choose(proba, evidence), proba


def _distinct(items: list) -> tuple[list, np.ndarray]:
    """The distinct items in first-seen order, and each item's index among them."""
    index: dict = {}
    positions = np.fromiter((index.setdefault(x, len(index)) for x in items), dtype=np.intp,
                            count=len(items))
    return list(index), positions


def _themes_by_classifier(codebook: Codebook, coded: Sequence[Coded],
                          pairs: Sequence[tuple[str, str | None]], learner: Embedder | None
                          ) -> tuple[np.ndarray, np.ndarray, ThemeClassifier]:
    model = ThemeClassifier(codebook=codebook, learner=learner).fit(
        [c.record.text for c in coded], [c.codes for c in coded], [c.record.question for c in coded],
        [t for t, _ in pairs], [q for _, q in pairs])
    # No forced label here: texts no theme explains feed the emergent themes.
    chosen, proba = model.assigned([t for t, _ in pairs], [q for _, q in pairs])
    return chosen, proba, model


def build_report(
    records: Sequence[Record],
    codebook: Codebook | None = None,
    coded: Sequence[Coded] = (),
    n_emergent: int = 8,
    n_code_next: int = 0,
    random_state: int = 0,
    progress: Callable[[str], None] = lambda _stage: None,
    learner: Embedder | None = None,
) -> dict:
    """Theme and score ``records``; returns a JSON-ready dict.

    Without ``coded`` examples themes come from the codebook alone (its
    descriptions and examples by meaning, and its phrases); with them, the
    codebook is the prior that staff coding refines (``analysis.classify``).
    Each theme's confidence is a calibrated probability and lists the phrases
    that matched. ``code_next`` holds the ids of up to ``n_code_next``
    uncoded records whose coding would teach most. Counting themes for a
    period is ``analysis.board``'s job (the board summary's figures).
    ``learner``: the learned layer's embedder (``ThemeClassifier``); the web
    app passes the transformer told the vectors it stored with each answer.
    """
    codebook = codebook or default_codebook()
    texts = [clean(r.text) for r in records]
    questions = [r.question for r in records]
    # Feedback repeats itself ("Nothing", "N/A", "Staff were lovely"), so the
    # per-text work runs once per distinct text (or text and question).
    distinct, of_text = _distinct(texts)
    pairs, of_pair = _distinct(list(zip(texts, questions, strict=True)))
    progress("preparing text")
    distinct_stems = [stems(t) for t in distinct]
    progress("sentiment")
    scored = default_scorer().predict([t for t, _ in pairs], [q for _, q in pairs])
    sentiment = [scored[k] for k in of_pair]
    progress("themes")
    hits = codebook.phrase_hits(distinct_stems)[of_text]
    codes = list(codebook.codes)
    if coded:
        assigned, confidence, model = _themes_by_classifier(codebook, coded, pairs, learner)
        assigned, confidence, codes = assigned[of_pair], confidence[of_pair], list(model.classes_)
        thresholds, positives = model.thresholds_, model.positives_
    else:
        assigned, confidence = _themes_by_codebook(codebook, pairs)
        assigned, confidence = assigned[of_pair], confidence[of_pair]
        thresholds, positives = ASSIGN_AT, np.zeros(len(codes))
    code_next = []
    if n_code_next:
        progress("choosing what to code next")
        code_next = _code_next(records, texts, coded, confidence, thresholds, positives, n_code_next)

    progress("emergent themes")
    distinct_content = [content_stems(t) for t in distinct]
    content = [distinct_content[k] for k in of_text]
    # Emergent themes group what no theme explains at its threshold: an answer whose only
    # theme is its weak best guess (``analysis.semantic.choose``) is grouped too.
    explained = (assigned & (confidence >= thresholds)).any(axis=1)
    unexplained = np.nonzero(~explained)[0]
    emergent = EmergentThemes(n_themes=n_emergent, random_state=random_state).fit(
        [texts[i] for i in unexplained], [content[i] for i in unexplained]
    )
    emergent_of = np.full(len(texts), -1)
    emergent_of[unexplained] = emergent.labels_

    return {
        "total_responses": len(records),
        "method": "learned from staff coding" if coded else "codebook meaning and phrases",
        "code_next": code_next,
        "emergent_themes": [asdict(t) for t in emergent.themes_],
        "responses": [
            _response(r, i, codes, assigned, confidence, codebook, hits, sentiment[i],
                      emergent_of[i], bool(explained[i]))
            for i, r in enumerate(records)
        ],
    }


def _code_next(records: Sequence[Record], texts: list[str], coded: Sequence[Coded],
               confidence: np.ndarray, thresholds, positives: np.ndarray, n: int) -> list[str]:
    coded_ids = {c.record.id for c in coded}
    pool = [i for i, r in enumerate(records) if r.id not in coded_ids]
    pool_texts = [texts[i] for i in pool]
    coded_texts = [clean(c.record.text) for c in coded]
    embedder = default_embedder()
    chosen = choose_to_code(pool_texts, confidence[pool], thresholds, positives, embedder.encode(pool_texts), n,
                            coded_texts, embedder.encode(coded_texts) if coded_texts else None)
    return [records[pool[k]].id for k in chosen]


def _response(record: Record, i: int, codes: list[str], assigned: np.ndarray,
              confidence: np.ndarray, codebook: Codebook, hits: sparse.csr_matrix,
              sentiment: Sentiment, emergent: int, explained: bool) -> dict:
    themes = []
    for j in np.nonzero(assigned[i])[0]:
        code = codes[j]
        matched = codebook.explain(hits, i, code) if code in codebook.codes else ()
        themes.append({"code": code, "confidence": round(float(confidence[i, j]), 4),
                       "matched": list(matched)})
    return {
        "id": record.id,
        "themes": themes,
        "sentiment": {"compound": sentiment.compound, "label": sentiment.label},
        "emergent_theme": int(emergent) if emergent >= 0 else None,
        "explained": explained,
    }
