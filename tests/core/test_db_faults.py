"""While the database is down: stale answers with their ETag, frameable embed, German 503."""

import json
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client

from mitmachkarte.core.dbfaults import Breaker
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@contextmanager
def database_down():
    """Every query fails as it does when PostgreSQL is unreachable or timed out."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection timeout expired")

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def entry(reference_data):
    return InitiativeFactory(name="Repair Café Stale", municipality=MunicipalityFactory())


def test_cached_api_answer_is_served_with_its_etag_while_the_database_is_down(visitor, entry):
    fresh = visitor.get("/api/v1/initiatives", {"q": "stale"})
    assert fresh.status_code == 200 and fresh.json()["count"] == 1
    with database_down():
        stale = visitor.get("/api/v1/initiatives", {"q": " stale ", "x": "1"})
        assert stale.status_code == 200
        assert stale.content == fresh.content and stale["ETag"] == fresh["ETag"]
        revalidated = visitor.get(
            "/api/v1/initiatives", {"q": "stale"}, HTTP_IF_NONE_MATCH=fresh["ETag"]
        )
        assert revalidated.status_code == 304
        unknown = visitor.get("/api/v1/initiatives", {"q": "never asked"})
    assert unknown.status_code == 503
    assert unknown.json()["detail"] and int(unknown["Retry-After"]) >= 1


def test_embed_keeps_being_served_while_the_database_is_down(visitor, entry):
    fresh = visitor.get("/embed/", {"list": "0"})
    assert fresh.status_code == 200
    data = visitor.get("/embed/data.geojson")
    assert data.status_code == 200
    with database_down():
        stale = visitor.get("/embed/", {"list": "0", "utm_source": "rathaus"})
        assert stale.status_code == 200 and stale.content == fresh.content
        assert "X-Frame-Options" not in stale
        assert "frame-ancestors *" in stale["Content-Security-Policy"]
        assert stale["ETag"] == fresh["ETag"]
        assert visitor.get("/embed/data.geojson").content == data.content
        script = visitor.get("/embed/embed.js")
        assert script.status_code == 200  # needs no database at all
        other = visitor.get("/embed/", {"kommune": "nirgendwo"})
    assert other.status_code == 503
    assert "X-Frame-Options" not in other
    assert "frame-ancestors *" in other["Content-Security-Policy"]
    assert "Vorübergehend nicht erreichbar" in other.content.decode()


def test_other_pages_answer_a_short_german_503(visitor, entry):
    with database_down():
        page = visitor.get("/veranstaltungen/")
        api = visitor.get("/api/v1/events")
    assert page.status_code == 503 and int(page["Retry-After"]) >= 1
    assert "Vorübergehend nicht erreichbar" in page.content.decode()
    assert page["Content-Type"].startswith("text/html")
    assert api.status_code == 503 and json.loads(api.content)["detail"]


def test_health_reports_the_database_down(visitor):
    with database_down():
        response = visitor.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["database"]["ok"] is False


def test_breaker_opens_after_a_failure_and_closes_after_the_pause(settings, monkeypatch):
    settings.DATABASE_RETRY_AFTER = 5
    now = [1000.0]
    monkeypatch.setattr("mitmachkarte.core.dbfaults.time.monotonic", lambda: now[0])
    breaker = Breaker()
    assert breaker.check("default") == 0
    breaker.failed("default")
    assert breaker.check("default") == 5
    now[0] += 5.1
    assert breaker.check("default") == 0  # the next request tries again: no restart needed
    breaker.failed("default")
    breaker.succeeded("default")
    assert breaker.check("default") == 0
