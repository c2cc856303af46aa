"""The board summary of a scope, read from the database: the themes' figures
(`analysis.board`, with purged responses' text-free counts added back),
quotes, flags, emergent themes, what changed because of the group, breakdowns
by service and by equality group, and the service-user group's view.

The breakdowns' suppression (NumPy) and the quotes' near-duplicate check
(nltk) are imported with the first summary (`queries`), not at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from analysis.board import Breakdown, Coded, Extra, K, ThemeRow, summarise_items
from analysis.risk import CATEGORIES
from webapp.reports import queries
from webapp.reports.queries import GroupView
from webapp.retention.purge import aggregate_counts
from webapp.themes.codebook import theme_labels
from webapp.themes.runs import coded_items, latest_run


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
    safeguarding_flags: int = 0
    risk_flagged: int = 0
    # (category label, responses) for each danger category found, in analysis.risk's order.
    risk_by_category: list[tuple[str, int]] = field(default_factory=list)
    changes: list[tuple[date, str]] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    group_view: GroupView | None = None
    run_date: date | None = None
    run_learned_from: int = 0
    staff_coded: int = 0
    k: int = K

    def theme(self, code: str) -> ThemeRow | None:
        return next((row for row in self.themes if row.code == code), None)

    @property
    def charted(self) -> list[ThemeRow]:
        """Themes with a figure that may be shown, for charts."""
        return [row for row in self.themes if not row.suppressed and row.count]


def _coded(coded_items) -> list[Coded]:
    return [Coded(c.item.response_id, tuple(c.codes), c.compound) for c in coded_items]


def _extra(scope) -> dict[str, Extra]:
    """Purged responses' counts, from the retention purge's text-free aggregates."""
    return {code: Extra(count.responses, count.sentiment_sum)
            for code, count in aggregate_counts(scope).items()}


def build_summary(scope, k: int = K, with_quotes: bool = True) -> BoardSummary:
    """Everything the board summary page and the board pack show for `scope`."""
    labels = theme_labels()
    coded = coded_items(scope)
    previous_scope = scope.previous()
    previous = _coded(coded_items(previous_scope)) if previous_scope else None
    extra = _extra(scope)
    responses, previous_responses, rows = summarise_items(
        _coded(coded), previous, labels, k, extra, _extra(previous_scope) if previous_scope else None)
    if with_quotes:
        quotes = queries.quotes_by_theme(coded, [row.code for row in rows])
        rows = [_with_quotes(row, quotes.get(row.code, ())) for row in rows]
    run = latest_run(scope.key)
    ranked_codes = [row.code for row in rows if row.count]
    ranked_labels = [row.label for row in rows if row.count]
    purged = extra.get("")
    return BoardSummary(
        scope_key=scope.key, label=scope.label, kind=scope.kind, responses=responses,
        purged_responses=purged.responses if purged else 0,
        items=len(coded), themes=rows,
        previous_label=previous_scope.label if previous_scope else None,
        previous_responses=previous_responses,
        emergent=queries.pending_emergent(run),
        safeguarding_flags=len({c.item.response_id for c in coded if c.item.safeguarding_flag}),
        risk_flagged=len({c.item.response_id for c in coded if c.item.risk_flagged}),
        risk_by_category=_risk_by_category(coded),
        changes=queries.change_record(scope),
        breakdowns=queries.breakdowns(coded, ranked_codes, ranked_labels, k),
        group_view=queries.group_view(scope.key),
        run_date=run.finished_at.date() if run and run.finished_at else None,
        run_learned_from=run.n_coded if run else 0,
        staff_coded=sum(1 for c in coded if c.staff_coded),
        k=k,
    )


def _risk_by_category(coded) -> list[tuple[str, int]]:
    """Responses flagged with each danger category (a response may have several)."""
    responses: dict[str, set[int]] = {}
    for c in coded:
        for category in c.item.risk_categories:
            responses.setdefault(category, set()).add(c.item.response_id)
    return [(label, len(responses[code])) for code, label in CATEGORIES.items() if code in responses]


def _with_quotes(row: ThemeRow, quotes: tuple[str, ...]) -> ThemeRow:
    # A theme under k shows no quotes: a handful of quotes could identify someone.
    return replace(row, quotes=() if row.suppressed else quotes)
