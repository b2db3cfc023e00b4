"""The published entries of the map index, ordered by one cell key, with their id lookup.

The cluster grid of zoom z has cells of CELL_PX screen pixels; a cell of zoom z is exactly
four of zoom z+1. Each entry's key interleaves the bits of its cell's column and row at
MAX_ZOOM (a Morton code), so the cell of any coarser zoom is a prefix of the key
(`key >> 2 * (MAX_ZOOM - z)`): in key order every cell of every zoom is one contiguous
range, found by binary search. The keys are stored once; nothing is recomputed per request.

A store is never changed once built: `apply` returns a new one sharing nothing mutable, so
a request holding the old store reads a consistent state while another thread swaps it.
"""

import math

import numpy as np

CELL_PX = 60  # cluster grid cell, in screen pixels at the requested zoom
MAX_ZOOM = 18  # finer grids would separate points a few centimetres apart
COVER_SPAN = 6  # a bbox is looked up as at most COVER_SPAN² cell ranges
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


def _moved(positions: np.ndarray, gone: np.ndarray, inserted: np.ndarray) -> np.ndarray:
    """Old positions made new: minus the removed ones before, plus those inserted before
    (`inserted`: old positions the new rows go in front of)."""
    if len(gone) + len(inserted) > 16:
        return (
            positions
            - np.searchsorted(gone, positions)
            + np.searchsorted(np.sort(inserted), positions, side="right")
        )
    moved = positions.copy()
    for g in gone:  # a few passes over the array beat a binary search per entry
        moved -= positions > g
    for q in inserted:
        moved += positions >= q
    return moved


class EntryStore:
    """Columns of the published entries in (key, id) order, and positions by id."""

    def __init__(self, columns: dict[str, np.ndarray], id_sorted=None, id_pos=None):
        for name in FIELDS:
            setattr(self, name, columns[name])
        if id_sorted is None:
            id_pos = np.argsort(self.ids, kind="stable").astype(np.int64)
            id_sorted = self.ids[id_pos]
        self.id_sorted, self.id_pos = id_sorted, id_pos

    @classmethod
    def build(cls, columns: dict[str, np.ndarray]) -> "EntryStore":
        columns = dict(columns, key=keys_of(columns["lat"], columns["lon"]))
        order = np.lexsort((columns["ids"], columns["key"]))
        return cls({name: columns[name][order] for name in FIELDS})

    def __len__(self) -> int:
        return len(self.ids)

    def positions(self, ids) -> np.ndarray:
        """Positions (ascending) of those of `ids` that are in the store."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(self.ids) or not len(ids):
            return np.zeros(0, dtype=np.int64)
        at = np.clip(np.searchsorted(self.id_sorted, ids), 0, len(self.ids) - 1)
        return np.sort(self.id_pos[at[self.id_sorted[at] == ids]])

    def rank_of(self, pk) -> float | None:
        pos = self.positions([pk])
        return float(self.name_rank[pos[0]]) if len(pos) else None

    def in_ranges(self, ranges: np.ndarray) -> np.ndarray:
        """Positions of the entries whose keys fall into the [lo, hi) ranges."""
        starts = np.searchsorted(self.key, ranges[:, 0])
        ends = np.searchsorted(self.key, ranges[:, 1])
        return expand(starts, ends)

    def in_cells(self, cells: np.ndarray, zoom: int) -> np.ndarray:
        shift = shift_of(zoom)
        return self.in_ranges(np.stack([cells << shift, (cells + 1) << shift], axis=1))

    def apply(self, touched, fresh: dict[str, np.ndarray]):
        """A new store without the entries `touched` had, with the `fresh` rows (some of
        them, re-read: those still published) instead; the removed positions (here) and
        the placed ones (there)."""
        gone = self.positions(np.fromiter(touched, dtype=np.int64))
        fresh = dict(fresh, key=keys_of(fresh["lat"], fresh["lon"]))
        order = np.lexsort((fresh["ids"], fresh["key"]))
        fresh = {name: fresh[name][order] for name in FIELDS}
        # Where each fresh row goes, counted in the old arrays: (key, id) order.
        left = np.searchsorted(self.key, fresh["key"], side="left")
        right = np.searchsorted(self.key, fresh["key"], side="right")
        before = np.array(
            [
                lo + np.searchsorted(self.ids[lo:hi], pk)
                for lo, hi, pk in zip(left, right, fresh["ids"], strict=True)
            ],
            dtype=np.int64,
        )
        # The new arrays are slices of the old ones with fresh rows between: one copy each.
        events = sorted(
            [(int(q), 0, j) for j, q in enumerate(before)] + [(int(g), 1, -1) for g in gone]
        )
        pieces, cursor, length, placed = [], 0, 0, []
        for at, removal, j in events:
            pieces.append((cursor, at))
            length += at - cursor
            if removal:
                cursor = at + 1
            else:
                pieces.append(j)
                placed.append(length)
                length += 1
                cursor = at
        pieces.append((cursor, len(self)))
        placed = np.array(placed, dtype=np.int64)
        columns = {
            name: np.concatenate(
                [
                    getattr(self, name)[p[0] : p[1]]
                    if isinstance(p, tuple)
                    else fresh[name][p : p + 1]
                    for p in pieces
                ]
            ).astype(getattr(self, name).dtype, copy=False)
            for name in FIELDS
        }
        # The id lookup follows the moves: no new sort of all ids.
        id_pos = _moved(self.id_pos, gone, before)
        fresh_ids = fresh["ids"]
        if np.array_equal(np.sort(self.ids[gone]), np.sort(fresh_ids)):
            id_sorted = self.id_sorted  # the same entries, elsewhere: shared
            id_pos[np.searchsorted(id_sorted, fresh_ids)] = placed
        else:
            dropped = np.searchsorted(self.id_sorted, self.ids[gone])
            id_sorted = np.delete(self.id_sorted, dropped)
            id_pos = np.delete(id_pos, dropped)
            by_id = np.argsort(fresh_ids, kind="stable")
            where = np.searchsorted(id_sorted, fresh_ids[by_id])
            id_sorted = np.insert(id_sorted, where, fresh_ids[by_id])
            id_pos = np.insert(id_pos, where, placed[by_id])
        return EntryStore(columns, id_sorted, id_pos), gone, placed
