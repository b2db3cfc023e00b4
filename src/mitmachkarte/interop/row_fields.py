"""One row of an import file → the fields of an entry, with the reason when it cannot be.

Shared by the three readers (readers.py): coordinates, licence, website, e-mail, year,
lists and the short text; the KVM CSV, our own CSV and GeoJSON features each map their
columns here. Problems raise `RowError`; the service reports the row and goes on.
"""

import math
import re
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from mitmachkarte.initiatives.models import SHORT_DESCRIPTION_MAX, DataLicence
from mitmachkarte.initiatives.validation import opening_hours_error

from .mapping import TagMapping, normalise_tag

LIST_SEPARATOR = "|"  # as in opendata's CSV export
LICENCES = {
    "odbl-1.0": DataLicence.ODBL,
    "odbl": DataLicence.ODBL,
    "cc0-1.0": DataLicence.CC0,
    "cc0": DataLicence.CC0,
}


class RowError(ValueError):
    """One row cannot be imported; the reason is the message."""


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


def _times(raw: dict, warnings: list[str]) -> dict:
    """`opening_hours` in OpenStreetMap's syntax goes into the structured field; anything
    else there is kept as a free-text note (KVM does not check the syntax)."""
    hours = " ".join(str(raw.get("opening_hours") or "").split())
    note = str(raw.get("meeting_times") or "").strip()
    if hours and opening_hours_error(hours):
        warnings.append(_("opening hours not in OpenStreetMap syntax, kept as a note"))
        note = "\n".join(t for t in (note, hours) if t)
        hours = ""
    return {"meeting_times": note, "opening_hours": hours}


def _common(raw: dict, warnings: list[str]) -> dict:
    return {
        "street": (raw.get("street") or "").strip(),
        "city": (raw.get("city") or "").strip(),
        "website": _website(raw.get("website") or raw.get("homepage") or "", warnings),
        **_times(raw, warnings),
        "how_to_join": (raw.get("how_to_join") or "").strip(),
    }


def kvm_entry(raw: dict, warnings: list[str], mapping: TagMapping) -> dict:
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


def csv_entry(raw: dict, warnings: list[str]) -> dict:
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
    # At least one known category: checked by initiatives' services, with their message.
    categories = _list(raw.get("categories"), LIST_SEPARATOR)
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


def feature_entry(feature, warnings: list[str]) -> dict:
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
    return csv_entry({k: ("" if v is None else v) for k, v in properties.items()}, warnings)
