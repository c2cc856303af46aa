"""Which responses a report counts: its *population*, built only from fixed
atoms so that no two reports can differ by a handful of responses
(`webapp.disclosure`, SECURITY.md "Disclosure control").

- Feedback is counted by whole calendar months. A quarter is its three
  months; dates someone chooses are widened to the whole months that hold
  them (1 October to 27 November counts October and November, as does
  1 October to 28 November). A month still under way is never counted: a
  quarter in progress shows its finished months "so far".
- A consultation is one population: all of its visible responses.
- A month with no visible response is no atom: every report shows it empty
  ("0 responses"), so every count in it is known to be 0. Kept as an unknown,
  it let a window with empty months (August to January) show a count that
  the same responses' own month (January) held back. A month purged whole is
  not empty: its counts are added back (`webapp.retention`); nor is one whose
  kept inputs still count a response hidden since (`webapp.reports.inputs`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from analysis.disclosure import Population
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse
from webapp.formatters import long_date
from webapp.periods import last_complete_day, month_end, month_start, months_between, quarter_dates, quarter_of
from webapp.retention.models import ThemeAggregate
from webapp.revisions import MEMBERS, ReleasedPart
from webapp.themes.scope import Scope


@dataclass(frozen=True)
class ReportPopulation:
    named: Scope  # the report as chosen (its key names runs, actions, the group's view)
    counted: Scope | None  # the whole months (or consultation) counted; None: no month has finished
    atoms: Population
    widened: bool = False  # chosen dates did not fall on whole months
    so_far: bool = False  # the last month(s) of the chosen period have not finished
    kept: str = ""  # the months from the first to the last that ever held a response (`kept_key`)
    whole_quarter: bool = False  # those months are all a finished quarter's (`breaks_down`)

    @property
    def breaks_down(self) -> bool:
        """Whether breakdowns may be shown: for a whole consultation, or the
        responses of a whole finished calendar quarter. Such populations never
        overlap, so no table can be subtracted from another; a month's or a
        custom range's could (a cell one table withholds to protect a small one
        follows from two others, and the small one from its column total).
        Dates that count the same responses as a finished quarter (reaching over
        its empty months, or into a month under way) count the same population,
        and show its figures."""
        return self.named.kind != "feedback" or self.whole_quarter

    @property
    def kept_key(self) -> str:
        """What the report's kept figures go by (`webapp.revisions`): the first
        to the last of its months that ever held a response, hidden ones too
        (hiding a month's only response is a change to the same report, not a
        new one; dates over empty months find the same record), or the
        consultation; "" when it counts no response."""
        if not self.atoms or self.counted is None:
            return ""
        return self.kept if self.named.kind == "feedback" else self.counted.key

    @property
    def label(self) -> str:
        """The report's name with the dates actually counted, when they differ."""
        if self.named.kind != "feedback" or not (self.widened or self.so_far):
            return self.named.label
        if self.counted is None:
            return f"{self.named.label} (no month has finished yet)"
        if self.so_far:
            return f"{self.named.label}: {short_range(self.counted.start, self.counted.end)} so far"
        return f"Feedback, {long_date(self.counted.start)} to {long_date(self.counted.end)}"

    @property
    def note(self) -> str:
        """Why the figures cover other dates than were chosen, for the page."""
        notes = []
        if self.widened:
            notes.append("Figures are for whole calendar months, so the dates you chose have been widened "
                         "to the months that hold them: two reports a few days apart could otherwise be "
                         "compared to single people out.")
        if self.counted is None:
            notes.append("No month of this period has finished yet, so there are no figures to show.")
        elif self.so_far:
            notes.append(f"This period is still under way: the figures count the months that have finished, "
                         f"up to {long_date(self.counted.end)}. A month is counted once it has ended.")
        return " ".join(notes)


