"""Attacks on everything Heard releases, run as an outsider with every figure
Heard showed would run them (issue 14, part 1). Each must recover no count
from 1 to 4 and no individual's attributes.

- Two custom ranges one day apart (the attack that re-identified two refuge
  residents): both now count the same whole months, so they are identical.
- A quarter "so far" and the same quarter a month later; a month against the
  two months around it: nested and overlapping populations.
- The same report before and after one response is hidden, and a
  consultation before and after one more response.
- Totals minus shown cells: linear programming (scipy.optimize.linprog) gives
  the bounds of every withheld breakdown cell, each table alone and all the
  equality breakdowns of a release together; a cell is disclosed when its
  bounds pin a value from 1 to 4.
- The public "you said, we did" page against the board's own reports.
- "Fewer than 5" read as 1 to 4: two such months beside their quarter.

The attacker's tool (`recovered`) is independent of Heard's check: for every
figure it takes every release that showed it, cuts the months into regions
and bounds every union of regions by linear programming.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import product

import numpy as np
import pytest
from scipy.optimize import linprog
from sqlalchemy import select

from analysis.board import SMALL, Breakdown
from tests.webapp.helpers import make_consultation
from webapp.consultations.models import Answer, Consultation, ConsultationResponse, answer_ref
from webapp.extensions import db
from webapp.feedback.models import FeedbackResponse, Service, feedback_ref
from webapp.periods import last_complete_day, month_start, quarter_dates
from webapp.reports.population import population_of
from webapp.reports.public import public_themes
from webapp.reports.queries import breakdown_figures, small_figures
from webapp.reports.summary import RESPONSES_KEY, build_summary, theme_key
from webapp.themes.models import StaffCoding
from webapp.themes.scope import consultation_scope, feedback_quarter, feedback_range, items

K = 5
THEMES = ("housing", "staff-attitude", "police", "money", "children", "access", "information")
REFUGE = "Safe Haven Refuge"


# The attacker -----------------------------------------------------------------------------

def figures(summary) -> dict[str, int]:
    """Every count a summary shows, by the ledger's keys (read from what is
    shown, not from the ledger)."""
    shown = {} if summary.responses_shown == "not shown" else {RESPONSES_KEY: summary.responses}
    shown.update((theme_key(row.code), row.count) for row in summary.themes if row.shown.isdigit())
    return shown | breakdown_figures(summary.breakdowns)


def ranges(summary) -> dict[str, int]:
    """Every figure a summary shows as "fewer than 5" (`SMALL`: the attacker reads it as 1 to 4)."""
    found = {theme_key(row.code): SMALL for row in summary.themes if row.shown.startswith("fewer than")}
    return found | dict.fromkeys(small_figures(summary.breakdowns), SMALL)


def release(scope, **kwargs) -> tuple[frozenset[str], dict[str, int]]:
    summary = build_summary(scope, **kwargs)
    return population_of(scope, kwargs.get("today")).atoms, figures(summary)


def read_with_ranges(scope) -> tuple[frozenset[str], dict[str, int]]:
    """A release as an attacker who also reads "fewer than 5" sees it."""
    summary = build_summary(scope)
    return population_of(scope).atoms, figures(summary) | ranges(summary)


def recovered(releases: list[tuple[frozenset[str], dict[str, int]]]) -> list[tuple[str, frozenset[str], int]]:
    """(figure, months, count) for every union of regions whose count the
    releases pin to 1..4, by linear programming over non-negative counts
    (a `SMALL` figure: a count from 1 to 4)."""
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
        ranged = counts == SMALL
        bounds = (np.vstack([matrix[ranged], -matrix[ranged]]),
                  np.concatenate([np.full(ranged.sum(), K - 1.0), np.full(ranged.sum(), -1.0)]))
        for union in product((0.0, 1.0), repeat=len(regions)):
            if not any(union):
                continue
            value = _pinned(np.array(union), matrix[~ranged], counts[~ranged], bounds)
            if value is not None:
                months = frozenset().union(*(r for r, u in zip(regions, union, strict=True) if u))
                found.append((key, months, value))
    return found


def _pinned(objective, matrix, counts, ranged=(None, None)) -> int | None:
    """The count from 1 to 4 the objective is pinned to, if it is: its least and
    most are both in (0.5, K - 0.5) and under 0.5 apart. The most is only sought
    when the least is in that range (most cells can be 0), halving the programmes.
    `ranged`: inequalities (A_ub, b_ub) for counts read as 1 to 4."""
    system = {"A_ub": ranged[0], "b_ub": ranged[1]}
    if len(matrix):
        system |= {"A_eq": matrix, "b_eq": counts}
    low = linprog(objective, bounds=(0, None), method="highs", **system)
    assert low.status == 0, "the releases contradict each other"
    if not 0.5 < low.fun < K - 0.5:
        return None
    high = linprog(-objective, bounds=(0, None), method="highs", **system)
    assert high.status in (0, 3)  # 3: unbounded above, so not pinned
    return round(low.fun) if high.status == 0 and -high.fun - low.fun < 0.5 else None


def small_differences(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Figures shown in both releases of one population that moved by 1 to 4."""
    return {key: after[key] - before[key] for key in before.keys() & after.keys()
            if 0 < abs(after[key] - before[key]) < K}


