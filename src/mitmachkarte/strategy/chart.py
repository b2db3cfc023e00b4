"""A small line chart of an indicator as plain numbers for an inline SVG (no JavaScript).

x: years from the baseline year (or the first value) to the target year (or the last
value); y: from the smallest to the largest of baseline, target and values. The template
draws the target path (dashed), the target value (a line), and the measured values.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT, PAD_X, PAD_Y = 320, 140, 36, 16


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    values: list[Point]
    polyline: str
    path: tuple[Point, Point]  # baseline → target
    target_y: float
    axis: list[Point]  # year labels
    y_labels: list[Point]


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", ",")


def chart_of(indicator, values) -> Chart:
    """`values`: the indicator's IndicatorValue rows in date order."""
    years = [indicator.baseline_year, indicator.target_year] + [v.date.year for v in values]
    low_year, high_year = min(years), max(years)
    span_x = max(high_year + 1 - low_year, 1)
    numbers = [indicator.baseline_value, indicator.target_value] + [v.value for v in values]
    low, high = min(numbers), max(numbers)
    if low == high:
        low, high = low - 1, high + 1
    inner_w, inner_h = WIDTH - 2 * PAD_X, HEIGHT - 2 * PAD_Y

    def x_of(year: float) -> float:
        return round(PAD_X + (year - low_year) / span_x * inner_w, 1)

    def y_of(value: Decimal) -> float:
        return round(PAD_Y + float((high - value) / (high - low)) * inner_h, 1)

    points = [
        Point(x_of(v.date.year + (v.date.timetuple().tm_yday - 1) / 366), y_of(v.value), "")
        for v in values
    ]
    points = [
        Point(p.x, p.y, f"{v.date:%d.%m.%Y}: {_num(v.value)}")
        for p, v in zip(points, values, strict=True)
    ]
    base = Point(x_of(indicator.baseline_year + 1), y_of(indicator.baseline_value), "")
    goal = Point(x_of(indicator.target_year + 1), y_of(indicator.target_value), "")
    step = max(1, span_x // 4)
    axis = [
        Point(x_of(year + 0.5), HEIGHT - 2, str(year))
        for year in range(low_year, high_year + 1, step)
    ]
    y_labels = [Point(PAD_X - 4, y_of(n) + 4, _num(n)) for n in (high, low)]
    return Chart(
        WIDTH,
        HEIGHT,
        points,
        " ".join(f"{p.x},{p.y}" for p in points),
        (base, goal),
        y_of(indicator.target_value),
        axis,
        y_labels,
    )
