"""Address → point for event forms (the events' own and the working groups' series).

Called by views before the service's transaction, since a geocoder may be remote; the
municipality then follows from the point in the services."""

from mitmachkarte.core.geocoding import geocode
from mitmachkarte.municipalities.selectors import resolve_municipality


def point_for(*, format: str, street: str = "", postcode: str = "", city: str = "") -> dict:
    """`latitude`/`longitude` of the venue (both None for online events or unknown places);
    a city without a known postcode falls back to its municipality's point."""
    if format == "online":
        return {"latitude": None, "longitude": None}
    found = geocode(street=street, postcode=postcode, city=city)
    if found:
        return {"latitude": found.latitude, "longitude": found.longitude}
    town = resolve_municipality(city) if city else None
    if town and town.latitude is not None:
        return {"latitude": town.latitude, "longitude": town.longitude}
    return {"latitude": None, "longitude": None}
