"""The map index's entry store: edits append rows instead of copying the columns, and a
store never changes once made."""

import numpy as np
import pytest

from mitmachkarte.initiatives import map_store
from mitmachkarte.initiatives.map_cells import CellLayer, CellTables, layer_keys
from mitmachkarte.initiatives.map_store import FIELDS, EntryStore


def columns(ids, lats, lon=7.0):
    n = len(ids)
    return {
        "ids": np.array(ids, dtype=np.int64),
        "lat": np.array(lats, dtype=np.float64),
        "lon": np.full(n, lon),
        "muni": np.zeros(n, np.int32),
        "cats": np.ones(n, np.int64),
        "sdgs": np.zeros(n, np.int32),
        "first_category": np.zeros(n, np.int32),
        "name_rank": np.arange(n, dtype=np.float64),
    }


def live(store: EntryStore) -> dict[int, float]:
    pos = store.everyone()
    return dict(zip(store.ids[pos].tolist(), store.lat[pos].tolist(), strict=True))


def test_an_edit_appends_and_leaves_the_columns_where_they_are():
    store = EntryStore.build(columns([1, 2, 3], [51.0, 51.1, 51.2]))
    lat_before = store.lat
    edited, gone, placed = store.apply({2}, columns([2], [51.5]))
    assert np.shares_memory(edited.lat, lat_before)  # no copy of the columns
    assert placed.tolist() == [3] and gone.tolist() == [int(store.positions([2])[0])]
    assert live(edited) == {1: 51.0, 2: 51.5, 3: 51.2} and len(edited) == 3
    assert live(store) == {1: 51.0, 2: 51.1, 3: 51.2}  # the older store is unchanged
    assert edited.positions([2]).tolist() == [3]
    twice, _, _ = edited.apply({2}, columns([2], [51.6]))
    assert twice.positions([2]).tolist() == [4] and live(twice)[2] == 51.6
    removed, _, placed = twice.apply({1}, columns([], []))
    assert live(removed) == {2: 51.6, 3: 51.2} and not len(placed)


def test_two_stores_made_from_one_do_not_share_their_appended_rows():
    store = EntryStore.build(columns([1, 2], [51.0, 51.1]))
    first, _, _ = store.apply({1}, columns([1], [52.0]))
    second, _, placed = store.apply({2}, columns([2], [53.0]))  # no room left after store
    assert live(first) == {1: 52.0, 2: 51.1}
    assert live(second) == {1: 51.0, 2: 53.0}
    assert second.rows == second.base == 2  # compacted
    assert second.ids[placed].tolist() == [2]


def test_a_full_tail_compacts(monkeypatch):
    monkeypatch.setattr(map_store, "TAIL_ROWS", 2)
    store = EntryStore.build(columns([1, 2, 3], [51.0, 51.1, 51.2]))
    for n, lat in enumerate([52.0, 52.1, 52.2]):
        store, _, _ = store.apply({1}, columns([1], [lat]))
        assert live(store) == {1: lat, 2: 51.1, 3: 51.2}, n
    assert store.rows == store.base == 3  # the third edit found no room
    ranges = np.array([[0, np.iinfo(np.int64).max]], dtype=np.int64)
    assert sorted(store.ids[store.in_ranges(ranges)].tolist()) == [1, 2, 3]
    assert set(FIELDS) <= set(store.live_columns())


def same_tables(a: CellTables, b: CellTables) -> bool:
    return all(
        np.array_equal(getattr(mine, column), getattr(theirs, column))
        for zoom in range(a.depth + 1)
        for mine, theirs in zip(a.levels[zoom], b.levels[zoom], strict=True)
        for column in CellLayer.COLUMNS
    )


@pytest.mark.parametrize(
    "lat, lon",
    [
        (51.0004, 7.0001),  # inside the cell's bounds
        (51.0030, 7.0001),  # beyond its north: the bounds grow
        (50.9990, 6.9990),  # beyond its south and west
    ],
)
def test_an_entry_moved_inside_its_cell_updates_sums_and_bounds(lat, lon):
    """The shortcut for a move within a cell equals a fresh build (the middle entry
    moves, so it lies on none of the cell's bounds)."""
    cols = columns([1, 2, 3], [51.0, 51.0002, 51.0005])
    cols["lon"] = np.array([7.0, 7.0002, 7.0004])
    keys = layer_keys(1)
    store = EntryStore.build(cols)
    tables = CellTables.build(store, keys)
    moved = columns([2], [lat], lon=lon)
    edited, gone, placed = store.apply({2}, moved)
    updated = tables.updated(store, gone, edited, placed)
    assert same_tables(updated, CellTables.build(edited.compacted(), keys))