def short_range(start: date, end: date) -> str:
    """"1 Oct–30 Nov 2026": a period's dates in a few characters."""
    first = f"{start.day} {start:%b}" if start.year == end.year else f"{start.day} {start:%b %Y}"
    return f"{first}–{end.day} {end:%b %Y}"


def population_of(scope: Scope, today: date | None = None) -> ReportPopulation:
    if scope.kind != "feedback":
        return ReportPopulation(named=scope, counted=scope, atoms=frozenset({scope.key}))
    start, end = month_start(scope.start), month_end(scope.end)
    widened = (start, end) != (scope.start, scope.end)
    finished = last_complete_day(today)
    so_far = end > finished
    end = min(end, finished)
    if end < start:
        return ReportPopulation(named=scope, counted=None, atoms=frozenset(), widened=widened, so_far=True)
    counted = Scope("feedback", start=start, end=end)
    purged = _months_purged(start, end)
    held = _months_with_responses(start, end, visible_only=True) | purged
    held |= _months_still_counted(set(months_between(start, end)) - held)
    atoms = frozenset(f"feedback:{month}" for month in months_between(start, end) if month in held)
    answered = _months_with_responses(start, end) | purged
    return ReportPopulation(named=scope, counted=counted, atoms=atoms, widened=widened, so_far=so_far,
                            kept=_kept_range(answered), whole_quarter=_whole_quarter(answered, finished))


def _months_with_responses(start: date, end: date, visible_only: bool = False) -> set[str]:
    """The months (``2026-10``) from `start` to `end` holding a response (a visible one)."""
    query = select(FeedbackResponse.submitted_on).distinct().where(FeedbackResponse.submitted_on.between(start, end))
    if visible_only:
        query = query.where(FeedbackResponse.hidden.is_(False))
    return {f"{day.year}-{day.month:02d}" for day in db.session.scalars(query)}


def _months_purged(start: date, end: date) -> set[str]:
    """The months whose purged responses' counts a report adds back (`webapp.retention`): a month
    purged whole is counted, so it stays an atom the ledger checks (a board review differenced
    purged quarters freely once they had none)."""
    days = db.session.scalars(select(ThemeAggregate.month).distinct().where(
        ThemeAggregate.source == "feedback", ThemeAggregate.month.between(start, end)))
    return {f"{day.year}-{day.month:02d}" for day in days}


def _months_still_counted(months: set[str]) -> set[str]:
    """Those of `months` (none of whose responses is visible now) whose kept
    inputs still count one as visible, hidden fewer than 5 changes ago
    (`webapp.reports.inputs`): their figures are worked out from those, so
    they stay atoms the ledger checks (a board review: a month hidden whole
    was no atom, and a report of it alone went unchecked)."""
    if not months:
        return set()
    found = set()
    for kept in db.session.scalars(select(ReleasedPart).where(
            ReleasedPart.population.in_([f"feedback:{month}" for month in months]),
            ReleasedPart.part.like(f"{MEMBERS}|%"))):
        if any(member != "hidden" for member in json.loads(kept.figures).values()):
            found.add(kept.population.removeprefix("feedback:"))
    return found


def _whole_quarter(answered: set[str], finished: date) -> bool:
    """Whether the months that ever held a response are all of one finished quarter's."""
    if not answered:
        return False
    quarter = quarter_of(date.fromisoformat(f"{min(answered)}-01"))
    start, end = quarter_dates(quarter)
    if end > finished or quarter_of(date.fromisoformat(f"{max(answered)}-01")) != quarter:
        return False
    return answered == _months_with_responses(start, end) | _months_purged(start, end)


def _kept_range(months: set[str]) -> str:
    """The first to the last month that ever held a response: what a report's kept figures go by,
    so dates reaching over empty months at either end find the same record."""
    if not months:
        return ""
    first, last = (date.fromisoformat(f"{month}-01") for month in (min(months), max(months)))
    return Scope("feedback", start=first, end=month_end(last)).key
