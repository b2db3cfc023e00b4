"""core.params: one parser per kind of parameter, each failure a FilterError naming it."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mitmachkarte.core.params import (
    FilterError,
    check_range,
    parse_bool,
    parse_choice,
    parse_date,
    parse_datetime,
    parse_float,
    parse_id,
    parse_int,
    parse_leniently,
    parse_list,
    parse_point,
    value_or_default,
)

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    "raw", ["²", "١٢", "𝟙", "1.5", "1.01", "1e3", "0x10", "1_000", "9" * 41, "1\n2", "a"]
)
def test_integers_are_ascii_digits_only(raw):
    with pytest.raises(FilterError) as caught:
        parse_int("limit", raw)
    assert caught.value.param == "limit"


def test_a_whole_number_may_have_a_zero_fraction():
    # JSON Schema's "integer" includes 12.0, and generated clients send it so.
    assert parse_int("limit", "12.0") == 12 and parse_int("limit", "-3.") == -3
    with pytest.raises(FilterError, match="between 1 and 17"):
        parse_int("sdg", "18.0", min_value=1, max_value=17)


def test_integer_ranges_and_defaults():
    assert parse_int("page", " +7 ") == 7
    assert parse_int("page", "", default=1) == 1 and parse_int("page", None) is None
    assert parse_int("sdg", "17", min_value=1, max_value=17) == 17
    with pytest.raises(FilterError, match="between 1 and 17"):
        parse_int("sdg", "18", min_value=1, max_value=17)
    with pytest.raises(FilterError, match="NUL"):
        parse_int("sdg", "1\x00")
    assert parse_id("id", "1") == 1
    with pytest.raises(FilterError):
        parse_id("id", str(2**63))
    with pytest.raises(FilterError):
        parse_id("id", "0")


def test_check_range_carries_the_status():
    assert check_range("limit", 5, 1, 10) == 5
    with pytest.raises(FilterError) as caught:
        check_range("limit", 0, 1, 10, status=422)
    assert caught.value.status == 422 and "between 1 and 10, got 0" in caught.value.message


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "1e309", "1,5", "٣.٤", "1e", "."])
def test_floats_are_finite_decimal_numbers(raw):
    with pytest.raises(FilterError):
        parse_float("lat", raw)


def test_floats_and_points():
    assert parse_float("lat", " 51.5 ") == 51.5 and parse_float("lat", "-1e2") == -100
    assert parse_point("center", "51.5,7.25") == (51.5, 7.25)
    for raw in ("91,7", "51", "51,7,1", "51,", "a,b"):
        with pytest.raises(FilterError):
            parse_point("center", raw)


def test_dates_and_date_times():
    assert parse_date("day", "2026-09-20") == date(2026, 9, 20)
    for raw in ("2026-02-30", "0001-01-01", "9999-12-31", "٢٠٢٦-٠٩-٢٠", "20.09.2026"):
        with pytest.raises(FilterError):
            parse_date("day", raw)
    start = parse_datetime("start_min", "2026-09-20", tz=BERLIN)
    end = parse_datetime("start_max", "2026-09-20", tz=BERLIN, end_of_day=True)
    assert start == datetime(2026, 9, 20, tzinfo=BERLIN)
    assert end - start == timedelta(days=1, microseconds=-1)
    utc = parse_datetime("t", "2026-09-20T16:00:00Z", tz=BERLIN)
    assert utc == datetime(2026, 9, 20, 18, tzinfo=BERLIN) and utc.tzinfo == BERLIN
    # Offsets beyond ±15:59 are ISO 8601 and Python's, not PostgreSQL's: given in `tz`.
    far = parse_datetime("t", "2096-02-29T20:30:44.72-21:45", tz=BERLIN)
    assert far.tzinfo == BERLIN and far == datetime(2096, 3, 1, 19, 15, 44, 720000, tzinfo=BERLIN)
    assert parse_datetime("t", "2026-09-20T18:00", tz=BERLIN).tzinfo == BERLIN
    for raw in ("0001-01-01T00:00", "2026-09-20T25:00", "morgen"):
        with pytest.raises(FilterError):
            parse_datetime("t", raw, tz=BERLIN)


def test_booleans_choices_and_lists():
    assert parse_bool("online", "Ja") is True and parse_bool("online", "0") is False
    assert parse_bool("list", "", default=True) is True
    with pytest.raises(FilterError):
        parse_bool("online", "vielleicht")
    assert parse_choice("type", "room", ["room", "funding"]) == "room"
    with pytest.raises(FilterError, match="room, funding"):
        parse_choice("type", "ROOM", ["room", "funding"])

    def sdg(param, raw):
        return parse_int(param, raw, min_value=1, max_value=17)

    assert parse_list("sdg", ["3,1", "1", " 12 "], sdg) == [3, 1, 12]
    with pytest.raises(FilterError):
        parse_list("sdg", ["1", "²"], sdg)
    with pytest.raises(FilterError, match="at most 2"):
        parse_list("sdg", "1,2,3", max_items=2)


def test_lenient_parsing_drops_each_bad_parameter_and_reports_it():
    def parse(*, zoom=None, page=None, title=None):
        return (
            parse_int("z", zoom, min_value=0, max_value=20),
            parse_int("page", page, min_value=1),
            title,
        )

    result, errors = parse_leniently(
        parse, {"zoom": "²", "page": "0", "title": "ok"}, {"zoom": "z", "page": "page"}
    )
    assert result == (None, None, "ok")
    assert [e.param for e in errors] == ["z", "page"]


def test_lenient_parsing_does_not_hide_programming_errors():
    def parse(**_kwargs):
        raise FilterError("unrelated", "a bug, not input")

    with pytest.raises(FilterError):
        parse_leniently(parse, {"zoom": "1"})


def test_value_or_default():
    assert value_or_default(parse_int, "z", "²", default=8) == 8
    assert value_or_default(parse_int, "z", "9") == 9


@given(st.text(max_size=50))
def test_any_text_is_a_number_or_a_filter_error(raw):
    for parse in (parse_int, parse_float, parse_id, parse_date, parse_bool):
        try:
            parse("p", raw)
        except FilterError as exc:
            assert exc.param == "p"
