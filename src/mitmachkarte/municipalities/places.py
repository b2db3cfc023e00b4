"""The place in a search: a postcode, a street address, a district ("Bochum-Langendreer")
or a municipality's name.

`split_place("repair 44801")` finds the place ("44801" → the centre of the postcode area,
offline through `core.geocoding`) and returns the rest as the text to search for. Postcodes
and addresses leave the text (no entry's text holds them as typed); a municipality's name
stays in it too, so "garten bochum" still means gardens that mention Bochum, now nearest
to Bochum's centre first. A place that cannot be found gives a short notice and no place;
nothing else of the search is dropped.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, Q, Value
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from mitmachkarte.core.geocoding import geocode_text, postcode_centre
from mitmachkarte.core.text import slugify_de

from .models import Municipality

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


def _municipality(text: str) -> Municipality | None:
    """The municipality named by the longest run of words in `text`; among namesakes the
    one with the most initiatives (a name without any is no place anybody searches)."""
    words = text.split()
    grams = [
        " ".join(words[i : i + n])
        for n in range(min(MAX_NAME_WORDS, len(words)), 0, -1)
        for i in range(len(words) - n + 1)
    ]
    grams = [g for g in grams if len(g) >= 3 and not g.isdigit()]
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


def _district(text: str) -> tuple[Place | None, str, list[str]]:
    """A district written with its town, as people and signs do: "Bochum-Langendreer",
    "Köln-Ehrenfeld". Geocoded as "Langendreer, Bochum" (cached, when a geocoder is on) and
    then cut from the text; without an answer the town is the place and the words stay
    search text (entries that name the district)."""
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
            return municipality_place(town), text, []
    return None, text, []


def split_place(query: str) -> tuple[Place | None, str, list[str]]:
    """(the place, the text without postcode and address, notices for the user)."""
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
    if "-" in text:
        place, rest, district_notices = _district(text)
        if place is not None:
            return place, rest, notices + district_notices
    town = _municipality(text)
    if town is not None:
        return municipality_place(town), text, notices
    return None, text, notices
