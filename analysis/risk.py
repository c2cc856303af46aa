"""Spot free text that suggests someone may be in danger now.

``assess(text)`` looks for threats to kill, strangulation, weapons, children
at risk, suicidal thoughts, the perpetrator being nearby, sexual violence and
other signs of immediate danger. A flagged response's thank-you page leads
with 999, the Silent Solution and the helplines, and staff see the flag.

Missing a risk is the worse error, so matching is generous: a past threat
still counts ("he threatened to kill me last year"). A match is dropped only
when it is negated in its own clause ("no weapons were involved", "he never
threatened to kill me"), when a state is over ("I don't feel suicidal any
more", "I used to self-harm"), or when it is a figure of speech or the name
of a service ("the wait was killing me", "Rape Crisis", "knife crime talk").
The phrase lists live in ``data/risk_phrases.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

# Risk text in a long answer is near its start more often than not, but a
# pasted 1 MB text must not stall a request: look at this much of it.
MAX_CHARS = 20_000
# Words before a match searched for a negator, within the same clause.
_NEGATION_WINDOW = 5
_CLAUSE_BREAK = re.compile(
    r"[.!?;:,\n]|\b(?:but|when|because|and|so|after|before|then|until|while|since|if|who|which|that|though|although)\b"
)
_MACRO = re.compile(r"<([A-Z]+)>")


@dataclass(frozen=True)
class RiskAssessment:
    flagged: bool
    categories: tuple[str, ...]  # sorted
    matches: tuple[str, ...]  # the phrases that triggered, in order of appearance


@dataclass(frozen=True)
class _Rules:
    categories: dict[str, re.Pattern[str]]
    exclusions: re.Pattern[str]
    negators: re.Pattern[str]
    not_negating: re.Pattern[str]
    past_clears: re.Pattern[str]


def _expand(pattern: str, macros: dict[str, str]) -> str:
    return _MACRO.sub(lambda m: macros[m.group(1)], pattern)


@cache
def _rules() -> _Rules:
    raw = resources.files("analysis").joinpath("data", "risk_phrases.yaml").read_text(encoding="utf-8")
    spec = yaml.safe_load(raw)
    macros = spec["macros"]
    categories = {
        name: re.compile("|".join(f"(?:{_expand(p, macros)})" for p in patterns))
        for name, patterns in spec["categories"].items()
    }
    return _Rules(
        categories=categories,
        exclusions=re.compile("|".join(f"(?:{_expand(p, macros)})" for p in spec["exclusions"])),
        negators=re.compile(spec["negators"]),
        not_negating=re.compile(spec["not_negating"]),
        past_clears=re.compile(spec["past_clears"]),
    )


def categories() -> tuple[str, ...]:
    """Every category ``assess`` can report."""
    return tuple(sorted(_rules().categories))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("\x00", " ")
    return re.sub(r"\s+", " ", text)


def _clause_before(text: str, start: int) -> str:
    """The words of the match's clause before it, at most a few."""
    head = text[max(0, start - 80):start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end():]
    return " ".join(head.split()[-_NEGATION_WINDOW:])


def _sentence_after(text: str, end: int) -> str:
    tail = text[end:end + 80]
    found = re.search(r"[.!?\n]", tail)
    return tail[: found.start()] if found else tail


def _is_negated(text: str, start: int, end: int, category: str, rules: _Rules) -> bool:
    phrase = text[start:end]
    if rules.negators.search(phrase):
        # The phrase carries its own negation ("I don't want to live"): read as written.
        return False
    before = _clause_before(text, start)
    if rules.negators.search(before) and not rules.not_negating.search(before + " " + phrase):
        return True
    if category == "suicidal":
        # States can end: "I used to self-harm", "not suicidal any more".
        sentence_start = max(text.rfind(".", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start))
        context = text[sentence_start + 1:start] + " " + _sentence_after(text, end)
        return bool(rules.past_clears.search(context))
    return False


def assess(text: str) -> RiskAssessment:
    """Flag text that suggests danger now; never raises on any str."""
    if not isinstance(text, str):
        raise TypeError("assess() takes a str")
    rules = _rules()
    normalised = rules.exclusions.sub(lambda m: " " * len(m.group()), _normalise(text))
    found: list[tuple[int, str, str]] = []
    for category, pattern in rules.categories.items():
        for match in pattern.finditer(normalised):
            start, end = match.span()
            if not _is_negated(normalised, start, end, category, rules):
                found.append((start, category, match.group().strip()))
    found.sort()
    matched_categories = tuple(sorted({category for _, category, _ in found}))
    phrases = tuple(dict.fromkeys(phrase for _, _, phrase in found))
    return RiskAssessment(flagged=bool(found), categories=matched_categories, matches=phrases)
