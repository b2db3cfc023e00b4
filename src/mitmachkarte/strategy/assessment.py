"""Is an indicator on track? The one documented rule (docs/strategy.md).

The path from the baseline (value, year) to the target (value, year) is a straight line.
The latest measured value counts against the point on that line for its year:
- "reached": the latest value is at the target or better (by the indicator's direction);
- "on_track": otherwise, it is at the expected value for its year or better;
- "off_track": it is worse than the expected value for its year;
- "no_data": no value measured after the baseline year.
Values dated after the target year count against the target itself. Equal counts as good,
so an indicator exactly on its line is on track.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

NO_DATA, ON_TRACK, OFF_TRACK, REACHED = "no_data", "on_track", "off_track", "reached"


@dataclass(frozen=True)
class Assessment:
    status: str
    latest: Decimal | None = None
    latest_date: date | None = None
    expected: Decimal | None = None


def expected_value(
    *, baseline: Decimal, baseline_year: int, target: Decimal, target_year: int, year: int
) -> Decimal:
    if year >= target_year or target_year == baseline_year:
        return target
    if year <= baseline_year:
        return baseline
    share = Decimal(year - baseline_year) / Decimal(target_year - baseline_year)
    return baseline + (target - baseline) * share


def _at_least_as_good(value: Decimal, than: Decimal, higher_is_better: bool) -> bool:
    return value >= than if higher_is_better else value <= than


def assess(
    *,
    baseline: Decimal,
    baseline_year: int,
    target: Decimal,
    target_year: int,
    higher_is_better: bool,
    values: list[tuple[date, Decimal]],
) -> Assessment:
    """`values` are (date, value) pairs in any order."""
    later = [(d, v) for d, v in values if d.year > baseline_year]
    if not later:
        return Assessment(NO_DATA)
    latest_date, latest = max(later, key=lambda pair: pair[0])
    expected = expected_value(
        baseline=baseline,
        baseline_year=baseline_year,
        target=target,
        target_year=target_year,
        year=latest_date.year,
    )
    if _at_least_as_good(latest, target, higher_is_better):
        status = REACHED
    elif _at_least_as_good(latest, expected, higher_is_better):
        status = ON_TRACK
    else:
        status = OFF_TRACK
    return Assessment(status, latest, latest_date, expected)


def assess_indicator(indicator, values=None) -> Assessment:
    """The rule for an Indicator row; `values` (IndicatorValue rows) when already loaded."""
    rows = indicator.values.all() if values is None else values
    return assess(
        baseline=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        target=indicator.target_value,
        target_year=indicator.target_year,
        higher_is_better=indicator.direction == "higher",
        values=[(r.date, r.value) for r in rows],
    )
