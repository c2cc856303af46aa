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
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from analysis.board import FEWER, NOT_SHOWN, K, line_small, shown_count, suppress_row
from webapp import disclosure, revisions
from webapp.consultations.models import Answer, Consultation, ConsultationResponse, Question
from webapp.consultations.rules import KINDS, parse_number
from webapp.extensions import db
from webapp.formatters import MONTHS

# Redacting more words is shared with feedback moderation.
from webapp.moderation.redacting import REDACTED, redact_words, still_restored, text_version, words  # noqa: F401

BATCH = 500
CHOICE_KINDS = ("single", "multiple", "agreement", "rating", "yes_no", "select", "scale10")
# Summarised a table per statement (grid) or per thing ranked (ranking).
SECTIONED_KINDS = ("grid", "ranking")
NUMBER_BANDS = 5

# Words a moderator may select: letters/digits with inner ' ’ . @ + - (so an
# email or a hyphenated name is one word). Markers like [name] are skipped.
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
    shown: str = ""  # the count, "fewer than 5" or "not shown" (see `released`)


def week_key(starts_on: date) -> str:
    """A week's count in the release ledger (`webapp.disclosure`)."""
    return f"responses|week|{starts_on.isoformat()}"


def responses_per_week(consultation: Consultation, held: frozenset[str] = frozenset()) -> list[Week]:
    """Shown responses per week (weeks start on Monday), with empty weeks between,
    each count released as the board summary would release it (`held`: weeks
    the release ledger holds back)."""
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
    decided = released([week.count for week in weeks], held=[week_key(week.starts_on) in held for week in weeks])
    top = max((week.count for week, hidden in zip(weeks, decided.withheld, strict=True) if not hidden), default=0)
    for week, hidden, small in zip(weeks, decided.withheld, decided.small, strict=True):
        week.shown = (FEWER if small else NOT_SHOWN) if hidden else str(week.count)
        week.bar = "" if hidden else bar_class(percent(week.count, top))
    return weeks


@dataclass(frozen=True)
class Released:
    withheld: list[bool]  # which counts to withhold
    total_withheld: bool  # whether their total goes too
    small: list[bool]  # which withheld counts read "fewer than 5" (the others read "not shown")


def released(counts: list[int], total_is_their_sum: bool = True, held: list[bool] | None = None) -> Released:
    """Which of one row of counts to withhold, and whether their total must be
    withheld too: the board summary's rule (`analysis.board.suppress_row`),
    every count under 5 and, when the counts add up to a total shown beside
    them, enough others that none can be worked out by subtraction, even by
    a reader who tells "fewer than 5" from "not shown". Choices of a
    multiple-choice question do not add up to anything: only those under 5 go.
    A total under 5 is withheld, and then each small count may say so."""
    held = held or [False] * len(counts)
    total_withheld = 0 < sum(counts) < K
    if not total_is_their_sum or total_withheld:
        withheld = [0 < count < K or hold for count, hold in zip(counts, held, strict=True)]
        return Released(withheld, total_withheld, [0 < count < K for count in counts])
    withheld = suppress_row(counts, K, held)
    return Released(withheld, False, line_small(counts, withheld, K))


NO_SHARE = "—"


def _share(count: int, answered: int, withheld: bool) -> str:
    """A row's percentage as every table shows it (responses page, board summary and pack):
    "—" where nobody answered (the question, or a grid's statement), so there is nothing
    to be a share of, and for a withheld count, which its percentage would give away; else
    the percentage, "0%" when people answered and none chose this."""
    if not answered or (withheld and count):
        return NO_SHARE
    return f"{percent(count, answered)}%"


@dataclass
class Row:
    label: str
    count: int
    percent: int
    bar: str  # "" when withheld
    shown: str = ""  # the count, "fewer than 5" or "not shown"
    withheld: bool = False
    share: str = NO_SHARE  # the percentage as shown: "40%", or "—" (`_share`)


@dataclass
class Section:
    """One statement of a grid, or one thing ranked, with its own table."""

    label: str
    answered: int
    rows: list[Row] = field(default_factory=list)


