"""Likely duplicates of an entry, shown before a proposal is sent and used by imports.

The rules (issue "entries that stay true"): a similar name within ~100 m, or the same website
or contact e-mail within 1 km. A point geocoded from an address or postcode (rather than placed
on the map) is often hundreds of metres off: then a similar name within 1 km or at the same
postcode counts. Candidates come from indexed lat/lon box queries; the name comparison runs in
Python on the few rows inside them.
"""

import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db.models import Q

from mitmachkarte.core.geo import haversine_m
from mitmachkarte.core.text import fold

from .models import Initiative, Status

NAME_RADIUS_M = 100
CONTACT_RADIUS_M = 1000
NAME_SIMILARITY = 0.8
POSTCODE_RADIUS_M = 15_000  # bounds the same-postcode query; German areas are smaller
_NOISE = re.compile(r"[^a-z0-9 ]+")
_SCHEME = re.compile(r"^(https?://)?(www\.)?")


@dataclass(frozen=True)
class Duplicate:
    initiative: Initiative
    reason: str  # "name", "website" or "email"
    distance_m: float


def normalise_name(name: str) -> str:
    return " ".join(_NOISE.sub(" ", fold(name)).split())


def normalise_website(url: str) -> str:
    return _SCHEME.sub("", (url or "").strip().lower()).rstrip("/")


def similar_names(a: str, b: str) -> bool:
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return False
    if a == b:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    shorter, longer = sorted((words_a, words_b), key=len)
    # "Repair Café" vs "Repair Café Ehrenfeld": every word of the shorter name reappears.
    if len(shorter) >= 2 and shorter <= longer:
        return True
    return SequenceMatcher(None, a, b).ratio() >= NAME_SIMILARITY


def _box(lat: float, lon: float, metres: float) -> tuple[float, float, float, float]:
    dlat = metres / 111_320
    dlon = metres / (111_320 * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _postcode(value: str) -> str:
    return "".join((value or "").split())


def _in_box(lat: float, lon: float, metres: float) -> Q:
    south, north, west, east = _box(lat, lon, metres)
    return Q(latitude__range=(south, north), longitude__range=(west, east))


def find_duplicates(
    *,
    name: str,
    latitude: float,
    longitude: float,
    website: str = "",
    contact_email: str = "",
    postcode: str = "",
    geocoded: bool = False,
    exclude_id: int | None = None,
    statuses: tuple[str, ...] = (Status.PUBLISHED, Status.PENDING),
) -> list[Duplicate]:
    """Entries the given one probably duplicates, nearest first; one row per entry.

    `geocoded`: the point was found from the address (`postcode`), not placed on the map.
    `contact_email` only where the asker may know entries' private addresses (moderators,
    imports): whoever sees the answer learns that the address belongs to the entry found.
    """
    area = _in_box(latitude, longitude, CONTACT_RADIUS_M)
    postcode = _postcode(postcode) if geocoded else ""
    if postcode:
        area |= _in_box(latitude, longitude, POSTCODE_RADIUS_M) & Q(postcode=postcode)
    candidates = Initiative.objects.filter(area, status__in=statuses)
    if exclude_id:
        candidates = candidates.exclude(pk=exclude_id)
    name_radius = CONTACT_RADIUS_M if geocoded else NAME_RADIUS_M
    site, email = normalise_website(website), (contact_email or "").strip().lower()
    found: list[Duplicate] = []
    for other in candidates:
        distance = haversine_m(latitude, longitude, other.latitude, other.longitude)
        near = distance <= name_radius or (postcode and _postcode(other.postcode) == postcode)
        if near and similar_names(name, other.name):
            reason = "name"
        elif distance > CONTACT_RADIUS_M:
            continue
        elif site and normalise_website(other.website) == site:
            reason = "website"
        elif email and other.contact_email.strip().lower() == email:
            reason = "email"
        else:
            continue
        found.append(Duplicate(other, reason, round(distance, 1)))
    return sorted(found, key=lambda d: d.distance_m)
