"""The map index follows writes through the change log: the same as a fresh build, only
map-relevant changes count, and a full rebuild never holds up a request."""

import threading

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitmachkarte.core.versions import current_version
from mitmachkarte.initiatives import (
    lifecycle,
    map_changes,
    map_index,
    map_store,
    services,
    signals,
)
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.map_index import MapIndex, get_index
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.taxonomy.reference import CATEGORIES
from tests.factories import InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db
CATEGORY_SLUGS = [c[0] for c in CATEGORIES]
# Few places, so that entries share cells and bounds (removals on a cell's edge).
PLACES = [(51.0, 7.0), (51.0005, 7.0005), (51.2, 7.3), (51.9, 6.6), (50.5, 8.9)]
COLUMNS = ("ids", "lat", "lon", "muni", "cats", "sdgs", "first_category")


def assert_same(index: MapIndex, fresh: MapIndex) -> None:
    # The incremental store keeps dead rows and appended ones until it compacts: its live
    # rows, compacted, equal the fresh build's.
    a, b = index.store.compacted(), fresh.store
    assert np.array_equal(a.key, b.key) and np.array_equal(a.ids, b.ids)
    for name in COLUMNS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert np.array_equal(a.id_sorted, b.id_sorted) and np.array_equal(a.id_pos, b.id_pos)
    by_name = np.lexsort((a.ids, a.name_rank))
    assert np.array_equal(a.ids[by_name], b.ids[np.lexsort((b.ids, b.name_rank))])
    for zoom in range(min(index.cells.depth, fresh.cells.depth) + 1):
        for mine, theirs in zip(index.cells.levels[zoom], fresh.cells.levels[zoom], strict=True):
            for column in mine.COLUMNS:
                assert np.array_equal(getattr(mine, column), getattr(theirs, column)), (
                    zoom,
                    column,
                )


point = st.one_of(
    st.sampled_from(PLACES),
    st.tuples(st.floats(50.4, 52.4), st.floats(6.1, 9.3)),
)
target = st.integers(0, 1000)
step = st.one_of(
    st.tuples(st.just("create"), point, st.lists(st.sampled_from(CATEGORY_SLUGS), min_size=1,
                                                 max_size=3, unique=True), st.booleans()),
    st.tuples(st.just("move"), target, point),
    st.tuples(st.just("rename"), target, st.sampled_from(["Aa", "Mm", "Zz", "Mm Garten"])),
    st.tuples(st.just("categories"), target, st.lists(st.sampled_from(CATEGORY_SLUGS),
                                                      min_size=1, max_size=3, unique=True)),
    st.tuples(st.just("sdgs"), target, st.lists(st.integers(1, 17), max_size=3, unique=True)),
    st.tuples(st.just("status"), target, st.sampled_from(list(Status.values))),
    st.tuples(st.just("describe"), target),
    st.tuples(st.just("delete"), target),
    st.tuples(st.just("look")),
)  # fmt: skip


def run(op) -> None:
    kind, *args = op
    if kind == "look":
        get_index()
        return
    if kind == "create":
        (lat, lon), cats, published = args
        InitiativeFactory(
            latitude=lat,
            longitude=lon,
            categories=cats,
            status=Status.PUBLISHED if published else Status.DRAFT,
        )
        return
    entries = list(Initiative.objects.order_by("pk"))
    if not entries:
        return
    entry = entries[args[0] % len(entries)]
    if kind == "move":
        lat, lon = args[1]
        changes = {"latitude": lat, "longitude": lon}
    elif kind == "rename":
        changes = {"name": args[1]}
    elif kind in ("categories", "sdgs"):
        changes = {kind: args[1]}
    elif kind == "describe":
        changes = {"description": "Neu beschrieben."}
    elif kind == "status":
        lifecycle.set_status(initiative=entry, status=args[1])
        return
    else:
        entry.delete()
        return
    services.update_initiative_fields(initiative=entry, changes=changes)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=st.lists(step, min_size=1, max_size=12), tail_rows=st.sampled_from([4096, 0, 2]))