def pinned_withheld_cells(table: Breakdown) -> list[tuple[int, int, int]]:
    """(row, column, count) of each withheld cell of one breakdown that its shown
    cells, row totals, column totals and grand total pin to 1..4."""
    rows, cols = len(table.rows), len(table.groups)
    unknown = [(r, c) for r in range(rows) for c in range(cols) if table.rows[r][1][c] is None]
    equations, targets = _table_equations(table, unknown)
    if not equations:  # nothing bounds a withheld cell from above
        return []
    found = []
    for i, (r, c) in enumerate(unknown):
        objective = np.zeros(len(unknown))
        objective[i] = 1
        value = _pinned(objective, np.array(equations), np.array(targets))
        if value is not None:
            found.append((r, c, value))
    return found


def _table_equations(table: Breakdown, unknown: list[tuple[int, int]]):
    index = {cell: i for i, cell in enumerate(unknown)}
    equations, targets = [], []
    for r, (_, cells, total) in enumerate(table.rows):
        if total is not None:
            row = np.zeros(len(unknown))
            known = 0
            for c, value in enumerate(cells):
                if value is None:
                    row[index[(r, c)]] = 1
                else:
                    known += value
            equations.append(row)
            targets.append(total - known)
    for c, total in enumerate(table.group_totals):
        if total is not None:
            col = np.zeros(len(unknown))
            known = 0
            for r, (_, cells, _) in enumerate(table.rows):
                if cells[c] is None:
                    col[index[(r, c)]] = 1
                else:
                    known += cells[c]
            equations.append(col)
            targets.append(total - known)
    return equations, targets


def disclosed_cells(summary) -> list[tuple[str, str, str, float]]:
    pinned = []
    for table in summary.breakdowns:
        for r, c, value in pinned_withheld_cells(table):
            pinned.append((table.title, table.rows[r][0], table.groups[c], value))
    return pinned


# Crafted data: a refuge, two residents one day apart --------------------------------------

def months_ago(n: int) -> date:
    """The first day of the month n complete months back (1 = the last finished month)."""
    day = last_complete_day()
    for _ in range(n - 1):
        day = month_start(day) - timedelta(days=1)
    return month_start(day)


def respond(day: date, service: Service, codes: list[str], **equality) -> FeedbackResponse:
    response = FeedbackResponse(submitted_on=day, service=service,
                                what_helped=f"Written answer about {', '.join(codes)} on {day}.", **equality)
    db.session.add(response)
    db.session.flush()
    db.session.add(StaffCoding(ref=feedback_ref(response.id, "what_helped"), codes=codes))
    return response


