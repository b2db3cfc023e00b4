"""gunicorn settings of the web process (deploy/Procfile, systemd unit):

    gunicorn mitmachkarte.wsgi -c python:mitmachkarte.gunicorn_conf

deploy/Procfile and the systemd unit run exactly that; every value comes from an environment
variable with a safe default (docs/operations.md, "Start and readiness").

Why hooks: each worker answers the map from an in-process index of all published entries,
which takes tens of seconds of CPU at a million entries. Built inside a request, it held the
request past gunicorn's timeout, the worker was killed and restarted, and killed again. Now:
- with `preload_app` (default) the master loads the app and builds the index *before it
  binds the port and forks*: the workers inherit it copy-on-write and answer at once, the
  master is not subject to the worker timeout, and until it listens a balancer's probe is
  refused (not ready);
- every worker, before it accepts its first connection (post_worker_init), warms up again:
  cheap when the inherited index is current, a build when the data changed meanwhile or
  without preload. A thread keeps telling the master that the worker is alive meanwhile, so
  the timeout does not kill it while it builds.
`GET /healthz/ready` answers 503 in a process that has not warmed up (core.readiness).
"""

import gc
import os
import threading
import time
from contextlib import contextmanager


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, "") or default)


bind = f"{os.environ.get('BIND') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}"
workers = _int("WEB_CONCURRENCY", 2)
# Seconds a worker may spend on one request (a warm-up is exempt, see post_worker_init).
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 2)
# Restart a worker after this many requests (0: never); it warms up before it takes traffic.
max_requests = _int("GUNICORN_MAX_REQUESTS", 0)
max_requests_jitter = max_requests // 10
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
# A worker's warm-up is kept alive this long at most; a longer one is hung, the timeout then
# ends it and the master starts another worker.
warmup_timeout = _int("GUNICORN_WARMUP_TIMEOUT", 600)
# Several instances on one host would share gunicorn's control socket (docs/operations.md).
control_socket_disable = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def _warm_up(log) -> None:
    from django.urls import resolve

    from mitmachkarte.core import readiness

    # The URLconf imports every view module: in the master once, not in each first request.
    resolve("/healthz")
    try:
        took = readiness.warm_up()
    except Exception:
        # The database may be down: serve anyway (its faults answer 503, core/dbfaults.py);
        # this process stays unready and tries again on the next readiness probe.
        log.exception("warm-up failed (pid %s)", os.getpid())
        return
    log.info("warm-up done in %s (pid %s)", took, os.getpid())


def on_starting(server) -> None:
    """In the master, after the app was preloaded and before it binds and forks."""
    if not server.cfg.preload_app:
        return
    _warm_up(server.log)
    from django.core.cache import caches
    from django.db import connections

    # Sockets must not be shared with the workers; each opens its own.
    connections.close_all()
    caches.close_all()
    # What the master built stays untouched by the workers' garbage collector, so its pages
    # stay shared between them (copy-on-write) instead of being copied into each.
    gc.collect()
    gc.freeze()


def post_worker_init(worker) -> None:
    """In each worker, before its first request."""
    with _heartbeat(worker):
        _warm_up(worker.log)


@contextmanager
def _heartbeat(worker):
    # The master kills a worker that has not reported for `timeout` seconds; reporting from a
    # thread while the main thread builds keeps a slow warm-up alive, up to warmup_timeout.
    # (gunicorn 27 spares a worker until its first report anyway; older versions did not.)
    stop = threading.Event()
    until = time.monotonic() + warmup_timeout

    def beat() -> None:
        while not stop.wait(max(0.5, worker.timeout / 4)) and time.monotonic() < until:
            worker.notify()

    thread = threading.Thread(target=beat, name="warm-up heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