def test_incremental_index_equals_a_fresh_build(reference_data, monkeypatch, ops, tail_rows):
    """Also with no room for appended rows (every edit compacts) and with room for two
    (some edits append, then one compacts)."""
    monkeypatch.setattr(map_store, "TAIL_ROWS", tail_rows)
    MunicipalityFactory(latitude=51.0, longitude=7.0, with_boundary=True)
    map_index.drop_index()
    get_index()

    def no_rebuild(version):
        raise AssertionError("the change log should have been enough")

    with monkeypatch.context() as patched:
        patched.setattr(map_index, "build", no_rebuild)
        for op in ops:
            run(op)
        index = get_index()
    assert index.version == map_changes.current()
    assert_same(index, MapIndex.build(index.version))
    fresh_index = MapIndex.build(index.version)
    monkeypatch.setattr(map_index, "POINTS_UP_TO", 1)  # clusters, not points, from few
    for zoom in (4, 9, 14):
        for categories, sdgs, q in (
            ([], [], ""),
            (["repair"], [], ""),
            ([], ["13"], "garten"),
            (CATEGORY_SLUGS, [], ""),  # no cell tables for this: the entries are read
        ):
            flt = parse_filter(bbox="6.5,50.6,8,51.5", categories=categories, sdgs=sdgs, q=q)
            fresh = fresh_index.features(flt, zoom=zoom)
            mine = index.features(flt, zoom=zoom)
            assert (mine.count, mine.bounds) == (fresh.count, fresh.bounds)
            assert sorted(map(str, mine.features)) == sorted(map(str, fresh.features))
    everywhere = parse_filter()
    assert sorted(index.store.ids[index.matches(everywhere)]) == sorted(
        fresh_index.store.ids[fresh_index.matches(everywhere)]
    )
    assert index.nearest(everywhere, 51.0, 7.0) == fresh_index.nearest(everywhere, 51.0, 7.0)


def test_an_appended_row_joins_the_clusters_of_its_cell(reference_data, monkeypatch):
    """An edited entry's row is appended after the ordered ones; a view reading entries
    still groups it with the others of its cell (one cluster, not two)."""
    moved, *_ = [InitiativeFactory(latitude=51.0, longitude=7.0) for _ in range(2)]
    for lat, lon in PLACES[2:]:  # cells on both sides of the first in key order
        InitiativeFactory(latitude=lat, longitude=lon)
    get_index()
    services.update_initiative_fields(initiative=moved, changes={"latitude": 51.0005})
    index = get_index()
    assert index.store.rows > index.store.base  # appended, not rebuilt
    monkeypatch.setattr(map_index, "POINTS_UP_TO", 1)
    flt = parse_filter(bbox="5,50,10,53", categories=CATEGORY_SLUGS)  # read from entries
    mine = index.features(flt, zoom=9)
    fresh = MapIndex.build(index.version).features(flt, zoom=9)
    assert sorted(map(str, mine.features)) == sorted(map(str, fresh.features))
    assert sorted(f["properties"].get("count", 1) for f in mine.features) == [1, 1, 1, 2]


def test_changes_off_the_map_leave_the_index_alone(reference_data):
    entry = InitiativeFactory(name="Repair-Café", latitude=51.2, longitude=7.1)
    index = get_index()
    before, general = map_changes.current(), current_version(signals.VERSION_NAME)
    services.confirm_initiative(initiative=entry)
    services.update_initiative_fields(
        initiative=entry,
        changes={"description": "Jeden Samstag.", "categories": ["repair"], "sdgs": []},
    )
    services.keep_slug(initiative=entry, slug="repair-cafe-neu")
    assert map_changes.current() == before
    assert current_version(signals.VERSION_NAME) > general  # API answers do change
    assert get_index() is index
    services.update_initiative_fields(initiative=entry, changes={"latitude": 51.3})
    assert map_changes.current() == before + 1
    assert get_index() is not index
    store = get_index().store
    assert store.lat[store.everyone()].tolist() == [51.3]


