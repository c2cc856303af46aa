"""The command-line contract. The evaluation runs `python -m analysis` as a
subprocess, and test_classify_contract does too; the other commands run `main` in
this process (what the module does but exit), which skips a new interpreter's
second and a half of imports per command."""

import csv
import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.sentiment import SentimentScorer
from analysis.themes import Coded, Record, build_report

ROOT = Path(__file__).resolve().parents[2]

TRAIN = [
    ("The driver was late and I waited two hours", "access", "How could we improve?"),
    ("Waiting times are too long", "access", "How could we improve?"),
    ("Ambulance took ages to arrive", "access", "FFT Why?"),
    ("Staff were kind and caring", "staff", "What was good?"),
    ("Lovely friendly nurses", "staff", "What was good?"),
    ("The doctor was rude", "staff", "FFT Why?"),
    ("Nobody told me what would happen next", "communication", "FFT Why?"),
    ("Kept informed throughout", "communication", "What was good?"),
    ("Waited ages and the staff were rude", "access|staff", "FFT Why?"),
    ("No updates and a long wait", "access|communication", "How could we improve?"),
] * 3

INPUT = [
    ("a", "waited hours for the ambulance", "How could we improve?", "2026-Q2"),
    ("b", "Nothing", "How could we improve?", "2026-Q2"),
    ("c", "", "", "2026-Q1"),
    ("d", "😀😀😀", "", "2026-Q2"),
    ("e", "Le personnel était très gentil", "", "2026-Q1"),
    ("f", "The police officer listened and believed me. " * 400, "", "2026-Q2"),
    ("g", "My IDVA helped me find a refuge for me and the kids", "What helped?", "2026-Q2"),
]


