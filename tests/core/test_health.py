"""GET /healthz: JSON for load balancers, 503 when something is down, reads only."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mitmachkarte.core import health

pytestmark = pytest.mark.django_db


def test_healthy_answer_lists_every_check(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["database"]["latency_ms"] >= 0
    assert body["cache"]["ok"]
    assert body["tasks"]["ok"] and body["tasks"]["backend"]
    assert set(body["tasks"]) >= {"backlog", "oldest_age_seconds"}
    assert body["scheduler"] == {"ok": True, "last_run": None, "age_seconds": None}
    # No session, no write, never cached.
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "no-store" in response["Cache-Control"]
    assert not [q for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]


def test_a_failing_cache_makes_it_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr("django.core.cache.backends.locmem.LocMemCache.get", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == {"ok": False, "error": "ConnectionError"}


def test_a_stale_scheduler_makes_it_503_when_a_limit_is_set(client, monkeypatch, settings):
    monkeypatch.setattr(health, "last_scheduler_run", lambda: timezone.now() - timedelta(hours=3))
    settings.HEALTH_SCHEDULER_MAX_AGE = 0
    assert client.get("/healthz").status_code == 200  # reported, not judged
    settings.HEALTH_SCHEDULER_MAX_AGE = 3600
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["scheduler"]["age_seconds"] >= 3 * 3600 - 1


def test_an_old_task_backlog_makes_it_503(client, monkeypatch, settings):
    settings.HEALTH_TASK_MAX_AGE = 900
    monkeypatch.setattr(health, "task_backlog", lambda: (7, timezone.now() - timedelta(hours=1)))
    body = client.get("/healthz").json()
    assert body["tasks"]["ok"] is False and body["tasks"]["backlog"] == 7
    assert body["tasks"]["oldest_age_seconds"] >= 3599


def test_last_scheduler_run_tolerates_the_missing_model(monkeypatch):
    monkeypatch.setattr(health, "SCHEDULER_RUN_MODEL", ("core", "NoSuchModel"))
    assert health.last_scheduler_run() is None


def test_last_scheduler_run_reads_the_newest_run(monkeypatch):
    # Any model with a date field stands in for the scheduler's run model.
    from tests.factories import InitiativeFactory

    monkeypatch.setattr(health, "SCHEDULER_RUN_MODEL", ("initiatives", "Initiative"))
    monkeypatch.setattr(health, "SCHEDULER_RUN_FIELD", "created_at")
    newest = InitiativeFactory().created_at
    assert health.last_scheduler_run() == newest


@pytest.mark.skipif(
    not apps.is_installed("django_tasks_db"), reason="the persistent task queue is not installed"
)
def test_backlog_of_the_persistent_queue():
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="x.y",
        backend_name="default",
        run_after=timezone.now() - timedelta(minutes=1),
    )
    count, oldest = health.task_backlog()
    assert count == 1 and oldest <= timezone.now()