def test_a_write_logs_the_entries_it_touched(reference_data):
    entry = InitiativeFactory(latitude=51.2, longitude=7.1)
    version = map_changes.current()
    lifecycle.set_status(initiative=entry, status=Status.ARCHIVED)
    assert map_changes.since(version, map_changes.current(), limit=10) == {entry.pk}
    signals.mark_changed()  # a bulk write that cannot name its entries
    assert map_changes.since(version, map_changes.current(), limit=10) is None


def test_the_log_is_pruned(reference_data, monkeypatch):
    monkeypatch.setattr(map_changes, "PRUNE_EVERY", 2)
    monkeypatch.setattr(map_changes, "LOG_KEEP", 2)
    entry = InitiativeFactory(latitude=51.2, longitude=7.1)
    for lat in (51.21, 51.22, 51.23, 51.24):
        services.update_initiative_fields(initiative=entry, changes={"latitude": lat})
    version = map_changes.current()
    assert map_changes.since(version - 2, version, limit=10) == {entry.pk}
    assert map_changes.since(0, version, limit=10) is None  # pruned: rebuild


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_runs_beside_the_requests(client, reference_data, monkeypatch):
    for lat in (51.1, 51.2, 51.3):
        InitiativeFactory(latitude=lat, longitude=7.0)
    assert client.get("/api/v1/map", {"zoom": 5}).json()["count"] == 3
    release, started = threading.Event(), threading.Event()
    real_build = map_index.build

    def slow_build(version):
        started.set()
        assert release.wait(10)
        return real_build(version)

    monkeypatch.setattr(map_index, "SYNC_BELOW", 0)
    monkeypatch.setattr(map_index, "build", slow_build)
    InitiativeFactory(latitude=51.4, longitude=7.0)
    signals.mark_changed()  # the log cannot say what changed: a full rebuild
    # Answered at once, from the old index, while the rebuild waits.
    assert client.get("/api/v1/map", {"zoom": 6}).json()["count"] == 3
    assert started.wait(10) and map_index.catching_up()
    assert client.get("/api/v1/map", {"zoom": 7}).json()["count"] == 3
    release.set()
    map_index._catching_up.join(10)
    assert client.get("/api/v1/map", {"zoom": 8}).json()["count"] == 4
    assert get_index().version == map_changes.current()


@pytest.mark.django_db(transaction=True)
def test_a_large_index_applies_edits_beside_the_requests(client, reference_data, monkeypatch):
    """Other requests do not wait while a large index applies an edit; the writer does."""
    entry = InitiativeFactory(latitude=51.1, longitude=7.0)
    InitiativeFactory(latitude=51.2, longitude=7.0)
    view = {"zoom": 18, "bbox": "6.9,51.05,7.1,51.15"}
    assert client.get("/api/v1/map", view).json()["count"] == 1
    release, started = threading.Event(), threading.Event()
    real_caught_up = map_index._caught_up

    def slow_caught_up(index, version):
        started.set()
        assert release.wait(10)
        return real_caught_up(index, version)

    monkeypatch.setattr(map_index, "SYNC_BELOW", 0)
    monkeypatch.setattr(map_index, "build", lambda version: pytest.fail("the log is enough"))
    monkeypatch.setattr(map_index, "_caught_up", slow_caught_up)
    services.update_initiative_fields(initiative=entry, changes={"latitude": 51.3})
    # Answered at once, from the old index, while the edit is applied beside it.
    assert client.get("/api/v1/map", view).json()["count"] == 1
    assert started.wait(10) and map_index.catching_up()
    assert client.get("/api/v1/map", view).json()["count"] == 1
    release.set()
    map_index._catching_up.join(10)
    assert client.get("/api/v1/map", view).json()["count"] == 0
    assert get_index().version == map_changes.current()
    # Whoever wrote reads its own write: no background thread for it.
    monkeypatch.setattr(map_index, "_caught_up", real_caught_up)
    services.update_initiative_fields(initiative=entry, changes={"latitude": 51.1})
    assert map_changes.wrote_in_request()
    assert get_index().version == map_changes.current()
    assert not map_index.catching_up()
