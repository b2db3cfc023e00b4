"""Import files → numbered rows of entry data, one reader per format.

File-level problems (too large, not UTF-8, wrong header, not a FeatureCollection) raise
`ImportFileError` before anything is written. Row-level problems raise `RowError` with the
reason; the service reports the row as rejected and goes on.
"""

import csv
import io
import json
import math
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from mitmachkarte.core.csv_export import unescape_text
from mitmachkarte.initiatives.models import SHORT_DESCRIPTION_MAX, DataLicence

from .mapping import TagMapping, normalise_tag

FORMATS = ("kvm-csv", "csv", "geojson")
LIST_SEPARATOR = "|"  # as in opendata's CSV export

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
LICENCES = {
    "odbl-1.0": DataLicence.ODBL,
    "odbl": DataLicence.ODBL,
    "cc0-1.0": DataLicence.CC0,
    "cc0": DataLicence.CC0,
}


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; nothing was written."""


class RowError(ValueError):
    """One row cannot be imported; the reason is the message."""


@dataclass
class Row:
    line: int  # CSV: the line the row starts on; GeoJSON: the feature's number (1-based)
    entry: dict  # normalised entry data (see `_entry`)
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
        (KVM_REQUIRED, lambda r, w: _kvm_entry(r, w, mapping))
        if fmt == "kvm-csv"
        else (CSV_REQUIRED, _csv_entry)
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
            yield Row(number, _feature_entry(feature, warnings), warnings)
        except RowError as exc:
            yield number, str(exc)


# --- one row -----------------------------------------------------------------------------


def _coordinate(raw, name: str, limit: int) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    if "," in text and "." not in text:  # German decimal comma
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise RowError(
            _("%(name)s “%(value)s” is not a number") % {"name": name, "value": str(raw)[:30]}
        ) from None
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise RowError(
            _("%(name)s %(value)s is out of range (-%(limit)s to %(limit)s)")
            % {"name": name, "value": text, "limit": limit}
        )
    return value


def _licence(raw: str) -> str:
    licence = LICENCES.get((raw or "").strip().lower())
    if not licence:
        shown = (raw or "").strip()[:30] or "(empty)"
        raise RowError(
            _("unknown data licence %(licence)s; expected ODbL-1.0 or CC0-1.0") % {"licence": shown}
        )
    return licence


def _website(raw: str, warnings: list[str]) -> str:
    url = (raw or "").strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        warnings.append(
            _("website “%(url)s” is not a valid address and was left out") % {"url": raw[:60]}
        )
        return ""
    return url[:200]


def _email(raw: str, warnings: list[str]) -> str:
    email = (raw or "").strip()
    if not email:
        return ""
    try:
        EmailValidator()(email)
    except ValidationError:
        warnings.append(_("the contact e-mail is not valid and was left out"))
        return ""
    return email


def _year(raw: str, warnings: list[str]) -> int | None:
    match = re.match(r"^\s*(\d{4})", str(raw or ""))
    if raw and not match:
        warnings.append(
            _("founding date “%(value)s” not understood and left out") % {"value": str(raw)[:20]}
        )
    year = int(match.group(1)) if match else None
    if year is not None and not 1800 <= year <= 2100:
        warnings.append(_("founding year %(year)s left out") % {"year": year})
        return None
    return year


def short_text(description: str) -> str:
    """A short description from a long one: its first paragraph, at most 250 characters."""
    first = " ".join((description or "").strip().split("\n\n")[0].split())
    if len(first) <= SHORT_DESCRIPTION_MAX:
        return first
    cut = first[: SHORT_DESCRIPTION_MAX - 1]
    sentence_end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    if sentence_end >= 80:
        return cut[: sentence_end + 1]
    return cut.rsplit(" ", 1)[0] + "…"


def _list(raw, separator: str) -> list[str]:
    if isinstance(raw, list):
        return [str(v).strip() for v in raw if str(v).strip()]
    return [v.strip() for v in str(raw or "").split(separator) if v.strip()]


def _common(raw: dict, warnings: list[str]) -> dict:
    return {
        "street": (raw.get("street") or "").strip(),
        "city": (raw.get("city") or "").strip(),
        "website": _website(raw.get("website") or raw.get("homepage") or "", warnings),
        "meeting_times": (raw.get("meeting_times") or raw.get("opening_hours") or "").strip(),
        "how_to_join": (raw.get("how_to_join") or "").strip(),
    }


def _kvm_entry(raw: dict, warnings: list[str], mapping: TagMapping) -> dict:
    kinds = {mapping.kvm_categories.get(c) for c in _list(raw.get("categories"), ",")}
    if "company" in kinds and "initiative" not in kinds and not mapping.import_companies:
        raise RowError(
            _(
                "a company (KVM category “Unternehmen”); set import_companies = "
                "true in the mapping file to import companies"
            )
        )
    title = " ".join((raw.get("title") or "").split())
    if not title:
        raise RowError(_("the title is empty"))
    description = (raw.get("description") or "").strip()
    tags = list(dict.fromkeys(normalise_tag(t) for t in _list(raw.get("tags"), ",")))
    tags = [t for t in tags if t]
    categories, sdgs = mapping.topics(tags)
    return {
        "source_id": (raw.get("id") or "").strip(),
        "name": title,
        "short_description": short_text(description) or title,
        "description": description,
        "latitude": _coordinate(raw.get("lat"), _("latitude"), 90),
        "longitude": _coordinate(raw.get("lng"), _("longitude"), 180),
        "postcode": (raw.get("zip") or "").strip(),
        "contact_email": _email(raw.get("contact_email"), warnings),
        "contact_phone": (raw.get("contact_phone") or "").strip()[:40],
        "founded_year": _year(raw.get("founded_on"), warnings),
        "categories": categories or [mapping.default_category],
        "sdgs": sdgs,
        "tags": tags,
        "data_licence": _licence(raw.get("license")),
        "last_confirmed_at": None,
        "slug": "",
        **_common(raw, warnings),
    }


def _timestamp(raw) -> datetime | None:
    if not raw:
        return None
    value = parse_datetime(str(raw).strip())
    if value is None:
        raise RowError(_("“%(value)s” is not an ISO 8601 timestamp") % {"value": str(raw)[:30]})
    return value


def _csv_entry(raw: dict, warnings: list[str]) -> dict:
    """A row of the platform's own export (CSV columns or GeoJSON properties)."""
    name = " ".join(str(raw.get("name") or "").split())
    if not name:
        raise RowError(_("the name is empty"))
    sdgs = []
    for value in _list(raw.get("sdgs"), LIST_SEPARATOR):
        if not str(value).isdigit() or not 1 <= int(value) <= 17:
            raise RowError(
                _("SDG “%(value)s” is not a number from 1 to 17") % {"value": str(value)[:10]}
            )
        sdgs.append(int(value))
    categories = _list(raw.get("categories"), LIST_SEPARATOR)
    if not categories:
        raise RowError(_("no category"))
    founded = raw.get("founded_year")
    return {
        "source_id": str(raw.get("id") or "").strip(),
        "name": name,
        "short_description": " ".join(str(raw.get("short_description") or "").split())
        or short_text(str(raw.get("description") or "")),
        "description": str(raw.get("description") or "").strip(),
        "latitude": _coordinate(raw.get("latitude"), _("latitude"), 90),
        "longitude": _coordinate(raw.get("longitude"), _("longitude"), 180),
        "postcode": str(raw.get("postcode") or "").strip(),
        "contact_email": "",
        "contact_phone": "",
        "founded_year": _year(str(founded) if founded else "", warnings),
        "categories": categories,
        "sdgs": sdgs,
        "tags": _list(raw.get("tags"), LIST_SEPARATOR),
        "data_licence": _licence(raw.get("data_licence")),
        "last_confirmed_at": _timestamp(raw.get("last_confirmed_at")),
        "slug": str(raw.get("slug") or "").strip(),
        **_common(raw, warnings),
    }


def _feature_entry(feature, warnings: list[str]) -> dict:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise RowError(_("not a GeoJSON Feature"))
    properties = dict(feature.get("properties") or {})
    properties.setdefault("id", feature.get("id"))
    geometry = feature.get("geometry")
    if geometry:
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
            raise RowError(_("the geometry is not a Point"))
        properties["longitude"], properties["latitude"] = coords[0], coords[1]
    else:
        properties["longitude"] = properties["latitude"] = None
    return _csv_entry({k: ("" if v is None else v) for k, v in properties.items()}, warnings)
