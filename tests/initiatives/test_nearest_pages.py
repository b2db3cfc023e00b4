"""A list page near a point orders only the nearest candidates (map_query.nearest_first):
its pages equal the full ordering of every match, with and without mixed categories."""

import random

import pytest

from mitmachkarte.initiatives import map_query, selectors
from mitmachkarte.initiatives.filters import InitiativeFilter
from mitmachkarte.initiatives.map_index import get_index
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.usefixtures("reference_data")

CATEGORIES = ["repair", "gardening-nature", "food", "energy-climate"]


@pytest.fixture
def scattered(db):
    """Fifty balcony power plants around the centre, the other kinds kilometres away: mixed
    categories must reach beyond the nearest candidates."""
    rng = random.Random(7)
    for n in range(60):
        near = n < 50
        spread = 0.004 if near else 0.06
        InitiativeFactory(
            name=f"Initiative {n:02}",
            latitude=51.46 + rng.uniform(-spread, spread),
            longitude=7.24 + rng.uniform(-spread, spread),
            categories=["energy-climate" if near else rng.choice(CATEGORIES[:3])],
        )


@pytest.mark.parametrize("varied", [False, True])
def test_pages_equal_the_full_order(scattered, monkeypatch, varied):
    monkeypatch.setattr(map_query, "NEAREST_CANDIDATES", 4)  # force the candidate path
    monkeypatch.setattr(selectors, "NEAREST_PREFIX", 3)
    flt = InitiativeFilter()
    centre = (51.46, 7.24)
    full_ids, full_dist = get_index().nearest(flt, *centre, varied=varied)
    lazy = selectors.NearestMatches(flt, *centre, varied=varied)
    assert len(lazy) == len(full_ids) == 60
    for start in (0, 5, 17, 40):
        assert lazy[start : start + 10] == full_ids[start : start + 10]
    assert lazy[59] == full_ids[59]
    assert lazy.distances == pytest.approx(dict(zip(full_ids, full_dist, strict=True)))
