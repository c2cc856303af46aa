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
