"""The published entries of the map index, ordered by one cell key, with their id lookup.

The cluster grid of zoom z has cells of CELL_PX screen pixels; a cell of zoom z is exactly
four of zoom z+1. Each entry's key interleaves the bits of its cell's column and row at
MAX_ZOOM (a Morton code), so the cell of any coarser zoom is a prefix of the key
(`key >> 2 * (MAX_ZOOM - z)`): in key order every cell of every zoom is one contiguous
range, found by binary search. The keys are stored once; nothing is recomputed per request.

An edit must not copy the store: at a million entries copying its columns took ~10 ms of
CPU in every worker for every edit, enough to hold up the requests beside it. So the rows
of a build stay where they are, in key order; `apply` marks the rows of the touched entries
dead and appends their fresh rows after them (the "tail", in room kept after the rows, kept
in key order by a small index of its own). Reads look up the ordered rows and the tail and
leave out the dead. When the room is used up (TAIL_ROWS), `apply` compacts: one build of
the live rows, in the background thread that applies edits (map_index).

A store never changes once made: a newer store of the same build appends only after the
rows the older ones see, so a request holding the old store reads a consistent state while
another thread swaps it.
"""

import math
import threading

import numpy as np

CELL_PX = 60  # cluster grid cell, in screen pixels at the requested zoom
MAX_ZOOM = 18  # finer grids would separate points a few centimetres apart
COVER_SPAN = 6  # a bbox is looked up as at most COVER_SPAN² cell ranges
TAIL_ROWS = 4096  # rows appended after the ordered ones before a compaction
FIELDS = ("key", "ids", "lat", "lon", "muni", "cats", "sdgs", "first_category", "name_rank")


def mercator(lat, lon):
    """Normalised Web Mercator (0..1, y downwards), as Leaflet's pixel grid at zoom 0."""
    x = (np.asarray(lon, dtype=np.float64) + 180.0) / 360.0
    lat_r = np.radians(np.clip(np.asarray(lat, dtype=np.float64), -85.05112878, 85.05112878))
    y = (1.0 - np.log(np.tan(lat_r) + 1.0 / np.cos(lat_r)) / math.pi) / 2.0
    return x, y


def cell_size(zoom: int) -> float:
    return CELL_PX / (256.0 * 2**zoom)


def _spread(v: np.ndarray) -> np.ndarray:
    v = v.astype(np.int64) & 0xFFFFFFFF
    for shift, mask in (
        (16, 0x0000FFFF0000FFFF),
        (8, 0x00FF00FF00FF00FF),
        (4, 0x0F0F0F0F0F0F0F0F),
        (2, 0x3333333333333333),
        (1, 0x5555555555555555),
    ):
        v = (v | (v << shift)) & mask
    return v


def _squeeze(v: np.ndarray) -> np.ndarray:
    v = v & 0x5555555555555555
    for shift, mask in (
        (1, 0x3333333333333333),
        (2, 0x0F0F0F0F0F0F0F0F),
        (4, 0x00FF00FF00FF00FF),
        (8, 0x0000FFFF0000FFFF),
        (16, 0x00000000FFFFFFFF),
    ):
        v = (v | (v >> shift)) & mask
    return v


def morton(col: np.ndarray, row: np.ndarray) -> np.ndarray:
    return _spread(col) | (_spread(row) << 1)


