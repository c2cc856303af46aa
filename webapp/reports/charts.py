"""Bar charts drawn on the server as SVG geometry, rendered by
templates/reports/_chart.html. Each chart carries a title and a description
that says the figures in words, and the page shows the data table beside it,
so nothing depends on seeing the bars. Only SVG presentation attributes are
used (the CSP forbids style attributes)."""

from __future__ import annotations

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 230
BAR_AREA = 300
VALUE_WIDTH = 60


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_y: int
    value_x: int


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]


def bar_chart(chart_id: str, title: str, figures: list[tuple[str, int]], unit: str = "responses") -> BarChart:
    """Horizontal bars, longest first as given; widths scale to the largest value."""
    largest = max((value for _, value in figures), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(figures):
        y = GAP + i * (BAR_HEIGHT + GAP)
        width = max(1, round(BAR_AREA * value / largest)) if value else 0
        bars.append(Bar(label=_short(label), value=value, y=y, width=width, text_y=y + BAR_HEIGHT - 6,
                        value_x=LABEL_WIDTH + width + 6))
    words = "; ".join(f"{label}: {value} {unit}" for label, value in figures) or "No figures to show"
    return BarChart(id=chart_id, title=title, description=f"Bar chart. {words}.",
                    width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
                    height=GAP + len(figures) * (BAR_HEIGHT + GAP), label_width=LABEL_WIDTH,
                    bars=tuple(bars))


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
