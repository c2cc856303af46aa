"""Precision, recall and speed of analysis.risk on the annotated corpus.

Usage: python benchmarks/risk.py [--show-errors]

The corpus (tests/analysis/corpora/risk.tsv) holds section, whether the text
should be flagged (1/0), and the text. A true positive is a text that should
be flagged and is; a false positive is a text flagged that should not be.
Prints a table per section and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.risk import assess  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "corpora" / "risk.tsv"


@dataclass(frozen=True)
class Example:
    section: str
    flagged: bool
    text: str


def load_corpus(path: Path = CORPUS) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            section, flagged, text = line.split("\t")
            examples.append(Example(section, flagged == "1", text))
    return examples


def evaluate(examples: list[Example]) -> dict:
    tp = fp = fn = tn = 0
    errors = []
    for example in examples:
        result = assess(example.text)
        if result.flagged and example.flagged:
            tp += 1
        elif result.flagged:
            fp += 1
            errors.append(("false positive", example.text, result.matches))
        elif example.flagged:
            fn += 1
            errors.append(("missed", example.text, ()))
        else:
            tn += 1
    return {
        "sentences": len(examples),
        "positives": tp + fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "accuracy": round((tp + tn) / len(examples), 4) if examples else 1.0,
        "errors": errors,
    }


def time_per_call(text: str, repeat: int = 200) -> float:
    """Median CPU milliseconds for one assess() call: what the call costs, however
    busy the machine (a wall clock counts the time other processes ran)."""
    timings = []
    for _ in range(repeat):
        started = time.thread_time()
        assess(text)
        timings.append(time.thread_time() - started)
    return sorted(timings)[len(timings) // 2] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print misclassified texts")
    args = parser.parse_args()
    examples = load_corpus()
    reports = {name: evaluate([e for e in examples if e.section == name]) for name in ("dev", "heldout")}
    reports["all"] = evaluate(examples)
    print(f"{'section':<9}{'texts':>7}{'flagged':>9}{'precision':>11}{'recall':>8}{'accuracy':>10}")
    for name, report in reports.items():
        print(
            f"{name:<9}{report['sentences']:>7}{report['positives']:>9}{report['precision']:>11.3f}"
            f"{report['recall']:>8.3f}{report['accuracy']:>10.3f}"
        )
        if args.show_errors and name != "all":
            for kind, text, matches in report["errors"]:
                print(f"  {kind}: {text} {matches or ''}")
    sample = " ".join(e.text for e in examples)[:1000]
    speed = round(time_per_call(sample), 3)
    print(f"assess() on 1,000 characters: {speed} ms of CPU (median)")
    keys = ("sentences", "precision", "recall", "accuracy")
    summary = {
        **{key: reports["all"][key] for key in keys},
        "sections": {name: {key: reports[name][key] for key in keys} for name in ("dev", "heldout")},
        "ms_per_1000_chars": speed,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
