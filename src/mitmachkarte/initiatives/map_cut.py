"""A map view's clusters from the cell tables (map_cells), exact for any bbox.

A cluster of zoom z holds the matching entries of one grid cell of z that lie inside the
bbox. A cell the bbox contains whole comes from the table of zoom z. A cell on the bbox's
edge is split into its four cells one zoom deeper, whose table again gives those inside
whole, and so on; only at the deepest zoom with tables are the entries of the cells still
on the edge read and tested against the bbox. So a country-wide view reads the entries of
a thin ring of small cells along its edge, not of a ring of its own large cells, and its
counts, centres and bounds are those of the entries inside the bbox, exactly.

"Whole" means strictly between the first and last column and row the bbox touches; the
cells of those columns and rows and one more on each side count as the edge (the Mercator
formula may round a border point either way, see map_store.cover).
"""

from dataclasses import dataclass

import numpy as np

from .map_cells import CellTables, fixed, members
from .map_store import EntryStore, bbox_cells, cover, shift_of, unmorton

_SUMS = ("count", "slat", "slon")
_BOUNDS = ("west", "south", "east", "north")
_COLUMNS = (*_SUMS, *_BOUNDS)


@dataclass
class Cut:
    total: int
    groups: dict[str, np.ndarray]  # clusters (two or more entries), one row per cell
    singles: np.ndarray  # positions of the entries alone in their cell
    bounds: list[float] | None


def _split(cells: np.ndarray, box, zoom: int) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the cells the bbox holds whole and of those on its edge."""
    cx, cy = unmorton(cells)
    c0, c1, r0, r1 = bbox_cells(box, zoom)
    whole = (cx > c0) & (cx < c1) & (cy > r0) & (cy < r1)
    near = (cx >= c0 - 1) & (cx <= c1 + 1) & (cy >= r0 - 1) & (cy <= r1 + 1)
    return whole, near & ~whole


def _rows(layer, rows: np.ndarray, zoom: int, level: int) -> dict[str, np.ndarray]:
    part = {c: getattr(layer, c)[rows] for c in _COLUMNS}
    part["source"] = layer.cell[rows]
    part["cell"] = part["source"] >> (2 * (level - zoom))
    part["level"] = np.full(len(rows), level, dtype=np.int64)
    return part


def _entries(store: EntryStore, pos: np.ndarray, zoom: int) -> dict[str, np.ndarray]:
    lat, lon = store.lat[pos], store.lon[pos]
    return {
        "count": np.ones(len(pos), dtype=np.int64),
        "slat": fixed(lat),
        "slon": fixed(lon),
        "west": lon,
        "south": lat,
        "east": lon,
        "north": lat,
        "source": pos,
        "cell": store.key[pos] >> shift_of(zoom),
        "level": np.full(len(pos), -1, dtype=np.int64),
    }


def parts(tables: CellTables, store: EntryStore, box, zoom: int, key, most: int):
    """Table rows and entries that together make up the layer's entries inside the bbox,
    each tagged with its cell of `zoom`; None when the bbox holds more than `most` whole
    cells of `zoom` (then a coarser zoom answers)."""
    layer = tables.layer(zoom, key)
    if box is None:
        if len(layer) > most:
            return None
        return [_rows(layer, np.arange(len(layer)), zoom, zoom)]
    rows = layer.in_ranges(cover(box, zoom), zoom)
    whole, edge = _split(layer.cell[rows], box, zoom)
    if np.count_nonzero(whole) > most:
        return None
    found = [_rows(layer, rows[whole], zoom, zoom)]
    level, edge_cells = zoom, layer.cell[rows[edge]]
    while level < tables.depth and len(edge_cells):
        level += 1
        layer = tables.layer(level, key)
        shift = shift_of(level - 1)
        rows = layer.in_ranges(np.stack([edge_cells << shift, (edge_cells + 1) << shift], 1), level)
        whole, edge = _split(layer.cell[rows], box, level)
        found.append(_rows(layer, rows[whole], zoom, level))
        edge_cells = layer.cell[rows[edge]]
    pos = members(store, key, store.in_cells(edge_cells, level))
    lat, lon = store.lat[pos], store.lon[pos]
    inside = (lat >= box.south) & (lat <= box.north) & (lon >= box.west) & (lon <= box.east)
    found.append(_entries(store, pos[inside], zoom))
    return found


def _single_positions(store: EntryStore, key, level: np.ndarray, source: np.ndarray):
    """The entries of parts holding one entry: table rows (a cell at `level` with one
    entry of the layer, all of its entries inside the bbox) or entries (level -1)."""
    found = [source[level < 0]]
    for lv in np.unique(level[level >= 0]).tolist():
        found.append(members(store, key, store.in_cells(source[level == lv], lv)))
    return np.sort(np.concatenate(found))


def clusters(tables: CellTables, store: EntryStore, box, zoom: int, key, most: int):
    """The `Cut` of the bbox at `zoom` for the layer `key`; None when it has more than
    `most` cells (clusters or single entries)."""
    found = parts(tables, store, box, zoom, key, most)
    if found is None:
        return None
    merged = {c: np.concatenate([p[c] for p in found]) for c in found[0]}
    order = np.argsort(merged["cell"], kind="stable")
    merged = {c: v[order] for c, v in merged.items()}
    cells = merged["cell"]
    if not len(cells):
        return Cut(0, {c: merged[c] for c in _COLUMNS}, np.zeros(0, np.int64), None)
    starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]])
    if len(starts) > most:
        return None
    groups = {c: np.add.reduceat(merged[c], starts) for c in _SUMS}
    for c, fn in zip(_BOUNDS, (np.minimum, np.minimum, np.maximum, np.maximum), strict=True):
        groups[c] = fn.reduceat(merged[c], starts)
    alone = groups["count"] == 1  # then the group is one part: the one at its start
    singles = _single_positions(
        store, key, merged["level"][starts[alone]], merged["source"][starts[alone]]
    )
    bounds = [
        float(groups["west"].min()),
        float(groups["south"].min()),
        float(groups["east"].max()),
        float(groups["north"].max()),
    ]
    return Cut(
        int(groups["count"].sum()), {c: v[~alone] for c, v in groups.items()}, singles, bounds
    )
