"""Server-side clustering: exact counts under every filter, bounded size, caching."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitmachkarte.core.geo import Area
from mitmachkarte.initiatives import selectors, services
from mitmachkarte.initiatives.demo import generator
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.map_index import MAX_FEATURES, POINTS_UP_TO, get_index
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.reference import CATEGORIES

pytestmark = pytest.mark.django_db
CATEGORY_SLUGS = [c[0] for c in CATEGORIES]


@pytest.fixture
def entries(reference_data, nrw_municipalities):
    towns = list(Municipality.objects.order_by("ags"))
    created = generator.save(generator.plan(municipalities=towns, count=900, seed=7))
    assert created == 900
    return created


def _sum(payload) -> int:
    return sum(f["properties"].get("count", 1) for f in payload["features"])


def test_country_view_is_clustered_and_counts_add_up(client, entries):
    payload = client.get("/api/v1/map", {"bbox": "5,47,15,55", "zoom": 6}).json()
    assert payload["clustered"] is True
    assert payload["count"] == 900
    assert _sum(payload) == 900
    assert len(payload["features"]) < 900
    cluster = next(f for f in payload["features"] if f["properties"].get("cluster"))
    west, south, east, north = cluster["properties"]["bounds"]
    lon, lat = cluster["geometry"]["coordinates"]
    assert west <= lon <= east and south <= lat <= north


def test_small_results_come_as_points(client, entries):
    payload = client.get("/api/v1/map", {"zoom": 8, "municipality": "koeln"}).json()
    assert 0 < payload["count"] <= POINTS_UP_TO
    assert payload["clustered"] is False
    assert all("cluster" not in f["properties"] for f in payload["features"])
    assert {f["properties"]["slug"] for f in payload["features"]} == set(
        selectors.filter_initiatives(parse_filter(municipality="koeln")).values_list(
            "slug", flat=True
        )
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    west=st.floats(5.5, 9.5),
    south=st.floats(50.2, 52.6),
    width=st.floats(0.01, 4),
    height=st.floats(0.01, 3),
    zoom=st.integers(0, 18),
    categories=st.lists(st.sampled_from(CATEGORY_SLUGS), max_size=3, unique=True),
    sdgs=st.lists(st.integers(1, 17), max_size=2, unique=True),
    q=st.sampled_from(["", "garten", "koln", "repair cafe", "ab"]),
)
def test_cluster_counts_equal_brute_force(
    entries, west, south, width, height, zoom, categories, sdgs, q
):
    bbox = f"{west},{south},{min(west + width, 180)},{min(south + height, 90)}"
    flt = parse_filter(bbox=bbox, categories=categories, sdgs=[str(s) for s in sdgs], q=q)
    result = get_index().features(flt, zoom=zoom)
    expected = selectors.filter_initiatives(flt).count()
    assert result.count == expected
    assert sum(f["properties"].get("count", 1) for f in result.features) == expected
    assert len(result.features) <= MAX_FEATURES


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    west=st.floats(4.0, 9.5),
    south=st.floats(49.5, 52.6),
    width=st.floats(0.01, 8),
    height=st.floats(0.01, 5),
    zoom=st.integers(0, 11),
    layer=st.one_of(
        st.just({}),
        st.builds(lambda c: {"categories": [c]}, st.sampled_from(CATEGORY_SLUGS)),
        st.builds(lambda n: {"sdgs": [str(n)]}, st.integers(1, 17)),
    ),
)
def test_cell_tables_answer_as_the_entries_do(entries, west, south, width, height, zoom, layer):
    """Whole cells from the tables, edge cells from finer tables and at the deepest level
    from their entries: the same clusters, centres, bounds and points as from the entries."""
    index = get_index()
    flt = parse_filter(bbox=f"{west},{south},{west + width},{south + height}", **layer)
    key = index._layer(flt)
    assert key is not None
    level = min(zoom, index.cells.depth)
    from_cells = index._from_cells(flt, level, key)
    from_entries = index._from_entries(flt, level)
    if from_cells is None:  # few matches: points, from the entries
        assert from_entries.count <= POINTS_UP_TO
        return
    assert (from_cells.count, from_cells.bounds) == (from_entries.count, from_entries.bounds)
    assert sorted(map(str, from_cells.features)) == sorted(map(str, from_entries.features))


def test_never_more_than_max_features(client, reference_data, nrw_municipalities):
    towns = list(Municipality.objects.order_by("ags"))
    generator.save(generator.plan(municipalities=towns, count=3000, seed=11))
    payload = client.get("/api/v1/map", {"zoom": 18}).json()
    assert payload["count"] == 3000
    assert len(payload["features"]) <= MAX_FEATURES
    assert _sum(payload) == 3000


def test_edit_invalidates_cache_and_etag(client, entries):
    params = {"zoom": 8, "q": "neuer name"}
    first = client.get("/api/v1/map", params)
    assert first.json()["count"] == 0
    etag = first.headers["ETag"]
    assert "max-age" in first.headers["Cache-Control"]
    assert client.get("/api/v1/map", params, HTTP_IF_NONE_MATCH=etag).status_code == 304

    initiative = selectors.published().first()
    initiative.name = "Neuer Name"
    initiative.save()
    services.refresh_derived_fields(initiative=initiative, relocate=False)

    second = client.get("/api/v1/map", params)
    assert second.headers["ETag"] != etag
    assert second.json()["count"] == 1
    assert client.get("/api/v1/map", params, HTTP_IF_NONE_MATCH=etag).status_code == 200
    listing = client.get("/api/v1/initiatives", {"q": "neuer name"}).json()
    assert listing["count"] == 1


def test_unpublishing_removes_from_map(client, entries):
    before = client.get("/api/v1/map", {"zoom": 5}).json()["count"]
    initiative = selectors.published().first()
    initiative.status = "archived"
    initiative.save()
    assert client.get("/api/v1/map", {"zoom": 5}).json()["count"] == before - 1


@pytest.mark.parametrize(
    "params, param",
    [
        ({"zoom": 40}, "zoom"),
        ({"zoom": "x"}, "zoom"),
        ({}, "zoom"),
        ({"zoom": 5, "bbox": "1,2,3"}, "bbox"),
        ({"zoom": 5, "category": "nope"}, "category"),
    ],
)
def test_bad_map_parameters_are_named(client, reference_data, params, param):
    response = client.get("/api/v1/map", params)
    assert response.status_code in (400, 422)
    assert param in response.json()["detail"]


@pytest.mark.parametrize("slug, at_least", [("koeln", 5), ("bochum", 1), ("hellenthal", 0)])
def test_territory_counts_match_between_index_and_sql(entries, slug, at_least):
    town = Municipality.objects.get(slug=slug)
    flt = replace(parse_filter(), area=Area(town.boundary))
    expected = selectors.filter_initiatives(flt).count()
    assert expected >= at_least
    result = get_index().features(flt, zoom=10)
    assert result.count == expected
    assert sum(f["properties"].get("count", 1) for f in result.features) == expected


def test_points_name_their_category_in_the_visitors_language(client, reference_data):
    """The category's name is kept per language with the index (map_views): each language
    gets its own, in any order."""
    from mitmachkarte.taxonomy.models import Category
    from tests.factories import InitiativeFactory

    InitiativeFactory(latitude=51.2, longitude=7.1, categories=["repair"])
    repair = Category.objects.get(slug="repair")
    assert repair.name_de != repair.name_en
    for language, name in (("en", repair.name_en), ("de", repair.name_de), ("en", repair.name_en)):
        payload = client.get(
            "/api/v1/map",
            {"zoom": 12, "bbox": "7,51.1,7.2,51.3"},
            HTTP_ACCEPT_LANGUAGE=language,
        ).json()
        (feature,) = payload["features"]
        assert feature["properties"]["category"] == "repair"
        assert feature["properties"]["category_name"] == name
