"""What a report's figures are worked out from: for feedback, what each
month last counted.

A report keeps the figures it last released while fewer than k of its
responses have changed (`webapp.revisions`). On its own that let two reports
over the same months disagree: keep a quarter, hide one response, then ask
for its months for the first time; released afresh, they could not agree with
the kept quarter, and the ledger held back exactly the hidden response's
themes (board review). So each month keeps its own inputs: every answer's
themes, sentiment, staff coding and groups, and every flagged response's
kinds and review, with a digest of each response's state. While fewer than k
of the month's responses differ from that, every report over the month is
worked out from what it kept; once k or more differ, it counts afresh. Two
reports over overlapping months then differ only where a month has changed
by k or more.

For the same reason a month's answers are themed by the newest run that saw
them, whichever report's run that was (`coded_items(any_run=True)`): read
through each report's own run, the same month could count two ways.

Kept inputs hold no text. They know responses by their ids, as the report
records' digests do, so records kept before months kept their inputs still
match (a fresh start would release every report afresh beside its kept
figures). A purged response leaves them (`revisions.forget`): its counts are
added back from the purge's aggregates (`webapp.retention`). A consultation is one population that
overlaps no other, and is counted as it stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select

from analysis.board import K
from analysis.safeguarding import Flagged
from webapp import revisions
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.moderation.safeguarding import review_ref, reviewed_refs
from webapp.periods import months_between
from webapp.reports.population import ReportPopulation
from webapp.themes.runs import CodedItem
from webapp.themes.scope import Item, Scope


@dataclass(frozen=True)
class Counted:
    """What a report's figures are worked out from."""

    coded: list[CodedItem]  # the answers, with their themes (feedback: text-free, as their months kept them)
    hidden: list[int]  # the hidden responses among those counted
    flagged: dict[str, Flagged]  # the flagged responses, by review reference


def counted(population: ReportPopulation, current: list[CodedItem], k: int = K) -> Counted:
    """The inputs of a report's own figures and panel; `current` is its answers as they stand."""
    if population.counted is None:
        return Counted([], [], {})
    if population.counted.kind != "feedback":
        return Counted(current, _consultation_hidden(population.counted), flagged_responses(current))
    coded, hidden, flagged = [], [], {}
    for month, (answers, hidden_now) in _by_month(population.counted, current).items():
        month_coded, month_hidden = _month_answers(month, answers, hidden_now, k)
        coded += month_coded
        hidden += month_hidden
        flagged |= _month_flags(month, answers, hidden_now, k)
    return Counted(coded, hidden, flagged)


def counted_flags(population: ReportPopulation, current: Sequence[Item], k: int = K) -> dict[str, Flagged]:
    """The inputs of a report's panel alone (the four-quarter trend): as `counted` gives them."""
    if population.counted is None:
        return {}
    if population.counted.kind != "feedback":
        return flagged_responses(current)
    flagged: dict[str, Flagged] = {}
    for month, (answers, hidden) in _by_month(population.counted, current).items():
        flagged |= _month_flags(month, answers, hidden, k)
    return flagged


def flagged_responses(scope_items: Iterable) -> dict[str, Flagged]:
    """One Flagged per response with danger words found or a staff flag, by
    its review reference, from the report's items (`themes.scope.Item`s, or
    coded items carrying them)."""
    return {review_ref(*key): flag for key, flag in _flagged(scope_items).items()}


def _flagged(scope_items: Iterable) -> dict[tuple[str, int], Flagged]:
    """The flagged responses by (kind, id)."""
    found: dict[tuple[str, int], Flagged] = {}
    for entry in scope_items:
        item = getattr(entry, "item", entry)
        if item.risk_flagged or item.safeguarding_flag or item.risk_categories:
            kind = "feedback" if item.ref.startswith("f:") else "consultation"
            found[(kind, item.response_id)] = Flagged(tuple(item.risk_categories), item.safeguarding_flag, False)
    done = reviewed_refs(review_ref(*key) for key in found)
    return {key: Flagged(f.categories, f.staff_flag, review_ref(*key) in done) for key, f in found.items()}


def states(coded: Iterable[CodedItem], hidden: Iterable[int]) -> dict:
    """What each response adds to the counts: its answers' themes and
    sentiment and every group it is broken down by; a hidden one, that it is
    hidden. Not what staff did (confirming a run's themes moves no count, and
    counted as a change it made one real change stand out among five: board
    review), which moves with the next release; nor the purged responses'
    counts, which a purge adds back as it removes them."""
    found: dict[tuple, list | str] = {("response", response_id): "hidden" for response_id in hidden}
    for c in sorted(coded, key=lambda c: c.item.ref):
        item = c.item
        found.setdefault(("response", item.response_id), []).append(
            (item.ref, tuple(sorted(c.codes)), round(c.compound, 4), item.service,
             tuple(sorted(item.equality.items())), item.channel, item.easy_read, item.language))
    return found


# A month's kept inputs ---------------------------------------------------------------------

