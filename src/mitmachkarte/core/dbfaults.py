"""Database faults: which errors mean "the database cannot answer", and failing fast.

A database that is down, or accepts connections but never answers, must not hold every
worker for the whole worker timeout. PostgreSQL connections therefore have a connect and a
statement timeout (settings), and after a failed connection attempt this process answers
from what it has (static files, the embed's stale copies, cached API answers) or with a 503
for `DATABASE_RETRY_AFTER` seconds, without trying again (`Breaker`). The first request
after that tries again, so recovery needs no restart.
"""

import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError


def is_database_fault(exc: BaseException | None) -> bool:
    """Unreachable, hung, timed out or locked: worth a 503 with Retry-After, not a 500."""
    return isinstance(exc, OperationalError | InterfaceError)


def retry_after_seconds() -> int:
    return max(1, int(getattr(settings, "DATABASE_RETRY_AFTER", 5)))


class Breaker:
    """Per process: after a failed connection attempt, further attempts fail at once for a
    few seconds. Every worker learns on its own (one connect timeout each)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until: dict[str, float] = {}

    def check(self, alias: str) -> float:
        """Seconds until the next attempt is allowed (0: go ahead)."""
        with self._lock:
            return max(0.0, self._open_until.get(alias, 0.0) - time.monotonic())

    def failed(self, alias: str) -> None:
        with self._lock:
            self._open_until[alias] = time.monotonic() + retry_after_seconds()

    def succeeded(self, alias: str) -> None:
        with self._lock:
            self._open_until.pop(alias, None)


breaker = Breaker()
