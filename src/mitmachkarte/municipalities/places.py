"""The place in a search: a postcode, a street address, a district ("Ehrenfeld",
"Bochum-Langendreer", "Dortmund Hörde") or a municipality's name.

`split_place("repair 44801")` finds the place ("44801" → the centre of the postcode area,
offline through `core.geocoding`) and returns the rest as the text to search for. Postcodes
and addresses leave the text (no entry's text holds them as typed); a municipality's name
stays in it too, so "garten bochum" still means gardens that mention Bochum, now nearest
to Bochum's centre first. A place that cannot be found gives a short notice and no place;
nothing else of the search is dropped.

Districts, villages and towns that are no municipality are found offline in GeoNames'
places (`core.geocoding.localities`). A name several places share means the most
plausible one: written with a town ("Dortmund Hörde"), the one in or near that town;
alone, the one with the most published entries within 10 km (a place with none nearby is
no place anybody searches on this map, and the word stays search text), then the largest.
A district's name leaves the search text, and so does its town's. A place that is a
municipality with entries, typed loosely ("koln"), is that municipality (name kept as text).
"""

import math
import re
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q, Value
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from mitmachkarte.core.geo import haversine_m
from mitmachkarte.core.geocoding import Locality, geocode_text, localities, postcode_centre
from mitmachkarte.core.text import fold, slugify_de
from mitmachkarte.core.versions import cached_for_version

from .models import Municipality
from .selectors import INITIATIVES_VERSION

POSTCODE = re.compile(r"(?<![\w-])(\d{5})(?![\w-])")
# A street with a house number: "Kortumstraße 10", "Alte Hattinger Straße 5", "Am Ring 2a".
# Words before a separate "Straße" or after "Am" must be capitalised, so that "repair" in
# "repair Hattinger Straße 5" stays search text.
_SUFFIX = r"(?i:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|pfad|chaussee)"
_CAPITAL = r"[A-ZÄÖÜ][\w'-]*"
STREET = re.compile(
    rf"(?<!\w)(?:[^\W\d_][\w'-]*{_SUFFIX}|(?:{_CAPITAL}\s+){{1,2}}{_SUFFIX}"
    rf"|(?:Am|An der|Im|In der|Auf der|Zum|Zur)\s+{_CAPITAL})"
    r"\s+\d{1,4}\s?[a-zA-Z]?(?!\w)"
)
MAX_NAME_WORDS = 4  # "Mülheim an der Ruhr"
POSTCODE_ZOOM = 14
ADDRESS_ZOOM = 16
TOWN_ZOOM = 12
DISTRICT_ZOOM = 14
NEARBY_KM = 10  # a place alone counts with published entries this near
TOWN_REACH_M = 15_000  # a district of a town without a stored boundary: this near its point


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    label: str
    kind: str  # "postcode", "address", "district", "municipality", "position"
    zoom: int = POSTCODE_ZOOM
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north


def _cut(text: str, match: re.Match) -> str:
    return " ".join((text[: match.start()] + " " + text[match.end() :]).split())


