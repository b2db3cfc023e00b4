"""GET /healthz: JSON for load balancers, 503 when something is down, reads only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mitmachkarte.core import health, taskqueue
from mitmachkarte.core.models import WorkerHeartbeat

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


@pytest.mark.task_queue
def test_an_old_task_backlog_makes_it_503(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.HEALTH_TASK_MAX_AGE = 900
    for _ in range(7):
        DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="x.y",
            backend_name="default",
            run_after=timezone.now() - timedelta(hours=1),
        )
    body = client.get("/healthz").json()
    assert body["tasks"]["ok"] is False and body["tasks"]["backlog"] == 7
    assert body["tasks"]["oldest_age_seconds"] >= 3599


@pytest.mark.task_queue
def test_a_retry_waiting_for_its_time_is_not_late(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.HEALTH_TASK_MAX_AGE = 900
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="x.y",
        backend_name="default",
        run_after=timezone.now() + timedelta(minutes=30),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(hours=2))
    taskqueue.beat("host:1:abc", started_at=timezone.now())
    body = client.get("/healthz").json()
    assert body["tasks"]["ok"] is True and body["tasks"]["backlog"] == 0


@pytest.mark.task_queue
def test_the_queue_is_down_without_a_live_worker(client, settings):
    settings.TASK_WORKER_SILENCE = 60
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["tasks"]["workers"] == 0
    taskqueue.beat("host:1:abc", started_at=timezone.now() - timedelta(hours=1))
    assert client.get("/healthz").json()["tasks"] == {
        "ok": True,
        "backend": "DatabaseBackend",
        "workers": 1,
        "backlog": 0,
        "oldest_age_seconds": None,
    }
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(seconds=61))
    assert client.get("/healthz").status_code == 503
    taskqueue.beat("host:1:abc", started_at=timezone.now())
    taskqueue.forget("host:1:abc")  # a clean stop
    assert client.get("/healthz").status_code == 503


def test_last_scheduler_run_reads_the_newest_start():
    from mitmachkarte.core.models import JobRun

    assert health.last_scheduler_run() is None
    now = timezone.now()
    for minutes, name in ((30, "a"), (5, "b")):
        JobRun.objects.create(
            name=name, slot=now, started_at=now - timedelta(minutes=minutes), runner="h:1"
        )
    assert health.last_scheduler_run() == now - timedelta(minutes=5)
