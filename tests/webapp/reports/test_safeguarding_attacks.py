"""Attacks on the safeguarding panel (issue 14, part 5), as an outsider with
every figure Heard showed would run them. Each must recover no count from 1
to 4: not a kind of danger, not how many were reviewed, not a month's flags.

- Within the panel: the attacker assumes each flagged response shows one kind
  of danger (so the kinds add up to the total, the worst case) and bounds
  every withheld count, and every union of withheld counts, by linear
  programming against the total.
- Against the summary: the summary shows no other count of flagged responses
  (it used to show staff flags and risk flags apart, which with the panel's
  total would give their overlap).
- Across reports: a month against the two months around it, the same report
  after one more flag or one more review, and the trend against the panel.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import product

import numpy as np
import pytest
from scipy.optimize import linprog

from analysis.safeguarding import REVIEWED_KEY, TOTAL_KEY
from tests.webapp.helpers import make_user, page, sign_in_as
from webapp import periods
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service
from webapp.moderation.safeguarding import mark_reviewed, review_ref
from webapp.periods import last_complete_day, month_start
from webapp.reports.population import population_of
from webapp.reports.safeguarding import trend
from webapp.reports.summary import build_summary
from webapp.themes.scope import feedback_quarter, feedback_range

K = 5


def months_ago(n: int) -> date:
    day = last_complete_day()
    for _ in range(n - 1):
        day = month_start(day) - timedelta(days=1)
    return month_start(day)


def flag(day: date, service: Service, category: str = "", staff: bool = False) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, service=service, what_helped=f"Written on {day}.",
                                risk_flagged=bool(category), risk_categories=category, safeguarding_flag=staff)
    db.session.add(response)
    db.session.flush()
    return response


@pytest.fixture
def months(app_context, app):
    """Two finished months of flagged responses, each with one kind of danger
    (so the kinds add up: the attacker's best case). The first month: 7
    threats, 5 weapons, 1 staff flag. The second: 2 threats, 6 suicidal."""
    refuge = Service(slug="refuge", name="Refuge")
    db.session.add(refuge)
    first, second = months_ago(2), months_ago(1)
    made = {"first": [], "second": []}
    for n in range(7):
        made["first"].append(flag(first + timedelta(days=n), refuge, "threat_to_kill_or_harm"))
    for n in range(5):
        made["first"].append(flag(first + timedelta(days=n), refuge, "weapons"))
    made["first"].append(flag(first, refuge, staff=True))
    for n in range(2):
        made["second"].append(flag(second + timedelta(days=n), refuge, "threat_to_kill_or_harm"))
    for n in range(6):
        made["second"].append(flag(second + timedelta(days=n), refuge, "suicidal"))
    for response in made["first"][:6]:
        mark_reviewed(review_ref("feedback", response.id), None)
    db.session.commit()
    return {"first": first, "second": second, "responses": made, "refuge": refuge}


@pytest.fixture
def quarter(app_context, app):
    """The last quarter that has ended, with 7 threats, 5 weapons and 1 staff
    flag, each response one kind (so the kinds add up: the attacker's best case)."""
    refuge = Service(slug="refuge", name="Refuge")
    db.session.add(refuge)
    ended = periods.previous_quarter(periods.quarter_of(date.today()))
    start, _ = periods.quarter_dates(ended)
    for category, count in (("threat_to_kill_or_harm", 7), ("weapons", 5)):
        for n in range(count):
            flag(start + timedelta(days=n), refuge, category)
    flag(start, refuge, staff=True)
    db.session.commit()
    return feedback_quarter(ended)


# The attacker -----------------------------------------------------------------------------

def panel_release(scope) -> tuple[frozenset[str], dict[str, int], object]:
    """(months counted, every count the panel shows by ledger key, the panel)."""
    panel = build_summary(scope).safeguarding
    shown = {cell.key: int(cell.shown) for cell in panel.cells if cell.shown.isdigit()}
    return population_of(scope).atoms, shown, panel


def pinned_in_panel(panel) -> list[tuple[str, int]]:
    """Withheld counts, and unions of them, whose bounds from the shown counts
    and the total (each line adding up to it) pin a value from 1 to 4."""
    if not panel.total.shown.isdigit():
        return []
    found = []
    for line in (panel.review, panel.kinds):
        hidden = [cell for cell in line if not cell.shown.isdigit()]
        if not hidden:
            continue
        remainder = panel.total.value - sum(int(cell.shown) for cell in line if cell.shown.isdigit())
        for union in product((0.0, 1.0), repeat=len(hidden)):
            if not any(union):
                continue
            low, high = _bounds(np.array(union), np.ones((1, len(hidden))), np.array([float(remainder)]))
            if high - low < 0.5 and 0.5 < low < K - 0.5:
                found.append(("+".join(c.label for c, u in zip(hidden, union, strict=True) if u), round(low)))
    return found


def recovered(releases) -> list[tuple[str, frozenset[str], int]]:
    """(figure, months, count) for every union of regions that the releases
    pin to 1..4 (the regions are cut by the populations that showed a figure)."""
    by_figure: dict[str, dict[frozenset[str], int]] = defaultdict(dict)
    for atoms, shown in releases:
        for key, value in shown.items():
            by_figure[key][atoms] = value
    found = []
    for key, shown in by_figure.items():
        populations = list(shown)
        atoms = sorted(set().union(*populations))
        signatures = sorted({tuple(a in p for p in populations) for a in atoms})
        regions = [frozenset(a for a in atoms if tuple(a in p for p in populations) == sig) for sig in signatures]
        matrix = np.array([[float(r <= p) for r in regions] for p in populations])
        counts = np.array([shown[p] for p in populations], dtype=float)
        for union in product((0.0, 1.0), repeat=len(regions)):
            if any(union):
                low, high = _bounds(np.array(union), matrix, counts)
                if high - low < 0.5 and 0.5 < low < K - 0.5:
                    found.append((key, frozenset().union(*(r for r, u in zip(regions, union, strict=True) if u)),
                                  round(low)))
    return found


def _bounds(objective, matrix, counts) -> tuple[float, float]:
    low = linprog(objective, A_eq=matrix, b_eq=counts, bounds=(0, None), method="highs")
    high = linprog(-objective, A_eq=matrix, b_eq=counts, bounds=(0, None), method="highs")
    assert low.status == 0 and high.status in (0, 3), "the releases contradict each other"
    return low.fun, (float("inf") if high.status == 3 else -high.fun)


# The attacks ------------------------------------------------------------------------------

def test_nothing_withheld_in_the_panel_can_be_worked_out_from_its_total(quarter):
    atoms, shown, panel = panel_release(quarter)
    assert shown[TOTAL_KEY] == 13 and panel.by_kind
    assert [c.shown for c in panel.kinds if not c.shown.isdigit()]  # the staff flag (1) and its partner
    assert not pinned_in_panel(panel)


def test_months_and_ranges_show_no_kinds_of_danger_and_say_why(months, client):
    """A kind withheld in one month's line could follow from the quarter's and
    the other months' counts of that kind, and a small kind beside it from the
    month's total: kinds are shown only for populations that never overlap."""
    first, second = months["first"], months["second"]
    for scope in (feedback_range(first, first), feedback_range(first, second + timedelta(days=27))):
        panel = build_summary(scope).safeguarding
        assert not panel.by_kind and not panel.kinds
        assert not pinned_in_panel(panel)
    assert [c.shown for c in build_summary(feedback_range(first, first)).safeguarding.review] == ["6", "7"]
    sign_in_as(client, make_user("board@partnership.example", "board"))
    soup = page(client.get(f"/staff/reports/summary/{feedback_range(first, first).key}"))
    assert soup.find(id="safeguarding-kinds") is None
    assert "whole calendar quarters that have ended" in soup.find(id="safeguarding-no-kinds").get_text()


def test_the_summary_shows_no_other_count_of_flags(months, client):
    """Staff flags and risk flags shown apart beside the panel's total would
    give their overlap; the summary shows only the panel's own total."""
    sign_in_as(client, make_user("board@partnership.example", "board"))
    scope = feedback_range(months["first"], months["second"])
    soup = page(client.get(f"/staff/reports/summary/{scope.key}"))
    panel = soup.find(id="safeguarding")
    total = panel.select_one("#safeguarding-figures li strong").get_text(strip=True)
    key_figures = soup.select_one("#key-figures").get_text(" ", strip=True)
    assert f"{total} flagged for safeguarding" in key_figures
    flag_lines = [li.get_text(" ", strip=True) for li in soup.select("#key-figures li") if "flag" in li.get_text()]
    assert len(flag_lines) == 1
    assert "risk" not in key_figures.lower()


def test_a_month_against_the_months_around_it(months):
    """The first month alone, then both months, then the second alone: the
    second month's 2 threats are what both months and the first differ by."""
    first, second = months["first"], months["second"]
    releases = [panel_release(feedback_range(first, first))[:2],
                panel_release(feedback_range(first, second))[:2],
                panel_release(feedback_range(second, second))[:2]]
    assert not recovered(releases)
    # 9 threats beside the first month's 7 would give the second month's 2 away: never both shown.
    threats = "safeguarding|kind|threat_to_kill_or_harm"
    assert not (threats in releases[0][1] and threats in releases[1][1])


def test_one_more_flag_between_two_releases(months):
    scope = feedback_range(months["first"], months["second"])
    before = panel_release(scope)[1]
    calm = FeedbackResponse(submitted_on=months["second"], service=months["refuge"], what_helped="Kind staff.")
    db.session.add(calm)
    db.session.commit()
    calm.safeguarding_flag = True
    db.session.commit()
    after = panel_release(scope)[1]
    moved = {key: after[key] - before[key] for key in before.keys() & after.keys()
             if 0 < abs(after[key] - before[key]) < K}
    assert not moved
    assert after == before  # 22 beside 21, or the total held back, would single out the new flag


def test_one_more_review_between_two_releases(months):
    scope = feedback_range(months["first"], months["first"])
    before = panel_release(scope)[1]
    assert before[REVIEWED_KEY] == 6
    mark_reviewed(review_ref("feedback", months["responses"]["first"][6].id), None)
    db.session.commit()
    after = panel_release(scope)[1]
    assert after == before  # as first shown until five flags have changed
    assert not [key for key in before.keys() & after.keys() if 0 < abs(after[key] - before[key]) < K]


def test_the_trend_against_the_panels(months):
    """The trend's quarters (each counts its finished months) beside the
    month ranges the board opened."""
    first, second = months["first"], months["second"]
    releases = [panel_release(feedback_range(first, first))[:2], panel_release(feedback_range(second, second))[:2]]
    for quarter in sorted({periods.quarter_of(first), periods.quarter_of(second)}):
        scope = feedback_quarter(quarter)
        point = trend(scope)[-1]  # the trend ends with the report's own quarter
        if point.shown.isdigit():
            releases.append((population_of(scope).atoms, {TOTAL_KEY: int(point.shown)}))
    assert len(releases) >= 3
    assert not recovered(releases)


def test_two_fewer_than_fives_beside_their_sum_are_not_both_shown(app_context, app):
    """Three months with 2, 2 and 4 flagged responses: the three together show
    8, the first two "fewer than 5"; the last "fewer than 5" would pin both to
    4, so it reads "not shown"."""
    refuge = Service(slug="refuge", name="Refuge")
    db.session.add(refuge)
    first, second, third = months_ago(3), months_ago(2), months_ago(1)
    for month, flagged in ((first, 2), (second, 2), (third, 4)):
        for n in range(flagged):
            flag(month + timedelta(days=n), refuge, "threat_to_kill_or_harm")
    db.session.commit()
    whole = [feedback_range(first, third + timedelta(days=27)), feedback_range(first, second + timedelta(days=27)),
             feedback_range(third, third + timedelta(days=27))]
    assert [build_summary(scope).safeguarding.total.shown for scope in whole] == ["8", "fewer than 5", "not shown"]
