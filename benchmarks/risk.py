"""Recall, precision and speed of analysis.risk on labelled danger text.

Usage:
    python benchmarks/risk.py [--dev PATH] [--heldout PATH ...] [--only NAME ...] [--show-errors]

Scores, each as its own section:
- dev: ../shared/data/da-feedback-dev.csv (column `danger`, yes/no), when it exists;
- each batch of the team's corpus, benchmarks/data/risk_corpus/*.tsv (see its README:
  which batches were tuned on and which were held out);
- the earlier corpus, tests/analysis/corpora/risk.tsv (`section<TAB>flagged<TAB>text`);
- the round-4 development corpora, tests/analysis/corpora/risk_dev_*.tsv, and the
  other-language rows, tests/analysis/corpora/risk_languages.tsv, and the rows written to tune the
  rules only, tests/analysis/corpora/risk_tuning_*.tsv (Urdu, Bengali and stalking; round 20's veiled
  suicide and presence) (tuned on);
- the held-out sets, tests/analysis/corpora/risk_heldout*.tsv, each written after a freeze
  and scored once (its header says when, the score, and whether it was read since);
- every --heldout file.

A labelled file is a TSV or CSV with a header naming at least `flagged` (1/0, yes/no)
and `text`; `category` and `language` are optional, e.g.
`flagged<TAB>category<TAB>language<TAB>text`. A true positive is a text that should be
flagged and is. Recall by category is the share of that category's texts flagged at all;
"named" is the share whose flag also names that category. The last two columns are the
rules alone (``assess_rules``: lexicons, frames, word backstop), before the whole-answer
reader (``analysis.risk_reader``) looks again at what they left.
Prints a table, then CPU milliseconds per 1,000 texts (rules alone, and what the reader
adds), the reader's memory, then one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.risk import CATEGORIES, RiskAssessment, assess, assess_rules, read_rules  # noqa: E402
from analysis.risk_reader import probability, reader  # noqa: E402

CORPUS_DIR = ROOT / "benchmarks" / "data" / "risk_corpus"
EARLIER_CORPUS = ROOT / "tests" / "analysis" / "corpora" / "risk.tsv"
DEV_CORPORA = sorted((ROOT / "tests" / "analysis" / "corpora").glob("risk_dev_*.tsv"))
HELDOUT_CORPORA = sorted((ROOT / "tests" / "analysis" / "corpora").glob("risk_heldout*.tsv"))
LANGUAGE_CORPUS = ROOT / "tests" / "analysis" / "corpora" / "risk_languages.tsv"
# Rows written to tune the rules, not read by the backstop's training (benchmarks/risk_model.py).
RULE_TUNING_CORPORA = sorted((ROOT / "tests" / "analysis" / "corpora").glob("risk_tuning_*.tsv"))
DEV_DATA = ROOT.parent / "shared" / "data" / "da-feedback-dev.csv"
TRUE = {"1", "yes", "y", "true", "t"}
# Category names other people may use for the same thing.
ALIASES = {
    **dict.fromkeys(["threat", "threat-to-kill", "threat_to_kill", "threat_to_life"], "threat_to_kill_or_harm"),
    **dict.fromkeys(["strangulation_suffocation_choking", "choking", "suffocation"], "strangulation"),
    "weapon": "weapons",
    **dict.fromkeys(["perpetrator-nearby", "perpetrator_nearby", "imminent"], "imminent_contact"),
    "stalking": "stalking_with_fear",
    **dict.fromkeys(["children-at-risk", "children_at_risk", "child", "young_person"], "child_at_risk"),
    **dict.fromkeys(["sexual-violence", "sexual_violence"], "sexual_violence_recent"),
    **dict.fromkeys(["trapped", "controlled", "immigration"], "trapped_or_controlled_now"),
    "third_party": "third_party_in_danger",
    **dict.fromkeys(["immediate-danger", "unsafe", "feeling_unsafe"], "feeling_unsafe_now"),
    **dict.fromkeys(["suicide", "self_harm"], "suicidal"),
}


@dataclass(frozen=True)
class Example:
    flagged: bool
    text: str
    category: str = ""
    language: str = ""


@dataclass
class Report:
    texts: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_category: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    errors: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return round(self.tp / (self.tp + self.fp), 4) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return round(self.tp / (self.tp + self.fn), 4) if self.tp + self.fn else 1.0

    def summary(self) -> dict:
        return {"texts": self.texts, "danger": self.tp + self.fn, "flagged": self.tp + self.fp,
                "precision": self.precision, "recall": self.recall, "missed": self.fn, "false_alarms": self.fp}


def canonical_category(name: str) -> str:
    name = name.strip().lower().replace(" ", "_")
    return ALIASES.get(name, ALIASES.get(name.replace("_", "-"), name))


def parse_labelled(text: str, source: str = "") -> list[Example]:
    """Examples from a labelled TSV/CSV with a header (flagged, text, [category, language])."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter,
                            quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL)
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    label = columns.get("flagged") or columns.get("danger")
    if not label or "text" not in columns:
        raise ValueError(f"{source}: the header must name 'flagged' (or 'danger') and 'text'")
    examples = []
    for row in reader:
        examples.append(Example(
            flagged=(row.get(label) or "").strip().lower() in TRUE,
            text=row.get(columns["text"]) or "",
            category=canonical_category(row.get(columns.get("category", ""), "") or ""),
            language=(row.get(columns.get("language", ""), "") or "").strip(),
        ))
    return examples


