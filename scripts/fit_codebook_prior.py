"""Fit the codebook prior's global weights (``analysis.semantic.WEIGHTS``).

    nice -n 10 .venv/bin/python scripts/fit_codebook_prior.py CSV [CSV ...]

Each CSV holds coded domestic-abuse answers (``text``, ``question`` and ``labels`` columns,
like ``../shared/data/da-feedback-dev.csv``). Every (answer, theme) pair of the
answers that say something is one row of a logistic regression over the
features of ``analysis.semantic.FEATURES``, computed with the default codebook;
the weights are the same for every theme, so a partnership's own themes and
examples get the same treatment. Prints 5-fold cross-validated figures (folds
of whole answers), leave-one-set-out figures when there are several CSVs (each
set is one writer's: the nearer guess for another writer's answers), and the
weights to paste into ``Weights``. Sets fitted on become tuned-on: record them in benchmarks/data/README.md.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.codebook import default_codebook  # noqa: E402
from analysis.semantic import FEATURES, CodebookPrior, says_nothing  # noqa: E402

# Mild regularisation: a few hundred answers, eight global weights.
C = 1.0


def read(paths: list[str]) -> list[dict[str, str]]:
    """Every coded answer, each with ``set``: the file it came from."""
    rows = []
    for path in paths:
        with (ROOT / path).open(newline="", encoding="utf-8") as handle:
            rows += [{**r, "set": path} for r in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return rows


def load(paths: list[str]) -> list[dict[str, str]]:
    """The answers that say something, each with ``set``: the file it came from."""
    return [r for r in read(paths) if not says_nothing(r["text"])]


def micro_f1(Y: np.ndarray, chosen: np.ndarray) -> float:
    tp = (Y & chosen).sum()
    return 2 * tp / (Y.sum() + chosen.sum())


def macro_f1(Y: np.ndarray, chosen: np.ndarray) -> float:
    tp = (Y & chosen).sum(0)
    return float(np.mean(2 * tp / np.maximum(Y.sum(0) + chosen.sum(0), 1)))


def decide(p: np.ndarray, at: float, floor: float, share: float) -> np.ndarray:
    """Assigned from ``at``; the top theme from ``floor``; others from ``share`` of the top."""
    top = p.max(axis=1, keepdims=True)
    return (p >= at) | ((p == top) & (p >= floor)) | ((p >= share * top) & (top >= at))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", nargs="+")
    args = parser.parse_args()
    rows = load(args.csv)
    codebook = default_codebook()
    codes = list(codebook.codes)
    X = CodebookPrior(codebook).features([r["text"] for r in rows], questions=[r.get("question") for r in rows])
    Y = np.array([[c in r["labels"].split("|") for c in codes] for r in rows], dtype=bool)
    n, k, f = X.shape
    p = np.zeros(Y.shape)
    for train, test in KFold(5, shuffle=True, random_state=0).split(X):
        model = LogisticRegression(C=C, max_iter=2000).fit(X[train].reshape(-1, f), Y[train].ravel())
        p[test] = model.predict_proba(X[test].reshape(-1, f))[:, 1].reshape(len(test), k)
    sets = np.array([r["set"] for r in rows])
    if len(set(sets)) > 1:
        # Leave one set out: each set was written by one person, so this is the nearer
        # guess of how the weights do on another writer's answers.
        q = np.zeros(Y.shape)
        for name in dict.fromkeys(sets):
            test, train = sets == name, sets != name
            model = LogisticRegression(C=C, max_iter=2000).fit(X[train].reshape(-1, f), Y[train].ravel())
            q[test] = model.predict_proba(X[test].reshape(-1, f))[:, 1].reshape(test.sum(), k)
        for at in (0.25, 0.3, 0.35, 0.4):
            chosen = q >= at
            print(f"leave one set out, from {at}: micro-F1 {micro_f1(Y, chosen):.3f}, "
                  f"macro {macro_f1(Y, chosen):.3f}; " + ", ".join(
                      f"{Path(name).stem} {micro_f1(Y[sets == name], chosen[sets == name]):.3f}"
                      for name in dict.fromkeys(sets)))
    for at in (0.25, 0.3, 0.35, 0.4, 0.45):
        for floor in (1.0, 0.2, 0.1, 0.05):
            for share in (1.0, 0.6, 0.5):
                chosen = decide(p, at, floor, share)
                print(f"out of fold, from {at}, top from {floor}, or {share} of top: micro-F1 "
                      f"{micro_f1(Y, chosen):.3f}, macro {macro_f1(Y, chosen):.3f}")
    model = LogisticRegression(C=C, max_iter=2000).fit(X.reshape(-1, f), Y.ravel())
    print(f"{len(rows)} answers; weights:")
    for name, value in zip(FEATURES, model.coef_[0], strict=True):
        print(f"  {name:15s} {value:.2f}")
    print(f"coef=({', '.join(f'{v:.2f}' for v in model.coef_[0])}), offset={model.intercept_[0]:.2f}")


if __name__ == "__main__":
    main()
