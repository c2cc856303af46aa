"""What a report's figures are worked out from: for feedback, what each
month last counted.

A report keeps the figures it last released until k of its responses have
changed (`webapp.revisions`). On its own that let two reports over the same
months disagree: keep a quarter, hide one response, then ask for its months
for the first time; released afresh, they could not agree with the kept
quarter, and the ledger held back exactly the hidden response's themes (board
review). So each month keeps its own inputs, and every report over it is
worked out from them:

- who it counts: each response's answers and groups (service, equality
  answers, channel, Easy Read, language), or that it is hidden;
- their themes and sentiment (hidden responses' too);
- its flagged responses' kinds and reviews.

Each is counted afresh only once k of the month's responses differ from every
state it was counted from, and on its own: a theming run that re-themes five
answers brings in their themes, not a response hidden since (a board review
read one hidden response's groups from the totals and breakdown columns that
moved beside a re-theming). Two reports over overlapping months then differ
only where a month has changed by k or more.

For the same reason a month's answers are themed by the newest run that saw
them, whichever report's run that was (`coded_items(any_run=True)`): read
through each report's own run, the same month could count two ways.

Kept inputs hold no text. They know responses by their ids, as the report
records' digests do, so records kept before months kept their inputs still
match (a fresh start would release every report afresh beside its kept
figures). A purged response leaves them (`revisions.forget`): its counts are
added back from the purge's aggregates (`webapp.retention`). A consultation is
one population that overlaps no other, and is counted as it stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date

from sqlalchemy import select

from analysis.board import K
from analysis.safeguarding import Flagged, counted_as
from webapp import revisions
from webapp.consultations.models import ConsultationResponse
from webapp.extensions import db
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
    """The inputs of a report's own figures and panel; `current` is its
    answers as they stand, hidden responses' too (`coded_items(hidden_too=True)`)."""
    if population.counted is None:
        return Counted([], [], {})
    visible = [c for c in current if not c.item.hidden]
    if population.counted.kind != "feedback":
        return Counted(visible, _consultation_hidden(population.counted), flagged_responses(visible))
    coded, hidden, flagged = [], [], {}
    for month, (answers, hidden_now) in _by_month(population.counted, current).items():
        month_coded, month_hidden = _month_answers(month, answers, hidden_now, k)
        coded += month_coded
        hidden += month_hidden
        flagged |= _month_flags(month, answers, hidden_now, k)
    return Counted(coded, hidden, flagged)


def counted_flags(population: ReportPopulation, current: Sequence[Item], k: int = K) -> dict[str, Flagged]:
    """The inputs of a report's panel alone (the four-quarter trend), from its
    items, hidden ones' too (`items(hidden_too=True)`): as `counted` gives them."""
    if population.counted is None:
        return {}
    if population.counted.kind != "feedback":
        return flagged_responses(item for item in current if not item.hidden)
    flagged: dict[str, Flagged] = {}
    for month, (answers, hidden) in _by_month(population.counted, current).items():
        flagged |= _month_flags(month, answers, hidden, k)
    return flagged


def quotable(current: list[CodedItem], counted_now: Counted) -> list[CodedItem]:
    """The visible answers with their text, but the themes and flags the
    figures count: the quotes then change only when those do (a quote that
    vanished as soon as its writer was flagged or re-themed told the board so:
    board review). An answer the figures do not count is not quoted; nor is a
    hidden one, so a quote hidden since it was shown is withdrawn
    (SECURITY.md, known limits)."""
    kept = {c.item.ref: c for c in counted_now.coded}
    return [replace(kept[c.item.ref], item=replace(c.item, safeguarding_flag=False,
                                                   risk_flagged=_review_ref(c.item) in counted_now.flagged))
            for c in current if c.item.ref in kept]


def _review_ref(item: Item) -> str:
    return review_ref("feedback" if item.ref.startswith("f:") else "consultation", item.response_id)


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
    """Each month of the period: its answers (or items) as they stand, hidden
    ones' too, and its hidden responses (those with a written answer: one with
    none was never counted, so hiding it changes nothing)."""
    months: dict[str, tuple[list, list[int]]] = {month: ([], []) for month in
                                                months_between(counted_scope.start, counted_scope.end)}
    for entry in current:
        item = getattr(entry, "item", entry)
        answers, hidden = months[_month(item.submitted_on)]
        answers.append(entry)
        if item.hidden and item.response_id not in hidden:
            hidden.append(item.response_id)
    return months


