"""The initiatives API refuses malformed input clearly; its schema and docs."""

import pytest

from .conftest import API, get

pytestmark = pytest.mark.usefixtures("reference_data")


# Malformed input


BAD_INPUT = [
    ("bbox=7,51,8", "bbox"),
    ("bbox=7,51,8,200", "bbox"),
    ("bbox=7,200,8,51", "bbox"),
    ("bbox=a,b,c,d", "bbox"),
    ("bbox=nan,51,8,52", "bbox"),
    ("bbox=7,51,inf,52", "bbox"),
    ("category=gibt-es-nicht", "category"),
    ("category=repair&category=gibt-es-nicht", "category"),
    ("sdg=18", "sdg"),
    ("sdg=0", "sdg"),
    ("sdg=zwei", "sdg"),
    ("limit=1000000000", "limit"),
    ("limit=0", "limit"),
    ("limit=-5", "limit"),
    ("limit=abc", "limit"),
    ("offset=abc", "offset"),
    ("offset=-1", "offset"),
    ("offset=1.5", "offset"),
    ("q=" + "x" * 201, "q"),
    ("q=%00", "q"),
    ("municipality=k%00ln", "municipality"),
    ("category=rep%00air", "category"),
]


@pytest.mark.parametrize(("query", "param"), BAD_INPUT)
def test_malformed_input_is_a_clear_client_error(client, entries, query, param):
    response = client.get(f"{API}/initiatives?{query}")
    assert response.status_code in (400, 422), response.content
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail.startswith(f"{param}:"), detail


@pytest.mark.parametrize(
    ("query", "param"),
    [q for q in BAD_INPUT if not q[0].startswith("offset")] + [("limit=10001", "limit")],
)
def test_malformed_geojson_input_is_a_clear_client_error(client, entries, query, param):
    response = client.get(f"{API}/initiatives.geojson?{query}")
    assert response.status_code in (400, 422), response.content
    assert response.json()["detail"].startswith(f"{param}:")


@pytest.mark.parametrize("endpoint", ["/initiatives", "/initiatives.geojson"])
@pytest.mark.parametrize("query", ["municipality=atlantis", "municipality=99999999"])
def test_a_municipality_that_does_not_exist_is_not_found(client, entries, endpoint, query):
    response = client.get(f"{API}{endpoint}?{query}")
    assert response.status_code == 404
    assert response.json() == {
        "detail": f"municipality: unknown municipality '{query.split('=')[1]}'",
        "param": "municipality",
    }


def test_a_box_is_two_corners_in_any_order(client, entries):
    ordered = get(client, "/initiatives", bbox="6.9,50.9,7.0,51.0").json()
    assert ordered["count"] == 1
    for corners in ("7.0,51.0,6.9,50.9", "7.0,50.9,6.9,51.0", "6.9,51.0,7.0,50.9"):
        assert get(client, "/initiatives", bbox=corners).json() == ordered


def test_edge_values_are_accepted(client, entries):
    assert get(client, "/initiatives", limit=500).status_code == 200
    assert get(client, "/initiatives", limit=1, offset=0).json()["limit"] == 1
    assert get(client, "/initiatives", bbox="-180,-90,180,90").json()["count"] == 3
    assert get(client, "/initiatives", q="").json()["count"] == 3
    assert get(client, "/initiatives", q="x" * 200).json()["count"] == 0


# Schema and docs


def test_openapi_schema_lists_the_paths(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/initiatives",
        "/initiatives.geojson",
        "/initiatives/{slug}",
        "/categories",
        "/sdgs",
        "/municipalities",
    ):
        assert API + path in paths, path
    params = {p["name"] for p in paths[f"{API}/initiatives"]["get"]["parameters"]}
    assert {"bbox", "q", "category", "sdg", "municipality", "tag", "limit", "offset"} <= params


def test_docs_page(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content
