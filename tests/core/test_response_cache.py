"""Cache keys from recognised, normalised parameters only; bounded entries and bodies."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict

from mitmachkarte.api import api
from mitmachkarte.core.response_cache import normalised_query
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def entries() -> int:
    """Stored API answers (not the derived figures kept beside them, core.versions)."""
    return sum(":api:" in key for key in caches["responses"]._cache)


@pytest.fixture
def entry(reference_data):
    return InitiativeFactory(name="Repair Café Keys")


def test_ignored_parameters_create_no_cache_entries(client, entry):
    for n in range(300):
        response = client.get(f"/api/v1/initiatives?q=keys&x={n}")
        assert response.status_code == 200
    assert entries() == 1


def test_spellings_the_api_treats_alike_share_one_entry(client, entry):
    urls = [
        "/api/v1/initiatives?category=repair&category=mobility&sdg=11",
        "/api/v1/initiatives?category=mobility,repair&sdg=11",
        "/api/v1/initiatives?sdg=11&category=Mobility&category=REPAIR,mobility",
        "/api/v1/initiatives?sdg=11&category=repair,mobility&q=&tag=",
    ]
    etags = {client.get(url)["ETag"] for url in urls}
    assert len(etags) == 1 and entries() == 1
    client.get("/api/v1/initiatives?category=repair&sdg=11")
    assert entries() == 2  # a different filter is a different answer


def test_parameters_are_normalised_only_as_far_as_the_api_treats_them_alike():
    spec = {"q": "text", "municipality": "lower", "sdg": "set", "limit": "int"}
    query = QueryDict("limit=007&q=+Fahrrad+&municipality=K%C3%B6ln&sdg=3,1&sdg=1&x=9")
    assert normalised_query(query, spec) == "limit=7&municipality=köln&q=Fahrrad&sdg=1,3"
    # An odd number stays as typed: it gets its own (error) answer, never another's.
    assert normalised_query(QueryDict("limit=%C2%B2"), spec) == "limit=²"
    assert normalised_query(QueryDict("limit="), spec) == "limit="
    assert normalised_query(QueryDict("q=a&q=b"), spec) == "q=b"  # the last, as the API reads


def test_large_bodies_are_not_stored(client, entry, settings):
    settings.API_CACHE_MAX_BODY = 100
    assert client.get("/api/v1/initiatives").status_code == 200
    assert entries() == 0


def test_the_response_cache_is_bounded_per_worker():
    if settings.CACHES["responses"]["BACKEND"].endswith("LocMemCache"):
        assert caches["responses"]._max_entries <= 1000


def _query_params(path: str) -> set[str]:
    schema = api.get_openapi_schema()
    route = path.removeprefix("/api/v1")
    if route.endswith("/"):
        route += "{slug}"
    operation = schema["paths"][f"/api/v1{route}"]["get"]
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}


@pytest.mark.parametrize("path", sorted(settings.API_CACHE_ENDPOINTS))
def test_each_cached_endpoint_declares_exactly_the_parameters_it_reads(path):
    _version, spec = settings.API_CACHE_ENDPOINTS[path]
    assert set(spec) == _query_params(path)
