"""Export rows (see selectors) → text pieces of CSV, GeoJSON and JSON-LD, for streaming.

Each generator yields one piece per row (plus header/footer), so a response never holds
more than one chunk of rows.
"""

import json
from collections.abc import Iterable, Iterator
from itertools import chain

from mitmachkarte.core.csv_export import csv_lines as write_csv

from .selectors import INITIATIVE_FIELDS, LIST_SEPARATOR

LICENCE_URLS = {
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
SDG_URL = "https://sdgs.un.org/goals/goal{}"


def _cell(value):
    """Numbers as numbers (never escaped), everything else as text."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else _text(value)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    """The header line, then one line per row (RFC 4180, comma, CRLF, UTF-8, formula-safe)."""
    header = [INITIATIVE_FIELDS]
    values = ([_cell(row[f]) for f in INITIATIVE_FIELDS] for row in rows)
    return write_csv(chain(header, values))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=_text, separators=(",", ":"))


def geojson_feature(row: dict) -> dict:
    properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": properties,
    }


def _collection(head: str, items: Iterable[str], tail: str) -> Iterator[str]:
    yield head
    first = True
    for item in items:
        yield item if first else "," + item
        first = False
    yield tail


def geojson_pieces(rows: Iterable[dict]) -> Iterator[str]:
    """A GeoJSON FeatureCollection (RFC 7946: lon before lat) with every row a Feature."""
    head = '{"type":"FeatureCollection","features":['
    return _collection(head, (_json(geojson_feature(r)) + "\n" for r in rows), "]}\n")


JSONLD_CONTEXT = {"@vocab": "https://schema.org/"}


def _place(row: dict, *, name: str = "") -> dict:
    place = {
        "@type": "Place",
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": row["latitude"],
            "longitude": row["longitude"],
        },
        "address": _address(row),
    }
    if name:
        place["name"] = name
    return place


def _address(row: dict) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": row["street"],
        "postalCode": row["postcode"],
        "addressLocality": row["city"],
        "addressCountry": "DE",
    }


def organisation_node(row: dict, *, category_names: dict[str, str]) -> dict:
    """schema.org Organization for one initiative row (no e-mail, no phone)."""
    place = _place(row)
    extra = [
        ("meetingTimes", row["meeting_times"]),
        ("openingHours", row["opening_hours"]),
        ("howToJoin", row["how_to_join"]),
        ("lastConfirmed", _text(row["last_confirmed_at"])),
    ]
    place["additionalProperty"] = [
        {"@type": "PropertyValue", "name": k, "value": v} for k, v in extra if v
    ]
    node = {
        "@type": "Organization",
        "@id": row["url"],
        "identifier": str(row["id"]),
        "name": row["name"],
        "description": row["description"] or row["short_description"],
        "disambiguatingDescription": row["short_description"],
        "url": row["url"],
        "address": _address(row),
        "location": place,
        "knowsAbout": [category_names.get(c, c) for c in row["categories"]]
        + [SDG_URL.format(n) for n in row["sdgs"]],
        "keywords": row["tags"],
        "license": LICENCE_URLS.get(row["data_licence"], row["data_licence"]),
        "dateModified": _text(row["updated_at"]),
    }
    if row["website"]:
        node["sameAs"] = row["website"]
    if row["image_url"]:
        node["image"] = {
            "@type": "ImageObject",
            "contentUrl": row["image_url"],
            "description": row["image_alt"],
            "creditText": row["image_credit"],
        }
    if row["founded_year"]:
        node["foundingDate"] = str(row["founded_year"])
    if row["municipality_ags"]:
        node["areaServed"] = {
            "@type": "AdministrativeArea",
            "name": row["municipality_name"],
            "identifier": row["municipality_ags"],
        }
    return node


_ATTENDANCE = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}


def event_node(row: dict) -> dict:
    """schema.org Event for one event row (no organiser e-mail)."""
    locations = []
    if row["format"] != "online" and row["latitude"] is not None:
        locations.append(_place(row, name=row["venue_name"]))
    if row["format"] != "in_person":
        # With registration the link is for participants: the event's page stands in.
        locations.append({"@type": "VirtualLocation", "url": row["online_url"] or row["url"]})
    organiser = {"@type": "Organization", "name": row["organiser_name"]}
    if row["organiser_url"]:
        organiser["url"] = row["organiser_url"]
    return {
        "@type": "Event",
        "@id": row["url"],
        "identifier": str(row["id"]),
        "name": row["title"],
        "description": row["description"],
        "startDate": _text(row["start"]),
        "endDate": _text(row["end"]),
        "eventAttendanceMode": "https://schema.org/"
        + _ATTENDANCE.get(row["format"], "OfflineEventAttendanceMode"),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": locations,
        "organizer": organiser,
        "keywords": row["categories"],
        "url": row["url"],
    }


def jsonld_pieces(nodes: Iterable[dict]) -> Iterator[str]:
    """A JSON-LD document: the schema.org context and every node in one @graph."""
    head = '{"@context":' + _json(JSONLD_CONTEXT) + ',"@graph":['
    return _collection(head, (_json(n) + "\n" for n in nodes), "]}\n")
