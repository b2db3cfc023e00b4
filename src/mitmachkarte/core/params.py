"""Query and form parameters, parsed in one place for every page, form and API endpoint.

Each parser takes the parameter's public name and its raw value (a string or None; lists
take a sequence) and returns a clean value or raises a `FilterError` naming the parameter,
so each interface answers with a clear message (a notice on the page, a JSON 400) and never
a 500. Numbers are ASCII only: `str.isdigit()` says yes to "²" and "١", which `int()`
refuses or reads as another number.
"""

import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo

from .geo import BBox, GeoInputError, parse_bbox

MAX_NUMBER_LENGTH = 40  # longer text is no number we use (and int() of 5,000 digits is slow)
MAX_ID = 2**63 - 1  # BigAutoField
MIN_YEAR, MAX_YEAR = 1970, 2200
TRUE_VALUES = frozenset({"1", "true", "yes", "on", "ja"})
FALSE_VALUES = frozenset({"0", "false", "no", "off", "nein"})
# "12.0" is a whole number too (JSON Schema's "integer" includes it; clients send it).
_INT = re.compile(r"[+-]?[0-9]+(?:\.0*)?")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?")


class FilterError(ValueError):
    """A bad parameter. `status` is the HTTP status an API answers it with."""

    def __init__(self, param: str, message: str, *, status: int = 400):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message
        self.status = status


def _shown(raw) -> str:
    """The start of a bad value for a message, without control characters."""
    return re.sub(r"[\x00-\x1f\x7f]", "?", str(raw)[:40])


def _text(param: str, raw) -> str:
    text = "" if raw is None else str(raw).strip()
    if "\x00" in text:
        raise FilterError(param, "must not contain NUL characters")
    return text


def clean_list(values) -> list[str]:
    """Repeated parameters and comma-separated values alike, stripped, without repeats."""
    if isinstance(values, str):
        values = [values]
    cleaned = []
    for value in values or []:
        cleaned.extend(v.strip() for v in str(value).split(",") if v.strip())
    return list(dict.fromkeys(cleaned))


def reject_nul(params: dict[str, object]) -> None:
    """PostgreSQL cannot compare text containing NUL: refuse it before any query."""
    for param, raw in params.items():
        values = raw if isinstance(raw, list | tuple) else [raw]
        if any("\x00" in str(value or "") for value in values):
            raise FilterError(param, "must not contain NUL characters")


def check_range(param: str, value, low=None, high=None, *, status: int = 400):
    """`value` when `low <= value <= high` (either bound may be None), else a FilterError."""
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            bounds = f"between {low} and {high}"
        elif low is not None:
            bounds = f"at least {low}"
        else:
            bounds = f"at most {high}"
        raise FilterError(param, f"must be {bounds}, got {_shown(value)}", status=status)
    return value


def parse_int(param: str, raw, *, min_value=None, max_value=None, default=None) -> int | None:
    """A whole number in ASCII digits within the bounds; empty gives `default`."""
    text = _text(param, raw)
    if not text:
        return default
    if len(text) > MAX_NUMBER_LENGTH or not _INT.fullmatch(text):
        raise FilterError(param, f"not a whole number: '{_shown(text)}'")
    return check_range(param, int(text.split(".")[0]), min_value, max_value)


def parse_id(param: str, raw) -> int | None:
    """A primary key (1 … 2⁶³−1); empty gives None."""
    return parse_int(param, raw, min_value=1, max_value=MAX_ID)


def parse_float(param: str, raw, *, min_value=None, max_value=None, default=None):
    """A finite decimal number ("." as decimal point) within the bounds."""
    text = _text(param, raw)
    if not text:
        return default
    if len(text) > MAX_NUMBER_LENGTH or not _FLOAT.fullmatch(text):
        raise FilterError(param, f"not a number: '{_shown(text)}'")
    value = float(text)
    if not math.isfinite(value):
        raise FilterError(param, "must be a finite number")
    return check_range(param, value, min_value, max_value)


def parse_point(param: str, raw) -> tuple[float, float] | None:
    """ "latitude,longitude" in WGS84 degrees; empty gives None."""
    text = _text(param, raw)
    if not text:
        return None
    parts = text.split(",")
    if len(parts) != 2:
        raise FilterError(param, "expected “latitude,longitude” in degrees")
    lat = parse_float(param, parts[0], min_value=-90, max_value=90)
    lon = parse_float(param, parts[1], min_value=-180, max_value=180)
    if lat is None or lon is None:
        raise FilterError(param, "expected “latitude,longitude” in degrees")
    return lat, lon


def bbox_param(raw: str | None, param: str = "bbox") -> BBox | None:
    """A box from a query parameter: two opposite corners, in any order."""
    text = _text(param, raw)
    if not text:
        return None
    try:
        return parse_bbox(text, any_order=True)
    except GeoInputError as exc:
        raise FilterError(param, str(exc)) from exc


