"""The board summary of a scope, read from the database: the themes' figures
(`analysis.board`, with purged responses' text-free counts added back),
quotes, flags, emergent themes, what changed because of the group, breakdowns
by service and by equality group, and the service-user group's view.

The breakdowns' suppression (NumPy) and the quotes' near-duplicate check
(nltk) are imported with the first summary (`queries`), not at start-up."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date

from analysis.board import (
    NOT_SHOWN,
    SMALL,
    Breakdown,
    Coded,
    Extra,
    K,
    ThemeRow,
    beside_earlier,
    sentiment_words,
    shown_count,
    summarise_items,
    withhold_row,
)
from analysis.safeguarding import Panel
from webapp import disclosure, revisions
from webapp.consultations import reporting
from webapp.reports import inputs, queries
from webapp.reports.inputs import Counted
from webapp.reports.population import ReportPopulation, population_of
from webapp.reports.queries import GroupView
from webapp.reports.safeguarding import release_panel
from webapp.retention.purge import aggregate_counts
from webapp.themes.codebook import theme_labels
from webapp.themes.runs import coded_items, latest_run

RESPONSES_KEY, PURGED_KEY, ITEMS_KEY = "themes|responses", "themes|purged", "themes|items"


@dataclass
class BoardSummary:
    scope_key: str
    label: str
    kind: str
    responses: int  # responses with any free text (incl. purged, counted)
    purged_responses: int
    items: int
    themes: list[ThemeRow]
    previous_label: str | None = None
    previous_responses: int | None = None
    emergent: list[str] = field(default_factory=list)
    # Flagged responses, reviews and kinds of danger (webapp.reports.safeguarding): released like the rest.
    safeguarding: Panel | None = None
    changes: list[tuple[date, str]] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    group_view: GroupView | None = None
    run_date: date | None = None
    run_learned_from: int = 0
    staff_coded: int = 0  # answers staff coded (confirmed or corrected the themes)
    run_themed: bool = False  # some answer has themes from a run (the report's own, or its quarters')
    staff_corrected: int = 0  # of those, answers where staff changed the run's themes
    staff_checked: frozenset[str] = frozenset()  # themes staff confirmed on at least one answer
    k: int = K
    population_note: str = ""  # why the figures cover other dates than were chosen
    closed_questions: list = field(default_factory=list)  # consultations: choice questions' released counts
    held: frozenset[str] = frozenset()  # figures the release ledger held back
    breaks_down: bool = True  # a whole quarter or consultation (`ReportPopulation.breaks_down`)

    @property
    def responses_shown(self) -> str:
        return self._figure(RESPONSES_KEY, self.responses)

    @property
    def responses_phrase(self) -> str:
        """The response count and its noun, reading right when the count is held back
        ("not shown" cannot stand before a noun as a number can)."""
        shown = self.responses_shown
        if shown == NOT_SHOWN:
            return "responses with written answers (how many is not shown)"
        return f"{shown} responses with written answers"

    @property
    def purged_shown(self) -> str:
        """The purged responses counted, or "" when there are none or they are held back."""
        return "" if not self.purged_responses or PURGED_KEY in self.held else str(self.purged_responses)

    @property
    def items_shown(self) -> str:
        return self._figure(ITEMS_KEY, self.items)

    def _figure(self, key: str, value: int) -> str:
        return NOT_SHOWN if key in self.held else shown_count(value, self.k)

    def theme(self, code: str) -> ThemeRow | None:
        return next((row for row in self.themes if row.code == code), None)

    @property
    def no_breakdowns_words(self) -> str:
        """Why there is no breakdown table: not a whole quarter, nothing themed, or nothing to group by."""
        if self.purged_responses and self.breaks_down:
            return ("Breakdowns are not shown for a period with responses past the retention period: their "
                    "themes are still counted, but not their service or equality answers, so the breakdowns "
                    "would not add up to the themes, and the difference could single those people out.")
        if not self.breaks_down:
            return ("Breakdowns by service and equality group are shown only for whole calendar quarters, which "
                    "never overlap: comparing the breakdowns of overlapping periods could single people out. "
                    "Open a quarter that has ended to see them.")
        if not any(row.count for row in self.themes):
            return "No themed responses to break down."
        return ("There is nothing to break the themes down by: no response gave a service or answered an "
                "equality question, and every one came online, in English, in the standard version.")

    @property
    def charted(self) -> list[ThemeRow]:
        """Themes with a figure that may be shown, for charts."""
        return [row for row in self.themes if not row.suppressed and row.count]


def _coded(coded_items) -> list[Coded]:
    return [Coded(c.item.response_id, tuple(c.codes), c.compound) for c in coded_items]


def _extra(counted) -> dict[str, Extra]:
    """Purged responses' counts, from the retention purge's text-free aggregates."""
    if counted is None:
        return {}
    return {code: Extra(count.responses, count.sentiment_sum)
            for code, count in aggregate_counts(counted).items()}


def _items(population: ReportPopulation):
    """The answers as they stand, hidden responses' too: a month keeps their themes (`webapp.reports.inputs`)."""
    return [] if population.counted is None else coded_items(population.counted, any_run=True, hidden_too=True)


