"""Structured opening hours: parsing, "open now" in Europe/Berlin (also on DST change days),
the rule at every door and the detail page."""

import contextlib
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from mitmachkarte.initiatives import opening_hours as oh
from mitmachkarte.initiatives import services
from tests.factories import InitiativeFactory


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def label(value: str, now: datetime) -> str:
    with translation.override("de"):
        return oh.state_at(value, now=now).label


# 2026-11-30 is a Monday; Berlin is UTC+1 in winter.
@pytest.mark.parametrize(
    "now, expected",
    [
        (utc(2026, 11, 30, 8, 59), "öffnet Mo 10:00"),
        (utc(2026, 11, 30, 9, 0), "jetzt geöffnet"),  # 10:00 in Berlin
        (utc(2026, 11, 30, 16, 59), "jetzt geöffnet"),
        (utc(2026, 11, 30, 17, 0), "öffnet Di 18:00"),  # 18:00: Monday closes
        (utc(2026, 12, 1, 17, 30), "jetzt geöffnet"),  # Tuesday 18:30
        (utc(2026, 12, 5, 12, 0), "öffnet Mo 10:00"),  # Saturday
    ],
)
def test_open_now_at_fixed_times(now, expected):
    assert label("Mo 10:00-18:00; Tu 18:00-21:00", now) == expected


def test_spring_dst_change_day():
    # 2026-03-29: at 01:00 UTC Berlin jumps from 02:00 CET to 03:00 CEST.
    rules = "Su 10:00-12:00"
    assert label(rules, utc(2026, 3, 29, 8, 30)) == "jetzt geöffnet"  # 10:30 CEST
    assert label(rules, utc(2026, 3, 29, 7, 30)) == "öffnet So 10:00"  # 09:30 CEST
    assert label(rules, utc(2026, 3, 29, 10, 0)) != "jetzt geöffnet"  # 12:00 CEST
    # An hour that spans the jump: 01:00-04:00 wall clock is two real hours long.
    night = "Su 01:00-04:00"
    assert label(night, utc(2026, 3, 29, 0, 30)) == "jetzt geöffnet"  # 01:30 CET
    assert label(night, utc(2026, 3, 29, 1, 30)) == "jetzt geöffnet"  # 03:30 CEST
    assert label(night, utc(2026, 3, 29, 2, 0)) != "jetzt geöffnet"  # 04:00 CEST


def test_autumn_dst_change_day():
    # 2026-10-25: at 01:00 UTC Berlin goes back from 03:00 CEST to 02:00 CET.
    rules = "Su 09:00-12:00"
    assert label(rules, utc(2026, 10, 25, 7, 30)) == "öffnet So 09:00"  # 08:30 CET
    assert label(rules, utc(2026, 10, 25, 8, 30)) == "jetzt geöffnet"  # 09:30 CET
    assert label(rules, utc(2026, 10, 25, 10, 59)) == "jetzt geöffnet"  # 11:59 CET
    state = oh.state_at(rules, now=utc(2026, 10, 25, 8, 30))
    assert state.next_change == datetime(2026, 10, 25, 12, 0, tzinfo=oh.TZ)
    assert state.next_change.utcoffset().total_seconds() == 3600  # CET again


def test_always_open_and_never_open():
    assert label("24/7", utc(2026, 11, 30, 3, 0)) == "jetzt geöffnet"
    assert label("off", utc(2026, 11, 30, 3, 0)) == "geschlossen"


def test_far_openings_are_not_announced():
    # Closed until next year: "öffnet Mo 10:00" would be misleading.
    assert label("2027 Jan 04 10:00-12:00", utc(2026, 11, 30, 12, 0)) == "geschlossen"


def test_public_holiday_rules_are_accepted_but_not_evaluated():
    # Christmas Day is a holiday in Germany; without a calendar the weekday rule applies.
    assert label("Fr 10:00-12:00; PH off", utc(2026, 12, 25, 10, 0)) == "jetzt geöffnet"


def test_empty_or_invalid_rules_have_no_state():
    assert oh.state_at("") is None
    assert oh.state_at("montags ab 10") is None


