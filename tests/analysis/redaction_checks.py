"""What the redaction tests share: the redacted text, an exact and stable check, and the
benchmark module (benchmarks/redaction.py) for its corpora and scoring."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

from analysis.redaction import redact

ROOT = Path(__file__).resolve().parents[2]


def redacted(text: str) -> str:
    return redact(text).text


def exact_and_stable(text: str, expected: str) -> None:
    assert redacted(text) == expected
    assert redacted(expected) == expected  # redacting again changes nothing


@cache
def load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_redaction", ROOT / "benchmarks" / "redaction.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