def theme_key(code: str) -> str:
    return f"themes|theme|{code}"


def build_summary(scope, k: int = K, with_quotes: bool = True, today: date | None = None,
                  with_closed: bool = True, with_safeguarding: bool = True) -> BoardSummary:
    """Everything the board summary page and the board pack show for `scope`:
    its population's own figures (whole months, or the whole consultation)
    beside the earlier period's, each as that population last released them
    (`own_figures`: through the ledger, kept until enough responses change).
    Pages that do not show the safeguarding panel leave it out, so it is not
    recorded as shown."""
    labels = theme_labels()
    population = population_of(scope, today)
    current = _items(population)
    coded = [c for c in current if not c.item.hidden]  # quotes' text comes from these, never from what was kept
    counted = inputs.counted(population, current, k)
    own = own_figures(population, counted, labels, k)
    named_previous = scope.previous()
    previous_population = population_of(named_previous, today) if named_previous else None
    before = (own_figures(previous_population, inputs.counted(previous_population, _items(previous_population), k),
                          labels, k)
              if previous_population is not None else None)
    rows = _held_rows_last(_beside_earlier(own, before, labels, k))
    if with_quotes:
        quotes = queries.quotes_by_theme(inputs.quotable(coded, counted), [row.code for row in rows])
        rows = [_with_quotes(row, quotes.get(row.code, ())) for row in rows]
    run = latest_run(scope.key)
    return BoardSummary(
        scope_key=scope.key, label=population.label, kind=scope.kind, responses=own.responses,
        purged_responses=own.purged, items=own.items, themes=rows,
        previous_label=previous_population.label if previous_population else None,
        previous_responses=_earlier_total(before),
        emergent=queries.pending_emergent(run),
        safeguarding=release_panel(population, counted.flagged, k) if with_safeguarding else None,
        changes=queries.change_record(scope),
        breakdowns=own.breakdowns if population.breaks_down else [],
        group_view=queries.group_view(scope.key),
        run_date=run.finished_at.date() if run and run.finished_at else None,
        run_learned_from=run.n_coded if run else 0,
        staff_coded=own.staff_coded, staff_corrected=own.staff_corrected, run_themed=own.run_themed,
        staff_checked=own.staff_checked,
        k=k, population_note=population.note, held=own.held, breaks_down=population.breaks_down,
        closed_questions=_closed_questions(scope) if with_closed else [],
    )


def own_figures(population: ReportPopulation, counted: Counted, labels: dict[str, str], k: int = K) -> _Released:
    """The population's own figures (no earlier period), worked out from what
    its months counted (`webapp.reports.inputs`), as it last released them
    while fewer than k of those responses changed since (`webapp.revisions`),
    else released afresh through the ledger. One record per set of months,
    whatever dates were chosen to reach it and whether it is a report's own
    period or the one before: two records for the same months would each be
    released afresh, and set side by side."""
    extra = _extra(population.counted)
    coded = counted.coded

    def release() -> _Released:
        responses, _, rows = summarise_items(_coded(coded), None, labels, k, extra)
        purged = extra.get("")
        return _release(population, rows, responses, purged.responses if purged else 0, coded, k)

    # A quarter's months once it has ended break down; before, the same months do not: two records.
    # Every response is in its states, hidden ones too: one gone was purged, its counts added back.
    # Figures read before the first theming run count no theme; once themed they no longer stand.
    return revisions.revised(population.kept_key, f"summary|breaks_down={population.breaks_down}",
                             inputs.states(coded, counted.hidden), release, _dump_released,
                             lambda kept: _load_released(kept, labels), k, removals=False,
                             stale=lambda kept: not any(row.count for row in kept.rows) and inputs.themed(coded))


def _earlier_total(before: _Released | None) -> int | None:
    if before is None or not before.responses or RESPONSES_KEY in before.held:
        return None
    return before.responses


def _beside_earlier(own: _Released, before: _Released | None, labels: dict[str, str], k: int) -> list[ThemeRow]:
    """The theme rows with the earlier period's count, share and change, from
    the earlier period's own figures (a theme only the earlier period had
    reads 0 now)."""
    if before is None or not before.responses:
        return own.rows  # an empty or unfinished earlier period gives nothing to compare
    earlier = {row.code: row.count for row in before.rows}
    rows = own.rows + [_zero_row(code, labels, own, k) for code in earlier.keys() - {row.code for row in own.rows}]
    rows.sort(key=lambda row: (-row.count, row.label.lower(), row.code))  # as `summarise_items` ranks them
    return [_with_earlier(row, earlier.get(row.code, 0), own, before, k) for row in rows]


