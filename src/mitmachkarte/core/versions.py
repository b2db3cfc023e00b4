"""Change counters for data sets (see core.models.DataVersion)."""

import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F

from .models import DataVersion

T = TypeVar("T")
_MISSING = object()
_request = threading.local()


def answered_behind() -> None:
    """Say that this request is answered from an in-process state older than the current
    version (an index that catches up in the background): nothing derived in it may be
    stored under the current version, or it would stay stale until the next change."""
    _request.behind = True


def behind() -> bool:
    return getattr(_request, "behind", False)


def new_request(**_kwargs) -> None:
    _request.behind = False


def bump_version(name: str) -> None:
    with transaction.atomic():
        updated = DataVersion.objects.filter(name=name).update(version=F("version") + 1)
        if not updated:
            DataVersion.objects.get_or_create(name=name, defaults={"version": 1})


def current_version(name: str) -> int:
    # Plain SQL: cached API answers read it on every request, and compiling the ORM query
    # took longer than running it (~0.4 of ~1.5 ms of a map answer's overhead).
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    sql = f"SELECT version FROM {table} WHERE name = %s"  # noqa: S608 (names from the model)
    with connection.cursor() as cursor:
        cursor.execute(sql, [name])
        row = cursor.fetchone()
    return row[0] if row else 0


def cached_for_version(name: str, key: str, compute: Callable[[], T], *, timeout=86400) -> T:
    """`compute()`, kept in `caches["responses"]` until the data set `name` changes.

    For derived figures (counts per municipality, a search's number of matches) that cost a
    scan to compute and stay valid exactly as long as the data version: the version is part
    of the key, so a change makes every old entry unreachable in every worker at once.
    """
    full_key = f"v:{name}:{current_version(name)}:{key}"
    store = caches["responses"]
    value = store.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        if not behind():
            store.set(full_key, value, timeout)
    return value
