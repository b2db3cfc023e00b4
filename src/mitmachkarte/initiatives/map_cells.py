"""Counts, centres and bounds per grid cell, for the zooms where a view holds many entries.

For each zoom up to AGG_MAX_ZOOM and each layer (all entries; the entries of one category;
those of one SDG) a table holds the non-empty cells in key order with their count, the sums of their
coordinates (in fixed point, so adding and removing entries is exact and equals a fresh
build) and their bounds. A map request without other filters reads the rows of the cells
its bbox covers instead of the entries (map_cut, map_query). Writes update the rows of the cells
they touch: counts and sums by their difference, bounds by the new point, or again from
the cell's entries when a removed point lay on them.
"""

from dataclasses import dataclass

import numpy as np

from .map_store import MAX_ZOOM, EntryStore, expand, shift_of

AGG_MAX_ZOOM = 11  # deeper views hold few entries: read them (map_query), no tables
# A zoom gets tables while its cells are this many times fewer than the entries (else a
# view's entries are few enough to read, and tables would cost more memory than they save).
AGG_RATIO = 16
AGG_MIN_ROWS = 256
SCALE = 1e7  # fixed point of the coordinate sums: 1e-7 degrees (~1 cm)


def fixed(degrees: np.ndarray) -> np.ndarray:
    return np.rint(degrees * SCALE).astype(np.int64)


@dataclass(frozen=True)
class CellLayer:
    cell: np.ndarray  # sorted cell keys of its zoom
    count: np.ndarray
    slat: np.ndarray
    slon: np.ndarray
    west: np.ndarray
    south: np.ndarray
    east: np.ndarray
    north: np.ndarray

    COLUMNS = ("cell", "count", "slat", "slon", "west", "south", "east", "north")

    def __len__(self) -> int:
        return len(self.cell)

    def in_ranges(self, ranges: np.ndarray, zoom: int) -> np.ndarray:
        """Rows of the cells inside the key ranges (cell-aligned at `zoom` or coarser)."""
        shift = shift_of(zoom)
        starts = np.searchsorted(self.cell, ranges[:, 0] >> shift)
        ends = np.searchsorted(self.cell, ranges[:, 1] >> shift)
        return expand(starts, ends)


def aggregate(cells: np.ndarray, lat: np.ndarray, lon: np.ndarray) -> CellLayer:
    """The layer of entries given in cell order."""
    if not len(cells):
        empty_i, empty_f = np.zeros(0, np.int64), np.zeros(0, np.float64)
        return CellLayer(empty_i, empty_i, empty_i, empty_i, *[empty_f] * 4)
    starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]])
    return CellLayer(
        cells[starts],
        np.diff(np.r_[starts, len(cells)]),
        np.add.reduceat(fixed(lat), starts),
        np.add.reduceat(fixed(lon), starts),
        np.minimum.reduceat(lon, starts),
        np.minimum.reduceat(lat, starts),
        np.maximum.reduceat(lon, starts),
        np.maximum.reduceat(lat, starts),
    )


def coarser(layer: CellLayer) -> CellLayer:
    """The same layer one zoom out: four cells make one, in the same order."""
    if not len(layer):
        return layer
    parent = layer.cell >> 2
    starts = np.flatnonzero(np.r_[True, parent[1:] != parent[:-1]])
    return CellLayer(
        parent[starts],
        *[np.add.reduceat(getattr(layer, c), starts) for c in ("count", "slat", "slon")],
        np.minimum.reduceat(layer.west, starts),
        np.minimum.reduceat(layer.south, starts),
        np.maximum.reduceat(layer.east, starts),
        np.maximum.reduceat(layer.north, starts),
    )


ALL = ("", 0)  # the layer of all entries; the others are (store column, bit)


def layer_keys(category_bits: int, sdgs: int = 17) -> list[tuple[str, int]]:
    """All entries, each category, each SDG: the filters a map view has tables for."""
    return (
        [ALL]
        + [("cats", 1 << j) for j in range(category_bits)]
        + [("sdgs", 1 << j) for j in range(sdgs)]
    )


def members(store: EntryStore, key: tuple[str, int], positions: np.ndarray) -> np.ndarray:
    """Those of `positions` in the layer `key`."""
    field, bit = key
    return positions if not bit else positions[(getattr(store, field)[positions] & bit) != 0]


