"""The full themed report: codebook or learned themes, sentiment, emergent themes, summaries.

This is what ``python -m analysis themes`` writes and what the web app calls::

    from analysis.themes import Record, build_report
    report = build_report([Record(id="1", text="...", question="What helped?")])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy import sparse

from analysis.classify import PRIOR_HIT, ThemeClassifier
from analysis.codebook import Codebook, default_codebook
from analysis.emergent import EmergentThemes, stem_vectorizer
from analysis.sentiment import LABELS, Sentiment, default_scorer
from analysis.summaries import breakdown, summarise
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


def _themes_by_codebook(codebook: Codebook, stem_lists: list[list[str]]
                        ) -> tuple[np.ndarray, np.ndarray, sparse.csr_matrix]:
    hits = codebook.phrase_hits(stem_lists)
    assigned = codebook.assign(hits).toarray().astype(bool)
    return assigned, np.where(assigned, PRIOR_HIT, 0.0), hits


def _distinct(items: list) -> tuple[list, np.ndarray]:
    """The distinct items in first-seen order, and each item's index among them."""
    index: dict = {}
    positions = np.fromiter((index.setdefault(x, len(index)) for x in items), dtype=np.intp,
                            count=len(items))
    return list(index), positions


def _themes_by_classifier(codebook: Codebook, coded: Sequence[Coded],
                          pairs: Sequence[tuple[str, str | None]]
                          ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    model = ThemeClassifier(codebook=codebook).fit(
        [c.record.text for c in coded], [c.codes for c in coded], [c.record.question for c in coded]
    )
    proba = model.predict_proba([t for t, _ in pairs], [q for _, q in pairs])
    # No forced label here: texts no theme explains feed the emergent themes.
    assigned = proba >= model.thresholds_
    return assigned, proba, list(model.classes_)


def _periods(records: Sequence[Record]) -> tuple[str | None, str | None]:
    periods = sorted({r.period for r in records if r.period})
    current = periods[-1] if periods else None
    previous = periods[-2] if len(periods) > 1 else None
    return current, previous


def build_report(
    records: Sequence[Record],
    codebook: Codebook | None = None,
    coded: Sequence[Coded] = (),
    n_emergent: int = 8,
    k: int = 5,
    random_state: int = 0,
    progress: Callable[[str], None] = lambda _stage: None,
) -> dict:
    """Theme, score and summarise ``records``; returns a JSON-ready dict.

    With ``coded`` examples the themes are learned from staff (using the
    codebook as a prior); without, they come from codebook phrase matches,
    each explained by the phrases that matched. Summaries cover the latest
    ``period`` (all records if none), with change against the one before.
    """
    codebook = codebook or default_codebook()
    texts = [clean(r.text) for r in records]
    questions = [r.question for r in records]
    # Feedback repeats itself ("Nothing", "N/A", "Staff were lovely"), so the
    # per-text work runs once per distinct text (or text and question).
    distinct, of_text = _distinct(texts)
    pairs, of_pair = _distinct(list(zip(texts, questions)))
    progress("preparing text")
    distinct_stems = [stems(t) for t in distinct]
    progress("sentiment")
    scored = default_scorer().predict([t for t, _ in pairs], [q for _, q in pairs])
    sentiment = [scored[k] for k in of_pair]
    compound = np.array([s.compound for s in scored])[of_pair]
    progress("themes")
    assigned, confidence, hits = _themes_by_codebook(codebook, distinct_stems)
    assigned, confidence, hits = assigned[of_text], confidence[of_text], hits[of_text]
    codes = list(codebook.codes)
    if coded:
        assigned, confidence, codes = _themes_by_classifier(codebook, coded, pairs)
        assigned, confidence = assigned[of_pair], confidence[of_pair]
    labels = [codebook.label(c) if c in codebook.codes else c for c in codes]

    progress("emergent themes")
    distinct_content = [content_stems(t) for t in distinct]
    content = [distinct_content[k] for k in of_text]
    unexplained = np.nonzero(~assigned.any(axis=1))[0]
    emergent = EmergentThemes(n_themes=n_emergent, random_state=random_state).fit(
        [texts[i] for i in unexplained], [content[i] for i in unexplained]
    )
    emergent_of = np.full(len(texts), -1)
    emergent_of[unexplained] = emergent.labels_

    progress("summaries")
    current, previous = _periods(records)
    now = np.array([current is None or r.period == current for r in records], dtype=bool)
    before = np.array([previous is not None and r.period == previous for r in records], dtype=bool)
    X = _quote_matrix(content)
    previous_counts = (
        {c: int(assigned[before, j].sum()) for j, c in enumerate(codes)} if previous else None
    )
    idx = np.nonzero(now)[0]
    summaries = summarise(
        assigned[idx], codes, labels, [texts[i] for i in idx], compound[idx], X[idx],
        previous=previous_counts, previous_total=int(before.sum()) or None,
    )
    report = {
        "total_responses": len(records),
        "period": current,
        "previous_period": previous,
        "responses_in_period": int(now.sum()),
        "method": "learned from staff coding" if coded else "codebook phrases",
        "sentiment": _sentiment_totals([sentiment[i].label for i in idx], compound[idx]),
        "themes": [asdict(s) for s in summaries],
        "emergent_themes": [asdict(t) for t in emergent.themes_],
        "responses": [
            _response(r, i, codes, assigned, confidence, codebook, hits, sentiment[i],
                      emergent_of[i])
            for i, r in enumerate(records)
        ],
    }
    groups = [records[i].group or "" for i in idx]
    if any(groups):
        report["breakdown"] = breakdown(assigned[idx], codes, groups, k=k)
    return report


def _quote_matrix(content: list[list[str]]) -> sparse.csr_matrix:
    try:
        return stem_vectorizer(min_df=1).fit_transform(content)
    except ValueError:  # no words at all (e.g. only emoji): no quotes to rank
        return sparse.csr_matrix((len(content), 1), dtype=np.float32)


def _sentiment_totals(labels: list[str], compound: np.ndarray) -> dict:
    return {
        "mean": round(float(compound.mean()), 4) if len(compound) else None,
        **{label: labels.count(label) for label in LABELS},
    }


def _response(record: Record, i: int, codes: list[str], assigned: np.ndarray,
              confidence: np.ndarray, codebook: Codebook, hits: sparse.csr_matrix,
              sentiment: Sentiment, emergent: int) -> dict:
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
    }
