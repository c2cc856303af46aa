"""Rows for a check-your-answers page, shared by the feedback and consultation journeys."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SummaryRow:
    question: str
    answer: str
    step: str


@dataclass(frozen=True)
class SummarySection:
    title: str
    rows: tuple[SummaryRow, ...]