def _by_month(counted_scope: Scope, current: Sequence) -> dict[str, tuple[list, list[int]]]:
    """Each month of the period: its answers (or items) as they stand, and its hidden responses."""
    months: dict[str, tuple[list, list[int]]] = {month: ([], []) for month in
                                                months_between(counted_scope.start, counted_scope.end)}
    for entry in current:
        months[_month(getattr(entry, "item", entry).submitted_on)][0].append(entry)
    for response_id, day in db.session.execute(select(FeedbackResponse.id, FeedbackResponse.submitted_on).where(
            FeedbackResponse.submitted_on.between(counted_scope.start, counted_scope.end),
            FeedbackResponse.hidden.is_(True))):
        months[_month(day)][1].append(response_id)
    return months


def _month(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _month_answers(month: str, answers: list[CodedItem], hidden: list[int],
                   k: int) -> tuple[list[CodedItem], list[int]]:
    """The month's answers and hidden responses as it last counted them (text-free)."""
    now = states(answers, hidden)
    if not now:
        return [], []
    # Counted before any theming (a report read before the first run), a month would keep no
    # themes until 5 of its answers were themed, and one with fewer never would.
    kept = revisions.revised(f"feedback:{month}", f"{revisions.INPUTS}answers", now,
                             lambda: ([_text_free(c) for c in answers], list(hidden)),
                             _dump_answers, _load_answers, k, removals=False,
                             stale=lambda kept: not themed(kept[0]) and themed(answers))
    present = _present(answers, hidden)
    return ([c for c in kept[0] if c.item.response_id in present],
            [response for response in kept[1] if response in present])


def _month_flags(month: str, answers: list, hidden: list[int], k: int) -> dict[str, Flagged]:
    """The month's flagged responses as it last counted them."""
    if not answers and not hidden:
        return {}
    flagged = {response_id: flag for (_, response_id), flag in _flagged(answers).items()}
    # A hidden response is a change (one flagged leaves the panel), a purged one is not.
    now = {("response", response_id): flag for response_id, flag in flagged.items()}
    now |= {("response", response_id): "hidden" for response_id in hidden}
    kept = revisions.revised(f"feedback:{month}", f"{revisions.INPUTS}flags", now, lambda: flagged,
                             lambda flags: {str(response_id): asdict(flag) for response_id, flag in flags.items()},
                             lambda flags: {int(response_id): Flagged(tuple(f["categories"]), f["staff_flag"],
                                                                      f["reviewed"])
                                            for response_id, f in flags.items()},
                             k, removals=False)
    present = _present(answers, hidden)
    return {review_ref("feedback", response_id): flag for response_id, flag in kept.items() if response_id in present}


def themed(answers: Iterable[CodedItem]) -> bool:
    """Whether any answer has a theme (from a run or staff): figures counted before that count none."""
    return any(c.codes for c in answers)


def _present(answers: Iterable, hidden: Iterable[int]) -> set[int]:
    """The month's responses that are still held (visible or hidden): the rest were purged."""
    return {getattr(entry, "item", entry).response_id for entry in answers} | set(hidden)


def _text_free(c: CodedItem) -> CodedItem:
    """An answer as its month keeps it: what the figures count, and no text."""
    item = c.item
    kept = Item(ref=item.ref, text="", question="", submitted_on=item.submitted_on,
                response_id=item.response_id, service=item.service, equality=dict(item.equality),
                channel=item.channel, easy_read=item.easy_read, language=item.language)
    return CodedItem(item=kept, codes=tuple(c.codes), scores=dict(c.scores), compound=c.compound,
                     sentiment=c.sentiment, staff_coded=c.staff_coded, retired=tuple(c.retired))


def _dump_answers(kept: tuple[list[CodedItem], list[int]]) -> dict:
    """By response, as `revisions.INPUTS` parts keep them: its answers, or "hidden"."""
    answers, hidden = kept
    found: dict[str, list | str] = {str(response_id): "hidden" for response_id in hidden}
    for c in answers:
        found.setdefault(str(c.item.response_id), []).append(
            {"ref": c.item.ref, "day": c.item.submitted_on.isoformat(), "service": c.item.service,
             "equality": c.item.equality, "channel": c.item.channel, "easy_read": c.item.easy_read,
             "language": c.item.language, "codes": list(c.codes), "scores": c.scores, "compound": c.compound,
             "sentiment": c.sentiment, "staff_coded": c.staff_coded, "retired": list(c.retired)})
    return found


def _load_answers(kept: dict) -> tuple[list[CodedItem], list[int]]:
    answers = [CodedItem(item=Item(ref=a["ref"], text="", question="", submitted_on=date.fromisoformat(a["day"]),
                                   response_id=int(response_id), service=a["service"], equality=a["equality"],
                                   channel=a["channel"], easy_read=a["easy_read"], language=a["language"]),
                         codes=tuple(a["codes"]), scores=a["scores"], compound=a["compound"],
                         sentiment=a["sentiment"], staff_coded=a["staff_coded"], retired=tuple(a["retired"]))
               for response_id, entries in kept.items() if entries != "hidden" for a in entries]
    return answers, [int(response_id) for response_id, entries in kept.items() if entries == "hidden"]


def _consultation_hidden(scope: Scope) -> list[int]:
    consultation = scope.consultation()
    if consultation is None:
        return []
    return list(db.session.scalars(select(ConsultationResponse.id).where(
        ConsultationResponse.consultation_id == consultation.id, ConsultationResponse.hidden.is_(True))))

