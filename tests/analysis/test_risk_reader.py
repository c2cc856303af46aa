"""The whole-answer reader (analysis.risk_reader): how its verdict joins the rules', how
it is loaded, that it is the model the committed script makes, and a few pinned answers."""

from __future__ import annotations

import importlib.util
import socket
import subprocess  # nosec B404 # runs this repository's own Python
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from analysis import risk, risk_reader
from analysis.risk import CATEGORIES, RiskAssessment, assess, read_rules
from tests.analysis.risk_checks import assert_left_alone

ROOT = Path(__file__).resolve().parents[2]


def _builder():
    spec = importlib.util.spec_from_file_location("train_risk_reader", ROOT / "scripts" / "train_risk_reader.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _unflagged(text: str, **changes):
    reading = read_rules(text)
    assert not reading.assessment.flagged
    return replace(reading, **changes)


def test_a_rules_flag_stands_and_the_reader_is_not_asked(monkeypatch):
    def never(*_):
        raise AssertionError("the reader read a text the rules flagged")

    monkeypatch.setattr(risk_reader, "probability", never)
    result = assess("he said he will kill me tonight")
    assert result.flagged and "reader" not in " ".join(result.matches)


def test_the_reader_flags_what_the_rules_left_when_sure_enough(monkeypatch):
    reading = _unflagged("the staff were kind and the room was warm")
    threshold = risk_reader.reader().threshold
    monkeypatch.setattr(risk_reader, "probability", lambda _: threshold)
    result = risk.second_look(reading)
    assert result.flagged and result.matches == (f"reader ({threshold:.2f})",)
    assert result.categories[0] in CATEGORIES
    monkeypatch.setattr(risk_reader, "probability", lambda _: threshold - 0.01)
    assert risk.second_look(reading) == RiskAssessment(False, (), ())


def test_a_reader_flag_names_the_heads_category_not_a_weak_rule_score(monkeypatch):
    monkeypatch.setattr(risk_reader, "probability", lambda _: 1.0)
    reading = _unflagged("the staff were kind and the room was warm",
                         scores={"suicidal": 0.5, "strangulation": 0.5})
    named = risk.second_look(reading).categories
    assert named == (risk_reader.category(replace(reading, scores={})),)
    assert named[0] in CATEGORIES


def test_an_unsure_second_head_names_feeling_unsafe_now(monkeypatch):
    monkeypatch.setattr(risk_reader, "_CATEGORY_AT", 1.01)
    assert risk_reader.category(_unflagged("the staff were kind and the room was warm")) == "feeling_unsafe_now"


def test_the_reader_never_flags_what_is_told_as_over(monkeypatch):
    monkeypatch.setattr(risk_reader, "probability", lambda _: 1.0)
    reading = _unflagged("the staff were kind and the room was warm")
    for frame in ("over", "far_past", "educational"):
        assert not risk.second_look(replace(reading, frames={**reading.frames, frame: True})).flagged
    assert not risk.second_look(_unflagged("   ")).flagged


def test_importing_the_rules_does_not_load_the_reader():
    code = ("import sys; from analysis.risk import assess; assess('he said he will kill me'); "
            "print('analysis.risk_reader' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)  # nosec B603
    assert out.stdout.strip() == "False"


def test_the_reader_loads_and_reads_without_a_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    risk_reader.reader.cache_clear()
    try:
        assert 0.0 <= risk_reader.probability(read_rules("i can't go home tonight")) <= 1.0
    finally:
        risk_reader.reader.cache_clear()


def test_char_ngrams_are_scikit_learns():
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyse = TfidfVectorizer(analyzer="char_wb", ngram_range=risk_reader.NGRAMS, lowercase=False).build_analyzer()
    for text in ["he said debts get  paid", "ਮੇਰੀ ਭੈਣ ਨੂੰ", "a  b\tcdefgh", ""]:
        assert sorted(risk_reader.char_ngrams(text)) == sorted(analyse(text))


def test_the_shipped_model_is_the_scripts_and_reads_as_scikit_learn():
    builder = _builder()
    rows = builder.labelled_rows()
    with np.load(ROOT / "analysis" / "data" / risk_reader.MODEL_FILE, allow_pickle=False) as npz:
        shipped = {name: npz[name] for name in npz.files}
    if builder.DEV_DATA.exists():
        assert int(shipped["texts"]) == len(rows), "run scripts/train_risk_reader.py"
    assert shipped["threshold"] == np.float32(builder.THRESHOLD)
    assert set(str(c) for c in shipped["categories"]) <= set(CATEGORIES)
    readings = [read_rules(row.text) for row in rows[::97]]
    expected = builder._probabilities(shipped, readings)
    assert [round(risk_reader.probability(r), 4) for r in readings] == [round(float(p), 4) for p in expected]


def test_training_is_deterministic():
    builder = _builder()
    rows = builder.labelled_rows()[::12]
    readings = [read_rules(row.text) for row in rows]
    first, second = builder.fit(rows, readings), builder.fit(rows, readings)
    assert first.keys() == second.keys()
    assert all(np.array_equal(first[name], second[name]) for name in first)


# The threshold's known cost: the Somali row reads 0.557 (round 33's model), flagged at 0.5, missed at 0.65.
_BELOW_THRESHOLD = pytest.mark.xfail(strict=True, reason="reader below its 0.65 threshold (chosen to cut false alarms)")


# Written for this test, in words no rule holds; pinned to the shipped model.
@pytest.mark.parametrize("text", [
    "his cousins came round and said I had better behave or else",
    "o irmão dele disse que sabe onde a minha filha estuda",
    "Mi-a spus că dacă plec, familia mea o să plătească",
    pytest.param("hooyo waxay igu tiri waad guursan doontaa bisha soo socota", marks=_BELOW_THRESHOLD),
])
def test_pinned_danger_the_rules_leave_is_flagged_by_the_reader(text):
    result = assess(text)
    assert not read_rules(text).assessment.flagged
    assert result.flagged and result.matches[0].startswith("reader ("), result
    assert len(result.categories) == 1 and result.categories[0] in CATEGORIES


@pytest.mark.parametrize("text", [
    "The staff were kind and the room was warm, thank you",
    "I'd like more evening groups, I work days",
    "Obrigada pela ajuda com a casa, a equipa foi muito simpática",
])
def test_pinned_ordinary_answers_are_left_alone(text):
    assert not assess(text).flagged, assess(text)


# Ordinary answers the reader flagged when it weighed the backstop's intercept on text the
# backstop may not read (a review of danger7); each must stay unflagged by assess().
REVIEWED_ORDINARY = [
    "O atendimento foi ótimo, obrigada.",
    "شكرا جزيلا على المساعدة",
    "Longer hours at weekends",
    "honestly better than i expected",
    "Ads on facebook and tiktok, thats where young people are",
    "Every night I lie awake worrying about money.",
    "I'm stuck in temporary accommodation with no end in sight.",
    "I choked up telling her",
    "সে আমাকে মারে না",
    "ਉਹ ਮੇਰੇ ਨਾਲ ਚੰਗਾ ਹੈ",
    "I need a manager who listens",
]


@pytest.mark.parametrize("text", REVIEWED_ORDINARY)
def test_reviewed_ordinary_answers_are_left_alone(text):
    assert_left_alone(text)
