"""Import files → numbered rows of entry data, one reader per format.

File-level problems (too large, not UTF-8, wrong header, not a FeatureCollection) raise
`ImportFileError` before anything is written. Row-level problems raise `RowError` with the
reason; the service reports the row as rejected and goes on.
"""

import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

from mitmachkarte.core.csv_export import unescape_text

from .mapping import TagMapping
from .row_fields import RowError, csv_entry, feature_entry, kvm_entry

FORMATS = ("kvm-csv", "csv", "geojson")

KVM_COLUMNS = [
    "id",
    "created_at",
    "created_by",
    "version",
    "title",
    "description",
    "lat",
    "lng",
    "street",
    "zip",
    "city",
    "country",
    "state",
    "homepage",
    "contact_name",
    "contact_email",
    "contact_phone",
    "opening_hours",
    "founded_on",
    "categories",
    "tags",
    "license",
    "image_url",
    "image_link_url",
    "avg_rating",
]
KVM_REQUIRED = [
    "id",
    "title",
    "description",
    "lat",
    "lng",
    "street",
    "zip",
    "city",
    "homepage",
    "categories",
    "tags",
    "license",
]
CSV_REQUIRED = [
    "id",
    "name",
    "short_description",
    "latitude",
    "longitude",
    "categories",
    "data_licence",
]


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; nothing was written."""


@dataclass
class Row:
    line: int  # CSV: the line the row starts on; GeoJSON: the feature's number (1-based)
    entry: dict  # normalised entry data (row_fields.py)
    warnings: list[str]


# --- the file ----------------------------------------------------------------------------


def read_bytes(data: str | Path | BinaryIO | bytes) -> bytes:
    """The file's bytes, refusing files above settings.IMPORT_MAX_BYTES before reading."""
    limit = settings.IMPORT_MAX_BYTES
    if isinstance(data, bytes):
        size = len(data)
    elif isinstance(data, str | Path):
        try:
            size = os.path.getsize(data)
        except OSError as exc:
            raise ImportFileError(
                _("cannot read %(file)s: %(error)s") % {"file": data, "error": exc.strerror}
            ) from exc
    else:
        size = getattr(data, "size", None)
    if size is not None and size > limit:
        raise ImportFileError(
            _(
                "the file has %(size).1f MB; at most %(limit).0f MB can be imported at once "
                "(setting IMPORT_MAX_BYTES). Split it into smaller files."
            )
            % {"size": size / 1e6, "limit": limit / 1e6}
        )
    if isinstance(data, bytes):
        return data
    if isinstance(data, str | Path):
        return Path(data).read_bytes()
    content = data.read(limit + 1)
    if len(content) > limit:
        raise ImportFileError(
            _(
                "the file is larger than %(limit).0f MB (setting IMPORT_MAX_BYTES). Split it "
                "into smaller files."
            )
            % {"limit": limit / 1e6}
        )
    return content


def decode(content: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else is a clear error."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            _(
                "the file is not UTF-8 encoded (byte 0x%(byte)02x on line %(line)s). Save it as "
                "UTF-8 (in Excel: “CSV UTF-8”) and import it again."
            )
            % {"byte": content[exc.start], "line": line}
        ) from exc


def read_rows(data, fmt: str, mapping: TagMapping) -> list[Row | tuple[int, str]]:
    """Every row of the file: a `Row`, or `(line, reason)` for a rejected one."""
    if fmt not in FORMATS:
        raise ImportFileError(
            _("unknown format “%(fmt)s”; use one of %(formats)s")
            % {"fmt": fmt, "formats": ", ".join(FORMATS)}
        )
    text = decode(read_bytes(data))
    if fmt == "geojson":
        return list(_geojson_rows(text))
    required, to_entry = (
        (KVM_REQUIRED, lambda r, w: kvm_entry(r, w, mapping))
        if fmt == "kvm-csv"
        else (CSV_REQUIRED, csv_entry)
    )
    return list(_csv_rows(text, required, to_entry, fmt))


def _csv_rows(text: str, required: list[str], to_entry, fmt: str):
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ImportFileError(_("the file is empty")) from None
    except csv.Error as exc:
        raise ImportFileError(_("not a readable CSV file: %(error)s") % {"error": exc}) from exc
    missing = [c for c in required if c not in header]
    if missing:
        expected = (
            _("a Karte-von-morgen CSV export")
            if fmt == "kvm-csv"
            else _("the platform's CSV export (/api/v1/export/initiatives.csv)")
        )
        raise ImportFileError(
            _(
                "missing columns: %(missing)s. Expected %(expected)s with the columns "
                "%(required)s (and more)."
            )
            % {"missing": ", ".join(missing), "expected": expected, "required": ", ".join(required)}
        )
    previous_end = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(
                _("line %(line)s: broken CSV (%(error)s)") % {"line": reader.line_num, "error": exc}
            ) from exc
        line, previous_end = previous_end + 1, reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield (
                line,
                (
                    _("the row has %(fields)s fields, the header %(header)s")
                    % {"fields": len(values), "header": len(header)}
                ),
            )
            continue
        if fmt == "csv":  # our own export escapes formula-like cells (core.csv_export)
            values = [unescape_text(v) for v in values]
        raw = dict(zip(header, values, strict=True))
        warnings: list[str] = []
        try:
            yield Row(line, to_entry(raw, warnings), warnings)
        except RowError as exc:
            yield line, str(exc)


def _geojson_rows(text: str):
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("not valid JSON (line %(line)s: %(error)s)") % {"line": exc.lineno, "error": exc.msg}
        ) from exc
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        found = doc.get("type") if isinstance(doc, dict) else type(doc).__name__
        raise ImportFileError(
            _("expected a GeoJSON FeatureCollection, found “%(found)s”") % {"found": found}
        )
    features = doc.get("features")
    if not isinstance(features, list):
        raise ImportFileError(_("the FeatureCollection has no “features” list"))
    for number, feature in enumerate(features, start=1):
        warnings: list[str] = []
        try:
            yield Row(number, feature_entry(feature, warnings), warnings)
        except RowError as exc:
            yield number, str(exc)