@dataclass
class Summary:
    question: Question
    answered: int
    rows: list[Row] = field(default_factory=list)
    answered_shown: str = ""  # the count, or "fewer than 5"
    sections: list[Section] = field(default_factory=list)


def question_key(question_id: int, label: str = "*") -> str:
    """A question's figure in the release ledger ("*": how many answered)."""
    return f"question|{question_id}|{label}"


def released_figures(consultation: Consultation) -> tuple[list[Week], list[Summary]]:
    """The weekly counts and question summaries as the responses page shows
    them: as last released while fewer than 5 responses were added or hidden
    since (`webapp.revisions`: one more answer must not show which counts it
    moved); otherwise checked against every figure Heard has shown for this
    consultation (`webapp.disclosure`: a count that moved by 1 to 4 since it
    was last shown is held back), and recorded."""
    population = frozenset({f"consultation:{consultation.slug}"})
    responses = db.session.scalars(_visible(select(ConsultationResponse.id)
                                            .where(ConsultationResponse.consultation_id == consultation.id)))
    return revisions.revised(disclosure.population_key(population), "questions", dict.fromkeys(responses, True),
                             lambda: _release_figures(consultation, population), _dump_figures,
                             lambda kept: _load_figures(kept, consultation))


def _release_figures(consultation: Consultation, population: frozenset[str]) -> tuple[list[Week], list[Summary]]:
    disclosure.lock()
    held: set[str] = set()
    checked: set[str] = set()
    while True:
        weeks = responses_per_week(consultation, frozenset(held))
        found = summaries(consultation, frozenset(held))
        shown = {week_key(week.starts_on): week.count for week in weeks if week.shown == str(week.count)}
        shown |= _shown_answers(found)
        fresh = {key: value for key, value in shown.items() if key not in checked}
        checked |= fresh.keys()
        refused = disclosure.release(population, fresh)
        if not refused:
            break
        held |= refused
    disclosure.record(population, shown)
    return weeks, found


def _dump_figures(figures: tuple[list[Week], list[Summary]]) -> dict:
    weeks, found = figures
    return {"weeks": [asdict(week) | {"starts_on": week.starts_on.isoformat()} for week in weeks],
            "summaries": [{"question": summary.question.id, "answered": summary.answered,
                           "answered_shown": summary.answered_shown,
                           "rows": [asdict(row) for row in summary.rows],
                           "sections": [asdict(section) for section in summary.sections]} for summary in found]}


def _load_figures(kept: dict, consultation: Consultation) -> tuple[list[Week], list[Summary]]:
    """The kept figures, for the questions the consultation still has."""
    weeks = [Week(**(week | {"starts_on": date.fromisoformat(week["starts_on"])})) for week in kept["weeks"]]
    questions = {question.id: question for question in consultation.questions}
    found = [Summary(question=questions[summary["question"]], answered=summary["answered"],
                     answered_shown=summary["answered_shown"], rows=[Row(**row) for row in summary["rows"]],
                     sections=[Section(section["label"], section["answered"], [Row(**row) for row in section["rows"]])
                               for section in summary["sections"]])
             for summary in kept["summaries"] if summary["question"] in questions]
    return weeks, found


def _shown_answers(found: list[Summary]) -> dict[str, int]:
    shown = {}
    for summary in found:
        if summary.answered_shown == str(summary.answered):
            shown[question_key(summary.question.id)] = summary.answered
        shown.update((question_key(summary.question.id, row.label), row.count)
                     for row in summary.rows if not row.withheld)
        shown.update((question_key(summary.question.id, f"{section.label}|{row.label}"), row.count)
                     for section in summary.sections for row in section.rows if not row.withheld)
    return shown


