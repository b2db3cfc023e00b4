"""Server-side clustering over an in-process index of the published initiatives.

Each worker keeps the published entries as numpy arrays ordered by a cell key (map_store)
and counts per grid cell for the wider zooms (map_cells); map_query answers from them.
The index follows the map's data version (map_changes), read once per request: when it is
behind, the entries the change log names are re-read and replaced; when the log cannot say
(too far behind, pruned, a bulk write), a full build runs instead. Small indexes catch up
inside the request (milliseconds). Large ones catch up in a background thread while the old
index keeps answering, and the new one takes over when it is done: no request waits for a
write of someone else (every worker applies every edit: ~2 ms of CPU at a million entries,
as the store appends rows instead of copying its columns, see map_store). A request that
wrote to the map itself still waits, so that it reads its own write.

`get_index()` is the ready index for the current version; `warm_index()` makes it now
(before serving, e.g. in gunicorn's master before the workers fork).
"""

import logging
import sys
import threading

from django.db import connection

from mitmachkarte.core.versions import answered_behind

from . import map_changes
from .map_query import MapIndex, MapResult
from .map_store import CELL_PX, MAX_ZOOM

__all__ = [
    "CELL_PX",
    "MAX_FEATURES",
    "MAX_ZOOM",
    "POINTS_UP_TO",
    "MapIndex",
    "MapResult",
    "drop_index",
    "get_index",
    "warm_index",
]

logger = logging.getLogger(__name__)

MAX_FEATURES = 2000
POINTS_UP_TO = 400  # at or below this many matches, send points (the client clusters them)
VARIETY_METRES = 300  # so that the very nearest entries do not all win regardless of category
VARIETY_WEIGHT = 0.7
# While a catch-up runs beside a request, the two take turns this often (seconds; Python's
# default is 0.005): the request's few milliseconds are not stretched by the thread's.
CATCH_UP_SWITCH_INTERVAL = 0.0005
MAX_APPLY_IDS = 500  # more changed entries than this since the index's version: rebuild
SYNC_BELOW = 20_000  # smaller indexes catch up inside the request (a few milliseconds)

_lock = threading.RLock()
_index: MapIndex | None = None
_generation = 0  # drop_index() makes a rebuild that is still running worthless
_catching_up: threading.Thread | None = None


def build(version: int) -> MapIndex:
    return MapIndex.build(version)


def _caught_up(index: MapIndex, version: int) -> MapIndex | None:
    """`index` brought to `version` through the change log, or None."""
    if index.version > version:  # the data went back (a restored database): start over
        return None
    touched = map_changes.since(index.version, version, limit=MAX_APPLY_IDS)
    return None if touched is None else index.apply(version, touched)


def get_index() -> MapIndex:
    """The index for the current map data version (or, while a large index catches up in
    the background, the previous one)."""
    global _index
    version = map_changes.current()
    index = _index
    if index is not None and index.version == version:
        return index
    with _lock:
        index = _index
        if index is None:
            _index = build(version)
            return _index
        if index.version == version:
            return index
        if len(index.store) >= SYNC_BELOW and not map_changes.wrote_in_request():
            _start_catch_up()
            answered_behind()
            return index
        newer = _caught_up(index, version)
        if newer is None and len(index.store) < SYNC_BELOW:
            newer = build(version)
        if newer is not None:
            _index = newer
            return newer
        _start_catch_up()
        answered_behind()
        return index


def warm_index() -> MapIndex:
    """Build or update this process's index for the current version now (idempotent)."""
    global _index
    version = map_changes.current()
    with _lock:
        index = _index
        if index is not None and index.version == version:
            return index
        newer = _caught_up(index, version) if index is not None else None
        _index = newer if newer is not None else build(version)
        return _index


def drop_index() -> None:
    global _index, _generation
    with _lock:
        _index = None
        _generation += 1


def catching_up() -> bool:
    thread = _catching_up
    return thread is not None and thread.is_alive()


def _start_catch_up() -> None:
    global _catching_up
    if catching_up():
        return
    _catching_up = threading.Thread(
        target=_catch_up, args=(_generation,), name="map-index-catch-up", daemon=True
    )
    _catching_up.start()


def _catch_up(generation: int) -> None:
    """Apply the change log to the index, or build it anew when the log cannot say."""
    global _index
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, CATCH_UP_SWITCH_INTERVAL))
    try:
        version = map_changes.current()
        index = _index
        fresh = _caught_up(index, version) if index is not None else None
        if fresh is None:
            fresh = build(version)
        with _lock:
            if generation == _generation and (_index is None or fresh.version >= _index.version):
                _index = fresh
    except Exception:
        logger.exception("map index: catching up failed; the old index keeps answering")
    finally:
        sys.setswitchinterval(interval)
        connection.close()