def load_labelled(path: Path) -> list[Example]:
    return parse_labelled(path.read_text(encoding="utf-8-sig"), str(path))


def load_earlier_corpus(path: Path = EARLIER_CORPUS) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _section, flagged, text = line.split("\t")
            examples.append(Example(flagged == "1", text))
    return examples


def evaluate(examples: list[Example], judge: Callable[[str], RiskAssessment] = assess) -> Report:
    """How ``judge`` (rules and reader, or ``assess_rules``) does on the examples."""
    report = Report(texts=len(examples))
    for example in examples:
        result = judge(example.text)
        if example.flagged:
            counts = report.by_category[example.category or "(none)"]
            counts[0] += 1
            counts[1] += result.flagged
            counts[2] += example.category in result.categories
        if result.flagged and example.flagged:
            report.tp += 1
        elif result.flagged:
            report.fp += 1
            report.errors.append(("false alarm", example.text, result.matches))
        elif example.flagged:
            report.fn += 1
            report.errors.append(("missed", example.text, ()))
        else:
            report.tn += 1
    return report


def cpu_ms_per_thousand(texts: list, work: Callable = assess, rounds: int = 3) -> float:
    """CPU milliseconds (this thread) for ``work`` on 1,000 texts, best of a few rounds:
    what the work costs, however busy the machine."""
    best = float("inf")
    for _ in range(rounds):
        started = time.thread_time()
        for text in texts:
            work(text)
        best = min(best, time.thread_time() - started)
    return round(best * 1000 * 1000 / max(1, len(texts)), 1)


def reader_memory_mb() -> float:
    """Memory the reader's model takes once loaded (Python allocations, traced)."""
    reader.cache_clear()
    tracemalloc.start()
    reader()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return round(size / 2**20, 1)


def sections(dev: Path | None, heldout: list[Path]) -> dict[str, list[Example]]:
    found: dict[str, list[Example]] = {}
    if dev and dev.exists():
        found["dev (da-feedback-dev)"] = load_labelled(dev)
    corpus: list[Example] = []
    for path in sorted(CORPUS_DIR.glob("*.tsv")):
        found[f"corpus {path.stem}"] = batch = load_labelled(path)
        corpus += batch
    if corpus:
        found["corpus (all batches)"] = corpus
    if EARLIER_CORPUS.exists():
        found["earlier corpus (tests/analysis)"] = load_earlier_corpus()
    for path in [*DEV_CORPORA, LANGUAGE_CORPUS, *RULE_TUNING_CORPORA]:
        found[f"tuned-on {path.stem}"] = load_labelled(path)
    for path in [*HELDOUT_CORPORA, *heldout]:
        found[f"heldout {path.name}"] = load_labelled(path)
    return found