@pytest.fixture
def refuge_months(app_context, app):
    """Two finished months: a crowd at the refuge and the advice line each
    month, then the two residents of the issue, on the 27th and the 28th of
    the later month."""
    refuge, advice = Service(slug="safe-haven", name=REFUGE), Service(slug="advice", name="Advice line")
    db.session.add_all([refuge, advice])
    first, second = months_ago(2), months_ago(1)
    for month in (first, second):
        for n in range(7):
            respond(month + timedelta(days=n), refuge, ["housing", "staff-attitude"],
                    gender="woman", age_band="35-44", ethnicity="white", sexuality="straight", disability="no")
            respond(month + timedelta(days=n), advice, ["access", "staff-attitude"],
                    gender="woman", age_band="25-34", ethnicity="white", sexuality="straight", disability="no")
    man = respond(second + timedelta(days=26), refuge, list(THEMES),
                  gender="man", age_band="25-34", ethnicity="white", sexuality="gay-lesbian", disability="yes")
    woman = respond(second + timedelta(days=27), refuge, list(THEMES[:5]),
                    gender="woman", age_band="55-64", ethnicity="asian", sexuality="gay-lesbian", disability="no")
    db.session.commit()
    return {"first": first, "second": second, "man": man, "woman": woman}


def test_two_ranges_one_day_apart_are_the_same_report(refuge_months, client):
    """The issue's attack: 1st of the first month to the 27th and to the 28th
    of the second. Both count the two whole months, so nothing differs."""
    first, second = refuge_months["first"], refuge_months["second"]
    earlier = release(feedback_range(first, second + timedelta(days=26)))
    later = release(feedback_range(first, second + timedelta(days=27)))
    assert earlier == later
    assert not recovered([earlier, later])


def test_a_range_into_the_month_under_way_counts_only_finished_months(refuge_months):
    """A resident who responds this month is not counted until the month ends."""
    today_month = month_start(date.today())
    refuge = db.session.scalar(select(Service).where(Service.slug == "safe-haven"))
    respond(today_month, refuge, ["police"], gender="man", age_band="65-plus")
    db.session.commit()
    first = refuge_months["first"]
    before = release(feedback_range(first, last_complete_day()))
    after = release(feedback_range(first, date.today()))
    assert before == after
    summary = build_summary(feedback_range(first, date.today()))
    assert "so far" in summary.label and "A month is counted once it has ended" in summary.population_note


def test_month_against_the_months_around_it(refuge_months):
    """The later month alone, both months, the earlier month alone, in every
    order: no union of regions is pinned below 5, and the two residents'
    themes, age, refuge and sexual orientation are not laid bare."""
    first, second = refuge_months["first"], refuge_months["second"]
    releases = [release(feedback_range(second, second + timedelta(days=27))),
                release(feedback_range(first, second)),
                release(feedback_range(first, first + timedelta(days=3)))]
    assert not recovered(releases)
    (later_atoms, later), (both_atoms, both), (first_atoms, alone) = releases
    # Whatever the attacker subtracts, no figure moves by 1 to 4.
    derived = {key: both[key] - later.get(key, 0) - alone.get(key, 0)
               for key in both if key in later and key in alone}
    assert not [key for key, value in derived.items() if 0 < value < K]
    assert theme_key("police") not in both and theme_key("money") not in both


def test_quarter_so_far_and_the_whole_quarter(refuge_months):
    """Seen while the second month was under way, then after it ended: the
    second month's two residents are what the reports differ by."""
    first, second = refuge_months["first"], refuge_months["second"]
    scope = feedback_range(first, second + timedelta(days=40))
    so_far = release(scope, today=second + timedelta(days=10))
    whole = release(scope)
    assert so_far[0] < whole[0]
    assert not recovered([so_far, whole])
    assert not [key for key in so_far[1].keys() & whole[1].keys() if 0 < whole[1][key] - so_far[1][key] < K]


def test_hiding_one_response_between_two_releases_reveals_nothing(refuge_months):
    first, second = refuge_months["first"], refuge_months["second"]
    scope = feedback_range(first, second)
    before = release(scope)[1]
    refuge_months["man"].hidden = True
    db.session.commit()
    after = release(scope)[1]
    assert not small_differences(before, after)
    # Nothing reads "not shown" where the man's response was: the report is as first shown.
    assert after == before and theme_key("housing") in after


