"""The map's data version and its change log: which entries each map-relevant write touched.

Only what the map index holds counts (status, position, name, municipality, categories,
SDGs, tags, deletes): a confirmation or a new description leaves the map's version alone,
so no worker touches its index for it. The general version `initiatives` (API caches,
exports) still counts every change (signals.mark_changed).

A writer calls `record(ids)` inside its transaction: the map's version goes up by one and
the ids are logged under the new version, both committed or rolled back with the write.
A worker that is behind reads the log since its version (`since`) and re-reads only those
entries. Old rows are pruned on write, every PRUNE_EVERY versions; a worker further behind
than the log reaches rebuilds instead.
"""

import threading
from collections.abc import Iterable

from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import F

from mitmachkarte.core.models import DataVersion
from mitmachkarte.core.versions import current_version

from .models import MapChange

MAP_VERSION_NAME = "initiatives-map"
LOG_KEEP = 10_000  # versions of log kept; a worker further behind rebuilds
PRUNE_EVERY = 100
REBUILD = None  # the id logged when the writer cannot name the entries

_memo = threading.local()


def _bump() -> int:
    updated = DataVersion.objects.filter(name=MAP_VERSION_NAME).update(version=F("version") + 1)
    if not updated:
        DataVersion.objects.get_or_create(name=MAP_VERSION_NAME, defaults={"version": 0})
        DataVersion.objects.filter(name=MAP_VERSION_NAME).update(version=F("version") + 1)
    return DataVersion.objects.get(name=MAP_VERSION_NAME).version


def record(ids: Iterable[int] | None) -> None:
    """Log a map-relevant change of the entries `ids` (None: of unknown entries)."""
    ids = [REBUILD] if ids is None else sorted({int(i) for i in ids})
    if not ids:
        return
    with transaction.atomic():
        version = _bump()
        MapChange.objects.bulk_create([MapChange(version=version, initiative_id=pk) for pk in ids])
        if version % PRUNE_EVERY == 0:
            MapChange.objects.filter(version__lte=version - LOG_KEEP).delete()
    _memo.version = None  # a read later in this request sees the write
    _memo.wrote = True


def wrote_in_request() -> bool:
    """Whether this request (or, outside one, this thread) changed the map."""
    return getattr(_memo, "wrote", False)


def current() -> int:
    """The map's data version, read once per request (and on every call outside one)."""
    version = getattr(_memo, "version", None)
    if version is None:
        version = current_version(MAP_VERSION_NAME)
        if getattr(_memo, "in_request", False):
            _memo.version = version
    return version


def since(version: int, upto: int, *, limit: int) -> set[int] | None:
    """Ids touched after `version` up to `upto`; None when the log cannot tell (pruned,
    a bulk write without ids, or more than `limit` rows): then rebuild."""
    rows = list(
        MapChange.objects.filter(version__gt=version, version__lte=upto).values_list(
            "version", "initiative_id"
        )[: limit + 1]
    )
    if len(rows) > limit:
        return None
    if len({v for v, _ in rows}) != upto - version:  # every bump logs at least one row
        return None
    ids = {pk for _, pk in rows}
    if REBUILD in ids:
        return None
    return ids


def _request_started(**_kwargs) -> None:
    _memo.in_request, _memo.version, _memo.wrote = True, None, False


def _request_finished(**_kwargs) -> None:
    _memo.in_request, _memo.version, _memo.wrote = False, None, False


def connect() -> None:
    request_started.connect(_request_started, dispatch_uid="initiatives-map-version-start")
    request_finished.connect(_request_finished, dispatch_uid="initiatives-map-version-end")
