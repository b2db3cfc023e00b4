"""GET /healthz for monitoring, GET /healthz/ready for load balancers (docs/operations.md).

/healthz/ready is about this process only: 200 once it has warmed up (core.readiness: the map
index is built), else 503; no database query, so a balancer may probe it often.

Answers 200 when every check is ok, else 503. Reads only: no session, no database write,
never cached. Each check reports `ok` and what it measured:
- `database`: a `SELECT 1` and its latency;
- `cache`: a read from every cache alias (Redis when REDIS_URL is set);
- `tasks`: the task backend, and with the persistent queue (django-tasks-db) the number of
  runnable tasks and the age of the oldest; not ok above HEALTH_TASK_MAX_AGE seconds (no
  worker running, or too few);
- `scheduler`: the last run of the periodic-jobs scheduler; not ok when older than
  HEALTH_SCHEDULER_MAX_AGE seconds (0: reported, not judged).
"""

import time
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import readiness, taskqueue
from .models import JobRun


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def _failure(exc: Exception) -> dict:
    # The class only: messages may carry host names or credentials of the services.
    return {"ok": False, "error": type(exc).__name__}


def check_database() -> dict:
    start = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure is the answer, not an error of this page
        return _failure(exc)
    return {"ok": True, "latency_ms": _ms(start)}


def check_cache() -> dict:
    start = time.perf_counter()
    try:
        for alias in settings.CACHES:
            caches[alias].get("healthz-probe")
    except Exception as exc:
        return _failure(exc)
    return {"ok": True, "latency_ms": _ms(start)}


def check_tasks() -> dict:
    result = {"ok": True, "backend": settings.TASKS["default"]["BACKEND"].rsplit(".", 1)[-1]}
    if result["backend"] != "DatabaseBackend":  # nothing waits: tasks run at once
        return {**result, "backlog": None, "oldest_age_seconds": None}
    try:
        backlog = taskqueue.backlog()
    except Exception as exc:
        return {**result, **_failure(exc)}
    count = backlog["ready"]
    age = round(backlog["oldest_age_seconds"]) if count else None
    limit = settings.HEALTH_TASK_MAX_AGE
    workers = len(taskqueue.live_workers())
    ok = bool(workers) and (age is None or not limit or age <= limit)
    return {**result, "ok": ok, "workers": workers, "backlog": count, "oldest_age_seconds": age}


def last_scheduler_run() -> datetime | None:
    """When the scheduler last started a job (None before its first run)."""
    return JobRun.objects.order_by("-started_at").values_list("started_at", flat=True).first()


def check_scheduler() -> dict:
    try:
        last = last_scheduler_run()
    except Exception as exc:
        return _failure(exc)
    age = max(0, round((timezone.now() - last).total_seconds())) if last else None
    limit = settings.HEALTH_SCHEDULER_MAX_AGE
    ok = age is None or not limit or age <= limit
    return {"ok": ok, "last_run": last.isoformat() if last else None, "age_seconds": age}


@never_cache
@require_safe
def healthz(request):
    checks = {
        "database": check_database(),
        "cache": check_cache(),
        "tasks": check_tasks(),
        "scheduler": check_scheduler(),
    }
    healthy = all(check["ok"] for check in checks.values())
    body = {"status": "ok" if healthy else "unavailable", **checks}
    return JsonResponse(body, status=200 if healthy else 503)


@never_cache
@require_safe
def ready(request):
    if readiness.is_ready():
        return JsonResponse({"status": "ready"})
    readiness.warm_up_in_background()  # nobody warmed this process up (another server)
    return JsonResponse({"status": "warming", "pending": readiness.pending()}, status=503)
