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


@pytest.mark.parametrize("path", ["/", "/kommunen/", "/veranstaltungen/", "/einbinden/"])
def test_pages_do_not_grow_with_entries_and_municipalities(client, reference_data, path):
    _add(0, 65)
    small = len(client.get(path).content)
    _add(65, 260)
    large = client.get(path)
    assert large.status_code == 200
    # 5 times the entries and municipalities; only counts and names in the first page differ.
    assert abs(len(large.content) - small) < 2_000, (small, len(large.content))
