"""Pages render the first list page and the filters, never something per entry or per
municipality: the size of `/` does not grow with the data."""

import pytest

from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


def _add(first: int, count: int) -> None:
    for i in range(first, first + count):
        town = MunicipalityFactory(
            name=f"Stadt {i:04d}", latitude=51 + i / 1000, longitude=7 + i / 1000
        )
        InitiativeFactory(
            name=f"Initiative {i:04d}",
            short_description="Gemeinsam reparieren",
            municipality=town,
            latitude=51 + i / 1000,
            longitude=7 + i / 1000,
        )


PATHS = ["/", "/kommunen/", "/veranstaltungen/", "/einbinden/"]


def test_pages_do_not_grow_with_entries_and_municipalities(client, reference_data):
    # One data set for all pages: creating entries is what costs here (on PostgreSQL most).
    _add(0, 65)
    small = {path: len(client.get(path).content) for path in PATHS}
    _add(65, 260)
    large = {path: client.get(path) for path in PATHS}
    assert {path: r.status_code for path, r in large.items()} == dict.fromkeys(PATHS, 200)
    # 5 times the entries and municipalities; only counts and names in the first page differ.
    grown = {path: len(large[path].content) - small[path] for path in PATHS}
    assert all(abs(size) < 2_000 for size in grown.values()), (small, grown)
