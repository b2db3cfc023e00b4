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


class FakeClock:
    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    """Nominatim's turns by a clock of our own: nobody waits for real."""
    fake = FakeClock(1_000_000.25)
    monkeypatch.setattr(geocoding, "time", fake)
    return fake


@pytest.fixture
def nominatim(settings, db, clock):  # results are cached in the shared (database) cache
    settings.GEOCODER = "nominatim"
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


def test_nominatim_gets_one_request_per_second_from_all_processes(nominatim, clock):
    """The turns live in the shared cache: what one process took, another waits for."""
    sent = []
    nominatim.side_effect = lambda *a, **k: sent.append(clock.now)
    for n in range(3):
        geocoding.geocode_text(f"Kortumstraße {n} Bochum")
    assert len(sent) == 3
    assert all(later - earlier >= 1 for earlier, later in zip(sent, sent[1:], strict=False))
    assert all(moment == int(moment) for moment in sent)  # each at the start of its second


def test_nominatim_is_not_asked_when_no_second_is_free(nominatim, clock):
    clock.now = 2_000_000.5
    for second in range(2_000_001, 2_000_001 + geocoding.NOMINATIM_WAIT):
        geocoding.cache.add(f"geocode:turn:{second}", 1)  # taken by other processes
    result = geocoding.geocode(street="Irgendwo 1", postcode="44787", city="Bochum")
    assert result.precision == "postcode" and nominatim.call_count == 0
    assert clock.now == 2_000_000.5  # nobody waited for nothing
