"""Charts drawn on the server as SVG, each with the table it was drawn from.

No chart library and no script: a dashboard is an HTML page that works with JavaScript off, prints,
and passes the same Content-Security-Policy as the rest of the Academy. Every chart is a
:class:`Chart`: the SVG (``role="img"``, titled, described) and the same figures as a table, which
``templates/includes/chart.html`` shows under the picture (``<details>`` "표로 보기"), so a screen
reader or a keyboard user reads the numbers, not the shapes.

Three shapes cover the dashboards:

- :func:`bar_chart`: horizontal bars, one per label (a funnel, completion rate by course,
  distractor counts, figures by institute);
- :func:`column_chart`: vertical columns over categories, one or more series side by side (a
  score distribution, completions by month, certificates expiring by month);
- both draw "자료 없음" / "No data" and an empty table when there is nothing to show, never a
  division by zero.

Labels and titles are passed in already translated (``gettext``); numbers are written with
``value_format`` (default: thousands separators, at most one decimal). Colours come from
:data:`PALETTE`, chosen for contrast against white (WCAG 3:1 for graphical objects) and told apart
by the legend and the table as well as by hue.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

Number = int | float | Decimal

#: Series colours (blue, orange, green, purple, brown): each at least 3:1 against white.
PALETTE = ("#1f5fa8", "#b35900", "#2e7d32", "#6a3d9a", "#8c564b")
AXIS = "#5c6670"
TEXT = "#1f2328"

_ids = count(1)


def format_number(value: Number | None) -> str:
    """``1,234`` or ``12.5``: thousands separators, at most one decimal, "–" for no value."""
    if value is None:
        return "–"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.1f}"


def nice_scale(top: float, *, integer: bool) -> float:
    """The top of an axis with four gridlines on round values: 4 × a step of 1, 2, 2.5 or 5 × 10ⁿ;
    counts keep whole steps (an axis of counts never reads 2.8)."""
    if top <= 0:
        return 0.0
    raw = top / 4
    if integer and raw <= 10:
        return 4.0 * math.ceil(raw)  # small counts: steps of 1, 2, 3 … (11 → 0, 3, 6, 9, 12)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if integer and (step < 1 or (factor == 2.5 and step < 10)):
            continue
        if step >= raw:
            return 4 * step
    return 4 * 10 * magnitude


def percent(value: Number | None) -> str:
    """``87.5%`` (a ratio already multiplied by 100), "–" for no value."""
    return "–" if value is None else f"{format_number(value)}%"


@dataclass(frozen=True)
class Chart:
    """One chart: its SVG and the table behind it (``headers`` + ``rows`` of display strings)."""

    title: str
    svg: SafeString
    headers: list[str]
    rows: list[list[str]]
    empty: bool
    description: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, series name)


def _text(x: float, y: float, content: str, *, anchor: str = "start", size: int = 12, weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'font-weight="{weight}" fill="{TEXT}">{escape(content)}</text>'
    )


def _em(text: str) -> float:
    """The width of ``text`` in em: a Hangul or other wide character 1, anything else about 0.6."""
    return sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in text)


def _fit(text: str, width: float, size: int) -> str:
    """``text`` shortened with "…" to fit ``width`` pixels at font ``size``."""
    if _em(text) * size <= width:
        return text
    while text and (_em(text) + 1) * size > width:
        text = text[:-1]
    return text + "…"


def _svg(width: int, height: int, title: str, description: str, body: list[str]) -> SafeString:
    uid = next(_ids)
    return mark_safe(  # noqa: S308 - every piece of text is escaped above, numbers are formatted
        f'<svg class="chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="chart-t{uid} chart-d{uid}" font-family="inherit">'
        f'<title id="chart-t{uid}">{escape(title)}</title><desc id="chart-d{uid}">{escape(description)}</desc>'
        + "".join(body)
        + "</svg>"
    )


def _no_data(width: int, height: int, title: str) -> SafeString:
    message = _("No data")
    return _svg(
        width,
        height,
        title,
        message,
        [
            f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="none" stroke="{AXIS}" '
            f'stroke-dasharray="4 4"/>',
            _text(width / 2, height / 2 + 4, message, anchor="middle", size=14),
        ],
    )


def bar_chart(
    *,
    title: str,
    items: Sequence[tuple[str, Number | None]],
    value_header: str,
    label_header: str = "",
    max_value: Number | None = None,
    min_value: Number | None = None,
    value_format: Callable[[Number | None], str] = format_number,
    description: str = "",
    extra_columns: Sequence[tuple[str, Sequence[str]]] = (),
) -> Chart:
    """Horizontal bars, one per ``(label, value)``; ``max_value`` fixes the scale (100 for %),
    ``min_value`` its left end when values may be negative (−1 for a correlation): bars below 0 go left
    of the zero line.

    ``extra_columns`` adds columns to the table only: ``(header, one display string per item)``.
    """
    width, row, label_width, gap = 640, 32, 240, 6
    values = [float(v) for _label, v in items if v is not None]
    scale_max = float(max_value) if max_value else max(values, default=0.0)
    scale_min = min(0.0, float(min_value) if min_value is not None else 0.0, *values)  # below 0: bars go left
    headers = [label_header or _("Item"), value_header] + [header for header, _cells in extra_columns]
    rows = [
        [str(label), value_format(value)] + [str(cells[index]) for _header, cells in extra_columns]
        for index, (label, value) in enumerate(items)
    ]
    if not items or (scale_max <= 0 and scale_min >= 0) or not values:
        return Chart(title, _no_data(width, 80, title), headers, rows, True, description)
    scale_max = max(scale_max, 0.0)
    span = scale_max - scale_min
    height = row * len(items) + 2 * gap
    plot = width - label_width - 70
    zero = label_width + plot * (-scale_min) / span  # where 0 is on the axis
    body = [f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" stroke="{AXIS}" stroke-width="1"/>']
    for index, (label, value) in enumerate(items):
        y = gap + index * row
        shown = _fit(str(label), label_width - 12, 14)
        body.append(_text(label_width - 8, y + row / 2 + 5, shown, anchor="end", size=14))
        number = 0.0 if value is None else max(min(float(value), scale_max), scale_min)
        bar = plot * abs(number) / span
        x = zero - bar if number < 0 else zero
        body.append(
            f'<rect x="{x:.1f}" y="{y + 4}" width="{bar:.1f}" height="{row - 8}" fill="{PALETTE[0]}">'
            f"<title>{escape(str(label))}: {escape(value_format(value))}</title></rect>"
        )
        body.append(_text(max(zero, x + bar) + 6, y + row / 2 + 5, value_format(value), size=14))
    svg = _svg(width, height, title, description or title, body)
    return Chart(title, svg, headers, rows, False, description)


def column_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],
    category_header: str = "",
    value_format: Callable[[Number | None], str] = format_number,
    max_value: Number | None = None,
    description: str = "",
) -> Chart:
    """Vertical columns: one group per category, one column per series (``(name, values)``)."""
    width, height, left, bottom, top = 640, 260, 48, 48, 16
    headers = [category_header or _("Category")] + [str(name) for name, _values in series]
    rows = [
        [str(category)] + [value_format(values[index]) for _name, values in series]
        for index, category in enumerate(categories)
    ]
    values = [float(v) for _name, vs in series for v in vs if v is not None]
    legend = [(PALETTE[index % len(PALETTE)], str(name)) for index, (name, _values) in enumerate(series)]
    integer = all(float(v).is_integer() for v in values)
    scale_max = float(max_value) if max_value else nice_scale(max(values, default=0.0), integer=integer)
    if not categories or not series or scale_max <= 0:
        return Chart(title, _no_data(width, 120, title), headers, rows, True, description, legend)
    plot_w, plot_h = width - left - 8, height - top - bottom
    group = plot_w / len(categories)
    column = max(2.0, (group - 8) / len(series))
    body = []
    for step in range(5):  # gridlines at 0, 25, 50, 75, 100 % of the scale
        value = scale_max * step / 4
        y = top + plot_h - plot_h * step / 4
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" stroke="#d0d7de" stroke-width="1"/>')
        body.append(_text(left - 6, y + 4, value_format(value), anchor="end", size=13))
    longest = max((_em(str(category)) for category in categories), default=1) * 13 + 6
    every = max(1, math.ceil(longest / group))  # label every n-th category when they would overlap
    for index, category in enumerate(categories):
        x0 = left + index * group + 4
        for number, (name, values) in enumerate(series):
            value = values[index]
            h = 0.0 if not value else plot_h * min(float(value), scale_max) / scale_max
            colour = PALETTE[number % len(PALETTE)]
            body.append(
                f'<rect x="{x0 + number * column:.1f}" y="{top + plot_h - h:.1f}" width="{column - 1:.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{escape(str(category))} · {escape(str(name))}: '
                f"{escape(value_format(value))}</title></rect>"
            )
        if index % every == 0:
            body.append(_text(x0 + (group - 8) / 2, height - bottom + 18, str(category), anchor="middle", size=13))
    body.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" stroke="{AXIS}" stroke-width="1"/>'
    )
    svg = _svg(width, height, title, description or title, body)
    return Chart(title, svg, headers, rows, False, description, legend)
