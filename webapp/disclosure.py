"""The release ledger: every count Heard has shown anyone (the board, the
group, the public, an export), by population and figure, so that a new
release is checked against all of them (`analysis.disclosure`).

A *population* is a set of fixed atoms: the whole calendar months of feedback
a report covers (``feedback:2026-10``...) or one whole consultation
(``consultation:<slug>``). A *figure* is a stable key for one count, the same
in every release (``themes|theme|housing``, ``breakdown|Service|housing|Refuge``).

`release` is called once per page, pack or export with every figure it is
about to show; it returns the figures to hold back, and `record` stores what
was shown. A figure that would read "fewer than k" is a release too (of a
range, recorded as `SMALL`): `release_small` says which may not, and those
read "not shown". The ledger commits its own rows: a figure that reached a screen
must be remembered even if the rest of the request fails. On PostgreSQL a
transaction-scoped advisory lock makes check-and-record one step, so two
releases at the same moment cannot each miss the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint, select, text
from sqlalchemy.orm import Mapped, mapped_column

from analysis.board import SMALL, K
from analysis.disclosure import Population, Shown, withheld
from webapp.extensions import db

ADVISORY_LOCK = 14_000_001  # any fixed number: the ledger's lock
_CHUNK = 500


class ReleasedFigure(db.Model):
    """A count that was shown: never changed, never deleted (it was seen)."""

    __tablename__ = "released_figure"
    __table_args__ = (UniqueConstraint("population", "figure", "value", name="uq_released_figure"),
                      Index("ix_released_figure_figure", "figure"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Up to 120 months (ten years, the longest range) of 17 characters each.
    population: Mapped[str] = mapped_column(Text)
    figure: Mapped[str] = mapped_column(String(500))
    value: Mapped[int] = mapped_column(Integer)
    released_on: Mapped[date] = mapped_column(Date, default=date.today)


def population_key(population: Population) -> str:
    return ",".join(sorted(population))


def parse_population(key: str) -> Population:
    return frozenset(key.split(","))


def lock() -> None:
    """Serialise releases (PostgreSQL; SQLite already has one writer)."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})


def history(figures: Iterable[str]) -> dict[str, list[Shown]]:
    """Figure -> its earlier releases, oldest first."""
    wanted = sorted(set(figures))
    found: dict[str, list[Shown]] = defaultdict(list)
    for start in range(0, len(wanted), _CHUNK):
        rows = db.session.execute(
            select(ReleasedFigure.figure, ReleasedFigure.population, ReleasedFigure.value)
            .where(ReleasedFigure.figure.in_(wanted[start:start + _CHUNK])).order_by(ReleasedFigure.id))
        for figure, population, value in rows:
            found[figure].append(Shown(parse_population(population), value))
    return found


def release(population: Population, figures: Mapping[str, int], k: int = K) -> set[str]:
    """The figures that may not be shown, given everything shown before."""
    return withheld(population, figures, history(figures), k)


def release_small(population: Population, keys: Iterable[str], k: int = K) -> set[str]:
    """The figures among `keys` (each from 1 to k-1) that may not read "fewer
    than k" beside what was shown before; the rest are recorded as `SMALL`
    when shown."""
    return release(population, dict.fromkeys(keys, SMALL), k)


def record(population: Population, shown: Mapping[str, int]) -> None:
    """Remember what was shown (`SMALL` for a figure that read "fewer than
    k"), and commit (see the module's note). A population of no atoms (months
    with no response, `webapp.reports.population`) has only zeros to show and
    nothing to remember."""
    if not population:
        return
    key = population_key(population)
    known = {(figure, value) for figure, value in db.session.execute(
        select(ReleasedFigure.figure, ReleasedFigure.value).where(ReleasedFigure.population == key))}
    db.session.add_all(ReleasedFigure(population=key, figure=figure, value=int(value))
                       for figure, value in shown.items() if (figure, int(value)) not in known)
    db.session.commit()
