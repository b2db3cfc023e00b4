"""The database task queue (django-tasks-db): worker ids, stuck tasks, backlog.

django-tasks-db marks a task RUNNING when a worker claims it and SUCCESSFUL or FAILED when
it ends; a worker killed in between (SIGKILL, power loss, OOM) leaves it RUNNING for ever,
because workers only pick READY tasks. `recover_stale_tasks` puts such tasks back: at once
when their worker ran on this host and its process is gone (our worker ids carry host and
process id), after `STALE_AFTER` when the worker ran elsewhere. `db_worker` does it when it
starts, the scheduler every few minutes. Tasks must therefore be safe to run twice: mails are
(`core.mail_delivery`), and the periodic tasks are idempotent.
"""

import logging
import os
import socket
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# Far longer than any of our tasks runs (a mail: a few SMTP round trips of EMAIL_TIMEOUT).
STALE_AFTER = timedelta(minutes=30)
# A worker refreshes its heartbeat this often (seconds), from a thread, even while a task runs.
HEARTBEAT_SECONDS = 10


def _host() -> str:
    return socket.gethostname()[:40].replace(":", "-")


def new_worker_id() -> str:
    """host:pid:random (at most 64 characters, as django-tasks-db requires)."""
    return f"{_host()}:{os.getpid()}:{get_random_string(8)}"


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


def worker_is_gone(worker_id: str) -> bool:
    """True only when the worker certainly died: it ran on this host and its process is gone."""
    host, _, rest = worker_id.partition(":")
    pid = rest.partition(":")[0]
    if host != _host() or not pid.isdecimal() or int(pid) == os.getpid():
        return False
    return _process_gone(int(pid))


def recover_stale_tasks(*, now: datetime | None = None) -> int:
    """Put RUNNING tasks of dead or long-silent workers back in the queue; returns how many."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    recovered = 0
    alive = set(live_workers(now=now))
    silent_since = now - worker_silence()
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    for pk, started_at, worker_ids in running.values_list("pk", "started_at", "worker_ids"):
        worker = worker_ids[-1] if worker_ids else ""
        stale = started_at is None or started_at < now - STALE_AFTER
        # A worker on another host that stopped beating is gone too (its heartbeat thread
        # runs even during a long task).
        silent = worker not in alive and started_at < silent_since if started_at else False
        if not (worker_is_gone(worker) or stale or silent):
            continue
        # Conditional: a worker that finishes it meanwhile wins, nothing runs twice from here.
        recovered += DBTaskResult.objects.filter(
            pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
        ).update(status=TaskResultStatus.READY)
    return recovered


def backlog(*, now: datetime | None = None) -> dict:
    """Tasks waiting to run now and how long the oldest has waited, in seconds (/healthz).

    A task waits from its enqueueing, or from its `run_after` when it was delayed (a retry
    with backoff is not late before its time).
    """
    from django.db.models import Case, Count, F, Min, When
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    waiting_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after")
    )
    found = DBTaskResult.objects.ready().aggregate(count=Count("pk"), oldest=Min(waiting_since))
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count()
    oldest = found["oldest"]
    return {
        "ready": found["count"],
        "running": running,
        "oldest_age_seconds": max(0.0, (now - oldest).total_seconds()) if oldest else 0.0,
    }


def worker_silence() -> timedelta:
    return timedelta(seconds=settings.TASK_WORKER_SILENCE)


def beat(worker_id: str, *, started_at: datetime) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"started_at": started_at, "seen_at": timezone.now()}
    )


def forget(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def live_workers(*, now: datetime | None = None) -> list[str]:
    """Ids of the workers seen within TASK_WORKER_SILENCE seconds."""
    since = (now or timezone.now()) - worker_silence()
    return list(
        WorkerHeartbeat.objects.filter(seen_at__gte=since).values_list("worker_id", flat=True)
    )


def start_heartbeat(worker_id: str) -> threading.Event:
    """Beat now and then every HEARTBEAT_SECONDS from a daemon thread; set the returned event
    to stop. The thread has its own database connection."""
    started_at = timezone.now()
    beat(worker_id, started_at=started_at)
    stop = threading.Event()

    def run():
        try:
            while not stop.wait(HEARTBEAT_SECONDS):
                try:
                    beat(worker_id, started_at=started_at)
                except DatabaseError:  # the database is away: beat again next time
                    logger.warning("task worker heartbeat failed", exc_info=True)
                finally:
                    close_old_connections()
        finally:
            connection.close()

    threading.Thread(target=run, name="heartbeat", daemon=True).start()
    return stop
