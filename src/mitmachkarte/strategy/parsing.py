"""Reading cells of imported files and forms: numbers with a decimal comma, German dates,
yes/no. Each parser returns the value or raises ValueError with a message for the person
who wrote the file."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from mitmachkarte.core.params import FALSE_VALUES, TRUE_VALUES

MIN_YEAR, MAX_YEAR = 1950, 2100
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def parse_decimal(text) -> Decimal:
    """ "4,5", "4.5", "1.234,5" and "1,234.5": the last separator is the decimal one."""
    if isinstance(text, int | float | Decimal) and not isinstance(text, bool):
        return Decimal(str(text))
    raw = str(text or "").strip().replace(" ", "").replace("\u00a0", "")
    if "," in raw and "." in raw:
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    if not _NUMBER.fullmatch(raw):
        raise ValueError(_("“%(text)s” is no number (e.g. 4,5).") % {"text": str(text)[:40]})
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(str(exc)) from exc
    if abs(value) >= Decimal("1e12"):
        raise ValueError(_("The number is too large."))
    return value


def parse_year(text) -> int:
    raw = str(text or "").strip()
    if raw.endswith(".0"):
        raw = raw[:-2]
    if not raw.isascii() or not raw.isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        raise ValueError(
            _("“%(text)s” is no year between %(low)s and %(high)s.")
            % {"text": raw[:20], "low": MIN_YEAR, "high": MAX_YEAR}
        )
    return int(raw)


def parse_date(text) -> date:
    """ISO (2024-03-01), German (01.03.2024) or a bare year (2024 → 31 December)."""
    if isinstance(text, date):
        return text
    raw = str(text or "").strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            value = datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        if MIN_YEAR <= value.year <= MAX_YEAR:
            return value
    if raw.isascii() and raw.isdigit() and len(raw) == 4:
        return date(parse_year(raw), 12, 31)
    raise ValueError(
        _("“%(text)s” is no date (e.g. 2024-03-01 or 01.03.2024).") % {"text": raw[:20]}
    )


def parse_bool(text, *, default: bool = True) -> bool:
    raw = str(text if text is not None else "").strip().lower()
    if not raw:
        return default
    if raw in TRUE_VALUES or raw in ("x", "wahr", "j"):
        return True
    if raw in FALSE_VALUES or raw in ("falsch", "n"):
        return False
    raise ValueError(_("“%(text)s” is neither yes nor no (1/0, ja/nein).") % {"text": raw[:20]})
