"""Fit the default codebook's answers model (``analysis.semantic.ANSWERS_MODEL_FILE``).

    nice -n 10 .venv/bin/python scripts/fit_default_theme_model.py [--check-only]

Per default theme, a logistic regression on the answer's embedding and the
codebook's own logit (``CodebookPrior`` without this model), learned from every
coded domestic-abuse answer written for Heard that is not held out (``SETS``).
First prints leave-one-set-out figures (each set is one writer's: the nearer
guess for a new writer) for the codebook alone and with the model mixed in;
then writes ``analysis/data/default_theme_model.npz`` (unless ``--check-only``).
Sets fitted on are tuned-on for day-one theming: benchmarks/data/README.md
records which.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.codebook import default_codebook  # noqa: E402
from analysis.semantic import (  # noqa: E402
    ANSWERS_MODEL_FILE, ANSWERS_MODEL_PRIOR_SCALE, ANSWERS_MODEL_SHARE, CodebookPrior, choose, says_nothing,
    sigmoid, theme_fingerprint)

SETS = ("../shared/data/da-feedback-dev.csv", "benchmarks/data/da-heldout.csv",
        "benchmarks/data/da-theming-tuning.csv", "benchmarks/data/da-theming-fresh.csv",
        "benchmarks/data/da-theming-fresh-2.csv", "benchmarks/data/da-theming-fresh-3.csv",
        "benchmarks/data/da-themes-tuning.csv", "benchmarks/data/da-themes-fresh.csv",
        "benchmarks/data/da-theming-tuning-5.csv")
# L2 strength: 3 was the leave-one-set-out best of 0.3-30 (2026-12-05).
C = 3.0


def read(path: str) -> list[dict[str, str]]:
    with (ROOT / path).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def inputs(prior: CodebookPrior, vectors: np.ndarray, logit: np.ndarray, j: int) -> np.ndarray:
    return np.hstack([vectors, ANSWERS_MODEL_PRIOR_SCALE * np.clip(logit[:, [j]], -10, 10)])


def fit(prior: CodebookPrior, vectors: np.ndarray, logit: np.ndarray, Y: np.ndarray) -> list[LogisticRegression]:
    return [LogisticRegression(C=C, max_iter=1000).fit(inputs(prior, vectors, logit, j), Y[:, j])
            for j in range(Y.shape[1])]


def mixed(prior, models, vectors, logit) -> np.ndarray:
    learned = np.column_stack([m.predict_proba(inputs(prior, vectors, logit, j))[:, 1]
                               for j, m in enumerate(models)])
    return (1 - ANSWERS_MODEL_SHARE) * sigmoid(logit) + ANSWERS_MODEL_SHARE * learned


def micro_f1(Y: np.ndarray, chosen: np.ndarray) -> float:
    return 2 * (Y & chosen).sum() / max(Y.sum() + chosen.sum(), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check-only", action="store_true")
    args = parser.parse_args()
    codebook = default_codebook()
    codes = list(codebook.codes)
    prior = CodebookPrior(codebook, answers_model=False)
    rows = [(name, r) for name in SETS for r in read(name)]
    texts = [r["text"] for _, r in rows]
    Y = np.array([[c in r["labels"].split("|") for c in codes] for _, r in rows])
    sets = np.array([name for name, _ in rows])
    vectors = prior.embedder.encode(texts)
    logit = prior.scores(texts, vectors, [r.get("question") for _, r in rows])
    nothing = np.array([says_nothing(t) for t in texts])
    alone, left_out = sigmoid(logit), np.zeros(Y.shape)
    for name in SETS:
        test = sets == name
        left_out[test] = mixed(prior, fit(prior, vectors[~test], logit[~test], Y[~test]), vectors[test], logit[test])
    alone[nothing] = left_out[nothing] = 0.0
    print("leave one set out, micro-F1 codebook alone -> with the answers model:")
    for name in SETS:
        test = sets == name
        print(f"  {Path(name).stem:24s} {micro_f1(Y[test], choose(alone[test])):.3f} -> "
              f"{micro_f1(Y[test], choose(left_out[test])):.3f}")
    print(f"  all {len(rows)} answers        {micro_f1(Y, choose(alone)):.3f} -> {micro_f1(Y, choose(left_out)):.3f}")
    if args.check_only:
        return
    models = fit(prior, vectors, logit, Y)
    np.savez_compressed(
        ROOT / "analysis" / "data" / ANSWERS_MODEL_FILE,
        fingerprints=np.array([theme_fingerprint(t) for t in codebook.themes]),
        coef=np.array([m.coef_[0] for m in models], dtype=np.float32),
        intercept=np.array([m.intercept_[0] for m in models], dtype=np.float32))
    print(f"wrote analysis/data/{ANSWERS_MODEL_FILE}: {len(models)} themes, {len(rows)} answers")


if __name__ == "__main__":
    main()