class CellTables:
    """levels[zoom][i]: the cells of the layer keys[i] (keys[0] is ALL)."""

    def __init__(self, levels: list[list[CellLayer]], keys: list[tuple[str, int]]):
        self.levels, self.keys = levels, keys
        self.slot = {key: i for i, key in enumerate(keys)}
        self.depth = len(levels) - 1  # the deepest zoom with tables

    @staticmethod
    def depth_for(store: EntryStore) -> int:
        limit = max(len(store) // AGG_RATIO, AGG_MIN_ROWS)
        for zoom in range(AGG_MAX_ZOOM, 0, -1):
            cells = store.key >> shift_of(zoom)
            if np.count_nonzero(cells[1:] != cells[:-1]) + 1 <= limit:
                return zoom
        return 0

    @classmethod
    def build(cls, store: EntryStore, keys: list[tuple[str, int]]) -> "CellTables":
        depth = cls.depth_for(store)
        everyone = store.in_key_order(store.everyone())
        cells = store.key >> shift_of(depth)
        finest = []
        for key in keys:
            sel = members(store, key, everyone)  # in key order: runs of cells
            finest.append(aggregate(cells[sel], store.lat[sel], store.lon[sel]))
        levels = [finest]
        for _ in range(depth):
            levels.insert(0, [coarser(layer) for layer in levels[0]])
        return cls(levels, keys)

    def layer(self, zoom: int, key: tuple[str, int] = ALL) -> CellLayer:
        return self.levels[zoom][self.slot[key]]

    def updated(
        self, old: EntryStore, gone: np.ndarray, new: EntryStore, placed: np.ndarray
    ) -> "CellTables":
        """The tables after the entries at `gone` (in `old`) left and those at `placed`
        (in `new`) came; untouched layers are shared."""
        levels = [list(layers) for layers in self.levels]
        for index, key in enumerate(self.keys):
            rem, add = members(old, key, gone), members(new, key, placed)
            if not len(rem) and not len(add):
                continue
            for zoom in range(self.depth + 1):
                shift = shift_of(zoom)
                levels[zoom][index] = _changed(
                    levels[zoom][index],
                    zoom,
                    key,
                    (old.key[rem] >> shift, old.lat[rem], old.lon[rem]),
                    (new.key[add] >> shift, new.lat[add], new.lon[add]),
                    new,
                )
        return CellTables(levels, self.keys)


def _moved_inside(layer: CellLayer, removed, added) -> CellLayer | None:
    """The common edit: one entry moved within its cell (at coarse zooms nearly every
    move). Only its sums change, and its bounds if it leaves them; None when the old
    point lay on the bounds (then they come again from the entries, in _changed)."""
    (cell,), (old_lat,), (old_lon,) = removed
    (new_cell,), (new_lat,), (new_lon,) = added
    if cell != new_cell:
        return None
    row = int(np.searchsorted(layer.cell, cell))
    bounds = [float(getattr(layer, side)[row]) for side in ("west", "south", "east", "north")]
    if old_lon in (bounds[0], bounds[2]) or old_lat in (bounds[1], bounds[3]):
        return None
    cols = {c: getattr(layer, c) for c in CellLayer.COLUMNS}
    for column, delta in (("slat", (new_lat, old_lat)), ("slon", (new_lon, old_lon))):
        cols[column] = cols[column].copy()
        cols[column][row] += int(fixed(np.array(delta[:1]))[0] - fixed(np.array(delta[1:]))[0])
    for side, value, outside in (
        ("west", new_lon, new_lon < bounds[0]),
        ("south", new_lat, new_lat < bounds[1]),
        ("east", new_lon, new_lon > bounds[2]),
        ("north", new_lat, new_lat > bounds[3]),
    ):
        if outside:
            cols[side] = cols[side].copy()
            cols[side][row] = value
    return CellLayer(**cols)


def _changed(layer: CellLayer, zoom, key, removed, added, store) -> CellLayer:
    rem_cell, rem_lat, rem_lon = removed
    add_cell, add_lat, add_lon = added
    if len(rem_cell) == 1 and len(add_cell) == 1:
        moved = _moved_inside(layer, removed, added)
        if moved is not None:
            return moved
    cells = np.concatenate((rem_cell, add_cell))
    if not len(cells):
        return layer
    sign = np.ones(len(cells), np.int64)
    sign[: len(rem_cell)] = -1
    touched, inverse = np.unique(cells, return_inverse=True)
    d_count = np.zeros(len(touched), np.int64)
    d_lat, d_lon = np.zeros(len(touched), np.int64), np.zeros(len(touched), np.int64)
    np.add.at(d_count, inverse, sign)
    np.add.at(d_lat, inverse, sign * fixed(np.concatenate((rem_lat, add_lat))))
    np.add.at(d_lon, inverse, sign * fixed(np.concatenate((rem_lon, add_lon))))
    at = np.searchsorted(layer.cell, touched)
    exists = at < len(layer)
    exists[exists] = layer.cell[at[exists]] == touched[exists]
    # Columns are copied only when they change (a layer is shared by every index holding
    # it); at a million entries copying all of them was most of an applied edit's time.
    cols = {c: getattr(layer, c) for c in CellLayer.COLUMNS}

    def own(column: str) -> np.ndarray:
        if cols[column] is getattr(layer, column):
            cols[column] = cols[column].copy()
        return cols[column]

    rows = at[exists]
    if len(rows):
        own("count")[rows] += d_count[exists]
        own("slat")[rows] += d_lat[exists]
        own("slon")[rows] += d_lon[exists]
    # A removed point on its cell's bounds: those bounds come again from the entries.
    rem_rows = at[inverse[: len(rem_cell)]]
    on_edge = (
        (rem_lat == layer.south[rem_rows])
        | (rem_lat == layer.north[rem_rows])
        | (rem_lon == layer.west[rem_rows])
        | (rem_lon == layer.east[rem_rows])
    )
    again = set(rem_cell[on_edge].tolist())
    add_touched = inverse[len(rem_cell) :]
    add_exists = exists[add_touched]
    add_rows = at[add_touched][add_exists]
    lon_in, lat_in = add_lon[add_exists], add_lat[add_exists]
    for column, values, fn in (
        ("west", lon_in, np.minimum),
        ("south", lat_in, np.minimum),
        ("east", lon_in, np.maximum),
        ("north", lat_in, np.maximum),
    ):
        if len(add_rows) and (fn(cols[column][add_rows], values) != cols[column][add_rows]).any():
            fn.at(own(column), add_rows, values)
    # Cells that were empty: new rows (only additions can reach them).
    fresh = np.flatnonzero(~exists)
    if len(fresh):
        slot = np.full(len(touched), -1)
        slot[fresh] = np.arange(len(fresh))
        k = slot[add_touched[~add_exists]]
        lat, lon = add_lat[~add_exists], add_lon[~add_exists]
        bounds = {
            "west": np.full(len(fresh), np.inf),
            "south": np.full(len(fresh), np.inf),
            "east": np.full(len(fresh), -np.inf),
            "north": np.full(len(fresh), -np.inf),
        }
        np.minimum.at(bounds["west"], k, lon)
        np.minimum.at(bounds["south"], k, lat)
        np.maximum.at(bounds["east"], k, lon)
        np.maximum.at(bounds["north"], k, lat)
        values = {
            "cell": touched[fresh],
            "count": d_count[fresh],
            "slat": d_lat[fresh],
            "slon": d_lon[fresh],
            **bounds,
        }
        cols = {c: np.insert(cols[c], at[fresh], values[c]) for c in CellLayer.COLUMNS}
    for column in ("west", "south", "east", "north") if again else ():
        own(column)
    for cell in sorted(again):
        row = int(np.searchsorted(cols["cell"], cell))
        if cols["count"][row] <= 0:
            continue
        inside = members(store, key, store.in_cells(np.array([cell], dtype=np.int64), zoom))
        lat, lon = store.lat[inside], store.lon[inside]
        cols["west"][row], cols["east"][row] = lon.min(), lon.max()
        cols["south"][row], cols["north"][row] = lat.min(), lat.max()
    keep = cols["count"] > 0
    if not keep.all():
        cols = {c: v[keep] for c, v in cols.items()}
    return CellLayer(**cols)


__all__ = [
    "AGG_MAX_ZOOM",
    "ALL",
    "MAX_ZOOM",
    "CellLayer",
    "CellTables",
    "aggregate",
    "fixed",
    "layer_keys",
    "members",
]