def print_report(name: str, report: Report, rules: Report, show_errors: bool) -> None:
    s = report.summary()
    print(f"{name:<44}{s['texts']:>6}{s['danger']:>7}{s['precision']:>10.3f}{s['recall']:>8.3f}"
          f"{s['missed']:>7}{s['false_alarms']:>7}{rules.precision:>10.3f}{rules.recall:>8.3f}")
    if show_errors:
        for kind, text, matches in report.errors:
            print(f"    {kind}: {text[:300]} {list(matches) or ''}")


def print_languages(examples: list[Example]) -> None:
    """Recall and precision per language, when a section names more than one."""
    languages = sorted({e.language or "en" for e in examples})
    if len(languages) < 2:
        return
    print(f"    {'language':<28}{'texts':>6}{'recall':>8}{'precision':>10}{'rules P':>10}{'rules R':>8}")
    for language in languages:
        chosen = [e for e in examples if (e.language or "en") == language]
        report, rules = evaluate(chosen), evaluate(chosen, assess_rules)
        print(f"    {language:<28}{report.texts:>6}{report.recall:>8.3f}{report.precision:>10.3f}"
              f"{rules.precision:>10.3f}{rules.recall:>8.3f}")


def print_categories(report: Report) -> None:
    print(f"    {'category':<28}{'texts':>6}{'recall':>8}{'named':>7}")
    for category in [*CATEGORIES, *sorted(set(report.by_category) - set(CATEGORIES))]:
        if category in report.by_category:
            total, flagged, named = report.by_category[category]
            print(f"    {category:<28}{total:>6}{flagged / total:>8.3f}{named / total:>7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV_DATA, help="da-feedback-dev.csv (column danger)")
    parser.add_argument("--heldout", type=Path, action="append", default=[],
                        help="labelled TSV/CSV: flagged<TAB>category<TAB>language<TAB>text with a header")
    parser.add_argument("--only", action="append", default=[], help="score only sections whose name holds this")
    parser.add_argument("--show-errors", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args(argv)
    try:
        found = sections(args.dev, args.heldout)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.only:
        found = {name: ex for name, ex in found.items() if any(o in name for o in args.only)}
    print(f"{'section':<44}{'texts':>6}{'danger':>7}{'precision':>10}{'recall':>8}{'missed':>7}{'false+':>7}"
          f"{'rules P':>10}{'rules R':>8}")
    reports, rules_alone = {}, {}
    for name, examples in found.items():
        reports[name] = report = evaluate(examples)
        rules_alone[name] = evaluate(examples, assess_rules)
        print_report(name, report, rules_alone[name], args.show_errors and "(all batches)" not in name)
        if name.startswith(("heldout", "corpus (all", "tuned-on")) or name == "dev (da-feedback-dev)":
            print_categories(report)
            print_languages(examples)
    texts = [e.text for examples in found.values() for e in examples]
    speed = cpu_ms_per_thousand(texts)
    rules_speed = cpu_ms_per_thousand(texts, assess_rules)
    # The reader's own cost on every text, as if the rules had flagged none (most real answers).
    reader_speed = cpu_ms_per_thousand([read_rules(t) for t in texts], probability)
    memory = reader_memory_mb()
    print(f"assess(): {speed} ms of CPU per 1,000 texts ({len(texts)} texts, mean "
          f"{sum(map(len, texts)) // max(1, len(texts))} characters); rules alone {rules_speed}; "
          f"the reader on every text {reader_speed}; its model {memory} MB")
    print(json.dumps({"sections": {name: {**r.summary(), "rules": rules_alone[name].summary()}
                                   for name, r in reports.items()},
                      "cpu_ms_per_1000_texts": speed, "rules_cpu_ms_per_1000_texts": rules_speed,
                      "reader_cpu_ms_per_1000_texts": reader_speed, "reader_memory_mb": memory}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
