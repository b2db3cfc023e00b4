"""Pages and API answers are gzip-compressed, and conditional GETs still answer 304."""

import gzip
import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from mitmachkarte.core.compression import CompressionMiddleware
from mitmachkarte.core.http import private
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def entries(reference_data):
    return [
        InitiativeFactory(name=f"Repair Café {i}", latitude=51.4 + i / 100, longitude=7.2)
        for i in range(12)
    ]


def test_map_api_answer_is_compressed_and_its_weak_etag_answers_304(client, entries):
    url = "/api/v1/map?zoom=8"
    first = client.get(url, **GZIP)
    assert first.status_code == 200
    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    assert json.loads(gzip.decompress(first.content))["count"] == 12
    etag = first["ETag"]
    assert etag.startswith('W/"')
    # From the API cache (a stored answer), compressed again.
    second = client.get(url, **GZIP)
    assert second["Content-Encoding"] == "gzip"
    assert gzip.decompress(second.content) == gzip.decompress(first.content)
    again = client.get(url, HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert again.status_code == 304
    assert again.content == b""
    # A client without gzip gets the plain body, and the same validator works for it.
    plain = client.get(url)
    assert "Content-Encoding" not in plain
    assert json.loads(plain.content)["count"] == 12
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_map_api_etag_after_a_change_no_longer_matches(client, entries):
    url = "/api/v1/map?zoom=8"
    etag = client.get(url, **GZIP)["ETag"]
    InitiativeFactory(name="Neu", latitude=51.5, longitude=7.3)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag, **GZIP)
    assert changed.status_code == 200
    assert json.loads(gzip.decompress(changed.content))["count"] == 13


def test_pages_are_compressed(client, entries):
    response = client.get("/", **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert b"Repair Caf" in gzip.decompress(response.content)


def test_html_with_an_etag_is_compressed_and_answers_304(client, entries):
    first = client.get("/embed/", **GZIP)
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    assert client.get("/embed/", HTTP_IF_NONE_MATCH=first["ETag"], **GZIP).status_code == 304


def _through_middleware(decorator, content_type="text/html; charset=utf-8"):
    def view(_request):
        return HttpResponse("<p>" + "secret and echo " * 100 + "</p>", content_type=content_type)

    return CompressionMiddleware(decorator(view))(RequestFactory().get("/", **GZIP))


def test_binary_answers_and_pages_with_secret_urls_stay_uncompressed():
    assert _through_middleware(lambda v: v)["Content-Encoding"] == "gzip"
    assert not _through_middleware(lambda v: v, "image/jpeg").has_header("Content-Encoding")
    assert not _through_middleware(private).has_header("Content-Encoding")
