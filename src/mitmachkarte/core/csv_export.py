"""The one CSV writer of every export, and the cell escaping XLSX exports share.

Spreadsheet programs run a text cell that starts with `=`, `+`, `-` or `@` (and, in some,
with a tab or carriage return) as a formula: an entry named `=HYPERLINK(…)` would become a
link in a municipality's Excel (CSV injection). As OWASP recommends, such a text cell gets a
leading apostrophe, which spreadsheets show as text. Numbers are written as numbers: `-3` is
not a formula. `csv_lines` yields one line at a time, so a streamed export of 100,000 rows
holds one row in memory.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
# Control characters XML 1.0 (and so XLSX) cannot hold; openpyxl refuses them.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_text(value) -> str:
    """Text a spreadsheet shows as it is, never runs (None → empty)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_text(text: str) -> str:
    """`safe_text` undone, for reading our own exports back in."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def safe_cell(value):
    """A cell value for CSV or XLSX: numbers stay numbers, everything else safe text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float | Decimal):
        return value
    return safe_text(value)


def xlsx_cell(value):
    """`safe_cell` for a worksheet: also without the control characters XLSX cannot hold."""
    value = safe_cell(value)
    return _NOT_IN_XML.sub("", value) if isinstance(value, str) else value


def _number_text(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 2.50 → "2.5", 1E+1 → "10"
    return str(value)


def csv_lines(
    rows: Iterable[Iterable], *, delimiter: str = ",", bom: bool = False
) -> Iterator[str]:
    """Every row (the header is a row too) as one CSV line with CRLF (RFC 4180).

    `delimiter=";"` and `bom=True` make a file German Excel opens directly.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    if bom:
        yield BOM
    for row in rows:
        cells = (safe_cell(v) for v in row)
        writer.writerow([c if isinstance(c, str) else _number_text(c) for c in cells])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def csv_text(rows: Iterable[Iterable], **options) -> str:
    return "".join(csv_lines(rows, **options))


def csv_download(
    rows: Iterable[Iterable], *, filename: str, delimiter: str = ";", bom: bool = True
) -> HttpResponse:
    """A CSV attachment for spreadsheet programs (semicolons and a BOM by default)."""
    response = HttpResponse(
        csv_text(rows, delimiter=delimiter, bom=bom), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
