"""The widget's data: all markers for small sets, server-side cells for large ones."""

import pytest

from mitmachkarte.embed import selectors
from mitmachkarte.initiatives import map_index
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_groups(koeln, monkeypatch):
    monkeypatch.setattr(selectors, "MAX_FEATURES", 3)
    monkeypatch.setattr(map_index, "POINTS_UP_TO", 3)
    cologne = [
        InitiativeFactory(name=f"Köln {n}", latitude=50.94 + n * 0.001, longitude=6.96)
        for n in range(3)
    ]
    muenster = [
        InitiativeFactory(name=f"Münster {n}", latitude=51.96 + n * 0.001, longitude=7.62)
        for n in range(2)
    ]
    lonely = InitiativeFactory(name="Einsam", latitude=52.3, longitude=9.0)
    return cologne, muenster, lonely


def test_feature_shape_matches_the_api(client, koeln):
    InitiativeFactory(name="Repair Café Köln", latitude=50.94, longitude=6.96)
    ours = client.get("/embed/data.geojson").json()
    api = client.get("/api/v1/initiatives.geojson").json()
    assert ours["features"] == api["features"]
    assert ours["complete"] is True and ours["count"] == 1
    assert client.get("/embed/data.geojson")["Content-Type"] == "application/geo+json"


def test_category_names_follow_lang(client, koeln):
    InitiativeFactory(latitude=50.94, longitude=6.96)
    de = client.get("/embed/data.geojson").json()["features"][0]["properties"]
    en = client.get("/embed/data.geojson?lang=en").json()["features"][0]["properties"]
    assert (de["category_name"], en["category_name"]) == ("Reparieren", "Repair")


def test_many_entries_become_cells_and_single_markers(client, two_groups):
    cologne, muenster, lonely = two_groups
    data = client.get("/embed/data.geojson?z=8").json()
    assert data["count"] == 6 and data["complete"] is False and data["clustered"] is True
    cells = {f["properties"]["count"] for f in data["features"] if f["properties"].get("cluster")}
    assert cells == {3, 2}
    singles = [f["id"] for f in data["features"] if not f["properties"].get("cluster")]
    assert singles == [lonely.slug]
    assert sum(f["properties"].get("count", 1) for f in data["features"]) == 6


def test_a_small_view_gets_markers(client, two_groups):
    cologne, _muenster, _lonely = two_groups
    data = client.get("/embed/data.geojson?z=12&view=6.9,50.9,7.0,51.0").json()
    assert data["clustered"] is False and data["complete"] is False
    assert data["in_view"] == 3
    assert {f["id"] for f in data["features"]} == {i.slug for i in cologne}


def test_bad_view_or_zoom_is_ignored(client, two_groups):
    response = client.get("/embed/data.geojson?z=abc&view=nonsense")
    assert response.status_code == 200
    assert response.json()["clustered"] is True


def test_bad_filters_are_reported_not_fatal(client, koeln):
    InitiativeFactory(latitude=50.94, longitude=6.96)
    data = client.get("/embed/data.geojson?kommune=atlantis&sdg=99").json()
    assert data["count"] == 1
    assert len(data["ignored"]) == 2
