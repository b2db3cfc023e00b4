"""Per-process readiness: what a web process must have in memory before it takes traffic.

Apps register a warm-up at start (`register`, in their AppConfig.ready); the initiatives app
registers its map index, which takes tens of seconds of CPU at a million entries. The gunicorn
hooks (mitmachkarte.gunicorn_conf) call `warm_up()` in the master before it forks and in
every worker before it accepts a connection; `GET /healthz/ready` (core.health) answers 503
until this process has warmed up. A process that nobody warmed (another WSGI server) starts
its warm-up in the background on the first readiness probe, so it still turns ready.
"""

import logging
import threading
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)

_warmers: dict[str, Callable[[], object]] = {}
_ready: set[str] = set()
_lock = threading.Lock()  # one warm-up at a time in a process
_starting = threading.Lock()  # not _lock: a probe must not wait for a running warm-up
_background: threading.Thread | None = None


def register(name: str, warm: Callable[[], object]) -> None:
    """`warm()` builds what `name` needs in memory; it may be called again (cheap then)."""
    _warmers[name] = warm


def warm_up() -> dict[str, float]:
    """Run every warm-up of this process; returns the seconds each took."""
    took = {}
    with _lock:
        for name, warm in list(_warmers.items()):
            start = time.perf_counter()
            warm()
            took[name] = round(time.perf_counter() - start, 3)
            _ready.add(name)
    logger.info("warm-up done: %s", took)
    return took


def pending() -> list[str]:
    """The registered warm-ups this process has not finished yet."""
    return sorted(set(_warmers) - _ready)


def is_ready() -> bool:
    return not pending()


def warm_up_in_background() -> bool:
    """Start `warm_up` in a thread unless one runs; False if it was running already."""
    global _background
    with _starting:
        if _background is not None and _background.is_alive():
            return False
        _background = threading.Thread(target=_warm_up_logged, name="warm-up", daemon=True)
        _background.start()
        return True


def _warm_up_logged() -> None:
    try:
        warm_up()
    except Exception:  # the next probe starts another attempt
        logger.exception("warm-up failed")
    finally:
        from django.db import connections

        connections.close_all()  # this thread's own connections


def forget() -> None:
    """This process is cold again (tests; a worker whose index was dropped)."""
    _ready.clear()
