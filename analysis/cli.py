"""Command line for the analysis module; the only place that reads or writes files.

    python -m analysis classify --train TRAIN.csv --input INPUT.csv --output OUT.csv
    python -m analysis sentiment --input INPUT.csv --output OUT.csv
    python -m analysis themes --input INPUT.csv [--codebook FILE] [--coded CODED.csv] --output REPORT.json
    python -m analysis fit-sentiment --input LABELLED.csv [--output MODEL.json] [--check]
    python -m analysis risk --input INPUT.csv --output OUT.csv
    python -m analysis redact --input INPUT.csv --output OUT.csv

Problems with the inputs exit with status 2 and a message naming the problem;
``fit-sentiment --check`` exits with status 1 when a refit differs from the file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

# Answers can be long; the csv module's default field limit is 128 KB.
csv.field_size_limit(16 * 1024 * 1024)


class InputError(Exception):
    """A problem with the user's files; reported with exit status 2."""


class CheckFailed(Exception):
    """A refit that does not reproduce the file it was checked against; exit status 1."""


def read_csv(path: str, required: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV, checking the required columns are present."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [c for c in required if c not in columns]
            if missing:
                raise InputError(f"{path}: missing column(s): {', '.join(missing)}")
            return [{k: (v or "") for k, v in row.items() if k is not None} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read CSV: {exc}") from exc


def write_csv(path: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    try:
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc}") from exc


def json_text(data: object) -> str:
    # Compact and in one string: only json.dumps without indent uses the C
    # encoder (json.dump streams through the pure-Python one), which on a
    # 100,000-response report saves tens of seconds.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_json(path: str, data: object) -> None:
    try:
        text = json_text(data)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc}") from exc


def progress(total: int, desc: str) -> Callable[[int], None]:
    """A progress callback drawing a tqdm bar only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return lambda _n: None
    from tqdm import tqdm  # noqa: PLC0415 - only needed interactively

    bar = tqdm(total=total, desc=desc, file=sys.stderr, leave=False)

    def step(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return step


def _questions(rows: list[dict[str, str]]) -> list[str]:
    return [r.get("question", "") for r in rows]


def cmd_sentiment(args: argparse.Namespace) -> None:
    from analysis.sentiment import default_scorer  # noqa: PLC0415 - keep --help fast

    rows = read_csv(args.input, ["id", "text"])
    step = progress(len(rows), "sentiment")
    results = default_scorer().predict([r["text"] for r in rows], _questions(rows))
    step(len(rows))
    write_csv(
        args.output,
        ["id", "compound", "label"],
        ((r["id"], s.compound, s.label) for r, s in zip(rows, results, strict=True)),
    )


def cmd_risk(args: argparse.Namespace) -> None:
    from analysis.risk import assess  # noqa: PLC0415

    rows = read_csv(args.input, ["id", "text"])
    step = progress(len(rows), "risk")
    results = []
    for row in rows:
        # An optional language column (cy, pl, ur, pa, ro, bn, en) narrows the phrase lists read.
        results.append(assess(row["text"], row.get("language") or None))
        step(1)
    write_csv(
        args.output,
        ["id", "flagged", "categories", "matched"],
        ((r["id"], int(a.flagged), "|".join(a.categories), "|".join(a.matches))
         for r, a in zip(rows, results, strict=True)),
    )
def cmd_redact(args: argparse.Namespace) -> None:
    from analysis.redaction import redact  # noqa: PLC0415 - keep --help fast

    rows = read_csv(args.input, ["id", "text"])
    step = progress(len(rows), "redact")

    def redacted(row: dict[str, str]) -> tuple[str, str]:
        step(1)
        return row["id"], redact(row["text"]).text

    write_csv(args.output, ["id", "text"], (redacted(r) for r in rows))


def _labels(value: str) -> list[str]:
    return [code.strip() for code in value.split("|") if code.strip()]


def cmd_classify(args: argparse.Namespace) -> None:
    from analysis.classify import ThemeClassifier  # noqa: PLC0415
    from analysis.semantic import says_nothing  # noqa: PLC0415

    train = [r for r in read_csv(args.train, ["id", "text", "labels"]) if _labels(r["labels"])]
    if not train:
        raise InputError(f"{args.train}: no rows with labels to learn from")
    rows = read_csv(args.input, ["id", "text"])
    step = progress(2, "classify")
    model = ThemeClassifier(random_state=args.seed).fit(
        [r["text"] for r in train], [_labels(r["labels"]) for r in train], _questions(train)
    )
    step(1)
    proba = model.predict_proba([r["text"] for r in rows], _questions(rows))
    # Answers that say nothing get a theme only if one reaches its threshold.
    predicted = model.decide(proba, force=[not says_nothing(r["text"]) for r in rows])
    step(1)
    write_csv(
        args.output,
        ["id", "labels", *(f"score_{c}" for c in model.classes_)],
        (
            [r["id"], "|".join(codes), *(f"{p:.4f}" for p in scores)]
            for r, codes, scores in zip(rows, predicted, proba, strict=True)
        ),
    )


def _records(rows: list[dict[str, str]]) -> list:
    from analysis.themes import Record  # noqa: PLC0415

    return [
        Record(id=r["id"], text=r["text"], question=r.get("question") or None,
               period=r.get("period") or None, group=r.get("group") or None)
        for r in rows
    ]


def cmd_themes(args: argparse.Namespace) -> None:
    from analysis.codebook import CodebookError, default_codebook, parse_codebook  # noqa: PLC0415
    from analysis.themes import Coded, build_report  # noqa: PLC0415

    codebook = default_codebook()
    if args.codebook:
        try:
            codebook = parse_codebook(Path(args.codebook).read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{args.codebook}: cannot read codebook: {exc}") from exc
        except CodebookError as exc:
            raise InputError(f"{args.codebook}: bad codebook: {exc}") from exc
    coded = []
    if args.coded:
        coded_rows = read_csv(args.coded, ["id", "text", "labels"])
        coded = [Coded(rec, tuple(_labels(r["labels"])))
                 for rec, r in zip(_records(coded_rows), coded_rows, strict=True) if _labels(r["labels"])]
    records = _records(read_csv(args.input, ["id", "text"]))
    stages = ["preparing text", "sentiment", "themes", "emergent themes"]
    step = progress(len(stages), "themes")
    report = build_report(records, codebook=codebook, coded=coded, random_state=args.seed,
                          progress=lambda _stage: step(1))
    labels = {code: codebook.label(code) for code in codebook.codes}
    write_json(args.output, {**report, **period_summary(records, report["responses"], labels)})


def period_summary(records: Sequence, responses: Sequence[dict], labels: dict[str, str]) -> dict:
    """The board summary's figures (`analysis.board`) for the latest ``period``
    (every record if none), with change against the period before, and a
    breakdown by ``group`` when the input has one. Each record counts as one
    response, and no figure under 5 is shown or can be worked out."""
    from analysis.board import Coded, Grouped, count_table, summarise_items  # noqa: PLC0415
    from analysis.suppression import breakdown_table  # noqa: PLC0415

    periods = sorted({r.period for r in records if r.period})
    current = periods[-1] if periods else None
    previous = periods[-2] if len(periods) > 1 else None

    def coded(period: str | None) -> list[Coded]:
        return [Coded(n, tuple(t["code"] for t in response["themes"]), response["sentiment"]["compound"])
                for n, (record, response) in enumerate(zip(records, responses, strict=True))
                if period is None or record.period == period]

    now = coded(current)
    _, _, rows = summarise_items(now, coded(previous) if previous else None, labels)
    in_period = [n for n, r in enumerate(records) if current is None or r.period == current]
    summary = {"period": current, "previous_period": previous, "responses_in_period": len(now),
               "sentiment": _sentiment_totals([responses[n]["sentiment"] for n in in_period]),
               "themes": [asdict(row) for row in rows]}
    if any(records[n].group for n in in_period):
        ranked = [row for row in rows if row.count]
        grouped = [Grouped(n, records[n].group or "Not given", tuple(t["code"] for t in responses[n]["themes"]))
                   for n in in_period]
        groups, table = count_table(grouped, [row.code for row in ranked])
        summary["breakdown"] = asdict(breakdown_table("Group", [row.label for row in ranked], groups, table))
    return summary


def _sentiment_totals(scores: list[dict]) -> dict:
    from analysis.sentiment import LABELS  # noqa: PLC0415

    compounds = [score["compound"] for score in scores]
    said = [score["label"] for score in scores]
    return {"mean": round(sum(compounds) / len(compounds), 4) if compounds else None,
            **{label: said.count(label) for label in LABELS}}


def _ratings(path: str, rows: list[dict[str, str]]) -> list[float]:
    """1-5 ratings; where a second coder's ``sentiment_second`` is given, the two coders' mean."""
    try:
        pairs = [(int(r["sentiment"]), int(r.get("sentiment_second") or r["sentiment"])) for r in rows]
    except ValueError as exc:
        raise InputError(f"{path}: columns 'sentiment' and 'sentiment_second' must hold 1-5: {exc}") from exc
    if not all(1 <= a <= 5 and 1 <= b <= 5 for a, b in pairs):
        raise InputError(f"{path}: columns 'sentiment' and 'sentiment_second' must hold ratings 1-5")
    return [(a + b) / 2 for a, b in pairs]


def cmd_fit_sentiment(args: argparse.Namespace) -> None:
    from analysis.sentiment import DOMESTIC_ABUSE_WEIGHT, SentimentScorer  # noqa: PLC0415

    rows: list[dict[str, str]] = []
    ratings: list[float] = []
    weights: list[float] = []
    domestic_abuse: list[bool] = []
    inputs = [(path, False) for path in args.input] + [(path, True) for path in args.domestic_abuse]
    for path, is_domestic_abuse in inputs:
        coded = [r for r in read_csv(path, ["text", "sentiment"]) if r["sentiment"].strip()]
        rows += coded
        ratings += _ratings(path, coded)
        weights += [DOMESTIC_ABUSE_WEIGHT if is_domestic_abuse else 1.0] * len(coded)
        domestic_abuse += [is_domestic_abuse] * len(coded)
    if not rows:
        raise InputError("no coded rows: column 'sentiment' is empty in every input")
    scorer = SentimentScorer().fit([r["text"] for r in rows], _questions(rows), ratings, weights, domestic_abuse)
    if args.check:
        check_reproduced(args.output, scorer.to_dict())
    else:
        write_json(args.output, scorer.to_dict())


def check_reproduced(path: str, fitted: dict) -> None:
    """Raise CheckFailed unless ``path`` holds ``fitted`` byte for byte,
    naming each parameter that differs and by how much."""
    try:
        with open(path, encoding="utf-8") as handle:
            shipped_text = handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    if shipped_text == json_text(fitted):
        print(f"{path}: reproduced byte for byte")
        return
    try:
        shipped = json.loads(shipped_text)
    except ValueError as exc:
        raise CheckFailed(f"{path}: not the refit: not JSON ({exc})") from exc
    differences = [_difference(name, shipped.get(name), value) for name, value in fitted.items()]
    differences += [f"{name}: not in the refit" for name in shipped if name not in fitted]
    raise CheckFailed(f"{path}: the refit differs: " + "; ".join(d for d in differences if d))


def _difference(name: str, shipped: object, fitted: object) -> str:
    """How a shipped parameter differs from the refit's ('' when it does not)."""
    if shipped == fitted:
        return ""
    numbers = (int, float)
    if isinstance(shipped, list) and isinstance(fitted, list) and len(shipped) == len(fitted) and all(
            isinstance(x, numbers) for x in shipped + fitted):
        gaps = [abs(a - b) for a, b in zip(shipped, fitted, strict=True)]
        changed = sum(g > 0 for g in gaps)
        return f"{name}: {changed} of {len(gaps)} values differ, by up to {max(gaps):.2g}"
    if isinstance(shipped, numbers) and isinstance(fitted, numbers):
        return f"{name}: {shipped} shipped, {fitted} refitted"
    if isinstance(shipped, list) and isinstance(fitted, list):
        return f"{name}: {len(shipped)} values shipped, {len(fitted)} refitted"
    return f"{name}: differs"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("classify", help="learn themes from TRAIN and label INPUT")
    p.add_argument("--train", required=True, help="CSV with id,text,labels (labels |-separated)")
    p.add_argument("--input", required=True, help="CSV with id,text[,question]")
    p.add_argument("--output", required=True, help="CSV id,labels,score_<label>...")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(run=cmd_classify)

    p = sub.add_parser("themes", help="write the full themed report as JSON")
    p.add_argument("--input", required=True, help="CSV with id,text[,question,period,group]")
    p.add_argument("--codebook", help="YAML codebook (default: the package's)")
    p.add_argument("--coded", help="CSV of staff-coded examples: id,text,labels")
    p.add_argument("--output", required=True, help="JSON report")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(run=cmd_themes)

    p = sub.add_parser("sentiment", help="score sentiment per response")
    p.add_argument("--input", required=True, help="CSV with id,text[,question]")
    p.add_argument("--output", required=True, help="CSV id,compound,label")
    p.set_defaults(run=cmd_sentiment)

    p = sub.add_parser("risk", help="flag answers that suggest danger now",
                       description="Writes flagged (1/0), the danger categories and the matched phrases, "
                       "each list |-separated, for every row of the input.")
    p.add_argument("--input", required=True, help="CSV with id,text[,language]")
    p.add_argument("--output", required=True, help="CSV id,flagged,categories,matched")
    p.set_defaults(run=cmd_risk)
    p = sub.add_parser("redact", help="replace names, places, numbers and dates in each text")
    p.add_argument("--input", required=True, help="CSV with id,text")
    p.add_argument("--output", required=True, help="CSV id,text with the redacted text")
    p.set_defaults(run=cmd_redact)

    p = sub.add_parser(
        "fit-sentiment",
        help="refit the shipped sentiment model from 1-5 coded feedback",
        description="Writes the JSON parameters loaded by analysis.sentiment.default_scorer. "
        "The shipped file was made with: python -m analysis fit-sentiment --input "
        "../shared/data/feedback-labelled-dev.csv --domestic-abuse ../shared/data/da-feedback-dev.csv "
        "benchmarks/data/da-sentiment-heldout.csv benchmarks/data/da-sentiment-heldout-2.csv "
        "benchmarks/data/da-sentiment-tuning.csv benchmarks/data/da-sentiment-heldout-3.csv "
        "benchmarks/data/da-sentiment-heldout-4.csv benchmarks/data/da-sentiment-heldout-5.csv "
        "benchmarks/data/da-sentiment-tuning-2.csv benchmarks/data/da-sentiment-heldout-6.csv "
        "benchmarks/data/da-sentiment-tuning-3.csv benchmarks/data/da-sentiment-tuning-4.csv "
        "benchmarks/data/da-written-{{18..21},{24..33},{35..59},{63..78},{82..91}}.csv (bash expands the braces) "
        "(the same command with --check refits it and compares, writing nothing).",
    )
    p.add_argument("--input", required=True, nargs="+",
                   help="CSV(s) with text,sentiment[,sentiment_second,question]; all are pooled")
    p.add_argument("--domestic-abuse", nargs="*", default=[],
                   help="domestic-abuse CSV(s), same columns, pooled with --input and each answer "
                   "counted DOMESTIC_ABUSE_WEIGHT times (analysis/sentiment.py); the neutral band and "
                   "neutral model read for domestic-abuse coding are fitted on these answers alone")
    p.add_argument(
        "--output",
        default=str(Path(__file__).parent / "data" / "sentiment_model.json"),
        help="JSON file to write (default: the package's own model)",
    )
    p.add_argument("--check", action="store_true",
                   help="write nothing: refit and compare with --output byte for byte; exit 1 naming each "
                   "parameter that differs (run with the shipped file's inputs, as above, before committing it)")
    p.set_defaults(run=cmd_fit_sentiment)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except CheckFailed as exc:
        print(f"check failed: {exc}", file=sys.stderr)
        return 1
    return 0