def _check_year(param: str, year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise FilterError(param, f"the year must be between {MIN_YEAR} and {MAX_YEAR}")


def parse_date(param: str, raw) -> date | None:
    """An ISO 8601 date (2026-09-20) between the years 1970 and 2200; empty gives None."""
    text = _text(param, raw)
    if not text:
        return None
    try:
        day = date.fromisoformat(text) if text.isascii() else None
    except ValueError:
        day = None
    if day is None:
        raise FilterError(param, f"'{_shown(text)}' is not an ISO 8601 date (2026-09-20)")
    _check_year(param, day.year)
    return day


def parse_datetime(param: str, raw, *, tz: tzinfo, end_of_day: bool = False) -> datetime | None:
    """An aware datetime from an ISO 8601 date or date-time; without an offset it is in `tz`.

    A bare date means its start, or with `end_of_day` its last microsecond.
    """
    text = _text(param, raw)
    if not text:
        return None
    try:
        if len(text) == 10:
            day = parse_date(param, text)
            moment = datetime.combine(day, time.min, tzinfo=tz)
            if end_of_day:
                moment += timedelta(days=1) - timedelta(microseconds=1)
            return moment
        moment = datetime.fromisoformat(text) if text.isascii() else None
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise FilterError(
            param,
            f"'{_shown(text)}' is not an ISO 8601 date (2026-09-20) or date-time "
            "(2026-09-20T18:00 or 2026-09-20T16:00:00Z)",
        )
    _check_year(param, moment.year)
    # In `tz` either way: an offset PostgreSQL cannot store (beyond ±15:59) never reaches it.
    return moment.astimezone(tz) if moment.tzinfo else moment.replace(tzinfo=tz)


def parse_bool(param: str, raw, *, default: bool = False) -> bool:
    """1/0, true/false, yes/no, on/off (ja/nein); empty gives `default`."""
    if isinstance(raw, bool):
        return raw
    text = _text(param, raw).lower()
    if not text:
        return default
    if text in TRUE_VALUES:
        return True
    if text in FALSE_VALUES:
        return False
    raise FilterError(param, f"'{_shown(text)}' is not one of 1, 0, true, false")


def parse_choice(param: str, raw, choices: Iterable[str], *, default: str | None = None):
    """One of `choices` (compared as given); empty gives `default`."""
    text = _text(param, raw)
    if not text:
        return default
    allowed = list(choices)
    if text not in allowed:
        raise FilterError(
            param, f"unknown value '{_shown(text)}'; use one of " + ", ".join(allowed)
        )
    return text


def parse_list(param: str, values, item: Callable | None = None, *, max_items: int = 100):
    """Repeated and comma-separated values, without repeats, each parsed by `item`."""
    reject_nul({param: values if isinstance(values, list | tuple) else [values]})
    cleaned = clean_list(values)
    if len(cleaned) > max_items:
        raise FilterError(param, f"at most {max_items} values")
    return [item(param, value) if item else value for value in cleaned]


def parse_leniently(
    parse: Callable, raw: dict, params: Mapping[str, str] | None = None
) -> tuple[object, list[FilterError]]:
    """`parse(**raw)`, dropping each parameter that fails and reporting it, for pages.

    `params` maps keyword arguments to the public parameter names a FilterError carries
    (default: the same). A page thereby shows what it could use, with a notice per bad
    parameter, instead of an error.
    """
    names = dict(params or {key: key for key in raw})
    raw, errors = dict(raw), []
    while True:
        try:
            return parse(**raw), errors
        except FilterError as exc:
            key = next(
                (k for k, p in names.items() if k in raw and exc.param in (p, k)),
                None,
            )
            if key is None:  # not one of ours: a programming error, not bad input
                raise
            errors.append(exc)
            raw.pop(key)


def value_or_default(parse: Callable, *args, default=None, **kwargs):
    """`parse(*args, **kwargs)`, or `default` for a bad value: for parameters a page may
    silently ignore (an optional preselection, a widget's zoom)."""
    try:
        return parse(*args, **kwargs)
    except FilterError:
        return default


# Patterns of what the parsers above accept, for the OpenAPI schema (core.openapi). Each is a
# subset of what its parser takes (a client keeping to it is never refused) and close enough
# that the contract test (tests/api) finds text the schema forbids but the parser accepts.
NO_NUL = r"^[^\x00]*$"
_LAT = r"-?(?:90(?:\.0+)?|[1-8]?[0-9](?:\.[0-9]+)?)"
_LON = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]+)?)"
BBOX_PATTERN = rf"^{_LON},{_LAT},{_LON},{_LAT}$"
LAT_LON_BOX_PATTERN = rf"^{_LAT},{_LON},{_LAT},{_LON}$"
NEAR_PATTERN = rf"^(?:[0-9]{{5}}|{_LAT},{_LON})$"  # a German postcode or "latitude,longitude"
_LEAP = (  # leap years 1972–2196 (2100 is none)
    r"(?:19(?:7[26]|8[048]|9[26])|20(?:[02468][048]|[13579][26])"
    r"|21(?:0[48]|[2468][048]|[13579][26]))"
)
_YEAR = r"(?:19[7-9][0-9]|20[0-9]{2}|21[0-9]{2})"
_DAY = (
    rf"(?:(?:{_YEAR}|2200)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP}-02-29)"
)
DATE_PATTERN = rf"^{_DAY}$"
_TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
_OFFSET = r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?"
DATE_OR_DATETIME_PATTERN = rf"^{_DAY}(?:T{_TIME}{_OFFSET})?$"
