"""Responses, summaries, moderation and exports for one consultation.

Counting happens in the database where it can (per day); answer values are
encrypted, so they are counted in Python;
multiple-choice answers (a JSON list) and exports are read in batches
(`yield_per`) so a large consultation never sits in memory. Hidden responses
(spam, abuse) are left out of summaries and exports unless asked for.

Free text here is always the stored, already redacted text; moderation can only
redact more (`redact_words`), never restore.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from analysis.board import FEWER, K, shown_count
from analysis.suppression import suppress
from webapp.consultations.models import Answer, Consultation, ConsultationResponse, Question
from webapp.extensions import db

BATCH = 500
CHOICE_KINDS = ("single", "multiple", "agreement", "rating", "yes_no")
REDACTED = "[redacted]"

# Words a moderator may select: letters/digits with inner ' ’ . @ + - (so an
# email or a hyphenated name is one word). Markers like [name] are skipped.
_WORD = re.compile(r"[\w][\w'’.@+\-]*[\w]|[\w]")
# A cell a spreadsheet would run as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _visible(query, include_hidden: bool = False):
    return query if include_hidden else query.where(ConsultationResponse.hidden.is_(False))


# Counts ------------------------------------------------------------------------------

def bar_class(percent: float) -> str:
    """The CSS width class for a bar: heard-bar--0 … heard-bar--100 in steps of 5
    (the CSP forbids inline style attributes)."""
    step = int(round(max(0.0, min(100.0, percent)) / 5.0)) * 5
    return f"heard-bar--{step}"


def percent(part: int, whole: int) -> int:
    return round(part * 100 / whole) if whole else 0


def counts(consultation: Consultation) -> dict[str, int]:
    rows = dict(db.session.execute(
        select(ConsultationResponse.hidden, func.count(ConsultationResponse.id))
        .where(ConsultationResponse.consultation_id == consultation.id)
        .group_by(ConsultationResponse.hidden)).all())
    return {"shown": rows.get(False, 0), "hidden": rows.get(True, 0)}


@dataclass
class Week:
    starts_on: date
    count: int
    bar: str = ""
    shown: str = ""  # the count, or "fewer than 5" (see `released`)


def responses_per_week(consultation: Consultation) -> list[Week]:
    """Shown responses per week (weeks start on Monday), with empty weeks between,
    each count released as the board summary would release it."""
    per_day = db.session.execute(_visible(
        select(ConsultationResponse.submitted_on, func.count(ConsultationResponse.id))
        .where(ConsultationResponse.consultation_id == consultation.id))
        .group_by(ConsultationResponse.submitted_on)).all()
    weekly: Counter[date] = Counter()
    for day, count in per_day:
        weekly[day - timedelta(days=day.weekday())] += count
    if not weekly:
        return []
    weeks, start, end = [], min(weekly), max(weekly)
    while start <= end:
        weeks.append(Week(start, weekly.get(start, 0)))
        start += timedelta(days=7)
    withheld, _ = released([week.count for week in weeks])
    top = max((week.count for week, hidden in zip(weeks, withheld, strict=True) if not hidden), default=0)
    for week, hidden in zip(weeks, withheld, strict=True):
        week.shown = FEWER if hidden else str(week.count)
        week.bar = "" if hidden else bar_class(percent(week.count, top))
    return weeks


def released(counts: list[int], total_is_their_sum: bool = True) -> tuple[list[bool], bool]:
    """Which of one row of counts to withhold, and whether their total must be
    withheld too: the board summary's rule (`analysis.suppression`), every count
    under 5 and, when the counts add up to a total shown beside them, enough
    others that none can be worked out by subtraction. Choices of a
    multiple-choice question do not add up to anything: only those under 5 go."""
    if not total_is_their_sum:
        return [0 < count < K for count in counts], 0 < sum(counts) < K
    decided = suppress([counts])
    return list(decided.cells[0]), decided.row_totals[0] or decided.grand_total


@dataclass
class Row:
    label: str
    count: int
    percent: int
    bar: str  # "" when withheld
    shown: str = ""  # the count, or "fewer than 5"
    withheld: bool = False


@dataclass
class Summary:
    question: Question
    answered: int
    rows: list[Row] = field(default_factory=list)
    answered_shown: str = ""  # the count, or "fewer than 5"


def summaries(consultation: Consultation) -> list[Summary]:
    """Per question: how many answered and, for choice-style questions, how many
    chose each option (percentages of those who answered; for multiple choice
    they can add up to more than 100). Free text: the count only. Every figure
    is released as the board summary releases it (`released`): equality
    questions are questions here too."""
    result = []
    for question in consultation.questions:
        base = _visible(select(Answer.value).join(ConsultationResponse)
                        .where(Answer.question_id == question.id))
        if question.kind == "multiple":
            tally: Counter[str] = Counter()
            answered = 0
            for values in db.session.scalars(base.with_only_columns(Answer.values)
                                             .execution_options(yield_per=BATCH)):
                if values:
                    answered += 1
                    tally.update(set(values))
        else:
            # Answers are encrypted (webapp.crypto), so they are counted here, not grouped in SQL.
            tally = Counter(db.session.scalars(base.where(Answer.value != "")
                                               .execution_options(yield_per=BATCH)))
            answered = sum(tally.values())
        summary = Summary(question, answered, answered_shown=shown_count(answered))
        if question.kind in CHOICE_KINDS:
            _add_rows(summary, question, tally)
        result.append(summary)
    return result


def _add_rows(summary: Summary, question: Question, tally: Counter[str]) -> None:
    labels = list(question.choices) + sorted(set(tally) - set(question.choices))
    counts = [tally.get(label, 0) for label in labels]
    withheld, total_withheld = released(counts, total_is_their_sum=question.kind != "multiple")
    if total_withheld:
        summary.answered_shown = FEWER
    for label, count, hidden in zip(labels, counts, withheld, strict=True):
        share = percent(count, summary.answered)
        if hidden or total_withheld:  # its percentage would give it away too
            summary.rows.append(Row(label, count, share, "", FEWER if count else "0", withheld=True))
        else:
            summary.rows.append(Row(label, count, share, bar_class(share), str(count)))


# Moderation --------------------------------------------------------------------------

def free_text_answers(consultation: Consultation, page: int = 1, per_page: int = 50):
    """(answers, total): free-text answers newest first, hidden ones included."""
    query = (select(Answer).join(ConsultationResponse).join(Question)
             .where(ConsultationResponse.consultation_id == consultation.id,
                    Question.kind == "free_text", Answer.value != ""))
    total = db.session.scalar(query.with_only_columns(func.count(Answer.id))) or 0
    # Each card shows its response's flags and its question: load them with the page.
    answers = list(db.session.scalars(query.options(joinedload(Answer.response), joinedload(Answer.question))
                                      .order_by(ConsultationResponse.submitted_on.desc(), Answer.id.desc())
                                      .offset((page - 1) * per_page).limit(per_page)))
    return answers, total


def words(text: str) -> list[tuple[int, str]]:
    """(index, word) for each word a moderator may redact, skipping markers like [name]."""
    found = []
    for index, match in enumerate(_WORD.finditer(text)):
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        if before == "[" and after == "]":
            continue
        found.append((index, match.group()))
    return found


def redact_words(text: str, indexes: set[int]) -> str:
    """`text` with the chosen words (by index from `words`) replaced by [redacted];
    neighbouring chosen words separated only by spaces become one marker."""
    spans = [match.span() for index, match in enumerate(_WORD.finditer(text)) if index in indexes]
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + REDACTED + text[end:]
    return text


def text_version(text: str) -> str:
    """A short fingerprint so a redact form refers to the text it was made from."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Exports -----------------------------------------------------------------------------