def _zero_row(code: str, labels: dict[str, str], own: _Released, k: int) -> ThemeRow:
    """A theme no response of the period has (the earlier period's had)."""
    share = 0.0 if own.responses and RESPONSES_KEY not in own.held else None
    return ThemeRow(code=code, label=labels.get(code, code), count=0, shown=shown_count(0, k), share=share,
                    mean_sentiment=None, sentiment_words=sentiment_words(None), previous_count=None, change=None,
                    direction="no earlier figures", change_words="no earlier figures")


def _with_earlier(row: ThemeRow, previous: int, own: _Released, before: _Released, k: int) -> ThemeRow:
    """Compared as `analysis.board.summarise_items` compares periods, then held
    back where either period's count or total was (`_held_row`)."""
    row = beside_earlier(row, own.responses, previous, before.responses, k)
    held = {theme_key(row.code), RESPONSES_KEY}
    if held & own.held or held & before.held:
        return withhold_row(row, previous_too=True)
    return row


def _corrected(coded) -> int:
    """Staff-coded answers whose themes differ from the run's. An answer a run
    themed carries the run's scores; one no run saw was coded from scratch."""
    return sum(1 for c in coded if c.staff_coded and c.scores and set(c.codes) != set(c.scores))


def _closed_questions(scope) -> list:
    """A consultation's closed questions (yes/no, agreement, ratings, choices,
    and a table per statement of a grid or thing ranked) as the responses page
    releases them: through the same ledger."""
    consultation = scope.consultation()
    if consultation is None:
        return []
    return [summary for summary in reporting.released_figures(consultation)[1] if summary.rows or summary.sections]


@dataclass(frozen=True)
class _Released:
    """A population's own figures as released (and as kept between revisions, `webapp.revisions`)."""

    rows: list[ThemeRow]
    breakdowns: list[Breakdown]
    held: frozenset[str]
    responses: int
    purged: int
    items: int
    # What staff did, kept with the counts: counted afresh, its marks moved with one hidden answer (board review).
    staff_coded: int
    staff_corrected: int
    staff_checked: frozenset[str]
    run_themed: bool


def _dump_released(released: _Released) -> dict:
    return {"rows": [asdict(replace(row, quotes=())) for row in released.rows],
            "breakdowns": [asdict(table) | {"small": sorted(table.small)} for table in released.breakdowns],
            "held": sorted(released.held), "responses": released.responses, "purged": released.purged,
            "items": released.items, "staff_coded": released.staff_coded, "staff_corrected": released.staff_corrected,
            "staff_checked": sorted(released.staff_checked), "run_themed": released.run_themed}


def _load_released(kept: dict, labels: dict[str, str]) -> _Released:
    """The kept figures, with the themes' names as the codebook has them now."""
    rows = [ThemeRow(**(row | {"label": labels.get(row["code"], row["label"]), "quotes": ()}))
            for row in kept["rows"]]
    return _Released(rows, [_load_breakdown(table, labels) for table in kept["breakdowns"]], frozenset(kept["held"]),
                     kept["responses"], kept["purged"], kept["items"], kept["staff_coded"], kept["staff_corrected"],
                     frozenset(kept["staff_checked"]), kept["run_themed"])


def _load_breakdown(kept: dict, labels: dict[str, str]) -> Breakdown:
    codes = tuple(kept["codes"])
    rows = tuple((label, tuple(cells), total) for label, cells, total in kept["rows"])
    if len(codes) == len(rows):
        rows = tuple((labels.get(code, label), cells, total)
                     for code, (label, cells, total) in zip(codes, rows, strict=True))
    return Breakdown(**(kept | {"groups": tuple(kept["groups"]), "rows": rows, "codes": codes,
                                "group_totals": tuple(kept["group_totals"]), "responses": tuple(kept["responses"]),
                                "small": frozenset((row, column) for row, column in kept["small"])}))