def summaries(consultation: Consultation, held: frozenset[str] = frozenset()) -> list[Summary]:
    """Per question: how many answered and, for choice-style questions, how many
    chose each option (percentages of those who answered; for multiple choice
    they can add up to more than 100); for a grid, a table per statement; for
    ranking, how many gave each thing each rank; dates by month; numbers in
    bands when the question has a range. Free text: the count only. Every figure
    is released as the board summary releases it (`released`): equality
    questions are questions here too. Information between questions has none."""
    result = []
    for question in consultation.questions:
        if not question.answerable:
            continue
        base = _visible(select(Answer.value).join(ConsultationResponse)
                        .where(Answer.question_id == question.id))
        if question.kind in ("multiple",) + SECTIONED_KINDS:
            lists = [values for values in db.session.scalars(base.with_only_columns(Answer.values)
                                                             .execution_options(yield_per=BATCH)) if values]
            answered = len(lists)
        else:
            # Answers are encrypted (webapp.crypto), so they are counted here, not grouped in SQL.
            tally = Counter(db.session.scalars(base.where(Answer.value != "")
                                               .execution_options(yield_per=BATCH)))
            answered = sum(tally.values())
        answered_held = question_key(question.id) in held
        summary = Summary(question, answered, answered_shown=NOT_SHOWN if answered_held else shown_count(answered))
        if question.kind == "multiple":
            tally = Counter(choice for values in lists for choice in set(values))
            _add_rows(summary, question, list(question.choices), tally, held)
        elif question.kind in SECTIONED_KINDS:
            _add_sections(summary, question, lists, held)
        elif question.kind in CHOICE_KINDS:
            _add_rows(summary, question, list(question.choices), tally, held)
        elif question.kind == "date":
            _add_rows(summary, question, *_by_month(tally), held)
        elif question.kind == "number" and _bands(question):
            _add_rows(summary, question, [label for label, _, _ in _bands(question)], _by_band(question, tally), held)
        result.append(summary)
    return result


def _by_month(tally: Counter[str]) -> tuple[list[str], Counter[str]]:
    """Dates counted by month ("March 2027"), in order: a day could pick someone out."""
    months: Counter[str] = Counter()
    for day, count in tally.items():
        months[day[:7]] += count
    labels = {month: f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}" for month in sorted(months)}
    return list(labels.values()), Counter({labels[month]: count for month, count in months.items()})


