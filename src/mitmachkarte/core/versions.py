"""Change counters for data sets (see core.models.DataVersion)."""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import transaction
from django.db.models import F

from .models import DataVersion

T = TypeVar("T")
_MISSING = object()


def bump_version(name: str) -> None:
    with transaction.atomic():
        updated = DataVersion.objects.filter(name=name).update(version=F("version") + 1)
        if not updated:
            DataVersion.objects.get_or_create(name=name, defaults={"version": 1})


def current_version(name: str) -> int:
    return DataVersion.objects.filter(name=name).values_list("version", flat=True).first() or 0


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
        store.set(full_key, value, timeout)
    return value
