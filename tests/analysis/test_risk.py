"""Risk-word detection in free text (analysis.risk)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.risk import RiskAssessment, assess, categories

ROOT = Path(__file__).resolve().parents[2]


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_risk", ROOT / "benchmarks" / "risk.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_api_shape():
    result = assess("He said he'd kill me and he keeps a knife under the bed.")
    assert isinstance(result, RiskAssessment)
    assert result.flagged
    assert result.categories == ("threat-to-kill", "weapon")
    assert result.matches and all(isinstance(m, str) for m in result.matches)
    assert assess("The refuge was lovely.") == RiskAssessment(False, (), ())


def test_categories_are_the_documented_ones():
    assert set(categories()) == {
        "threat-to-kill", "strangulation", "weapon", "children-at-risk", "suicidal", "perpetrator-nearby",
        "sexual-violence", "immediate-danger",
    }


@pytest.mark.parametrize(
    "text, category",
    [
        ("he said he'd kill me", "threat-to-kill"),
        ("He threatened to kill me last year", "threat-to-kill"),
        ("he never stopped threatening to kill me", "threat-to-kill"),
        ("He strangled me", "strangulation"),
        ("he put his hands around my neck", "strangulation"),
        ("He grabbed me by the throat", "strangulation"),
        ("He held a knife to my throat", "weapon"),
        ("he keeps a gun in the shed", "weapon"),
        ("he hurts the kids", "children-at-risk"),
        ("He threatened to take the children abroad", "children-at-risk"),
        ("I want to kill myself", "suicidal"),
        ("I've been self-harming again", "suicidal"),
        ("he's outside", "perpetrator-nearby"),
        ("He found out where I live", "perpetrator-nearby"),
        ("he raped me", "sexual-violence"),
        ("I'm scared for my life", "immediate-danger"),
    ],
)
def test_flags_each_category(text, category):
    result = assess(text)
    assert result.flagged and category in result.categories, result


@pytest.mark.parametrize(
    "text",
    [
        "he never threatened to kill me",
        "I don't feel suicidal any more",
        "no weapons were involved",
        "the wait was killing me",
        "I could have killed for a cup of tea",
        "it was dead easy",
        "the knife crime talk at school",
        "Rape Crisis were brilliant",
        "I choked up telling her",
        "I used to self-harm",
        "my back is killing me",
        "the sexual violence team were kind",
    ],
)
def test_negations_figures_of_speech_and_services_are_not_flagged(text):
    assert not assess(text).flagged, assess(text)


def test_a_negation_in_another_clause_does_not_hide_a_threat():
    assert assess("He never hit me but he said he would kill me").flagged
    assert assess("The police didn't take it seriously when he strangled me").flagged


def test_curly_apostrophes_and_capitals_are_normalised():
    assert assess("HE SAID HE’D KILL ME").flagged


@pytest.mark.parametrize(
    "text", ["", "\x00", "😀" * 100, "e\u0301" * 50, "مرحبا", "kill " * 100_000, "\u202ehe said he'd kill me"]
)
def test_odd_inputs_never_raise(text):
    assert isinstance(assess(text), RiskAssessment)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_property_never_raises_and_is_deterministic(text):
    assert assess(text) == assess(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100), st.text(max_size=100))
def test_property_a_clear_threat_is_found_in_any_surrounding_text(before, after):
    result = assess(f"{before}. He said he would kill me. {after}")
    assert result.flagged and "threat-to-kill" in result.categories


def test_corpus_meets_the_benchmark_thresholds():
    benchmark = _load_benchmark()
    examples = benchmark.load_corpus()
    assert len(examples) >= 150
    for section in ("dev", "heldout"):
        report = benchmark.evaluate([e for e in examples if e.section == section])
        assert report["recall"] >= 0.95, (section, report["errors"])
        assert report["precision"] >= 0.85, (section, report["errors"])


def test_speed_under_two_milliseconds_per_thousand_characters():
    benchmark = _load_benchmark()
    text = " ".join(e.text for e in benchmark.load_corpus())[:1000]
    assert benchmark.time_per_call(text, repeat=50) < 4.0  # 2 ms target, headroom for a busy CI machine