def _month(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


MEMBERS, THEMES, FLAGS = revisions.MEMBERS, revisions.THEMES, f"{revisions.INPUTS}flags"


def _month_answers(month: str, answers: list[CodedItem], hidden: list[int],
                   k: int) -> tuple[list[CodedItem], list[int]]:
    """The month's answers as it last counted them, text-free (who it counts,
    then their themes), and the responses it counted as hidden."""
    members_now = _members([c for c in answers if not c.item.hidden], hidden)
    if not members_now:
        return [], []
    key = f"feedback:{month}"
    members = revisions.revised(key, MEMBERS, _member_states(members_now), lambda: members_now,
                                dict, dict, k, removals=False)
    themes = _month_themes(key, _themes(answers), members, k)
    present = set(members_now)  # the rest were purged
    coded = [_answer(response, member, ref, theme) for response, member in members.items()
             if member != "hidden" and response in present
             for ref in member["refs"] if (theme := themes.get(response, {}).get(ref)) is not None]
    return coded, [int(response) for response, member in members.items() if member == "hidden" and response in present]


def _month_themes(key: str, themes_now: dict[str, dict], members: dict[str, dict | str], k: int) -> dict[str, dict]:
    """The month's answers' themes as it last counted them. Counted afresh
    once k of the responses the month counts (`members`) have themes that
    differ from every state they were counted from (re-theming one it does
    not count moves no figure, so it is no change), or when they were counted
    before any theming (a report read before the first run would otherwise
    keep a small month unthemed for good). A response counted since they were
    kept comes in with its themes as they stand, which its own arrival
    released."""
    counted_now = {response: themes_now[response] for response, member in members.items()
                   if member != "hidden" and response in themes_now}
    now = revisions.fingerprint(_theme_states(counted_now))
    found = revisions.kept(key, THEMES, k)
    themes, history = found if found else ({}, [])
    # A response counted again (shown after being hidden) brings its kept themes: no change here.
    fresh = (found is None or revisions.differs(history, now, k, removals=False, additions=False)
             or (not _has_codes(themes) and _has_codes(themes_now)))
    if fresh:
        themes, history = themes_now, history + [now]
    missing = [response for response, member in members.items()
               if member != "hidden" and response not in themes and response in themes_now]
    if missing:
        themes = themes | {response: themes_now[response] for response in missing}
        added = {revisions.digest(("response", int(response))) for response in missing}
        history = history[:-1] + [history[-1] | {digest: now[digest] for digest in added if digest in now}]
    if fresh or missing:
        revisions.keep(key, THEMES, themes, history, k)
    return themes


def _month_flags(month: str, answers: list, hidden: list[int], k: int) -> dict[str, Flagged]:
    """The month's flagged responses as it last counted them, from its answers
    (hidden ones' too) and hidden responses. A response's state is what it adds to the
    panel's figures, and every response has one, so a flag taken off (or a
    flagged response hidden) is a change as one put on is; an unflagged one
    hidden, or a staff flag beside danger words already found, is none: it
    moves no figure (board reviews reached five changes with such)."""
    if not answers and not hidden:
        return {}
    visible = [entry for entry in answers if not getattr(entry, "item", entry).hidden]
    flagged = {response_id: flag for (_, response_id), flag in _flagged(visible).items()}
    now = {("response", getattr(entry, "item", entry).response_id): "none" for entry in answers}
    now |= {("response", response_id): counted_as(flag) for response_id, flag in flagged.items()}
    kept = revisions.revised(f"feedback:{month}", FLAGS, now, lambda: flagged,
                             lambda flags: {str(response_id): asdict(flag) for response_id, flag in flags.items()},
                             lambda flags: {int(response_id): Flagged(tuple(f["categories"]), f["staff_flag"],
                                                                      f["reviewed"])
                                            for response_id, f in flags.items()},
                             k, removals=False)
    present = {response_id for (_, response_id) in now}
    return {review_ref("feedback", response_id): flag for response_id, flag in kept.items() if response_id in present}


def _members(answers: list[CodedItem], hidden: list[int]) -> dict[str, dict | str]:
    """Who the month counts, by str(response id): each visible response's
    answers and groups, text-free; "hidden" for a hidden one."""
    members: dict[str, dict | str] = {str(response_id): "hidden" for response_id in hidden}
    for c in answers:
        item = c.item
        member = members.setdefault(str(item.response_id), {
            "day": item.submitted_on.isoformat(), "service": item.service, "equality": dict(item.equality),
            "channel": item.channel, "easy_read": item.easy_read, "language": item.language, "refs": []})
        member["refs"].append(item.ref)
    return members


def _member_states(members: dict[str, dict | str]) -> dict:
    return {("response", int(response)): member if member == "hidden" else
            (tuple(sorted(member["refs"])), member["service"], tuple(sorted(member["equality"].items())),
             member["channel"], member["easy_read"], member["language"])
            for response, member in members.items()}


def _themes(answers: list[CodedItem]) -> dict[str, dict]:
    """Each answer's themes and sentiment as they stand, by str(response id) then ref (hidden ones too)."""
    themes: dict[str, dict] = {}
    for c in answers:
        themes.setdefault(str(c.item.response_id), {})[c.item.ref] = {
            "codes": list(c.codes), "scores": c.scores, "compound": c.compound, "sentiment": c.sentiment,
            "staff_coded": c.staff_coded, "retired": list(c.retired)}
    return themes


def _theme_states(themes: dict[str, dict]) -> dict:
    """What each response's answers add to the theme counts (not what staff did: see `states`)."""
    return {("response", int(response)): tuple((ref, tuple(sorted(theme["codes"])), round(theme["compound"], 4))
                                               for ref, theme in sorted(answers.items()))
            for response, answers in themes.items()}


def themed(answers: Iterable[CodedItem]) -> bool:
    """Whether any answer has a theme (from a run or staff): figures counted before that count none."""
    return any(c.codes for c in answers)


def _has_codes(themes: dict[str, dict]) -> bool:
    return any(theme["codes"] for answers in themes.values() for theme in answers.values())


def _answer(response: str, member: dict, ref: str, theme: dict) -> CodedItem:
    """One counted answer, text-free, from who the month counts and its themes."""
    item = Item(ref=ref, text="", question="", submitted_on=date.fromisoformat(member["day"]),
                response_id=int(response), service=member["service"], equality=member["equality"],
                channel=member["channel"], easy_read=member["easy_read"], language=member["language"])
    return CodedItem(item=item, codes=tuple(theme["codes"]), scores=theme["scores"], compound=theme["compound"],
                     sentiment=theme["sentiment"], staff_coded=theme["staff_coded"], retired=tuple(theme["retired"]))


def _consultation_hidden(scope: Scope) -> list[int]:
    consultation = scope.consultation()
    if consultation is None:
        return []
    return list(db.session.scalars(select(ConsultationResponse.id).where(
        ConsultationResponse.consultation_id == consultation.id, ConsultationResponse.hidden.is_(True))))

