"""Charts as server-rendered SVG: geometry here, markup in ``templates/includes/chart.html``.

No JavaScript and no charting library: a chart is a picture of a table that
is always printed beside it, so it carries ``<title>``/``<desc>`` for screen
readers and every bar has its value as a tooltip (``<title>``).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

SERIES_CLASSES = ("bar--a", "bar--b")


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    tooltip: str


@dataclass
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    ticks: list[Label] = field(default_factory=list)
    gridlines: list[float] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css, name)
    axis: tuple[float, float, float, float] = (0, 0, 0, 0)  # x1, y1, x2, y2


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    return f"{int(value)}"


def column_chart(
    *,
    id: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[tuple[str, list[float]]],
    width: int = 720,
    height: int = 260,
) -> Chart:
    """Vertical bars, one group per label, one bar per series (at most two series)."""
    left, right, top, bottom = 44, 8, 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v or 0 for _n, vs in series for v in vs), default=0))
    chart = Chart(
        id, title, desc, width, height, axis=(left, top + plot_h, left + plot_w, top + plot_h)
    )
    group_w = plot_w / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    for i, label in enumerate(labels):
        gx = left + i * group_w + group_w * 0.1
        for j, ((name, values), css) in enumerate(zip(series, itertools.cycle(SERIES_CLASSES))):
            value = values[i] or 0
            h = plot_h * value / top_value
            chart.bars.append(
                Bar(
                    gx + j * bar_w,
                    top + plot_h - h,
                    bar_w - 1,
                    h,
                    css,
                    f"{label}: {name} {_fmt(value)}",
                )
            )
        # Thin out labels when there are many groups so they do not overlap.
        if len(labels) <= 12 or i % math.ceil(len(labels) / 12) == 0:
            chart.labels.append(Label(left + (i + 0.5) * group_w, height - bottom + 16, label))
    for k in range(5):
        value = top_value * k / 4
        y = top + plot_h - plot_h * k / 4
        chart.ticks.append(Label(left - 6, y + 4, _fmt(value), "end"))
        chart.gridlines.append(y)
    chart.legend = [(css, name) for (name, _v), css in zip(series, itertools.cycle(SERIES_CLASSES))]
    return chart


def bar_chart(
    *,
    id: str,
    title: str,
    desc: str,
    labels: list[str],
    values: list[float],
    width: int = 720,
    row_height: int = 22,
) -> Chart:
    """Horizontal bars, one per label (for rankings and per-topic totals)."""
    left, right, top = 200, 60, 6
    plot_w = width - left - right
    height = top * 2 + row_height * max(len(labels), 1)
    top_value = _nice_max(max((v or 0 for v in values), default=0))
    chart = Chart(id, title, desc, width, height, axis=(left, top, left, height - top))
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row_height
        w = plot_w * (value or 0) / top_value
        chart.bars.append(Bar(left, y + 3, w, row_height - 6, "bar--a", f"{label}: {_fmt(value)}"))
        short = label if len(label) <= 30 else label[:29] + "…"
        chart.labels.append(Label(left - 6, y + row_height / 2 + 4, short, "end"))
        chart.ticks.append(Label(left + w + 4, y + row_height / 2 + 4, _fmt(value), "start"))
    return chart