def test_a_consultation_before_and_after_one_more_response(app_context, app):
    consultation = make_consultation("refuge-life", status="open")
    question = next(q for q in consultation.questions if q.kind == "free_text")
    scope = consultation_scope(consultation.slug)

    def answer(codes: list[str]) -> None:
        given = Answer(question=question, value="What the refuge was like for me.")
        db.session.add(ConsultationResponse(consultation=consultation, submitted_on=date.today(), answers=[given]))
        db.session.flush()
        db.session.add(StaffCoding(ref=answer_ref(given.id), codes=codes))
        db.session.commit()

    for _ in range(9):
        answer(["housing"])
    before = release(scope)[1]
    answer(["housing", "police"])
    after = release(scope)[1]
    assert before[theme_key("housing")] == 9
    assert not small_differences(before, after)
    assert after == before  # 10 beside 9, or housing held back, would single out the newcomer's themes
    for _ in range(3):
        answer(["housing"])
    assert release(scope)[1] == before  # four responses since: still as first shown
    answer(["housing"])
    settled = release(scope)[1]
    assert settled[theme_key("housing")] == 14  # five more than first shown: released again
    assert not small_differences(before, settled)


def ended_quarter(day: date) -> tuple:
    """The calendar quarter holding `day`, and a day after it ended (breakdowns
    are shown only for a whole quarter that has ended)."""
    quarter = f"{day.year}Q{(day.month - 1) // 3 + 1}"
    return feedback_quarter(quarter), quarter_dates(quarter)[1] + timedelta(days=1)


def test_totals_minus_shown_cells_pin_nothing_in_crafted_data(refuge_months):
    scope, after = ended_quarter(refuge_months["second"])
    summary = build_summary(scope, today=after)
    assert summary.breakdowns
    assert not disclosed_cells(summary)


@pytest.mark.slow
def test_totals_minus_shown_cells_pin_nothing_in_demo_data(app_context, demo_data):
    """Every breakdown of every demo quarter and consultation. The test's demo
    snapshot is not themed, so each written answer is given themes by a fixed
    rule (one or two of seven, by response): the services and equality answers
    are the demo's own."""
    scopes = [feedback_quarter(q) for q in _demo_quarters()]
    scopes += [consultation_scope(c.slug) for c in db.session.scalars(select(Consultation))]
    coded = {row.ref: row for row in db.session.scalars(select(StaffCoding))}
    for scope in scopes:
        for item in items(scope):
            n = item.response_id
            codes = sorted({THEMES[n % 7]} | ({THEMES[(3 * n + 1) % 7]} if n % 3 == 0 else set()))
            if item.ref in coded:
                coded[item.ref].codes = codes
            else:
                db.session.add(StaffCoding(ref=item.ref, codes=codes))
    db.session.commit()
    checked = 0
    for scope in scopes:
        summary = build_summary(scope)
        assert not disclosed_cells(summary), scope.key
        assert not _joint_pinned(summary.breakdowns), scope.key
        checked += sum(len(table.rows) * len(table.groups) for table in summary.breakdowns)
    assert checked > 500


def test_equality_breakdowns_together_pin_nothing(refuge_months):
    """All of one release's breakdowns in one linear programme: the tables
    share their row totals (a theme's responses, one unknown when withheld),
    so cells bounded by several tables at once, or a total withheld in one
    and shown in another, would show."""
    scope, after = ended_quarter(refuge_months["second"])
    tables = build_summary(scope, today=after).breakdowns
    assert len(tables) >= 5
    for table in tables:  # a theme's total reads the same wherever it is shown
        for code, (_, _, total) in zip(table.codes, table.rows, strict=True):
            totals = {t.rows[t.codes.index(code)][2] for t in tables if code in t.codes}
            assert len(totals - {None}) <= 1
            if total is None:
                assert totals == {None}, "a total withheld in one table is shown in another"
    pinned = _joint_pinned(tables)
    assert not pinned, pinned