# Control characters other than tab and line breaks (escape, bell, backspace, the
# C1 range): a terminal or spreadsheet that shows the export could act on them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def safe_cell(value: str) -> str:
    """Drop control characters, then prefix cells a spreadsheet would treat as
    a formula with a single quote."""
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _rows(consultation: Consultation, include_hidden: bool) -> Iterator[tuple[tuple, dict[int, object]]]:
    """(response columns, {question id: answer}) per response, read in batches."""
    query = _visible(
        select(ConsultationResponse.id, ConsultationResponse.submitted_on, ConsultationResponse.safeguarding_flag,
               ConsultationResponse.hidden, ConsultationResponse.hidden_reason,
               Answer.question_id, Answer.value, Answer.values)
        .outerjoin(Answer, Answer.response_id == ConsultationResponse.id)
        .where(ConsultationResponse.consultation_id == consultation.id), include_hidden)
    current, answers = None, {}
    # By day, then by the random ids: the order people answered in is not kept.
    for row in db.session.execute(query.order_by(ConsultationResponse.submitted_on, ConsultationResponse.id, Answer.id)
                                  .execution_options(yield_per=BATCH)):
        if current is not None and row[0] != current[0]:
            yield current, answers
            answers = {}
        current = row[:5]
        if row[5] is not None:
            answers[row[5]] = row[7] if row[7] is not None else row[6]
    if current is not None:
        yield current, answers


def export_csv(consultation: Consultation, questions: list[Question], include_hidden: bool) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    header = ["response", "submitted_on", "safeguarding_flag"]
    if include_hidden:
        header += ["hidden", "hidden_reason"]
    writer.writerow(header + [safe_cell(q.text) for q in questions])
    yield flush()
    for index, ((_id, day, flagged, hidden, reason), answers) in enumerate(_rows(consultation, include_hidden), 1):
        cells = [_id, day.isoformat(), "yes" if flagged else "no"]
        if include_hidden:
            cells += ["yes" if hidden else "no", safe_cell(reason or "")]
        for question in questions:
            answer = answers.get(question.id, "")
            cells.append(safe_cell("; ".join(answer) if isinstance(answer, list) else str(answer or "")))
        writer.writerow(cells)
        if index % 100 == 0:
            yield flush()
    yield flush()


def export_json(consultation: Consultation, questions: list[Question], include_hidden: bool) -> Iterator[str]:
    head = {"consultation": {"id": consultation.id, "title": consultation.title, "slug": consultation.slug},
            "include_hidden": include_hidden,
            "questions": [{"id": q.id, "text": q.text, "kind": q.kind, "choices": list(q.choices)}
                          for q in questions]}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "responses": ['
    chunk = []
    for index, ((_id, day, flagged, hidden, reason), answers) in enumerate(_rows(consultation, include_hidden)):
        record = {"response": _id, "submitted_on": day.isoformat(), "safeguarding_flag": bool(flagged),
                  "answers": {str(q.id): answers[q.id] for q in questions if q.id in answers}}
        if include_hidden:
            record |= {"hidden": bool(hidden), "hidden_reason": reason or ""}
        chunk.append(("," if index else "") + json.dumps(record, ensure_ascii=False))
        if len(chunk) >= 100:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "]}\n"
