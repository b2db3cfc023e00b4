"""The readable rule builder: choices → RRULE → the same choices and words."""

from datetime import date, datetime

import pytest
from django.utils import translation

from mitmachkarte.events import recurrence_builder as builder
from mitmachkarte.events.recurrence import EVENT_TZ, expand

SECOND_SATURDAY = datetime(2027, 1, 9, 10, 0, tzinfo=EVENT_TZ)
LAST_FRIDAY = datetime(2027, 1, 29, 18, 0, tzinfo=EVENT_TZ)


@pytest.mark.parametrize(
    ("repeat", "start", "until", "count", "rule"),
    [
        ("", SECOND_SATURDAY, None, None, ""),
        ("weekly", SECOND_SATURDAY, None, 4, "FREQ=WEEKLY;COUNT=4"),
        ("biweekly", SECOND_SATURDAY, None, None, "FREQ=WEEKLY;INTERVAL=2"),
        ("monthly_weekday", SECOND_SATURDAY, None, 6, "FREQ=MONTHLY;BYDAY=2SA;COUNT=6"),
        ("monthly_weekday", LAST_FRIDAY, None, None, "FREQ=MONTHLY;BYDAY=-1FR"),
        ("monthly_day", SECOND_SATURDAY, date(2027, 6, 30), None,
         "FREQ=MONTHLY;BYMONTHDAY=9;UNTIL=20270630T215959Z"),
    ],
)  # fmt: skip
def test_build_and_read_back(repeat, start, until, count, rule):
    assert builder.build(repeat=repeat, start=start, until=until, count=count) == rule
    fields = builder.fields_from(rule, start)
    assert fields["repeat"] == repeat
    if repeat:
        assert fields["repeat_until"] == until and fields["repeat_count"] == count


def test_the_second_saturday_rule_gives_second_saturdays():
    rule = builder.build(repeat="monthly_weekday", start=SECOND_SATURDAY, count=3)
    found = expand(
        start=SECOND_SATURDAY,
        end=SECOND_SATURDAY,
        rule_text=rule,
        after=SECOND_SATURDAY,
        until=datetime(2028, 1, 1, tzinfo=EVENT_TZ),
        limit=10,
    )
    dates = [start for start, _end in found]
    assert [d.date() for d in dates] == [date(2027, 1, 9), date(2027, 2, 13), date(2027, 3, 13)]


def test_rules_in_words():
    rule = builder.build(repeat="monthly_weekday", start=SECOND_SATURDAY, until=date(2027, 12, 1))
    with translation.override("de"):
        assert builder.describe(rule, SECOND_SATURDAY) == (
            "jeden zweiten Samstag im Monat, bis 01.12.2027"
        )
        assert builder.describe("FREQ=WEEKLY;COUNT=4", SECOND_SATURDAY) == "jeden Samstag, 4-mal"
    with translation.override("en"):
        assert builder.describe(rule, SECOND_SATURDAY) == (
            "every second Saturday of the month, until 1 Dec 2027"
        )
    custom = "FREQ=WEEKLY;BYDAY=TU,TH"
    assert builder.fields_from(custom, SECOND_SATURDAY) == {"repeat": "custom", "rule": custom}
