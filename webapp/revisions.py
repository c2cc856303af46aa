"""Revisions: a report shown before changes only once at least k of the
responses behind it have changed.

The release ledger (`webapp.disclosure`) stops a count that moved by 1 to k-1
from being shown beside its earlier value. But the *pattern* of what it held
back told the story instead: hide one response from a quarter, or let one more
answer an open consultation, and exactly the themes, cells and choices that
response had read "not shown" next time, which is that response's answers
(board review). So each part of a report (its themes and breakdowns, the
safeguarding panel, a consultation's question counts) keeps the figures it
last released for its months (or consultation), with a digest of what each
response behind them adds to the counts, for every release. Until k or more
responses differ from each of those (hidden, added, re-themed, re-scored,
newly reviewed), the part shows exactly what it showed before, which gives
nothing away; then it is released again through the ledger. What then reads
"not shown" still tells which figures those k or more moved (SECURITY.md,
known limits).

Report parts keep only figures (no text; responses by a digest of their
random id), replaced at each release; months keep their counted inputs
(`INPUTS`, `webapp.reports.inputs`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

from sqlalchemy import Date, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from analysis.board import K
from webapp import disclosure
from webapp.extensions import db

Figures = TypeVar("Figures")
# Parts that keep what was counted response by response (`webapp.reports.inputs`): their
# figures by str(response id), their states by ("response", id), so a purge can take one out.
INPUTS = "inputs|"
# A month's layers (`webapp.reports.inputs`), which the retention purge reads to count what the
# month counted: who it counts (str(id) -> its groups and "refs", or "hidden"), and their themes
# (str(id) -> ref -> "codes", "compound", "sentiment"...).
MEMBERS, THEMES = f"{INPUTS}members", f"{INPUTS}themes"
_DIGEST_BYTES = 8
# Raise when what a part keeps changes shape: releases kept before are then released afresh, not misread.
FORMAT = 2


class ReleasedPart(db.Model):
    """The figures one part of a report last released, by the months (or consultation) it counts."""

    __tablename__ = "released_part"
    __table_args__ = (UniqueConstraint("population", "part", name="uq_released_part"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    population: Mapped[str] = mapped_column(Text)
    part: Mapped[str] = mapped_column(String(200))
    # The states the figures were released from, oldest first, as JSON: each response digest -> state digest.
    state: Mapped[str] = mapped_column(Text)
    figures: Mapped[str] = mapped_column(Text)  # JSON, as the part's `dump` wrote it
    released_on: Mapped[date] = mapped_column(Date, default=date.today)


def digest(value: object) -> str:
    """A short, stable digest of a value: how kept records know responses."""
    return hashlib.blake2b(repr(value).encode(), digest_size=_DIGEST_BYTES).hexdigest()


def fingerprint(states: Mapping[object, object]) -> dict[str, str]:
    """Each response (by a digest of its key) and a digest of its state."""
    return {digest(key): digest(state) for key, state in states.items()}


def changed(before: Mapping[str, str], now: Mapping[str, str], removals: bool = True, additions: bool = True) -> int:
    """How many responses were added, removed or changed between two fingerprints;
    without `removals`, those gone are not counted (where every response a part
    counts is in its states, hidden ones too, only the retention purge removes
    one, and a part that adds purged responses' counts back shows no change);
    without `additions`, those new are not (a layer whose new responses another
    layer brings in)."""
    keys = before.keys() & now.keys()
    keys |= before.keys() - now.keys() if removals else set()
    keys |= now.keys() - before.keys() if additions else set()
    return sum(1 for key in keys if before.get(key) != now.get(key))


def differs(history: list[dict[str, str]], now: Mapping[str, str], k: int, removals: bool = True,
            additions: bool = True) -> bool:
    """Whether at least `k` responses differ from each state a part was released
    from. The ledger sets a release beside every earlier one, so undoing changes
    must not bring an earlier release back within reach: hide five, show them,
    then show the five again and hide one, and only that one differed from the
    first release (board review)."""
    return all(changed(before, now, removals, additions) >= k for before in history)


def kept(report: str, part: str, k: int = K) -> tuple[object, list[dict[str, str]]] | None:
    """A part's kept figures (as dumped) and the states it was released from, oldest first."""
    disclosure.lock()
    found = db.session.scalar(select(ReleasedPart).where(ReleasedPart.population == report,
                                                         ReleasedPart.part == _key(part, k)))
    if found is None:
        return None
    return json.loads(found.figures), _history(json.loads(found.state))


def keep(report: str, part: str, figures: object, history: list[dict[str, str]], k: int = K) -> None:
    """Replace the part's kept figures and its states (the ledger committed, so lock again)."""
    disclosure.lock()
    key = _key(part, k)
    found = db.session.scalar(select(ReleasedPart).where(ReleasedPart.population == report, ReleasedPart.part == key))
    if found is None:
        found = ReleasedPart(population=report, part=key)
        db.session.add(found)
    found.state, found.figures, found.released_on = json.dumps(history), json.dumps(figures), date.today()
    try:
        db.session.commit()
    except IntegrityError:  # SQLite: another request kept the same part first; either will do
        db.session.rollback()


def revised(report: str, part: str, states: Mapping[object, object], build: Callable[[], Figures],
            dump: Callable[[Figures], object], load: Callable[[object], Figures], k: int = K,
            removals: bool = True, stale: Callable[[Figures], bool] | None = None,
            additions: bool = True) -> Figures:
    """The part's figures as last released for `report` (the whole months or
    the consultation it counts; "" when it counts no response) until at least
    `k` of its responses (`states`: response -> everything about it the part
    counts) differ from each state it was released from (`differs`), or
    `stale` says the kept figures no longer stand whatever changed; then
    `build()` (which releases through the ledger) and remember the result."""
    if not report:
        return build()
    now = fingerprint(states)
    found = kept(report, part, k)
    history = found[1] if found else []
    if found is not None and not differs(history, now, k, removals, additions):
        figures = load(found[0])
        if stale is None or not stale(figures):
            return figures
    figures = build()
    keep(report, part, dump(figures), history + [now], k)
    return figures


def _key(part: str, k: int) -> str:
    return f"{part}|k={k}|format={FORMAT}"


def _history(state: dict | list) -> list[dict[str, str]]:
    """The states a part was released from (one, for parts kept before there were histories)."""
    return state if isinstance(state, list) else [state]


def forget(response_ids: Iterable[int]) -> None:
    """Take purged responses out of every part that keeps inputs by response
    (`INPUTS`): what a response added goes with it, as its text does (its
    counts live on in the retention purge's aggregates)."""
    gone = {str(response_id) for response_id in response_ids}
    if not gone:
        return
    digests = {digest(("response", int(response_id))) for response_id in gone}
    for found in db.session.scalars(select(ReleasedPart).where(ReleasedPart.part.like(f"{INPUTS}%"))):
        figures = json.loads(found.figures)
        if gone.isdisjoint(figures):
            continue
        found.figures = json.dumps({key: value for key, value in figures.items() if key not in gone})
        found.state = json.dumps([{key: value for key, value in state.items() if key not in digests}
                                  for state in _history(json.loads(found.state))])

