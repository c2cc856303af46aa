"""Day-one theming (the default codebook alone, no coded answers) on coded
domestic-abuse answers: the quick check while the codebook prior is tuned.

    nice -n 10 .venv/bin/python benchmarks/day_one.py [CSV ...] [--errors N] [--per-label]

Each CSV has ``text`` and ``labels`` (``|``-separated codes) columns, like
``../shared/data/da-feedback-dev.csv`` (the default). Prints micro/macro-F1,
precision, recall, expected calibration error over every (answer, theme) pair,
how often a "high" suggestion (``webapp.themes.runs.HIGH_CONFIDENCE``) is
right, and the spread of the suggestions' confidence. Say which sets were
tuned on when quoting its figures (benchmarks/data/README.md records that).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.codebook import default_codebook, parse_codebook  # noqa: E402
from analysis.semantic import CodebookPrior, choose  # noqa: E402

HIGH = 0.85  # webapp.themes.runs.HIGH_CONFIDENCE
DEFAULT = ["../shared/data/da-feedback-dev.csv"]


def load(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Mean |confidence - accuracy| over equal-width bins, weighted by size."""
    p, y = p.ravel(), y.ravel()
    which = np.minimum((p * bins).astype(int), bins - 1)
    return float(sum(abs(p[which == b].mean() - y[which == b].mean()) * (which == b).mean()
                     for b in range(bins) if (which == b).any()))


def figures(Y: np.ndarray, chosen: np.ndarray, p: np.ndarray) -> dict[str, float]:
    tp, fp, fn = (chosen & Y).sum(0), (chosen & ~Y).sum(0), (~chosen & Y).sum(0)
    present = Y.any(0) | chosen.any(0)
    high = chosen & (p >= HIGH)
    return {
        "micro_f1": f1(tp.sum(), fp.sum(), fn.sum()),
        "macro_f1": float(np.mean([f1(*c) for c in zip(tp[present], fp[present], fn[present], strict=True)])),
        "precision": tp.sum() / max(chosen.sum(), 1),
        "recall": tp.sum() / max(Y.sum(), 1),
        "ece": ece(p, Y),
        "ece_suggested": ece(p[chosen], Y[chosen]),
        "high_right": float(Y[high].mean()) if high.any() else float("nan"),
        "high_share": high.sum() / max(chosen.sum(), 1),
        "themes_per_answer": chosen.sum() / len(Y),
        "true_per_answer": Y.sum() / len(Y),
    }


def bands(Y: np.ndarray, chosen: np.ndarray, p: np.ndarray) -> str:
    """Share of suggestions and how often right, per confidence band."""
    out = []
    for low, high in ((0, 0.5), (0.5, HIGH), (HIGH, 1.01)):
        inside = chosen & (p >= low) & (p < high)
        right = f"{Y[inside].mean():.2f}" if inside.any() else "-"
        out.append(f"{low:.2f}-{min(high, 1):.2f}: {inside.sum() / max(chosen.sum(), 1):.0%} right {right}")
    return "; ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", nargs="*", default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong answers per set")
    parser.add_argument("--per-label", action="store_true")
    parser.add_argument("--codebook", help="a codebook YAML (default: Heard's default codebook), e.g. "
                        "benchmarks/data/nhs_codebook.yaml with ../shared/data/feedback-labelled-dev.csv")
    parser.add_argument("--cpu", action="store_true",
                        help="also time codebook theming on 5,000 distinct texts made from NHS answers")
    args = parser.parse_args()
    codebook = parse_codebook((ROOT / args.codebook).read_text("utf-8")) if args.codebook else default_codebook()
    codes = list(codebook.codes)
    start = time.process_time()
    prior = CodebookPrior(codebook)
    for name in args.csv:
        rows = load(ROOT / name)
        Y = np.array([[c in r["labels"].split("|") for c in codes] for r in rows], dtype=bool)
        texts = [r["text"] for r in rows]
        p = prior.proba(texts, questions=[r.get("question") for r in rows])
        chosen = choose(p, prior.evidence(texts))
        got = figures(Y, chosen, p)
        print(f"{name} ({len(rows)} answers): micro-F1 {got['micro_f1']:.3f}, macro-F1 {got['macro_f1']:.3f}, "
              f"precision {got['precision']:.3f}, recall {got['recall']:.3f}; ECE {got['ece']:.3f} "
              f"(suggested {got['ece_suggested']:.3f}); 'high' right {got['high_right']:.2f} "
              f"({got['high_share']:.0%} of suggestions); themes per answer {got['themes_per_answer']:.2f} "
              f"(coded {got['true_per_answer']:.2f})")
        print(f"  bands: {bands(Y, chosen, p)}")
        if args.per_label:
            for j, code in enumerate(codes):
                yes, got_it = Y[:, j], chosen[:, j]
                tp, fp, fn = (got_it & yes).sum(), (got_it & ~yes).sum(), (~got_it & yes).sum()
                print(f"  {code:15s} F1 {f1(tp, fp, fn):.2f}  tp {tp:3d} fp {fp:3d} fn {fn:3d}")
        shown = 0
        for i, r in enumerate(rows):
            if shown >= args.errors or (chosen[i] == Y[i]).all():
                continue
            shown += 1
            extra = [f"{codes[j]} {p[i, j]:.2f}" for j in np.nonzero(chosen[i] & ~Y[i])[0]]
            missed = [f"{codes[j]} {p[i, j]:.2f}" for j in np.nonzero(~chosen[i] & Y[i])[0]]
            print(f"  {r.get('id', i)}: {r['text'][:110]!r}\n      wrong: {extra}  missed: {missed}")
    print(f"CPU {time.process_time() - start:.1f} s")
    if args.cpu:
        print(f"codebook theming: {cpu_per_thousand(prior):.2f} CPU s per 1,000 distinct texts")


def cpu_per_thousand(prior: CodebookPrior) -> float:
    """As benchmarks/analysis.py's scale figures: 5,000 texts, each two NHS answers joined."""
    rows = load(ROOT / "../shared/data/feedback-labelled-dev.csv")
    rng = random.Random(0)
    texts = [f"{rng.choice(rows)['text']} {rng.choice(rows)['text']}" for _ in range(5000)]
    start = time.process_time()
    prior.proba(texts)
    return (time.process_time() - start) / 5


if __name__ == "__main__":
    main()
