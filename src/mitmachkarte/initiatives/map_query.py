"""Answers from the map index: clusters for a map view, nearest entries, search order.

A request reads only what its bbox covers: without other filters than one category or one
SDG, the rows of the cells the bbox covers (map_cells), splitting the cells on its edge into
finer cells and reading entries only for the finest ones still on it (map_cut); else the
entries of the key ranges covering the bbox (map_store), then vector masks
over those. Counts are exact either way: every matching entry in the bbox is in exactly
one cluster or is a single point. Search and tag filters come from SQL as id sets.
"""

import math
from dataclasses import dataclass

import numpy as np
import shapely

from mitmachkarte.core.geo import EARTH_RADIUS_M

from . import map_index as limits
from . import search
from .filters import InitiativeFilter
from .map_build import Taxonomy, name_ranks, name_ranks_between, read_entries
from .map_cells import ALL, CellTables, fixed, layer_keys
from .map_cut import clusters
from .map_store import MAX_ZOOM, EntryStore, cover, shift_of
from .map_views import cluster_features, point_features
from .models import Initiative

NEAREST_CANDIDATES = 256  # at least this many nearest are ordered for a list page


@dataclass
class MapResult:
    count: int
    clustered: bool
    features: list[dict]
    bounds: list[float] | None = None


def _tag_ids(tag: str) -> np.ndarray:
    ids = Initiative.tags.through.objects.filter(tag__slug=tag).values_list(
        "initiative_id", flat=True
    )
    return np.array(list(ids), dtype=np.int64)