def _joint_pinned(tables: list[Breakdown]) -> list[tuple[str, str, str, int]]:
    """Withheld cells of all the tables pinned to 1..4 by every shown figure
    together (cells, shared theme totals, column totals, grand totals)."""
    unknown: dict[tuple, int] = {}
    for t, table in enumerate(tables):
        for r, (_, cells, total) in enumerate(table.rows):
            unknown.update(((t, r, c), 0) for c, value in enumerate(cells) if value is None)
            if total is None:
                unknown[("theme", table.codes[r])] = 0
        unknown.update(((t, "column", c), 0) for c, value in enumerate(table.group_totals) if value is None)
        if table.grand_total is None:
            unknown[(t, "grand")] = 0
    index = {key: i for i, key in enumerate(unknown)}
    equations, targets = [], []

    def equation(terms: list[tuple[tuple | None, int]]) -> None:
        row, constant = np.zeros(len(index)), 0.0
        for key, value in terms:
            if key is None:
                constant -= value
            else:
                row[index[key]] += value
        equations.append(row)
        targets.append(constant)

    for t, table in enumerate(tables):
        for r, (_, cells, total) in enumerate(table.rows):
            terms = [((t, r, c), 1) if value is None else (None, value) for c, value in enumerate(cells)]
            terms.append((("theme", table.codes[r]), -1) if total is None else (None, -total))
            equation(terms)
        for c, column in enumerate(table.group_totals):
            terms = [((t, r, c), 1) if cells[c] is None else (None, cells[c])
                     for r, (_, cells, _) in enumerate(table.rows)]
            terms.append(((t, "column", c), -1) if column is None else (None, -column))
            equation(terms)
        terms = [(("theme", code), 1) if total is None else (None, total)
                 for code, (_, _, total) in zip(table.codes, table.rows, strict=True)]
        terms.append(((t, "grand"), -1) if table.grand_total is None else (None, -table.grand_total))
        equation(terms)
    found = []
    for key, i in index.items():
        if len(key) != 3 or key[1] == "column":
            continue
        objective = np.zeros(len(index))
        objective[i] = 1
        value = _pinned(objective, np.array(equations), np.array(targets))
        if value is not None:
            t, r, c = key
            found.append((tables[t].title, tables[t].rows[r][0], tables[t].groups[c], value))
    return found


@pytest.fixture
def police_quarter(app_context, app):
    """Three finished months with a crowd each month, and the police theme in
    2, 2 and 4 responses: the three months together 8, the first two 4, the
    last 4."""
    refuge = Service(slug="safe-haven", name=REFUGE)
    db.session.add(refuge)
    months = [months_ago(3), months_ago(2), months_ago(1)]
    for month, police in zip(months, (2, 2, 4), strict=True):
        for n in range(7):
            respond(month + timedelta(days=n), refuge, ["housing", "staff-attitude"])
        for n in range(police):
            respond(month + timedelta(days=10 + n), refuge, ["police"])
    db.session.commit()
    return months


def _whole(first: date, last: date):
    return feedback_range(first, last + timedelta(days=27))


@pytest.mark.parametrize("order", ["quarter first", "months first"])
def test_two_fewer_than_fives_beside_their_quarter_pin_nothing(police_quarter, order):
    """The board review's attack: the three months show police 8, the first
    two "fewer than 5" and the last "fewer than 5": both would be 4. In either
    order, one of them reads "not shown" and nothing is pinned."""
    first, second, third = police_quarter
    scopes = [_whole(first, third), _whole(first, second), _whole(third, third)]
    if order == "months first":
        scopes = scopes[1:] + scopes[:1]
    releases = [read_with_ranges(scope) for scope in scopes]
    assert not recovered(releases)
    police = [build_summary(scope).theme("police").shown for scope in scopes]
    assert police == (["8", "fewer than 5", "not shown"] if order == "quarter first"
                      else ["fewer than 5", "fewer than 5", "not shown"])


def test_public_pages_against_the_board(refuge_months, client):
    """The public page's quarters beside the board's own month ranges."""
    first, second = refuge_months["first"], refuge_months["second"]
    releases = [release(feedback_range(first, second)), release(feedback_range(second, second))]
    for quarter in {feedback_quarter(f"{d.year}Q{(d.month - 1) // 3 + 1}") for d in (first, second)}:
        population = population_of(quarter).atoms
        if not population:
            continue
        shown = {theme_key(t.code): int(t.shown) for t in public_themes(quarter) if t.shown.isdigit()}
        releases.append((population, shown))
    assert client.get("/you-said-we-did/feedback").status_code == 200
    assert not recovered(releases)