def write(path: Path, header: list[str], rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def spawn(*args: str) -> subprocess.CompletedProcess:
    """`python -m analysis ARGS` as the evaluation runs it."""
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def run(*args: str) -> subprocess.CompletedProcess:
    """The same command in this process, its exit code, output and errors as `spawn` gives them."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            code = main(list(args))
        except SystemExit as refused:  # argparse exits on arguments it cannot parse
            code = refused.code
    return subprocess.CompletedProcess(["analysis", *args], code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "train": write(tmp_path / "train.csv", ["id", "text", "labels", "question"],
                       [(i, text, labels, q) for i, (text, labels, q) in enumerate(TRAIN)]),
        "input": write(tmp_path / "input.csv", ["id", "text", "question", "period"], INPUT),
        "dir": tmp_path,
    }


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_classify_contract(files):
    out = files["dir"] / "out.csv"
    result = spawn("classify", "--train", str(files["train"]), "--input", str(files["input"]),
                 "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = read(out)
    assert [r["id"] for r in rows] == [r[0] for r in INPUT]
    assert set(rows[0]) == {"id", "labels", "score_access", "score_communication", "score_staff"}
    # Answers that say nothing ("Nothing", empty, emoji only) get no theme; every other answer gets one.
    assert [bool(r["labels"]) for r in rows] == [True, False, False, False, True, True, True]
    assert "access" in rows[0]["labels"].split("|")


def test_sentiment_contract(files):
    out = files["dir"] / "sent.csv"
    result = run("sentiment", "--input", str(files["input"]), "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = read(out)
    assert list(rows[0]) == ["id", "compound", "label"]
    assert {r["label"] for r in rows} <= {"positive", "neutral", "negative"}
    assert rows[1]["label"] == "positive"  # "Nothing" to improve
    assert rows[2]["label"] == "neutral"  # empty


def test_themes_report(files):
    out = files["dir"] / "report.json"
    result = run("themes", "--input", str(files["input"]), "--output", str(out))
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text("utf-8"))
    assert report["period"] == "2026-Q2" and report["previous_period"] == "2026-Q1"
    codes = {t["code"]: t for t in report["themes"]}
    assert codes["police"]["count"] == 1 and codes["housing"]["count"] == 1
    g = next(r for r in report["responses"] if r["id"] == "g")
    assert {"advocacy", "housing", "children"} <= {t["code"] for t in g["themes"]}
    assert all(t["matched"] for t in g["themes"])


def test_themes_with_coded_examples(files):
    out = files["dir"] / "report.json"
    result = run("themes", "--input", str(files["input"]), "--coded", str(files["train"]),
                 "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["method"] == "learned from staff coding"


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["sentiment", "--input", "{dir}/missing.csv"], "cannot read"),
        (["sentiment", "--input", "{dir}/nocol.csv"], "missing column(s): text"),
        (["themes", "--input", "{input}", "--codebook", "{dir}/bad.yaml"], "bad codebook"),
        (["classify", "--train", "{dir}/nocol.csv", "--input", "{input}"], "labels"),
    ],
)
def test_errors_exit_2_naming_the_problem(files, args, problem):
    write(files["dir"] / "nocol.csv", ["id", "body"], [("1", "x")])
    (files["dir"] / "bad.yaml").write_text("themes:\n  - label: no code\n", "utf-8")
    filled = [a.format(dir=files["dir"], input=files["input"]) for a in args]
    result = run(*filled, "--output", str(files["dir"] / "o"))
    assert result.returncode == 2
    assert problem in result.stderr


def test_redact_contract(files):
    source = write(files["dir"] / "free.csv", ["id", "text", "question"], [
        ("1", "my ex dazza hit me, ring me on 07700 900123", "q"),
        ("2", "Małgorzata from the refuge, St Mary's Primary", ""),
        ("3", "", ""),
        ("4", "The IDVA Service was kind", ""),
    ])
    out = files["dir"] / "redacted.csv"
    result = run("redact", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["id", "text"],
        ["1", "my ex [name] hit me, ring me on [phone]"],
        ["2", "[name] from the refuge, [place]"],
        ["3", ""],
        ["4", "The IDVA Service was kind"],
    ]


def test_redact_names_a_missing_column(files):
    source = write(files["dir"] / "bad.csv", ["id", "answer"], [("1", "Sarah")])
    result = run("redact", "--input", str(source), "--output", str(files["dir"] / "o.csv"))
    assert result.returncode == 2 and "missing column(s): text" in result.stderr


def test_whole_pipeline_runs_offline():
    # The autouse fixture makes nltk.download and outside connections raise.
    records = [Record(id=i, text=t, question=q, period=p) for i, t, q, p in INPUT]
    coded = [Coded(Record(id=str(n), text=t, question=q), tuple(labels.split("|")))
             for n, (t, labels, q) in enumerate(TRAIN)]
    for report in (build_report(records), build_report(records, coded=coded)):
        assert report["total_responses"] == len(INPUT)
        assert len(report["responses"]) == len(INPUT)


def test_risk_contract(tmp_path):
    source = write(tmp_path / "in.csv", ["id", "text", "question"], [
        ("a", "he threatend to kil me agen last nite", "What helped?"),
        ("b", "The refuge staff were kind, thank you", ""),
        ("c", "", ""),
        ("d", "He's outside now and he's got a knife", ""),
    ])
    out = tmp_path / "risk.csv"
    result = run("risk", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr
    rows = read(out)
    assert list(rows[0]) == ["id", "flagged", "categories", "matched"]
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert [r["flagged"] for r in rows] == ["1", "0", "0", "1"]
    assert rows[0]["categories"] == "threat_to_kill_or_harm" and "kill" in rows[0]["matched"]
    assert set(rows[3]["categories"].split("|")) == {"imminent_contact", "weapons"}
    assert rows[1]["categories"] == rows[1]["matched"] == ""


def test_risk_missing_text_column_exits_2(tmp_path):
    source = write(tmp_path / "in.csv", ["id", "body"], [("1", "help")])
    result = run("risk", "--input", str(source), "--output", str(tmp_path / "o.csv"))
    assert result.returncode == 2 and "missing column(s): text" in result.stderr


def test_fit_sentiment_pools_inputs_and_averages_two_coders(tmp_path):
    nhs = write(tmp_path / "nhs.csv", ["text", "sentiment", "question"],
                [("Staff were lovely and kind", 1, "What was good?"), ("Rude and late", 5, "FFT Why?")] * 3)
    da = write(tmp_path / "da.csv", ["text", "sentiment", "sentiment_second", "question"],
               [("She believed me", 1, 2, "What helped?"), ("Nobody called back", 5, 4, "What could be better?")] * 3)
    model = tmp_path / "model.json"
    result = run("fit-sentiment", "--input", str(nhs), str(da), "--output", str(model))
    assert result.returncode == 0, result.stderr
    assert "believed" in json.loads(model.read_text("utf-8"))["vocabulary"]
    bad = write(tmp_path / "bad.csv", ["text", "sentiment", "sentiment_second"], [("ok", 3, 9)])
    result = run("fit-sentiment", "--input", str(nhs), str(bad), "--output", str(model))
    assert result.returncode == 2 and "must hold ratings 1-5" in result.stderr


def test_fit_sentiment_counts_domestic_abuse_answers_more(tmp_path):
    # The same words read oppositely by two sets of coders: the weighted set wins.
    nhs = write(tmp_path / "nhs.csv", ["text", "sentiment", "question"],
                [("More staff on the ward", 5, "What could be better?"), ("Kind staff", 1, "What was good?")] * 4)
    da = write(tmp_path / "da.csv", ["text", "sentiment", "question"],
               [("More staff on the ward", 2, "What could be better?"), ("Kind staff", 1, "What was good?")] * 2)
    pooled, weighted = tmp_path / "pooled.json", tmp_path / "weighted.json"
    assert run("fit-sentiment", "--input", str(nhs), str(da), "--output", str(pooled)).returncode == 0
    result = run("fit-sentiment", "--input", str(nhs), "--domestic-abuse", str(da), "--output", str(weighted))
    assert result.returncode == 0, result.stderr
    text, question = ["More staff on the ward"], ["What could be better?"]
    plain = SentimentScorer.from_dict(json.loads(pooled.read_text("utf-8"))).score(text, question)[0]
    counted = SentimentScorer.from_dict(json.loads(weighted.read_text("utf-8"))).score(text, question)[0]
    assert counted > plain


def test_fit_sentiment_check_reproduces_the_file_byte_for_byte_whatever_the_hash_seed(tmp_path):
    # Sets of n-grams iterate in an order that follows the run's string
    # hashing; the refit must not. Refitted in another interpreter with
    # another hash seed, --check finds this process's file unchanged.
    # Enough distinct answers that the solvers' sums run long: on a handful
    # of short ones, fitting in any order gave the same digits.
    who = ["the staff", "my worker", "the police", "the nurse", "the helpline", "the refuge", "the officer"]
    how = [("were lovely and kind", 1), ("listened to me", 2), ("were ok I guess", 3), ("were rude", 5),
           ("never rang back", 5), ("were late again", 4), ("believed me straight away", 1)]
    rows = [(f"{a} {h}, {b} {g}", round((r + q) / 2), question)
            for a, b in zip(who, who[1:] + who[:1], strict=True)
            for h, r in how for g, q in how for question in ("What was good?", "FFT Why?")]
    nhs = write(tmp_path / "nhs.csv", ["text", "sentiment", "question"], rows[::2])
    da = write(tmp_path / "da.csv", ["text", "sentiment", "sentiment_second", "question"],
               [(f"He hit me. But {text}", rating, max(rating - 1, 1), question)
                for text, rating, question in rows[1::2]])
    model = tmp_path / "model.json"
    inputs = ["fit-sentiment", "--input", str(nhs), "--domestic-abuse", str(da), "--output", str(model)]
    assert run(*inputs).returncode == 0
    seed = str(int(os.environ.get("PYTHONHASHSEED", "0") or 0) + 1)
    again = subprocess.run([sys.executable, "-m", "analysis", *inputs, "--check"], cwd=ROOT, capture_output=True,
                           text=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": seed})
    assert again.returncode == 0, again.stderr
    assert "reproduced byte for byte" in again.stdout
    params = json.loads(model.read_text("utf-8"))
    params["coef"][0] += 0.001
    model.write_text(json.dumps(params), "utf-8")
    result = run(*inputs, "--check")
    assert result.returncode == 1
    assert f"coef: 1 of {len(params['coef'])} values differ, by up to 0.001" in result.stderr
    assert "idf" not in result.stderr  # only what differs is named


def test_an_off_codebook_answer_gets_no_guess_and_goes_to_the_emergent_themes():
    from analysis.themes import Record, build_report

    records = [Record(id=f"{kind}{n}", text=text.format(n=n), question="What helped?")
               for n in range(8) for kind, text in (
                   ("p", "The parking was awful and the barrier broke on visit {n}."),
                   ("l", "The lifts were slow and the lights flickered on floor {n}."))]
    report = build_report(records)
    parking = report["responses"][0]
    assert not parking["themes"]  # no codebook evidence, so no weak best guess (analysis.semantic.EVIDENCE_AT)
    assert not parking["explained"] and parking["emergent_theme"] is not None
    assert len(report["emergent_themes"]) == 2


def test_a_report_with_its_own_codebook_learns_again_from_its_surest_answers(monkeypatch):
    from analysis.classify import ThemeClassifier
    from analysis.codebook import parse_codebook

    codebook = parse_codebook("""
themes:
  - code: access
    label: Waiting
    description: Waiting times and delays.
    include: [wait]
  - code: staff
    label: Staff
    description: How staff treated people.
    include: [staff]
""")
    fits: list[int] = []
    real = ThemeClassifier._fit
    monkeypatch.setattr(ThemeClassifier, "_fit",
                        lambda self, texts, *rest: fits.append(len(texts)) or real(self, texts, *rest))
    records = [Record(id=str(n), text=t, question=q) for n, (t, _, q) in enumerate(TRAIN[:10])]
    records += [Record(id=f"u{n}", text=t, question="FFT Why?") for n, t in enumerate(
        ["Waited four hours", "The nurses were lovely", "Kind porters", "Nobody rang me back"])]
    coded = [Coded(records[n], tuple(labels.split("|"))) for n, (_, labels, _) in enumerate(TRAIN[:6])]
    report = build_report(records, codebook=codebook, coded=coded)
    assert report["method"] == "learned from staff coding"
    assert len(fits) == 2 and 6 < fits[1] <= 12  # the coded six, then with up to six of the run's surest
