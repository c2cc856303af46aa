"""Benchmark of the analysis module on labelled NHS Friends and Family feedback.

    .venv/bin/python benchmarks/analysis.py [--data PATH] [--seeds 0 1 2] [--skip-scale]

Prints its figures and ends with one line of JSON holding all of them.
Every learned figure is 5-fold cross-validated: models (including the
sentiment layer and per-label thresholds) are fitted on training folds only
and scored on the held-out fold, beside plain baselines computed in the same
run. Scale figures time ``python -m analysis themes`` on 10,000 and 100,000
responses resampled from the data, and on 100,000 made distinct by joining
two drawn texts each (peak memory is the largest child process so far).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.classify import ThemeClassifier  # noqa: E402
from analysis.sentiment import SentimentScorer, rule_compound, vader_scores  # noqa: E402

DEFAULT_DATA = "../shared/data/feedback-labelled-dev.csv"


def load(path: Path) -> list[dict[str, str]]:
    # The csv module never turns "N/A" into a missing value (keep_default_na=False).
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def at_least_one(proba: np.ndarray, thresholds: np.ndarray | float) -> np.ndarray:
    chosen = proba >= thresholds
    empty = ~chosen.any(axis=1)
    chosen[empty, proba[empty].argmax(axis=1)] = True
    return chosen.astype(int)


def baseline_proba(train_texts: list[str], Y: np.ndarray, test_texts: list[str]) -> np.ndarray:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2))
    model = OneVsRestClassifier(LogisticRegression(class_weight="balanced", max_iter=1000))
    model.fit(vectorizer.fit_transform(train_texts), Y)
    return model.predict_proba(vectorizer.transform(test_texts))


def classification(rows: list[dict[str, str]], seed: int) -> dict[str, float]:
    texts = [r["text"] for r in rows]
    questions = [r["question"] for r in rows]
    labels = [[c for c in r["labels"].split("|") if c] for r in rows]
    classes = sorted({c for row in labels for c in row})
    Y = np.array([[c in row for c in classes] for row in labels], dtype=int)
    base = np.zeros_like(Y)
    ours = np.zeros_like(Y)
    for train, test in KFold(5, shuffle=True, random_state=seed).split(texts):
        base[test] = at_least_one(
            baseline_proba([texts[i] for i in train], Y[train], [texts[i] for i in test]), 0.5
        )
        model = ThemeClassifier(random_state=seed).fit(
            [texts[i] for i in train], [labels[i] for i in train], [questions[i] for i in train]
        )
        predicted = model.predict([texts[i] for i in test], [questions[i] for i in test])
        ours[test] = [[c in row for c in classes] for row in predicted]
    per_label = dict(zip(classes, f1_score(Y, ours, average=None).round(3).tolist(), strict=True))
    print(f"  seed {seed}: per-label F1 {per_label}")
    return {
        "micro_f1": f1_score(Y, ours, average="micro"),
        "macro_f1": f1_score(Y, ours, average="macro"),
        "baseline_micro_f1": f1_score(Y, base, average="micro"),
        "baseline_macro_f1": f1_score(Y, base, average="macro"),
    }


def three_way(ratings: np.ndarray) -> np.ndarray:
    # 1-2 positive, 3 neutral, 4-5 negative, coded as 2/1/0.
    return np.where(ratings <= 2, 2, np.where(ratings == 3, 1, 0))


def sentiment(rows: list[dict[str, str]], seed: int) -> dict[str, float]:
    rows = [r for r in rows if r["sentiment"].strip()]
    texts = [r["text"] for r in rows]
    questions = [r["question"] for r in rows]
    ratings = np.array([int(r["sentiment"]) for r in rows])
    truth = three_way(ratings)
    plain = vader_scores(texts, domain=False)[:, 0]
    rules = rule_compound(texts, questions)
    learned = np.zeros(len(rows))
    label = np.zeros(len(rows), dtype=int)
    names = {"negative": 0, "neutral": 1, "positive": 2}
    for train, test in KFold(5, shuffle=True, random_state=seed).split(texts):
        scorer = SentimentScorer().fit(
            [texts[i] for i in train], [questions[i] for i in train], ratings[train]
        )
        result = scorer.predict([texts[i] for i in test], [questions[i] for i in test])
        learned[test] = [s.compound for s in result]
        label[test] = [names[s.label] for s in result]

    def vader_accuracy(compound: np.ndarray) -> float:
        # VADER's own cut-offs: >= 0.05 positive, <= -0.05 negative.
        return float(np.mean(np.digitize(compound, [-0.05, 0.05 + 1e-9]) == truth))

    # Spearman against -rating: the data codes 1 as very positive.
    return {
        "sentiment_spearman": spearmanr(learned, -ratings)[0],
        "sentiment_accuracy": float(np.mean(label == truth)),
        "vader_spearman": spearmanr(plain, -ratings)[0],
        "vader_accuracy": vader_accuracy(plain),
        "rules_spearman": spearmanr(rules, -ratings)[0],
        "rules_accuracy": vader_accuracy(rules),
    }


def resample(rows: list[dict[str, str]], n: int, path: Path, seed: int, distinct: bool = False) -> None:
    """n responses drawn from the data. Plain resampling repeats texts, and the
    themes command works once per distinct text, so `distinct` joins two drawn
    texts into one: nearly every response is new, the worst case for speed."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "question", "period"])
        for i in range(n):
            row = rng.choice(rows)
            text = f"{row['text']} {rng.choice(rows)['text']}" if distinct else row["text"]
            writer.writerow([i, text, row["question"], rng.choice(["2026-Q1", "2026-Q2"])])


