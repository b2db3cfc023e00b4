"""GET /healthz/ready: 503 until this process has warmed up (its map index built), then 200."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitmachkarte.core import geocoding, readiness
from mitmachkarte.initiatives import map_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def cold(monkeypatch):
    """This process as a fresh worker: nothing warmed up yet."""
    monkeypatch.setattr(readiness, "_ready", set())
    monkeypatch.setattr(readiness, "_background", None)
    map_index.drop_index()
    yield
    # A warm-up a probe started must not outlive the test (and its patched warmers).
    if readiness._background is not None:
        readiness._background.join(10)
    map_index.drop_index()


def test_ready_is_503_while_warming_and_200_after(client, cold, monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(readiness, "_warmers", {"slow thing": lambda: release.wait(10)})

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz/ready")
    assert response.status_code == 503
    assert response.json() == {"status": "warming", "pending": ["slow thing"]}
    assert "no-store" in response["Cache-Control"]
    assert not queries  # cheap enough for a balancer to probe often

    # The probe started the warm-up (nobody else did); a second probe starts no other one.
    started = readiness._background
    assert started is not None and started.is_alive()
    assert client.get("/healthz/ready").status_code == 503
    assert readiness._background is started

    release.set()
    started.join(5)
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


def test_the_map_index_is_what_a_process_warms_up(client, cold, monkeypatch, reference_data):
    monkeypatch.setattr(readiness, "warm_up_in_background", lambda: True)
    assert "map index" in readiness.pending()
    assert client.get("/healthz/ready").status_code == 503
    assert map_index._index is None

    took = readiness.warm_up()

    assert "map index" in took
    assert map_index._index is not None  # built now, not by the first map request
    assert readiness.pending() == []
    assert client.get("/healthz/ready").status_code == 200


def test_the_places_of_the_search_box_are_read_in_the_warm_up(cold, monkeypatch):
    monkeypatch.setattr(readiness, "_warmers", {"places": readiness._warmers["places"]})
    geocoding._gazetteer.cache_clear()
    readiness.warm_up()
    assert geocoding._gazetteer.cache_info().currsize == 1  # not left to the first search


def test_a_failed_warm_up_stays_unready(client, cold, monkeypatch):
    def broken():
        raise ConnectionError("database down")

    monkeypatch.setattr(readiness, "_warmers", {"map index": broken})
    client.get("/healthz/ready")
    readiness._background.join(5)
    assert client.get("/healthz/ready").status_code == 503