def _demo_quarters() -> list[str]:
    days = db.session.scalars(select(FeedbackResponse.submitted_on).distinct())
    return sorted({f"{d.year}Q{(d.month - 1) // 3 + 1}" for d in days})


def test_the_responses_page_before_and_after_one_more_response(app_context, app):
    """The consultation's question counts (/staff/consultations/<id>/responses)
    go through the same ledger: one more "Yes" beside 9 is not shown."""
    from webapp.consultations import reporting

    consultation = make_consultation("refuge-questions", status="open")
    refuge = next(q for q in consultation.questions if q.text == "Did you stay in a refuge?")

    def answer(value: str) -> None:
        db.session.add(ConsultationResponse(consultation=consultation, submitted_on=date.today(),
                                            answers=[Answer(question=refuge, value=value)]))
        db.session.commit()

    def shown() -> dict[str, str]:
        _, summaries = reporting.released_figures(consultation)
        summary = next(s for s in summaries if s.question.id == refuge.id)
        return {row.label: row.shown for row in summary.rows} | {"answered": summary.answered_shown}

    for _ in range(9):
        answer("Yes")
    for _ in range(6):
        answer("No")
    assert shown() == {"Yes": "9", "No": "6", "answered": "15"}
    answer("Yes")
    # As first shown: "Yes" alone held back or moved would give away the newcomer's answer.
    assert shown() == {"Yes": "9", "No": "6", "answered": "15"}
    for _ in range(4):
        answer("Yes")
    assert shown() == {"Yes": "14", "No": "6", "answered": "20"}


def test_all_theme_mentions_less_the_shown_themes_pin_no_small_ones(app_context, app):
    """The board review's one-page attack: all theme mentions (a breakdown's
    grand total) less the themes shown in figures leaves the "fewer than 5"
    ones' sum; two of them adding to 8 are both 4. A theme reads "fewer than 5"
    in the themes table exactly where its breakdown totals do."""
    refuge, advice = Service(slug="safe-haven", name=REFUGE), Service(slug="advice", name="Advice line")
    db.session.add_all([refuge, advice])
    month = date(2026, 7, 1)
    for n, (service, codes) in enumerate([(refuge, ["housing"])] * 9 + [(advice, ["access"])] * 7
                                         + [(refuge, ["police"])] * 4 + [(advice, ["justice"])] * 4):
        respond(month + timedelta(days=n % 20), service, codes)
    db.session.commit()
    summary = build_summary(feedback_quarter("2026Q3"))
    assert summary.breakdowns
    small = {row.code for row in summary.themes if row.shown == "fewer than 5"}
    unknown = {row.code for row in summary.themes if not row.shown.isdigit()}
    for table in summary.breakdowns:
        for code, (_, _, total) in zip(table.codes, table.rows, strict=True):
            if total is None:
                assert (code in small) == ((code, -1) in table.small), (table.title, code)
        if table.grand_total is not None:
            rest = table.grand_total - sum(row.count for row in summary.themes if row.shown.isdigit())
            # Pinned when every unknown theme reads "fewer than 5" and their sum allows one split only.
            assert not (unknown == small and (len(small) == 1 or rest in (len(small), (K - 1) * len(small)))), \
                (table.title, rest, small)


def test_breakdowns_are_shown_only_for_whole_quarters_that_have_ended(refuge_months, client):
    """The board review pinned small monthly cells from months and two-month
    windows: a cell one table withheld followed from two others. Whole quarters
    never overlap, so only they (and whole consultations) break down."""
    first, second = refuge_months["first"], refuge_months["second"]
    for scope in (feedback_range(first, second), feedback_range(second, second)):
        summary = build_summary(scope)
        assert summary.themes and not summary.breakdowns
        assert summary.no_breakdowns_words.startswith("Breakdowns by service and equality group are shown only")
    scope, after = ended_quarter(second)
    assert build_summary(scope, today=after).breakdowns
    assert not build_summary(scope, today=after - timedelta(days=1)).breakdowns  # its last month under way