def _release(population: ReportPopulation, rows: list[ThemeRow], responses: int, purged: int, coded,
             k: int) -> _Released:
    """Check every figure the summary would show against the release ledger,
    hold back what it refuses (suppressing again around it, which may show
    other cells: those are checked in turn), then record what is shown.
    Breakdowns are worked out for a whole quarter only (`breaks_down`)."""
    disclosure.lock()
    held: set[str] = set()
    checked: set[str] = set()
    while True:
        held_themes = frozenset(row.code for row in rows if theme_key(row.code) in held)
        shown_rows = [_held_row(row, held) for row in rows]
        # Not beside purged responses' counts: their themes are counted but not their groups, so
        # the theme counts less the breakdowns' totals would give the purged few's themes away.
        ranked = [row for row in rows if row.count] if population.breaks_down and not purged else []
        tables = queries.breakdowns(coded, [row.code for row in ranked], [row.label for row in ranked], k,
                                    frozenset(held), held_themes)
        shown = {key: value for key, value in (_summary_figures(shown_rows, responses, len(coded), purged)
                                                | queries.breakdown_figures(tables)).items() if key not in held}
        fresh = {key: value for key, value in shown.items() if key not in checked}
        checked |= fresh.keys()
        refused = disclosure.release(population.atoms, fresh, k) if population.atoms else set()
        if not refused:
            break
        held |= refused
    if population.atoms:
        shown_rows, tables, ranges = _release_small(population, shown_rows, tables, k)
        disclosure.record(population.atoms, shown | ranges)
    return _Released(shown_rows, tables, frozenset(held), responses, purged, len(coded),
                     staff_coded=sum(1 for c in coded if c.staff_coded), staff_corrected=_corrected(coded),
                     staff_checked=frozenset(code for c in coded if c.staff_coded for code in c.codes),
                     run_themed=any(c.codes and not c.staff_coded for c in coded))


def _release_small(population: ReportPopulation, rows: list[ThemeRow], tables: list[Breakdown],
                   k: int) -> tuple[list[ThemeRow], list[Breakdown], dict[str, int]]:
    """Each "fewer than k" is a range released: those the ledger refuses
    (beside ranges and counts shown for overlapping months they would pin a
    count) read "not shown". A theme's count is also its total in every
    breakdown, so it reads "fewer than k" in both or in neither. Reading less
    never lets anything else be worked out, so nothing is suppressed again.
    Returns the rows, the tables and the ranges to record."""
    rows, tables = _small_alike(rows, tables, set(), k)
    small_cells = queries.small_figures(tables)
    asked = _small_rows(rows, k) | small_cells.keys()
    refused = disclosure.release_small(population.atoms, asked, k)
    tables = queries.without_small(tables, [small_cells[key] for key in refused if key in small_cells])
    refused_themes = {row.code for row in rows if theme_key(row.code) in refused}
    refused_themes |= {place[0] for key, (_, place) in small_cells.items() if key in refused and place[1] < 0}
    rows, tables = _small_alike(rows, tables, refused_themes, k)
    return rows, tables, dict.fromkeys(_small_rows(rows, k) | queries.small_figures(tables).keys(), SMALL)


def _small_rows(rows: list[ThemeRow], k: int) -> set[str]:
    """The theme counts that read "fewer than k", by ledger key."""
    return {theme_key(row.code) for row in rows if 0 < row.count < k and row.shown != NOT_SHOWN}


def _small_alike(rows: list[ThemeRow], tables: list[Breakdown], not_small: set[str],
                 k: int) -> tuple[list[ThemeRow], list[Breakdown]]:
    """The theme counts of `not_small`, and those a breakdown withholds as
    "not shown" (there "fewer than k" would pin them: beside all theme mentions
    less the others, two of them add up to 8), read "not shown" in the themes
    table and in every breakdown."""
    not_small = not_small | {code for table in tables
                             for code, (_, _, total) in zip(table.codes, table.rows, strict=True)
                             if total is None and (code, -1) not in table.small}
    rows = [replace(row, shown=NOT_SHOWN) if row.code in not_small and 0 < row.count < k else row for row in rows]
    tables = [replace(table, small=frozenset(place for place in table.small
                                             if not (place[1] < 0 and place[0] in not_small)))
              for table in tables]
    return rows, tables


def _held_rows_last(rows: list[ThemeRow]) -> list[ThemeRow]:
    """Shown themes by count, then the held ones by name: ranked among the
    shown ones by their true count, a held row's place would bound it."""
    return sorted(rows, key=lambda row: (row.suppressed, row.label if row.suppressed else ""))


def _held_row(row: ThemeRow, held: set[str]) -> ThemeRow:
    if theme_key(row.code) in held:
        return withhold_row(row)
    if RESPONSES_KEY in held:
        # The total is held back: a share beside its count would give it away.
        return replace(withhold_row(row, previous_too=True), share=None)
    return row


def _summary_figures(rows: list[ThemeRow], responses: int, items: int, purged: int) -> dict[str, int]:
    """The counts the summary shows outside the breakdowns and the safeguarding panel, by ledger key."""
    shown = {RESPONSES_KEY: responses, ITEMS_KEY: items}
    if purged:
        shown[PURGED_KEY] = purged
    shown.update((theme_key(row.code), row.count) for row in rows if not row.suppressed)
    return shown


def _with_quotes(row: ThemeRow, quotes: tuple[str, ...]) -> ThemeRow:
    # A theme under k shows no quotes: a handful of quotes could identify someone.
    return replace(row, quotes=() if row.suppressed else quotes)