def _bands(question: Question) -> list[tuple[str, Decimal, Decimal]]:
    """Up to 5 equal ranges across a number question's range ("10 to 19"), when it has both ends."""
    low, high = question.config.get("min"), question.config.get("max")
    if low is None or high is None:
        return []
    width = max(1, -(-(high - low + 1) // NUMBER_BANDS))
    bands, start = [], low
    while start <= high:
        end = min(high, start + width - 1)
        bands.append((f"{start} to {end}" if end != start else str(start), Decimal(start), Decimal(end) + 1))
        start = end + 1
    return bands


def _by_band(question: Question, tally: Counter[str]) -> Counter[str]:
    bands = _bands(question)
    counted: Counter[str] = Counter()
    for value, count in tally.items():
        number = parse_number(value)
        label = next((label for label, low, below in bands if number is not None and low <= number < below), None)
        if label is not None:
            counted[label] += count
    return counted


def _add_sections(summary: Summary, question: Question, lists: list[list], held: frozenset[str]) -> None:
    """A grid's statements, each with how many gave each answer; or, for
    ranking, each thing with how many gave it each rank (1 matters most)."""
    if question.kind == "grid":
        labels = list(question.choices)
        per_section = {row: Counter(values[index] for values in lists if index < len(values) and values[index])
                       for index, row in enumerate(question.rows)}
    else:
        labels = [str(rank) for rank in range(1, len(question.choices) + 1)]
        per_section = {item: Counter(str(values.index(item) + 1) for values in lists if item in values)
                       for item in question.choices}
    for label, tally in per_section.items():
        section = Section(label, sum(tally.values()))
        section.rows, _ = _released_rows(question, labels, tally, section.answered, held, prefix=f"{label}|")
        summary.sections.append(section)


def _add_rows(summary: Summary, question: Question, labels: list[str], tally: Counter[str],
              held: frozenset[str]) -> None:
    labels = labels + sorted(set(tally) - set(labels))
    summary.rows, total_withheld = _released_rows(question, labels, tally, summary.answered, held)
    if total_withheld:
        summary.answered_shown = shown_count(summary.answered)


def _released_rows(question: Question, labels: list[str], tally: Counter[str], answered: int,
                   held: frozenset[str], prefix: str = "") -> tuple[list[Row], bool]:
    counts = [tally.get(label, 0) for label in labels]
    decided = released(counts, total_is_their_sum=question.kind != "multiple",
                       held=[question_key(question.id, prefix + label) in held for label in labels])
    # A total held back by the ledger takes the percentages with it: beside the counts they would give it away.
    hide_all = decided.total_withheld or question_key(question.id) in held
    rows = []
    for label, count, hidden, small in zip(labels, counts, decided.withheld, decided.small, strict=True):
        share = percent(count, answered)
        if hidden or hide_all:  # its percentage would give it away too
            words = "0" if not count else FEWER if small else NOT_SHOWN
            rows.append(Row(label, count, share, "", words, withheld=True,
                            share=_share(count, answered, withheld=True)))
        else:
            rows.append(Row(label, count, share, bar_class(share) if answered else "", str(count),
                            share=_share(count, answered, withheld=False)))
    return rows, decided.total_withheld


# Moderation --------------------------------------------------------------------------

MODERATION_FILTERS = {"all": "All answers", "unchecked": "Not checked yet",
                      "flagged": "Flagged (safeguarding or risk words)", "hidden": "Hidden"}


def free_text_answers(consultation: Consultation, page: int = 1, per_page: int = 50, *,
                      show: str = "all", question_id: int | None = None):
    """(answers, total): free-text answers newest first, hidden ones included
    unless a filter says otherwise. `show` is a key of MODERATION_FILTERS;
    `question_id` keeps one question's answers."""
    # Free-text answers, and what people typed with "Other (please specify)" (`Answer.typed_text`).
    query = (select(Answer).join(ConsultationResponse).join(Question)
             .where(ConsultationResponse.consultation_id == consultation.id,
                    ((Question.kind == "free_text") & (Answer.value != "")) | (Answer.other_text != "")))
    if show == "unchecked":
        query = query.where(ConsultationResponse.checked.is_(False))
    elif show == "flagged":
        query = query.where(ConsultationResponse.safeguarding_flag.is_(True)
                            | ConsultationResponse.risk_flagged.is_(True))
    elif show == "hidden":
        query = query.where(ConsultationResponse.hidden.is_(True))
    if question_id:
        query = query.where(Answer.question_id == question_id)
    total = db.session.scalar(query.with_only_columns(func.count(Answer.id))) or 0
    # Each card shows its response's flags and its question: load them with the page.
    answers = list(db.session.scalars(query.options(joinedload(Answer.response), joinedload(Answer.question))
                                      .order_by(ConsultationResponse.submitted_on.desc(), Answer.id.desc())
                                      .offset((page - 1) * per_page).limit(per_page)))
    return answers, total


def free_text_questions(consultation: Consultation) -> list[Question]:
    """Questions people type answers to: free text, and those with "Other (please specify)"."""
    return [question for question in consultation.questions if question.kind == "free_text" or question.has_other]


# Exports -----------------------------------------------------------------------------

# Control characters other than tab and line breaks (escape, bell, backspace, the
# C1 range): a terminal or spreadsheet that shows the export could act on them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def safe_cell(value: str) -> str:
    """Drop control characters, then prefix cells a spreadsheet would treat as
    a formula with a single quote."""
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


@dataclass(frozen=True)
class AnswerThemes:
    """What theming says about one free-text answer: its theme labels (staff
    coding first, else the latest run's) and its sentiment."""

    themes: tuple[str, ...] = ()
    sentiment: str = ""


# answer id -> AnswerThemes, and the lookup that answers it for one batch of
# answer ids; given by the themes room, which sits above this one.
ThemeLookup = dict[int, AnswerThemes]
ThemesFor = Callable[[Sequence[int]], ThemeLookup]
BOM = "\ufeff"  # so Excel reads the CSV as UTF-8 when it is double-clicked


# Each response's own columns, in the order `_cells` and `export_json` read them: its
# language and whether it was the Easy Read version, so analysts can look at either apart.
RESPONSE_COLUMNS = (ConsultationResponse.id, ConsultationResponse.submitted_on, ConsultationResponse.safeguarding_flag,
                    ConsultationResponse.language, ConsultationResponse.easy_read,
                    ConsultationResponse.hidden, ConsultationResponse.hidden_reason)
_WIDTH = len(RESPONSE_COLUMNS)


def _rows(consultation: Consultation, include_hidden: bool
          ) -> Iterator[tuple[tuple, dict, dict[int, int]]]:
    """(response columns, {question id: answer}, {question id: answer id}) per
    response, read in batches. The text of an "Other" answer is in the answers
    under (question id, "other")."""
    query = _visible(
        select(*RESPONSE_COLUMNS, Answer.question_id, Answer.value, Answer.values, Answer.id, Answer.other_text)
        .outerjoin(Answer, Answer.response_id == ConsultationResponse.id)
        .where(ConsultationResponse.consultation_id == consultation.id), include_hidden)
    current, answers, ids = None, {}, {}
    # By day, then by the random ids: the order people answered in is not kept.
    for row in db.session.execute(query.order_by(ConsultationResponse.submitted_on, ConsultationResponse.id, Answer.id)
                                  .execution_options(yield_per=BATCH)):
        if current is not None and row[0] != current[0]:
            yield current, answers, ids
            answers, ids = {}, {}
        current, (question_id, value, values, answer_id, other) = row[:_WIDTH], row[_WIDTH:]
        if question_id is not None:
            answers[question_id] = values if values is not None else value
            ids[question_id] = answer_id
            if other:
                answers[(question_id, "other")] = other
    if current is not None:
        yield current, answers, ids


def _rows_with_themes(consultation: Consultation, include_hidden: bool, questions: list[Question],
                      themes_for: ThemesFor | None, batch: int = 100):
    """`_rows` with each response's free-text themes: the lookup is asked once
    per `batch` responses, so the export still streams in constant memory."""
    free_text = {q.id for q in questions if q.kind == "free_text"}
    pending: list = []

    def flush():
        ids = [answer_id for _, _, by_question in pending for qid, answer_id in by_question.items()
               if qid in free_text]
        themes = themes_for(ids) if themes_for and ids else {}
        for row, answers, by_question in pending:
            yield row, answers, by_question, themes
        pending.clear()

    for item in _rows(consultation, include_hidden):
        pending.append(item)
        if len(pending) >= batch:
            yield from flush()
    yield from flush()


def _cell(answer) -> str:
    return safe_cell("; ".join(answer) if isinstance(answer, list) else str(answer or ""))


def _theme_cells(themes: ThemeLookup, answer_id: int | None) -> list[str]:
    found = themes.get(answer_id) if answer_id is not None else None
    return [safe_cell("; ".join(found.themes)), found.sentiment] if found else ["", ""]


def _header(questions: list[Question], include_hidden: bool) -> list[str]:
    header = ["response", "submitted_on", "safeguarding_flag", "language", "easy_read"]
    if include_hidden:
        header += ["hidden", "hidden_reason"]
    for question in questions:
        header += [safe_cell(name) for name in _question_header(question)]
    return header


def _question_header(question: Question) -> list[str]:
    """A grid has a column per statement, ranking a column per thing ranked
    (its rank); "Other" text, themes and sentiment follow their question."""
    if question.kind == "grid":
        return [f"{question.text}: {row}" for row in question.rows]
    if question.kind == "ranking":
        return [f"{question.text}: rank of {item}" for item in question.choices]
    header = [question.text]
    if question.has_other:
        header.append(f"{question.text} (other)")
    if question.kind == "free_text":
        header += [f"{question.text} (themes)", f"{question.text} (sentiment)"]
    return header


def _cells(row: tuple, answers: dict, ids: dict, questions: list[Question], include_hidden: bool,
           themes: ThemeLookup) -> list:
    _id, day, flagged, language, easy_read, hidden, reason = row
    cells = [_id, day.isoformat(), "yes" if flagged else "no", language, "yes" if easy_read else "no"]
    if include_hidden:
        cells += ["yes" if hidden else "no", safe_cell(reason or "")]
    for question in questions:
        cells += _question_cells(question, answers, ids, themes)
    return cells


def _question_cells(question: Question, answers: dict, ids: dict, themes: ThemeLookup) -> list[str]:
    answer = answers.get(question.id, "")
    given = answer if isinstance(answer, list) else []
    if question.kind == "grid":
        return [safe_cell(given[index] if index < len(given) else "") for index in range(len(question.rows))]
    if question.kind == "ranking":
        return [str(given.index(item) + 1) if item in given else "" for item in question.choices]
    cells = [_cell(answer)]
    if question.has_other:
        cells.append(safe_cell(answers.get((question.id, "other"), "")))
    if question.kind == "free_text":
        cells += _theme_cells(themes, ids.get(question.id))
    return cells


def _answerable(questions: list[Question]) -> list[Question]:
    """Information between questions has no answers to export."""
    return [question for question in questions if question.answerable]


def export_csv(consultation: Consultation, questions: list[Question], include_hidden: bool,
               themes_for: ThemesFor | None = None) -> Iterator[str]:
    """CSV, starting with a byte-order mark, with each free-text question's
    themes and sentiment in the two columns after it."""
    questions = _answerable(questions)
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(_header(questions, include_hidden))
    yield BOM + flush()
    for index, (row, answers, ids, themes) in enumerate(
            _rows_with_themes(consultation, include_hidden, questions, themes_for), 1):
        writer.writerow(_cells(row, answers, ids, questions, include_hidden, themes))
        if index % 100 == 0:
            yield flush()
    yield flush()


def export_json(consultation: Consultation, questions: list[Question], include_hidden: bool,
                themes_for: ThemesFor | None = None) -> Iterator[str]:
    questions = _answerable(questions)
    head = {"consultation": {"id": consultation.id, "title": consultation.title, "slug": consultation.slug},
            "include_hidden": include_hidden,
            "questions": [{"id": q.id, "text": q.text, "kind": q.kind, "choices": list(q.choices)}
                          | ({"rows": list(q.rows)} if q.kind == "grid" else {}) for q in questions]}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "responses": ['
    chunk = []
    for index, ((_id, day, flagged, language, easy_read, hidden, reason), answers, ids, themes) in enumerate(
            _rows_with_themes(consultation, include_hidden, questions, themes_for)):
        record = {"response": _id, "submitted_on": day.isoformat(), "safeguarding_flag": bool(flagged),
                  "language": language, "easy_read": bool(easy_read),
                  "answers": {str(q.id): answers[q.id] for q in questions if q.id in answers},
                  "other": {str(q.id): answers[(q.id, "other")] for q in questions if (q.id, "other") in answers},
                  "themes": {str(q.id): {"themes": list(themes[ids[q.id]].themes),
                                         "sentiment": themes[ids[q.id]].sentiment}
                             for q in questions if ids.get(q.id) in themes}}
        if include_hidden:
            record |= {"hidden": bool(hidden), "hidden_reason": reason or ""}
        chunk.append(("," if index else "") + json.dumps(record, ensure_ascii=False))
        if len(chunk) >= 100:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "]}\n"


def export_xlsx(consultation: Consultation, questions: list[Question], include_hidden: bool,
                themes_for: ThemesFor | None = None) -> bytes:
    """An Excel workbook: one sheet per type of question (free text, single
    choice, ...), each row a response with that sheet's questions as columns,
    and for free text its themes and sentiment. Written row by row (openpyxl's
    write-only mode)."""
    # Imported here: only this export needs openpyxl, so web workers that never export skip loading it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    questions = _answerable(questions)
    workbook = Workbook(write_only=True)
    by_kind: dict[str, list[Question]] = {}
    for question in questions:
        by_kind.setdefault(question.kind, []).append(question)
    sheets = {}
    for kind, asked in by_kind.items():
        sheet = workbook.create_sheet(title=KINDS[kind][:31])
        sheet.append(_header(asked, include_hidden))
        sheets[kind] = sheet
    if not sheets:
        workbook.create_sheet(title="No questions").append(["This consultation has no questions yet."])
    for row, answers, ids, themes in _rows_with_themes(consultation, include_hidden, questions, themes_for):
        for kind, asked in by_kind.items():
            cells = _cells(row, answers, ids, asked, include_hidden, themes)
            # A response id has 16 digits: as a number Excel would keep only 15 of them, so it is text.
            cells[0] = WriteOnlyCell(sheets[kind], value=str(cells[0]))
            cells[0].number_format = "@"
            sheets[kind].append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