def scale(rows: list[dict[str, str]], seed: int) -> dict[str, float]:
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, distinct in ((10_000, False), (100_000, False), (100_000, True)):
            source, report = Path(tmp, f"in{n}.csv"), Path(tmp, f"out{n}.json")
            resample(rows, n, source, seed, distinct)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "analysis", "themes", "--input", str(source),
                 "--output", str(report)],
                cwd=ROOT, check=True,
            )
            seconds = time.perf_counter() - start
            # Children's peak RSS (Linux reports KiB); runs grow, so the max is this run's.
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            label = f"{n // 1000}k" + ("_distinct" if distinct else "")
            figures[f"themes_{label}_seconds"] = seconds
            figures[f"themes_{label}_peak_mb"] = peak
            kind = "all-distinct responses" if distinct else "responses"
            print(f"  themes on {n:,} {kind}: {seconds:.1f} s, peak {peak:.0f} MB")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=DEFAULT_DATA,
                        help="labelled CSV; relative paths resolve from the repository root")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0],
                        help="cross-validation seeds; figures are averaged over them")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    rows = load(ROOT / args.data)
    print(f"{len(rows)} labelled responses from {ROOT / args.data}")

    results: dict[str, float] = {}
    runs = []
    print("classification (5-fold CV):")
    for seed in args.seeds:
        runs.append(classification(rows, seed) | sentiment(rows, seed))
    for key in runs[0]:
        results[key] = float(np.mean([r[key] for r in runs]))
    if len(args.seeds) > 1:
        results["micro_f1_gain_min"] = min(r["micro_f1"] - r["baseline_micro_f1"] for r in runs)
        results["macro_f1_gain_min"] = min(r["macro_f1"] - r["baseline_macro_f1"] for r in runs)
    print(f"  micro-F1 {results['micro_f1']:.3f} (baseline {results['baseline_micro_f1']:.3f}, "
          f"+{results['micro_f1'] - results['baseline_micro_f1']:.3f})")
    print(f"  macro-F1 {results['macro_f1']:.3f} (baseline {results['baseline_macro_f1']:.3f}, "
          f"+{results['macro_f1'] - results['baseline_macro_f1']:.3f})")
    print("sentiment (5-fold CV, against the 1-5 coding):")
    print(f"  ours:        Spearman {results['sentiment_spearman']:.3f}, "
          f"3-way accuracy {results['sentiment_accuracy']:.3f}")
    print(f"  plain VADER: Spearman {results['vader_spearman']:.3f}, "
          f"3-way accuracy {results['vader_accuracy']:.3f}")
    print(f"  rules only:  Spearman {results['rules_spearman']:.3f}, "
          f"3-way accuracy {results['rules_accuracy']:.3f}")
    if not args.skip_scale:
        print("scale:")
        results |= scale(rows, args.seeds[0])
    results["seeds"] = args.seeds
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in results.items()}))


if __name__ == "__main__":
    main()
