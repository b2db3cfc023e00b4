"""RRULE validation and bounded, DST-correct expansion (no database)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from mitmachkarte.events.recurrence import (
    EVENT_TZ,
    HORIZON,
    MAX_OCCURRENCES,
    RecurrenceError,
    expand,
    validate_rule,
)


@pytest.fixture(autouse=True)
def _english():
    # Messages are matched in English, whatever translations the catalogue has.
    with translation.override("en"):
        yield


def exists(wall: datetime) -> bool:
    """Whether a naive wall-clock time exists in Berlin (not in the spring DST gap)."""
    aware = wall.replace(tzinfo=EVENT_TZ)
    return aware.astimezone(UTC).astimezone(EVENT_TZ).replace(tzinfo=None) == wall


def clear(wall: datetime) -> bool:
    """Whether a wall-clock time exists and is not ambiguous (autumn fold)."""
    folds = {wall.replace(fold=f, tzinfo=EVENT_TZ).utcoffset() for f in (0, 1)}
    return exists(wall) and len(folds) == 1


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=EVENT_TZ)


def test_every_saturday_at_ten_stays_ten_across_the_october_dst_change():
    start = berlin(2026, 10, 17, 10, 0)
    dates = expand(
        start=start,
        end=start + timedelta(hours=2),
        rule_text="FREQ=WEEKLY;BYDAY=SA",
        until=berlin(2026, 11, 8),
    )
    local = [(s.astimezone(EVENT_TZ), e.astimezone(EVENT_TZ)) for s, e in dates]
    assert [s.date().isoformat() for s, _ in local] == [
        "2026-10-17",
        "2026-10-24",
        "2026-10-31",
        "2026-11-07",
    ]
    assert all((s.hour, s.minute, e.hour) == (10, 0, 12) for s, e in local)
    # Summer time (UTC+2) before the change on 25 October, winter time (UTC+1) after it.
    assert [s.hour for s, _ in dates] == [8, 8, 9, 9]
    assert all(s.tzinfo == UTC for s, _ in dates)


def test_march_change_keeps_the_evening_time_and_the_duration():
    start = berlin(2027, 3, 23, 18, 0)
    dates = expand(start=start, end=berlin(2027, 3, 23, 19, 30), rule_text="FREQ=DAILY;COUNT=10")
    assert len(dates) == 10
    for s, e in dates:
        assert s.astimezone(EVENT_TZ).strftime("%H:%M") == "18:00"
        assert e - s == timedelta(hours=1, minutes=30)
    assert dates[0][0].hour == 17 and dates[-1][0].hour == 16  # CET, then CEST


def test_every_second_saturday_of_the_month():
    start = berlin(2026, 12, 12, 10)
    dates = expand(
        start=start,
        end=start + timedelta(hours=3),
        rule_text="FREQ=MONTHLY;BYDAY=2SA",
        until=berlin(2027, 3, 31),
    )
    assert [s.astimezone(EVENT_TZ).date().isoformat() for s, _ in dates] == [
        "2026-12-12",
        "2027-01-09",
        "2027-02-13",
        "2027-03-13",
    ]


def test_expansion_is_bounded_by_the_limit_and_the_horizon():
    start = berlin(2026, 1, 1, 9)
    daily = expand(start=start, end=start + timedelta(hours=1), rule_text="FREQ=DAILY")
    assert len(daily) == 366  # one year ahead, inclusive
    assert daily[-1][0] - daily[0][0] <= HORIZON
    many = expand(
        start=start,
        end=start + timedelta(hours=1),
        rule_text="FREQ=DAILY",
        until=berlin(2030, 1, 1),
    )
    assert len(many) == MAX_OCCURRENCES


def test_expansion_after_a_point_skips_earlier_dates():
    start = berlin(2026, 1, 3, 10)  # a Saturday
    dates = expand(
        start=start,
        end=start + timedelta(hours=1),
        rule_text="FREQ=WEEKLY",
        after=berlin(2026, 6, 1),
        until=berlin(2026, 6, 30),
    )
    assert [s.astimezone(EVENT_TZ).day for s, _ in dates] == [6, 13, 20, 27]


def test_a_single_event_is_its_own_occurrence():
    start = berlin(2026, 10, 25, 2, 30)  # the hour that exists twice
    assert expand(start=start, end=start + timedelta(hours=1), rule_text="") == [
        (start.astimezone(UTC), (start + timedelta(hours=1)).astimezone(UTC))
    ]


@pytest.mark.parametrize(
    "rule, message",
    [
        ("FREQ=WEEKLY;BYDAY=XX", "not a valid RRULE"),
        ("BYDAY=SA", "FREQ is missing"),
        ("FREQ=HOURLY", "daily, weekly, monthly or yearly"),
        ("FREQ=MINUTELY;INTERVAL=5", "daily, weekly, monthly or yearly"),
        ("DTSTART:20260101T100000\nRRULE:FREQ=DAILY", "single RRULE"),
        ("FREQ=DAILY;UNTIL=20200101T000000Z", "produces no date"),
        ("FREQ=WEEKLY;BYDAY=SU", "first date of the rule"),  # the start is a Saturday
        ("FREQ=WEEKLY;" + "BYDAY=SA;" * 80, "at most 500 characters"),
    ],
)
def test_invalid_rules_are_refused_with_a_reason(rule, message):
    with pytest.raises(RecurrenceError, match=message):
        validate_rule(rule, berlin(2026, 10, 17, 10))


def test_valid_rule_is_normalised():
    assert validate_rule(" rrule:freq=weekly;byday=sa; ", berlin(2026, 10, 17, 10)) == (
        "FREQ=WEEKLY;BYDAY=SA"
    )


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=datetime(2024, 1, 1).date(), max_value=datetime(2035, 12, 31).date()),
    hour=st.integers(min_value=0, max_value=23),
    minute=st.sampled_from([0, 15, 30, 45]),
    minutes=st.integers(min_value=15, max_value=10 * 60),
    rule=st.sampled_from(
        ["FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY", "FREQ=YEARLY"]
    ),
)
def test_every_occurrence_keeps_the_wall_clock_time_and_duration(day, hour, minute, minutes, rule):
    start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=EVENT_TZ)
    end = (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(EVENT_TZ)
    dates = expand(start=start, end=end, rule_text=rule)
    assert 1 <= len(dates) <= MAX_OCCURRENCES
    # Stored in UTC, a start inside the spring gap is the real instant after it.
    first = start.astimezone(UTC).astimezone(EVENT_TZ)
    assert dates[0][0] == first.astimezone(UTC)  # (ambiguous times compare unequal across zones)
    base = dates[0][1].astimezone(EVENT_TZ).replace(tzinfo=None) - first.replace(tzinfo=None)
    for s, e in dates:
        assert e > s
        local_start, local_end = s.astimezone(EVENT_TZ), e.astimezone(EVENT_TZ)
        wall = datetime.combine(local_start.date(), first.time())
        if exists(wall):
            assert (local_start.hour, local_start.minute) == (first.hour, first.minute)
        else:  # RFC 5545: a time in the spring gap moves forward by the gap's length
            assert local_start.replace(tzinfo=None) == wall + timedelta(hours=1)
        length = local_end.replace(tzinfo=None) - local_start.replace(tzinfo=None)
        if base > timedelta(0) and exists(wall) and clear(wall + base):
            assert length == base  # the same wall-clock duration as the first date
    assert [s for s, _ in dates] == sorted({s for s, _ in dates})
