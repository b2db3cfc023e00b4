from unittest import mock

import pytest
from geopy.exc import GeocoderTimedOut

from mitmachkarte.core import geocoding


def test_postcode_geocoder_uses_the_postcode_centre(settings):
    settings.GEOCODER = "postcode"
    result = geocoding.geocode(street="Willy-Brandt-Platz 2", postcode="44787", city="Bochum")
    assert result.precision == "postcode"
    assert 51.3 < result.latitude < 51.6 and 7.1 < result.longitude < 7.4


def test_unknown_postcode_and_nothing_else_gives_none(settings):
    settings.GEOCODER = "postcode"
    assert geocoding.geocode(postcode="00000") is None
    assert geocoding.geocode() is None


@pytest.fixture
def nominatim(settings, db):  # results are cached in the shared (database) cache
    settings.GEOCODER = "nominatim"
    geocoding._last_request = 0.0
    with mock.patch("geopy.geocoders.Nominatim.geocode") as fake:
        yield fake


def test_nominatim_result_is_used_and_cached(nominatim):
    nominatim.return_value = mock.Mock(
        latitude=51.48165, longitude=7.21648, address="Rathaus, Bochum"
    )
    first = geocoding.geocode(street="Willy-Brandt-Platz 2", postcode="44787", city="Bochum")
    second = geocoding.geocode(street="Willy-Brandt-Platz 2", postcode="44787", city="Bochum")
    assert first == second
    assert first.precision == "address" and first.label == "Rathaus, Bochum"
    assert nominatim.call_count == 1  # the usage policy asks for caching
    query = nominatim.call_args.args[0]
    assert query == "Willy-Brandt-Platz 2, 44787 Bochum, Deutschland"


def test_nominatim_failure_falls_back_to_the_postcode(nominatim):
    nominatim.side_effect = GeocoderTimedOut("slow")
    result = geocoding.geocode(street="Irgendwo 1", postcode="44787", city="Bochum")
    assert result.precision == "postcode"


def test_nominatim_not_found_falls_back_to_the_postcode(nominatim):
    nominatim.return_value = None
    assert geocoding.geocode(street="Nirgendwo 1", postcode="44787").precision == "postcode"