def _spans(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every run of up to MAX_NAME_WORDS words, longest first."""
    return [
        (i, i + n)
        for n in range(min(MAX_NAME_WORDS, len(words)), 0, -1)
        for i in range(len(words) - n + 1)
        if len(" ".join(words[i : i + n])) >= 3 and not "".join(words[i : i + n]).isdigit()
    ]


def _municipality(text: str) -> Municipality | None:
    """The municipality named by the longest run of words in `text`; among namesakes the
    one with the most initiatives (a name without any is no place anybody searches)."""
    words = text.split()
    grams = [" ".join(words[a:b]) for a, b in _spans(words)]
    if not grams:
        return None
    # lower() on both sides, as the database folds case (an index on Lower("name")): a
    # case-insensitive LIKE per word read all 11,000 names on every search.
    query = Q(slug__in=[slugify_de(g) for g in grams])
    for gram in grams:
        query |= Q(lower_name=Lower(Value(gram)))
    found = list(
        Municipality.objects.annotate(lower_name=Lower("name"))
        .filter(query)
        .defer("boundary")  # only the place (centre, bbox) is used
        .annotate(n=Count("initiatives", filter=Q(initiatives__status="published")))
        .filter(n__gt=0)
    )
    if not found:
        return None
    rank = {g.lower(): i for i, g in enumerate(grams)}
    slugs = {slugify_de(g): i for i, g in enumerate(grams)}

    def order(m: Municipality):
        position = min(rank.get(m.name.lower(), len(grams)), slugs.get(m.slug, len(grams)))
        return (position, -m.n, m.pk)

    return min(found, key=order)


def municipality_place(municipality: Municipality) -> Place:
    box = municipality.bbox
    return Place(
        municipality.latitude,
        municipality.longitude,
        municipality.name,
        "municipality",
        TOWN_ZOOM,
        tuple(box) if box else None,
    )


def postcode_place(postcode: str) -> Place | None:
    found = postcode_centre(postcode)
    if found is None:
        return None
    return Place(found.latitude, found.longitude, postcode, "postcode", POSTCODE_ZOOM)


def _in_town(candidates: tuple[Locality, ...], town: Municipality) -> Locality | None:
    """The largest of the places inside the town's bounding box (or near its point)."""
    box = town.bbox
    for place in candidates:  # largest first
        if box:
            west, south, east, north = box
            if west <= place.longitude <= east and south <= place.latitude <= north:
                return place
        elif haversine_m(place.latitude, place.longitude, town.latitude, town.longitude) < (
            TOWN_REACH_M
        ):
            return place
    return None


def _entries_near(place: Locality) -> int:
    initiative = apps.get_model("initiatives", "Initiative")
    dlat = NEARBY_KM / 111.2
    dlon = dlat / max(math.cos(math.radians(place.latitude)), 0.01)
    return initiative.objects.filter(
        status="published",
        latitude__range=(place.latitude - dlat, place.latitude + dlat),
        longitude__range=(place.longitude - dlon, place.longitude + dlon),
    ).count()


def _most_plausible(candidates: tuple[Locality, ...]) -> Locality | None:
    # Cached by data version: this runs for every search naming a place, also on each pan
    # of the map (7 places called "Berg": 18 ms of counts per request at a million entries).
    # Keyed by the shipped places' points, so the set of keys is bounded.
    key = "entries-near:" + ";".join(f"{p.latitude},{p.longitude}" for p in candidates)
    near = cached_for_version(
        INITIATIVES_VERSION, key, lambda: [_entries_near(p) for p in candidates]
    )
    counted = [(n, p.population, p) for n, p in zip(near, candidates, strict=True)]
    counted = [c for c in counted if c[0] > 0]
    return max(counted, key=lambda c: c[:2])[2] if counted else None


def _district_place(found: Locality, label: str = "") -> Place:
    return Place(found.latitude, found.longitude, label or found.name, "district", DISTRICT_ZOOM)


def _town_span(words: list[str], town: Municipality) -> tuple[int, int] | None:
    names = {fold(town.name)}
    for a, b in _spans(words):
        gram = " ".join(words[a:b])
        if fold(gram) in names or slugify_de(gram) == town.slug:
            return a, b
    return None


def _locality(text: str, town: Municipality | None) -> tuple[Place, str] | None:
    """A district, village or town (not a municipality with entries) named in `text`:
    (the place, the text without its name and its town's)."""
    words = text.split()
    town_span = _town_span(words, town) if town else None
    for a, b in _spans(words):
        if town_span and a < town_span[1] and town_span[0] < b:
            continue  # the town's own name
        candidates = localities(" ".join(words[a:b]))
        if not candidates:
            continue
        if town is None:
            # a municipality typed loosely ("koln"): the municipality's rule, name kept
            for candidate in candidates[:3]:
                namesake = _municipality(candidate.name)
                if namesake is not None:
                    return municipality_place(namesake), text
        found = _in_town(candidates, town) if town else _most_plausible(candidates)
        if found is None:
            continue
        cut = {*range(a, b), *(range(*town_span) if town_span else ())}
        rest = " ".join(w for i, w in enumerate(words) if i not in cut)
        return _district_place(found), rest
    return None


def _district(text: str) -> tuple[Place | None, str, list[str]]:
    """A district written with its town, as people and signs do: "Bochum-Langendreer",
    "Köln-Ehrenfeld". Geocoded as "Langendreer, Bochum" (cached, when a geocoder is on),
    else found among the shipped places in that town, and then cut from the text; without
    either the town is the place and the words stay search text."""
    for match in re.finditer(r"(?<!\S)(\w[\w'.]*(?:-\w[\w'.]*)+)(?!\S)", text):
        token = match.group(1)
        for cut in [i for i, ch in enumerate(token) if ch == "-"]:
            town = _municipality(token[:cut].replace("-", " "))
            district = token[cut + 1 :]
            if town is None or not district[:1].isupper():
                continue
            rest = _cut(text, match)
            found = geocode_text(f"{district.replace('-', ' ')}, {town.name}")
            if found is not None:
                place = Place(found.latitude, found.longitude, token, "district", DISTRICT_ZOOM)
                return place, rest, []
            offline = _in_town(localities(district), town)
            if offline is not None:
                return _district_place(offline, token), rest, []
            return municipality_place(town), text, []
    return None, text, []


def split_place(query: str) -> tuple[Place | None, str, list[str]]:
    """(the place, the text without postcode, address or district, notices for the user)."""
    text = " ".join((query or "").split())
    notices: list[str] = []
    if not text:
        return None, "", notices
    postcode = POSTCODE.search(text)
    code = postcode.group(1) if postcode else ""
    if postcode:
        text = _cut(text, postcode)
    street = STREET.search(text)
    if street:
        address = street.group(0)
        text = _cut(text, street)
        town = _municipality(text)
        found = geocode_text(" ".join(p for p in (address, code, town.name if town else "") if p))
        if found is not None:
            label = found.label.split(",")[0] if found.label else address
            return Place(found.latitude, found.longitude, label, "address", ADDRESS_ZOOM), text, []
        if not code:
            notices.append(
                _("The address “%(address)s” could not be found: add its postcode.")
                % {"address": address}
            )
    if code:
        place = postcode_place(code)
        if place is not None:
            return place, text, notices
        notices.append(_("The postcode %(postcode)s is unknown.") % {"postcode": code})
    town_place = None
    if "-" in text:
        town_place, rest, district_notices = _district(text)
        if town_place is not None and town_place.kind == "district":
            return town_place, rest, notices + district_notices
    town = _municipality(text)
    district = _locality(text, town)
    if district is not None:
        return district[0], district[1], notices
    if town is not None:
        return municipality_place(town), text, notices
    return town_place, text, notices