def unmorton(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return _squeeze(key), _squeeze(key >> 1)


def keys_of(lat, lon) -> np.ndarray:
    x, y = mercator(lat, lon)
    size = cell_size(MAX_ZOOM)
    return morton(np.floor(x / size).astype(np.int64), np.floor(y / size).astype(np.int64))


def shift_of(zoom: int) -> int:
    return 2 * (MAX_ZOOM - zoom)


def bbox_cells(bbox, zoom: int) -> tuple[int, int, int, int]:
    """Columns and rows (first, last) of the cells of `zoom` that the bbox touches."""
    x, y = mercator([bbox.north, bbox.south], [bbox.west, bbox.east])
    size = cell_size(zoom)
    return (
        int(math.floor(x[0] / size)),
        int(math.floor(x[1] / size)),
        int(math.floor(y[0] / size)),
        int(math.floor(y[1] / size)),
    )


def cover(bbox, zoom: int = MAX_ZOOM) -> np.ndarray:
    """Key ranges [lo, hi) (rows) of at most COVER_SPAN² cells covering the bbox, each a
    cell of `zoom` or coarser, merged where adjacent."""
    c0, c1, r0, r1 = bbox_cells(bbox, MAX_ZOOM)
    # One cell of margin: the Mercator formula may round a border point either way.
    c0, r0, c1, r1 = c0 - 1, r0 - 1, c1 + 1, r1 + 1
    shift = MAX_ZOOM - zoom
    while (c1 >> shift) - (c0 >> shift) >= COVER_SPAN or (r1 >> shift) - (r0 >> shift) >= (
        COVER_SPAN
    ):
        shift += 1
    cols = np.arange(max(c0, 0) >> shift, (max(c1, 0) >> shift) + 1)
    rows = np.arange(max(r0, 0) >> shift, (max(r1, 0) >> shift) + 1)
    cells = np.sort(morton(*[a.ravel() for a in np.meshgrid(cols, rows)]))
    lo, hi = cells << (2 * shift), (cells + 1) << (2 * shift)
    joined = np.r_[True, lo[1:] != hi[:-1]]
    starts = np.flatnonzero(joined)
    ends = np.r_[starts[1:], len(lo)] - 1
    return np.stack([lo[starts], hi[ends]], axis=1)


def expand(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """All integers of the ranges [starts, ends), in order."""
    lengths = ends - starts
    keep = lengths > 0
    starts, lengths = starts[keep], lengths[keep]
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.r_[0, np.cumsum(lengths)[:-1]], lengths)
    return np.arange(total, dtype=np.int64) + offsets


class _Columns:
    """The column arrays of one build, with room after its rows for appended ones."""

    def __init__(self, columns: dict[str, np.ndarray], room: int):
        n = len(columns["ids"])
        self.arrays = {}
        for name in FIELDS:
            self.arrays[name] = np.empty(n + room, dtype=columns[name].dtype)
            self.arrays[name][:n] = columns[name]
        self.used = n
        self._lock = threading.Lock()

    def append(self, at: int, rows: dict[str, np.ndarray]) -> bool:
        """Write `rows` at `at` when no other store has appended there and they fit."""
        k = len(rows["ids"])
        with self._lock:
            if at != self.used or at + k > len(self.arrays["ids"]):
                return False
            for name in FIELDS:
                self.arrays[name][at : at + k] = rows[name]
            self.used = at + k
            return True


class EntryStore:
    """The published entries: rows [0, base) in (key, id) order with their id lookup, then
    the appended rows [base, rows); `dead` marks the rows no longer current."""

    def __init__(self, columns: _Columns, rows: int, base: int, id_sorted, id_pos, dead=None):
        self._columns, self.rows, self.base = columns, rows, base
        for name in FIELDS:
            setattr(self, name, columns.arrays[name][:rows])
        self.id_sorted, self.id_pos = id_sorted, id_pos  # of the ordered rows
        self.dead = dead  # bool per row, or None when no row is dead
        self._live = rows - (int(np.count_nonzero(dead)) if dead is not None else 0)
        tail = np.arange(base, rows, dtype=np.int64)
        self._tail_by_key = tail[np.lexsort((self.ids[tail], self.key[tail]))]
        self._tail_by_id = tail[np.argsort(self.ids[tail], kind="stable")]

    @classmethod
    def build(cls, columns: dict[str, np.ndarray]) -> "EntryStore":
        if "key" not in columns:
            columns = dict(columns, key=keys_of(columns["lat"], columns["lon"]))
        order = np.lexsort((columns["ids"], columns["key"]))
        ordered = _Columns({name: columns[name][order] for name in FIELDS}, TAIL_ROWS)
        ids = ordered.arrays["ids"][: len(order)]
        id_pos = np.argsort(ids, kind="stable").astype(np.int64)
        return cls(ordered, len(order), len(order), ids[id_pos], id_pos)

    def __len__(self) -> int:
        return self._live

    def _alive(self, positions: np.ndarray) -> np.ndarray:
        return positions if self.dead is None else positions[~self.dead[positions]]

    def everyone(self) -> np.ndarray:
        """Positions of all live entries, ascending."""
        if self.dead is None:
            return np.arange(self.rows, dtype=np.int64)
        return np.flatnonzero(~self.dead).astype(np.int64)

    def in_key_order(self, positions: np.ndarray) -> np.ndarray:
        """`positions` (those of the ordered rows ascending, as every lookup here gives
        them) in (key, id) order."""
        if not len(positions) or self.rows == self.base or positions.max() < self.base:
            return positions
        appended = positions >= self.base
        more = positions[appended]
        more = more[np.lexsort((self.ids[more], self.key[more]))]
        ordered = positions[~appended]
        where = np.searchsorted(self.key[ordered], self.key[more], side="right")
        return np.insert(ordered, where, more)

    def positions(self, ids) -> np.ndarray:
        """Positions (ascending) of those of `ids` that are in the store."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids) or not self._live:
            return np.zeros(0, dtype=np.int64)
        found = np.zeros(0, dtype=np.int64)
        if len(self.id_sorted):
            at = np.clip(np.searchsorted(self.id_sorted, ids), 0, len(self.id_sorted) - 1)
            found = self.id_pos[at[self.id_sorted[at] == ids]]
        if len(self._tail_by_id):  # an entry edited twice has two appended rows, one dead
            tail_ids = self.ids[self._tail_by_id]
            hits = expand(
                np.searchsorted(tail_ids, ids), np.searchsorted(tail_ids, ids, side="right")
            )
            found = np.concatenate([found, self._tail_by_id[hits]])
        return np.sort(self._alive(found))

    def rank_of(self, pk) -> float | None:
        pos = self.positions([pk])
        return float(self.name_rank[pos[0]]) if len(pos) else None

    def in_ranges(self, ranges: np.ndarray) -> np.ndarray:
        """Positions of the entries whose keys fall into the [lo, hi) ranges: those of the
        ordered rows ascending, then the appended ones in key order."""
        ordered = self.key[: self.base]
        found = expand(
            np.searchsorted(ordered, ranges[:, 0]), np.searchsorted(ordered, ranges[:, 1])
        )
        if len(self._tail_by_key):
            keys = self.key[self._tail_by_key]
            more = expand(np.searchsorted(keys, ranges[:, 0]), np.searchsorted(keys, ranges[:, 1]))
            found = np.concatenate([found, self._tail_by_key[more]])
        return self._alive(found)

    def in_cells(self, cells: np.ndarray, zoom: int) -> np.ndarray:
        shift = shift_of(zoom)
        return self.in_ranges(np.stack([cells << shift, (cells + 1) << shift], axis=1))

    def live_columns(self) -> dict[str, np.ndarray]:
        everyone = self.everyone()
        return {name: getattr(self, name)[everyone] for name in FIELDS}

    def compacted(self) -> "EntryStore":
        """The same entries in a new build: every row in key order, none dead."""
        return EntryStore.build(self.live_columns())

    def apply(self, touched, fresh: dict[str, np.ndarray]):
        """A store without the entries `touched` had, with the `fresh` rows (some of them,
        re-read: those still published) instead; the removed positions (here) and the
        placed ones (there)."""
        gone = self.positions(np.fromiter(touched, dtype=np.int64))
        fresh = dict(fresh, key=keys_of(fresh["lat"], fresh["lon"]))
        order = np.lexsort((fresh["ids"], fresh["key"]))
        fresh = {name: fresh[name][order] for name in FIELDS}
        k = len(fresh["ids"])
        dead_after = (0 if self.dead is None else self.rows - self._live) + len(gone)
        if dead_after <= TAIL_ROWS and self._columns.append(self.rows, fresh):
            dead = np.zeros(self.rows + k, dtype=bool)
            if self.dead is not None:
                dead[: self.rows] = self.dead
            dead[gone] = True
            store = EntryStore(
                self._columns,
                self.rows + k,
                self.base,
                self.id_sorted,
                self.id_pos,
                dead if len(gone) or self.dead is not None else None,
            )
            return store, gone, np.arange(self.rows, self.rows + k, dtype=np.int64)
        # No room (or an older store appended here first): compact, with the fresh rows.
        keep = self.everyone()
        keep = keep[~np.isin(keep, gone)]
        columns = {
            name: np.concatenate([getattr(self, name)[keep], fresh[name]]) for name in FIELDS
        }
        store = EntryStore.build(columns)
        return store, gone, store.positions(fresh["ids"])
