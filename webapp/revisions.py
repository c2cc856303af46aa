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
response behind them adds to the counts. While fewer than k responses differ
from that (hidden, added, re-themed, re-scored, newly reviewed), the part
shows exactly what it showed before, which gives nothing away; once k or more
differ, it is released again through the ledger. What then reads "not shown"
still tells which figures those k or more moved (SECURITY.md, known limits).

Only figures are kept (no text; responses by a digest of their random id), and
a part's figures are replaced, never accumulated.
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
    # Response digest -> state digest, as JSON: what the figures were counted from.
    state: Mapped[str] = mapped_column(Text)
    figures: Mapped[str] = mapped_column(Text)  # JSON, as the part's `dump` wrote it
    released_on: Mapped[date] = mapped_column(Date, default=date.today)


def digest(value: object) -> str:
    """A short, stable digest of a value: how kept records know responses."""
    return hashlib.blake2b(repr(value).encode(), digest_size=_DIGEST_BYTES).hexdigest()


def fingerprint(states: Mapping[object, object]) -> dict[str, str]:
    """Each response (by a digest of its key) and a digest of its state."""
    return {digest(key): digest(state) for key, state in states.items()}


def changed(before: Mapping[str, str], now: Mapping[str, str], removals: bool = True) -> int:
    """How many responses were added, removed or changed between two fingerprints;
    without `removals`, those gone are not counted (where every response a part
    counts is in its states, hidden ones too, only the retention purge removes
    one, and a part that adds purged responses' counts back shows no change)."""
    keys = before.keys() | now.keys() if removals else now.keys()
    return sum(1 for key in keys if before.get(key) != now.get(key))


def revised(report: str, part: str, states: Mapping[object, object], build: Callable[[], Figures],
            dump: Callable[[Figures], object], load: Callable[[object], Figures], k: int = K,
            removals: bool = True, stale: Callable[[Figures], bool] | None = None) -> Figures:
    """The part's figures as last released for `report` (the whole months or
    the consultation it counts; "" when it counts no response) while fewer
    than `k` of its responses (`states`: response -> everything about it the
    part counts) have changed since, unless `stale` says the kept figures no
    longer stand whatever changed; otherwise `build()` (which releases
    through the ledger) and remember the result."""
    if not report:
        return build()
    key = f"{part}|k={k}|format={FORMAT}"
    now = fingerprint(states)
    disclosure.lock()
    kept = db.session.scalar(select(ReleasedPart).where(ReleasedPart.population == report,
                                                        ReleasedPart.part == key))
    if kept is not None and changed(json.loads(kept.state), now, removals) < k:
        figures = load(json.loads(kept.figures))
        if stale is None or not stale(figures):
            return figures
    figures = build()
    _keep(report, key, now, dump(figures))
    return figures


def _keep(report: str, key: str, state: dict[str, str], figures: object) -> None:
    """Replace the part's kept release (the ledger committed, so lock again)."""
    disclosure.lock()
    kept = db.session.scalar(select(ReleasedPart).where(ReleasedPart.population == report, ReleasedPart.part == key))
    if kept is None:
        kept = ReleasedPart(population=report, part=key)
        db.session.add(kept)
    kept.state, kept.figures, kept.released_on = json.dumps(state), json.dumps(figures), date.today()
    try:
        db.session.commit()
    except IntegrityError:  # SQLite: another request kept the same part first; either will do
        db.session.rollback()


def forget(response_ids: Iterable[int]) -> None:
    """Take purged responses out of every part that keeps inputs by response
    (`INPUTS`): what a response added goes with it, as its text does (its
    counts live on in the retention purge's aggregates)."""
    gone = {str(response_id) for response_id in response_ids}
    if not gone:
        return
    digests = {digest(("response", int(response_id))) for response_id in gone}
    for kept in db.session.scalars(select(ReleasedPart).where(ReleasedPart.part.like(f"{INPUTS}%"))):
        figures = json.loads(kept.figures)
        if gone.isdisjoint(figures):
            continue
        kept.figures = json.dumps({key: value for key, value in figures.items() if key not in gone})
        kept.state = json.dumps({key: value for key, value in json.loads(kept.state).items() if key not in digests})
