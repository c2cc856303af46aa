"""Bar charts drawn on the server as SVG geometry, rendered by
templates/reports/_chart.html. Each chart carries a title and a description
that says the figures in words, and the page shows the data table beside it,
so nothing depends on seeing the bars. Only SVG presentation attributes are
used (the CSP forbids style attributes)."""

from __future__ import annotations

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 12
LINE_HEIGHT = 18  # a label line at 14px
WIDTH = 590
VALUE_WIDTH = 60
BAR_AREA = WIDTH - VALUE_WIDTH
# Labels sit above their bar, from the left edge, wrapped at this many
# characters (about 8px each at 14px), so none is ever cut off: not on a
# phone (the chart scales with its viewBox), not in print.
LABEL_CHARS = 60
# Text starts this far in: a glyph's side bearing ("J" in bold) can reach 2px
# left of its x, and the SVG clips what falls outside it.
TEXT_INSET = 4


@dataclass(frozen=True)
class Bar:
    label_lines: tuple[tuple[str, int], ...]  # (words, baseline y)
    value: int
    y: int
    width: int
    text_y: int
    value_x: int

    @property
    def label(self) -> str:
        return " ".join(words for words, _ in self.label_lines)


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    bars: tuple[Bar, ...]
    text_x: int = TEXT_INSET


def bar_chart(chart_id: str, title: str, figures: list[tuple[str, int]], unit: str = "responses") -> BarChart:
    """Horizontal bars, longest first as given, each under its full label;
    widths scale to the largest value."""
    largest = max((value for _, value in figures), default=0) or 1
    bars, y = [], GAP
    for label, value in figures:
        lines = wrap_label(label)
        label_lines = tuple((line, y + LINE_HEIGHT * (n + 1) - 4) for n, line in enumerate(lines))
        bar_y = y + LINE_HEIGHT * len(lines) + 2
        width = max(1, round(BAR_AREA * value / largest)) if value else 0
        bars.append(Bar(label_lines=label_lines, value=value, y=bar_y, width=width, text_y=bar_y + BAR_HEIGHT - 6,
                        value_x=width + 6))
        y = bar_y + BAR_HEIGHT + GAP
    words = "; ".join(f"{label}: {value} {unit}" for label, value in figures) or "No figures to show"
    return BarChart(id=chart_id, title=title, description=f"Bar chart. {words}.", width=WIDTH, height=y,
                    bars=tuple(bars))


def wrap_label(label: str, limit: int = LABEL_CHARS) -> list[str]:
    """The label in lines of at most `limit` characters, broken between words
    (a single longer word gets a line of its own)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


# Share trend: small multiples ---------------------------------------------------------------

COLUMN_BAR = 36  # a period's bar, px wide
COLUMN_HEIGHT = 44  # the tallest bar (the largest share in the chart)
# Narrower than the bar chart, so its words stay readable when it shrinks to
# a phone's width; labels wrap to fit it.
TREND_WIDTH = 400
TREND_LABEL_CHARS = 42
PERIOD_CHARS = 11  # period labels wrap at this many characters, inside their column


@dataclass(frozen=True)
class Column:
    x: int
    bar_y: int
    bar_height: int
    value: str  # "28%", "not shown" or "no responses"
    value_y: int


@dataclass(frozen=True)
class Panel:
    label_lines: tuple[tuple[str, int], ...]
    baseline_y: int
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class TrendChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    periods: tuple[tuple[int, tuple[tuple[str, int], ...]], ...]  # (x, lines of (words, y)) once, at the top
    panels: tuple[Panel, ...]
    bar_width: int = COLUMN_BAR
    text_x: int = TEXT_INSET  # added to each text's column x


def share_trend_chart(chart_id: str, title: str, periods: list[str],
                      themes: list[tuple[str, list[float | None]]],
                      empty: frozenset[int] = frozenset()) -> TrendChart:
    """A small chart per theme, one bar per period with its share written
    above it, under one row of period labels at the top. Every label starts
    inside its own column (x >= 0), so none is cut off. A share that may not
    be shown (None) has no bar and says "not shown"; in a period with no
    responses at all (its index in `empty`) it says "no responses"."""

    def words_for(index: int, share: float | None) -> str:
        if index in empty:
            return "no responses"
        return "not shown" if share is None else f"{round(share * 100)}%"

    largest = max((share for _, shares in themes for share in shares if share), default=0.0) or 1.0
    column_width = TREND_WIDTH // max(1, len(periods))
    period_lines = [wrap_label(period, PERIOD_CHARS) for period in periods]
    header = tuple((index * column_width, tuple((words, LINE_HEIGHT * (n + 1) - 4) for n, words in enumerate(lines)))
                   for index, lines in enumerate(period_lines))
    panels, y = [], LINE_HEIGHT * max((len(lines) for lines in period_lines), default=1) + GAP
    for label, shares in themes:
        lines = wrap_label(label, TREND_LABEL_CHARS)
        label_lines = tuple((line, y + LINE_HEIGHT * (n + 1) - 4) for n, line in enumerate(lines))
        baseline = y + LINE_HEIGHT * len(lines) + LINE_HEIGHT + COLUMN_HEIGHT
        columns = []
        for index, share in enumerate(shares):
            height = round(COLUMN_HEIGHT * share / largest) if share else 0
            columns.append(Column(x=index * column_width, bar_y=baseline - height, bar_height=height,
                                  value=words_for(index, share),
                                  value_y=baseline - height - 4))
        panels.append(Panel(label_lines=label_lines, baseline_y=baseline, columns=tuple(columns)))
        y = baseline + GAP * 2
    words = "; ".join(
        f"{label}: " + ", ".join(f"{period} {words_for(index, share)}"
                                 for index, (period, share) in enumerate(zip(periods, shares, strict=True)))
        for label, shares in themes) or "No figures to show"
    return TrendChart(id=chart_id, title=title, description=f"Small bar charts, one per theme. {words}.",
                      width=TREND_WIDTH, height=y, periods=header, panels=tuple(panels))