@pytest.mark.parametrize(
    "value", ["Mo-Fr 10-18", "montags 10 Uhr", "Mo 25:00-26:00", "Mo-Fr 10:00-18:00;;x" * 20]
)
def test_invalid_rules_are_refused_with_a_reason(value):
    with pytest.raises(oh.OpeningHoursError):
        oh.parse(value)


@given(st.text(max_size=60))
def test_parsing_any_text_raises_only_our_error(value):
    with contextlib.suppress(oh.OpeningHoursError):
        oh.parse(value)


DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


@given(
    first=st.integers(0, 6),
    length=st.integers(0, 6),
    opens=st.integers(0, 22 * 60),
    minutes=st.integers(1, 120),
    day_offset=st.integers(0, 13),
    at=st.integers(0, 24 * 60 - 1),
)
def test_open_now_agrees_with_a_plain_evaluation(first, length, opens, minutes, day_offset, at):
    last = min(first + length, 6)
    closes = min(opens + minutes, 24 * 60 - 1)
    rule = f"{DAYS[first]}-{DAYS[last]} {opens // 60:02d}:{opens % 60:02d}-" + (
        f"{closes // 60:02d}:{closes % 60:02d}"
    )
    # Two weeks from Monday 2026-11-30, at a Berlin wall-clock time (no DST change there).
    day = date(2026, 11, 30) + timedelta(days=day_offset)
    moment = datetime.combine(day, time(at // 60, at % 60), tzinfo=oh.TZ)
    weekday = moment.weekday()
    expected = first <= weekday <= last and opens <= at < closes
    assert oh.state_at(rule, now=moment).is_open == expected


@pytest.mark.django_db
def test_services_refuse_invalid_rules_and_keep_valid_ones(reference_data):
    with pytest.raises(ValidationError) as err:
        InitiativeFactory(opening_hours="montags ab 10")
    assert "opening_hours" in err.value.message_dict
    entry = InitiativeFactory(opening_hours="Mo-Fr 10:00-18:00")
    with pytest.raises(ValidationError):
        services.update_initiative_fields(initiative=entry, changes={"opening_hours": "nie"})
    services.update_initiative_fields(
        initiative=entry, changes={"opening_hours": " Tu 18:00-21:00 "}
    )
    entry.refresh_from_db()
    assert entry.opening_hours == "Tu 18:00-21:00"


@pytest.mark.django_db
def test_detail_page_and_api_show_the_rules(client, reference_data, monkeypatch):
    entry = InitiativeFactory(opening_hours="Tu 18:00-21:00", meeting_times="Und nach Absprache")
    monkeypatch.setattr(oh.timezone, "now", lambda: utc(2026, 11, 30, 12, 0))
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "öffnet Di 18:00" in html
    assert "Tu 18:00-21:00" in html
    assert "Und nach Absprache" in html
    monkeypatch.setattr(oh.timezone, "now", lambda: utc(2026, 12, 1, 18, 0))
    assert "jetzt geöffnet" in client.get(entry.get_absolute_url()).content.decode()
    body = client.get(f"/api/v1/initiatives/{entry.slug}").json()
    assert body["opening_hours"] == "Tu 18:00-21:00"


@pytest.mark.django_db
def test_live_check_helps_while_typing(client, monkeypatch):
    monkeypatch.setattr(oh.timezone, "now", lambda: utc(2026, 11, 30, 12, 0))
    url = "/mitmachen/oeffnungszeiten/"
    good = client.get(url, {"opening_hours": "Tu 18:00-21:00"}).content.decode()
    assert "Verstanden" in good and "öffnet Di 18:00" in good
    bad = client.get(url, {"opening_hours": "Mo-Fr 10-18"}).content.decode()
    assert "Zeichen 7" in bad
    assert client.get(url).content.decode().strip() == ""
    # Anything typed gets an answer, never a 500.
    assert client.get(url, {"opening_hours": "\x00" + "x" * 5000}).status_code == 200


@pytest.mark.django_db
def test_the_forms_field_asks_for_the_live_check(client, reference_data):
    page = client.get("/mitmachen/eintragen/").content.decode()
    assert 'hx-get="/mitmachen/oeffnungszeiten/"' in page
    assert 'list="opening-hours-examples"' in page and "<datalist" in page