class MapIndex:
    def __init__(self, version: int, store: EntryStore, cells: CellTables, taxonomy: Taxonomy):
        self.version, self.store, self.cells, self.taxonomy = version, store, cells, taxonomy
        self.categories = taxonomy.categories
        self.category_bit = taxonomy.category_bit

    @classmethod
    def build(cls, version: int) -> "MapIndex":
        taxonomy = Taxonomy.read()
        columns = read_entries(taxonomy)
        columns["name_rank"] = name_ranks(columns["ids"])
        store = EntryStore.build(columns)
        cells = CellTables.build(store, layer_keys(len(taxonomy.category_bit)))
        return cls(version, store, cells, taxonomy)

    def apply(self, version: int, touched: set[int]) -> "MapIndex | None":
        """The index with the entries `touched` re-read; None when only a rebuild will do
        (the categories changed)."""
        if not self.taxonomy.still_current():
            return None
        columns = read_entries(self.taxonomy, ids=touched)
        ranks = name_ranks_between(columns["ids"], exclude=touched, rank_of=self.store.rank_of)
        columns["name_rank"] = np.array(
            [ranks.get(int(pk), 0.0) for pk in columns["ids"]], dtype=np.float64
        )
        store, gone, placed = self.store.apply(touched, columns)
        cells = self.cells.updated(self.store, gone, store, placed)
        return MapIndex(version, store, cells, self.taxonomy)

    # Filters

    def _bits(self, slugs) -> int:
        bits = 0
        for slug in slugs:
            bits |= self.category_bit.get(slug, 0)
        return bits

    def matches(self, flt: InitiativeFilter, *, found=None) -> np.ndarray:
        """Positions (ascending) of the published entries matching `flt`; `found`: the
        ids matching its search, when the caller has them."""
        s = self.store
        by_ids = None
        if flt.terms:
            by_ids = search.matching_ids(list(flt.terms)) if found is None else found
            pos = s.positions(by_ids)
        elif flt.tag:
            pos = s.positions(_tag_ids(flt.tag))
        elif flt.bbox or flt.area:
            pos = s.in_ranges(cover(flt.bbox or flt.area.bbox))
        else:
            pos = s.everyone()
        keep = np.ones(len(pos), dtype=bool)
        lat, lon = s.lat[pos], s.lon[pos]
        for box in (flt.bbox, flt.area.bbox if flt.area else None):
            if box:
                keep &= (lat >= box.south) & (lat <= box.north)
                keep &= (lon >= box.west) & (lon <= box.east)
        if flt.categories:
            keep &= (s.cats[pos] & self._bits(flt.categories)) != 0
        if flt.sdgs:
            keep &= (s.sdgs[pos] & sum(1 << (n - 1) for n in set(flt.sdgs))) != 0
        if flt.municipality:
            keep &= s.muni[pos] == flt.municipality.pk
        if flt.tag and by_ids is not None:
            keep &= np.isin(s.ids[pos], _tag_ids(flt.tag))
        if flt.place and flt.radius:
            keep &= self.distances(*flt.near, pos) <= flt.radius
        pos = pos[keep]
        if flt.area:
            # intersects, not contains: a point on the border counts as inside (as covers).
            inside = shapely.intersects_xy(flt.area.geometry, s.lon[pos], s.lat[pos])
            pos = pos[inside]
        return pos

    def distances(self, lat: float, lon: float, positions=None) -> np.ndarray:
        """Great-circle distances in metres from (lat, lon) to the entries (or some)."""
        lat2 = self.store.lat if positions is None else self.store.lat[positions]
        lon2 = self.store.lon if positions is None else self.store.lon[positions]
        p1, p2 = math.radians(lat), np.radians(lat2)
        a = (
            np.sin((p2 - p1) / 2) ** 2
            + math.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon) / 2) ** 2
        )
        return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))

    # Lists

    def nearest(
        self, flt: InitiativeFilter, lat: float, lon: float, *, varied: bool = False
    ) -> tuple[list[int], list[float]]:
        """Ids of the matches and their distances in metres, nearest to (lat, lon) first.

        `varied` mixes the categories (for a list nobody asked anything of): each entry's
        distance counts more the more entries of its category come before it, so twenty
        balcony power plants in a row give way to the nearest repair café and garden.
        """
        positions = self.matches(flt)
        ids = self.store.ids[positions]
        dist = self.distances(lat, lon, positions)
        order = np.lexsort((ids, dist))
        if varied and len(order):
            order = self._varied(order, positions, dist)[0]
        return ids[order].tolist(), dist[order].tolist()

    def nearest_first(
        self, flt: InitiativeFilter, lat: float, lon: float, k: int, *, varied: bool = False
    ) -> tuple[int, list[int], list[float]]:
        """(the number of matches, ids and distances of the first `k` in `nearest`'s order).

        Orders only the nearest candidates (argpartition), never all matches: a page of a
        country-wide list costs one distance pass. With `varied`, a key is never below its
        distance + VARIETY_METRES, so the first k are exact once the k-th key is at most the
        nearest left-out distance + VARIETY_METRES; else the candidates grow.
        """
        positions = self.matches(flt)
        total = len(positions)
        if not total or k <= 0:
            return total, [], []
        dist = self.distances(lat, lon, positions)
        m = min(total, max(4 * k, NEAREST_CANDIDATES))
        while True:
            cand = np.arange(total) if m >= total else np.argpartition(dist, m - 1)[:m]
            ids, d = self.store.ids[positions[cand]], dist[cand]
            order = np.lexsort((ids, d))
            if varied:
                order, key = self._varied(order, positions[cand], d)
                if (
                    m < total
                    and np.sort(key)[min(k, len(key)) - 1] > d.max() + limits.VARIETY_METRES
                ):
                    m = min(total, m * 4)
                    continue
            sel = order[:k]
            return total, ids[sel].tolist(), d[sel].tolist()

    def _varied(self, order: np.ndarray, positions: np.ndarray, dist: np.ndarray):
        """`order` (by distance) re-sorted by the variety key, and the keys (see nearest)."""
        cats = self.store.first_category[positions[order]]
        by_cat = np.lexsort((np.arange(len(order)), cats))
        grouped = cats[by_cat]
        starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
        sizes = np.diff(np.r_[starts, len(grouped)])
        rank = np.empty(len(order))
        rank[by_cat] = np.arange(len(order)) - np.repeat(starts, sizes)
        key = (dist[order] + limits.VARIETY_METRES) * (1 + limits.VARIETY_WEIGHT * rank)
        return order[np.argsort(key, kind="stable")], key

    # Map views

    def features(self, flt: InitiativeFilter, *, zoom: int) -> MapResult:
        level = min(zoom, MAX_ZOOM)
        key = self._layer(flt)
        if key is not None and level <= self.cells.depth:
            result = self._from_cells(flt, level, key)
            if result is not None:
                return result
        return self._from_entries(flt, level)

    def _layer(self, flt: InitiativeFilter) -> tuple[str, int] | None:
        """The layer of cell tables answering `flt` (map_cells.layer_keys), None if none
        does: all entries, one category or one SDG, besides the bbox."""
        if flt.terms or flt.tag or flt.municipality or flt.area or flt.radius:
            return None
        if flt.categories and flt.sdgs:
            return None
        if flt.sdgs:
            goals = set(flt.sdgs)
            return ("sdgs", 1 << (goals.pop() - 1)) if len(goals) == 1 else None
        if not flt.categories:
            return ALL
        bit = self._bits(flt.categories)
        return ("cats", bit) if len(flt.categories) == 1 and bit else None

    def _from_entries(self, flt: InitiativeFilter, level: int) -> MapResult:
        s = self.store
        selected = s.in_key_order(self.matches(flt))
        total = int(len(selected))
        bounds = _extent(s.lat[selected], s.lon[selected])
        if total <= limits.POINTS_UP_TO:
            return MapResult(total, False, point_features(self, selected), bounds)
        # A grid cell at zoom z is four cells at z+1: coarser zooms until small enough.
        for zoom in range(level, -1, -1):
            cells = s.key[selected] >> shift_of(zoom)
            starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]])
            if len(starts) <= limits.MAX_FEATURES:
                break
        groups = _groups(s, selected, starts)
        singles = groups["count"] == 1
        features = point_features(self, selected[starts[singles]])
        features += cluster_features({k: v[~singles] for k, v in groups.items()})
        return MapResult(total, True, features, bounds)

    def _from_cells(self, flt: InitiativeFilter, level: int, key) -> MapResult | None:
        """Clusters from the cell tables (map_cut); None when the answer is points (few
        matches)."""
        for zoom in range(level, -1, -1):
            cut = clusters(self.cells, self.store, flt.bbox, zoom, key, limits.MAX_FEATURES)
            if cut is None:
                continue
            if cut.total <= limits.POINTS_UP_TO:
                return None
            features = point_features(self, cut.singles) + cluster_features(cut.groups)
            return MapResult(cut.total, True, features, cut.bounds)
        return None


_BOUNDS = ("west", "south", "east", "north")
_GROUP_KEYS = ("count", "slat", "slon", *_BOUNDS)


def _groups(store: EntryStore, members: np.ndarray, starts: np.ndarray) -> dict:
    """Count, coordinate sums and bounds of runs of `members` beginning at `starts`."""
    lat, lon = store.lat[members], store.lon[members]
    if not len(members):
        return {k: np.zeros(0, np.float64 if k in _BOUNDS else np.int64) for k in _GROUP_KEYS}
    return {
        "count": np.diff(np.r_[starts, len(members)]),
        "slat": np.add.reduceat(fixed(lat), starts),
        "slon": np.add.reduceat(fixed(lon), starts),
        "west": np.minimum.reduceat(lon, starts),
        "south": np.minimum.reduceat(lat, starts),
        "east": np.maximum.reduceat(lon, starts),
        "north": np.maximum.reduceat(lat, starts),
    }


def _extent(lat: np.ndarray, lon: np.ndarray) -> list[float] | None:
    if not len(lat):
        return None
    return [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())]
