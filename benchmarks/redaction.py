"""Precision, recall and speed of analysis.redaction on the annotated corpus.

Usage: python benchmarks/redaction.py [--section dev|heldout|all] [--show-errors]

The corpus (tests/analysis/corpora/redaction.tsv) holds section, input and
expected output. Expected spans are recovered by matching the expected text,
with each placeholder as a wildcard, against the input.

Definitions (span level):
- recall: share of expected placeholder spans that the redactor covered with
  a span of the same kind (overlap counts: "Sarah Jones" is found whether it
  comes out as one span or two). "leak-free recall" ignores the kind: the
  share of expected spans covered by any placeholder.
- precision: share of produced spans that overlap an expected span of the
  same kind and redact no word that should have been kept. A placeholder
  where none was expected, or over-redaction of a kept word, is a false
  positive.
- exact: share of sentences whose redacted text equals the expected text.
Prints a table and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.redaction import KINDS, redact  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "corpora" / "redaction.tsv"
_PLACEHOLDER = re.compile(r"\[(" + "|".join(KINDS) + r")\]")


@dataclass(frozen=True)
class Example:
    section: str
    text: str
    expected: str


def load_corpus(path: Path = CORPUS) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            section, text, expected = line.split("\t")
            examples.append(Example(section, text, expected))
    return examples


def expected_spans(example: Example) -> list[tuple[str, int, int]]:
    """Spans of the input that the expected text replaces, with their kinds."""
    kinds, pattern, position = [], [], 0
    for match in _PLACEHOLDER.finditer(example.expected):
        pattern.append(re.escape(example.expected[position:match.start()]))
        pattern.append("(.+?)")
        kinds.append(match.group(1))
        position = match.end()
    pattern.append(re.escape(example.expected[position:]))
    found = re.fullmatch("".join(pattern), example.text, re.S)
    if not found:
        raise ValueError(f"expected text does not fit its input: {example.text!r}")
    return [(kind, found.start(i + 1), found.end(i + 1)) for i, kind in enumerate(kinds)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _redacts_kept_word(span: tuple[int, int], expected: list[tuple[str, int, int]], text: str) -> bool:
    inside = [False] * len(text)
    for _, start, end in expected:
        inside[start:end] = [True] * (end - start)
    return any(text[i].isalnum() and not inside[i] for i in range(*span))


def evaluate(examples: list[Example]) -> dict:
    expected_by_kind: Counter[str] = Counter()
    found_by_kind: Counter[str] = Counter()
    produced_by_kind: Counter[str] = Counter()
    correct_by_kind: Counter[str] = Counter()
    leak_free = exact = 0
    errors = []
    for example in examples:
        result = redact(example.text)
        gold = expected_spans(example)
        produced = [(r.kind, r.start, r.end) for r in result.replacements]
        for kind, start, end in gold:
            expected_by_kind[kind] += 1
            if any(k == kind and _overlaps((s, e), (start, end)) for k, s, e in produced):
                found_by_kind[kind] += 1
            if any(_overlaps((s, e), (start, end)) for _, s, e in produced):
                leak_free += 1
        for kind, start, end in produced:
            produced_by_kind[kind] += 1
            if any(k == kind and _overlaps((s, e), (start, end)) for k, s, e in gold) and not _redacts_kept_word(
                (start, end), gold, example.text
            ):
                correct_by_kind[kind] += 1
        if result.text == example.expected:
            exact += 1
        else:
            errors.append((example.text, example.expected, result.text))
    total_expected = sum(expected_by_kind.values())
    total_produced = sum(produced_by_kind.values())
    per_kind = {
        kind: {
            "expected": expected_by_kind[kind],
            "produced": produced_by_kind[kind],
            "precision": _ratio(correct_by_kind[kind], produced_by_kind[kind]),
            "recall": _ratio(found_by_kind[kind], expected_by_kind[kind]),
        }
        for kind in KINDS
        if expected_by_kind[kind] or produced_by_kind[kind]
    }
    return {
        "sentences": len(examples),
        "spans": total_expected,
        "precision": _ratio(sum(correct_by_kind.values()), total_produced),
        "recall": _ratio(sum(found_by_kind.values()), total_expected),
        "leak_free_recall": _ratio(leak_free, total_expected),
        "exact": _ratio(exact, len(examples)),
        "per_kind": per_kind,
        "errors": errors,
    }


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 1.0


def time_per_call(text: str, repeat: int = 200) -> float:
    """Median CPU milliseconds for one redact() call: what the call costs, however
    busy the machine (a wall clock counts the time other processes ran)."""
    timings = []
    for _ in range(repeat):
        started = time.thread_time()
        redact(text)
        timings.append(time.thread_time() - started)
    return sorted(timings)[len(timings) // 2] * 1000


def _print_table(name: str, report: dict) -> None:
    print(f"\n== {name}: {report['sentences']} sentences, {report['spans']} expected spans")
    print(f"{'kind':<10}{'expected':>9}{'produced':>9}{'precision':>11}{'recall':>8}")
    for kind, row in report["per_kind"].items():
        print(f"{kind:<10}{row['expected']:>9}{row['produced']:>9}{row['precision']:>11.3f}{row['recall']:>8.3f}")
    print(
        f"{'overall':<28}{report['precision']:>11.3f}{report['recall']:>8.3f}"
        f"   leak-free recall {report['leak_free_recall']:.3f}   exact sentences {report['exact']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="print sentences that differ")
    args = parser.parse_args()
    examples = load_corpus()
    sections = {name: [e for e in examples if e.section == name] for name in ("dev", "heldout")}
    reports = {name: evaluate(rows) for name, rows in sections.items() if rows}
    reports["all"] = evaluate(examples)
    for name, report in reports.items():
        _print_table(name, report)
        if args.show_errors and name != "all":
            for text, expected, got in report["errors"]:
                print(f"  IN  {text}\n  EXP {expected}\n  GOT {got}")
    sample = " ".join(e.text for e in examples)[:1000]
    speed = round(time_per_call(sample), 3)
    print(f"\nredact() on 1,000 characters: {speed} ms of CPU (median)")
    summary = {
        "sentences": len(examples),
        **{key: reports["all"][key] for key in ("precision", "recall", "leak_free_recall", "exact")},
        "sections": {
            name: {key: report[key] for key in ("sentences", "precision", "recall", "leak_free_recall", "exact")}
            for name, report in reports.items()
            if name != "all"
        },
        "per_kind": {kind: {k: v for k, v in row.items()} for kind, row in reports["all"]["per_kind"].items()},
        "ms_per_1000_chars": speed,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
