"""The outside services some tests need (Redis, PostgreSQL) and what their absence means.

On a developer's machine a missing service skips those tests. Under `CI=true` (.ci/run) the
machine is known to run both, so a missing one fails the test instead of hiding it.
"""

import os
import socket

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=0.5).close()
        return True
    except OSError:
        return False


def redis_reachable() -> bool:
    return reachable("127.0.0.1", 6379)


def postgres_reachable() -> bool:
    return reachable("127.0.0.1", 5432)


def require(service: str, available: bool) -> None:
    """Skip (fail under CI) the calling test when `service` is not available."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{service} is not reachable, and CI=true requires it", pytrace=False)
    pytest.skip(f"{service} is not reachable")


@pytest.fixture
def redis_service():
    require("Redis on 127.0.0.1:6379", redis_reachable())
