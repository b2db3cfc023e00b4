"""The indicator rule (strategy/assessment.py) at its edges."""

from datetime import date
from decimal import Decimal as D

from mitmachkarte.strategy.assessment import (
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    REACHED,
    assess,
    expected_value,
)


def _assess(values, *, baseline=4, target=12, base_year=2019, target_year=2027, higher=True):
    return assess(
        baseline=D(baseline),
        baseline_year=base_year,
        target=D(target),
        target_year=target_year,
        higher_is_better=higher,
        values=[(date(y, 12, 31), D(v)) for y, v in values],
    )


def test_no_data_without_values_after_the_baseline_year():
    assert _assess([]).status == NO_DATA
    assert _assess([(2019, 8), (2018, 3)]).status == NO_DATA


def test_exactly_on_the_line_is_on_track_and_just_below_is_off():
    # 2023: half way from 2019 to 2027 → 4 + 8 * 4/8 = 8
    assert expected_value(baseline=D(4), baseline_year=2019, target=D(12), target_year=2027,
                          year=2023) == D(8)  # fmt: skip
    on = _assess([(2023, 8)])
    assert (on.status, on.expected) == (ON_TRACK, D(8))
    assert _assess([(2023, "7.99")]).status == OFF_TRACK


def test_the_latest_value_counts_whatever_the_order():
    assert _assess([(2024, 5), (2021, 11)]).status == OFF_TRACK
    assert _assess([(2021, 11), (2024, 10)]).latest == D(10)


def test_target_year_equal_to_baseline_year_compares_with_the_target():
    assert _assess([(2020, 11)], base_year=2019, target_year=2019).status == OFF_TRACK
    assert _assess([(2020, 12)], base_year=2019, target_year=2019).status == REACHED


def test_values_after_the_target_year_count_against_the_target():
    late = _assess([(2030, 11)])
    assert (late.status, late.expected) == (OFF_TRACK, D(12))
    assert _assess([(2030, 13)]).status == REACHED


def test_lower_is_better():
    # 180 → 150 from 2019 to 2029: 2024 expects 165
    kw = {"baseline": 180, "target": 150, "target_year": 2029, "higher": False}
    assert _assess([(2024, 165)], **kw).status == ON_TRACK
    assert _assess([(2024, 166)], **kw).status == OFF_TRACK
    assert _assess([(2024, 150)], **kw).status == REACHED
    assert _assess([(2024, 149)], **kw).status == REACHED


def test_reaching_the_target_early_is_reached_not_just_on_track():
    assert _assess([(2020, 12)]).status == REACHED
