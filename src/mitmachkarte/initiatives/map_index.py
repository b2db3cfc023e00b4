"""Server-side clustering over an in-process index of the published initiatives.

Each worker keeps the published entries as numpy arrays (position, category and SDG bit
masks, municipality) and rebuilds them when the data version changes (core.versions: one
primary-key read per request). Filters become vector masks, clustering a grid in Web
Mercator pixels: one sort, then per-cell counts, centres and bounds. Counts are exact:
every matching entry in the bbox is in exactly one cluster or is a single point.
Search and tag filters come from SQL (search.py) as id sets, so they stay exact too.
"""

import math
import threading
from dataclasses import dataclass, replace

import numpy as np
import shapely
from django.db.models import Min

from mitmachkarte.core.geo import EARTH_RADIUS_M
from mitmachkarte.core.text import search_variants
from mitmachkarte.core.versions import current_version
from mitmachkarte.taxonomy.models import Category

from . import search
from .filters import InitiativeFilter
from .models import Initiative, Status
from .signals import VERSION_NAME

CELL_PX = 60  # cluster grid cell, in screen pixels at the requested zoom
MAX_FEATURES = 2000
POINTS_UP_TO = 400  # at or below this many matches, send points (the client clusters them)
RANK_AT_MOST = 2000  # larger search results are ordered here, not by the engine
MAX_ZOOM = 18  # finer grids would separate points a few centimetres apart
VARIETY_METRES = 300  # so that the very nearest entries do not all win regardless of category
VARIETY_WEIGHT = 0.7

_lock = threading.Lock()
_index = None


def _mercator(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Normalised Web Mercator (0..1, y downwards), as Leaflet's pixel grid at zoom 0."""
    x = (lon + 180.0) / 360.0
    lat_r = np.radians(np.clip(lat, -85.05112878, 85.05112878))
    y = (1.0 - np.log(np.tan(lat_r) + 1.0 / np.cos(lat_r)) / math.pi) / 2.0
    return x, y


@dataclass
class MapResult:
    count: int
    clustered: bool
    features: list[dict]
    bounds: list[float] | None = None


class MapIndex:
    def __init__(self, version: int):
        self.version = version
        rows = list(
            Initiative.objects.filter(status=Status.PUBLISHED)
            .order_by("pk")
            .values_list(
                "pk",
                "latitude",
                "longitude",
                "municipality_id",
                "name",
            )
        )
        n = len(rows)
        self.ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=n)
        self.lat = np.fromiter((r[1] for r in rows), dtype=np.float64, count=n)
        self.lon = np.fromiter((r[2] for r in rows), dtype=np.float64, count=n)
        self.muni = np.fromiter((r[3] or -1 for r in rows), dtype=np.int64, count=n)
        self.mx, self.my = _mercator(self.lat, self.lon)
        # Texts stay in the database (memory); only folded names, to order broad searches.
        self.folded_names = [search_variants(r[4]) for r in rows]
        self.name_rank = np.empty(n, dtype=np.int32)
        self.name_rank[sorted(range(n), key=lambda i: (rows[i][4], rows[i][0]))] = np.arange(n)
        self._grids: dict[int, np.ndarray] = {}
        for zoom in range(MAX_ZOOM + 1):  # so that no request pays for a sort
            self._grid(zoom)
        self.categories = {c.pk: c for c in Category.objects.all()}
        self.category_bit = {c.slug: 1 << i for i, c in enumerate(self.categories.values())}
        bit_of_pk = {c.pk: 1 << i for i, c in enumerate(self.categories.values())}
        self.cat_mask = np.zeros(n, dtype=np.int64)
        self.sdg_mask = np.zeros(n, dtype=np.int64)
        self.first_category = np.full(n, -1, dtype=np.int64)
        if n:
            self._fill_masks(bit_of_pk)

    def _position(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pos = np.searchsorted(self.ids, ids)
        pos = np.clip(pos, 0, len(self.ids) - 1)
        return pos, self.ids[pos] == ids

    def _fill_masks(self, bit_of_pk: dict[int, int]) -> None:
        through = Initiative.categories.through.objects.filter(initiative__status=Status.PUBLISHED)
        pairs = np.array(
            list(through.values_list("initiative_id", "category_id")), dtype=np.int64
        ).reshape(-1, 2)
        pos, ok = self._position(pairs[:, 0])
        bits = np.array([bit_of_pk.get(c, 0) for c in pairs[:, 1]], dtype=np.int64)
        np.bitwise_or.at(self.cat_mask, pos[ok], bits[ok])
        # The first category (by curated position) colours the marker.
        firsts = (
            through.values("initiative_id")
            .annotate(first=Min("category__position"))
            .values_list("initiative_id", "first")
        )
        firsts = np.array(list(firsts), dtype=np.int64).reshape(-1, 2)
        lookup = np.full(
            max([c.position for c in self.categories.values()], default=0) + 1, -1, dtype=np.int64
        )
        for c in self.categories.values():
            lookup[c.position] = c.pk
        pos, ok = self._position(firsts[:, 0])
        self.first_category[pos[ok]] = lookup[firsts[ok, 1]]
        sdgs = np.array(
            list(
                Initiative.sdgs.through.objects.filter(
                    initiative__status=Status.PUBLISHED
                ).values_list("initiative_id", "sdg_id")
            ),
            dtype=np.int64,
        ).reshape(-1, 2)
        pos, ok = self._position(sdgs[:, 0])
        np.bitwise_or.at(self.sdg_mask, pos[ok], np.left_shift(1, sdgs[ok, 1] - 1))

    def mask(self, flt: InitiativeFilter) -> np.ndarray:
        m = np.ones(len(self.ids), dtype=bool)
        if flt.bbox:
            b = flt.bbox
            m &= (self.lat >= b.south) & (self.lat <= b.north)
            m &= (self.lon >= b.west) & (self.lon <= b.east)
        if flt.categories:
            bits = 0
            for slug in flt.categories:
                bits |= self.category_bit.get(slug, 0)
            m &= (self.cat_mask & bits) != 0
        if flt.sdgs:
            bits = sum(1 << (n - 1) for n in set(flt.sdgs))
            m &= (self.sdg_mask & bits) != 0
        if flt.municipality:
            m &= self.muni == flt.municipality.pk
        if flt.terms:
            ids = search.ranked_ids(list(flt.terms), flt.text or flt.q)
            m &= np.isin(self.ids, np.array(ids, dtype=np.int64))
        if flt.tag:
            ids = Initiative.tags.through.objects.filter(tag__slug=flt.tag).values_list(
                "initiative_id", flat=True
            )
            m &= np.isin(self.ids, np.array(list(ids), dtype=np.int64))
        if flt.place and flt.radius:
            m &= self.distances(*flt.near) <= flt.radius
        if flt.area:
            box = flt.area.bbox
            m &= (self.lat >= box.south) & (self.lat <= box.north)
            m &= (self.lon >= box.west) & (self.lon <= box.east)
            candidates = np.flatnonzero(m)
            # intersects, not contains: a point on the border counts as inside (as covers).
            inside = shapely.intersects_xy(
                flt.area.geometry, self.lon[candidates], self.lat[candidates]
            )
            m[candidates[~inside]] = False
        return m

    def distances(self, lat: float, lon: float, positions=None) -> np.ndarray:
        """Great-circle distances in metres from (lat, lon) to the entries (or some)."""
        lat2 = self.lat if positions is None else self.lat[positions]
        lon2 = self.lon if positions is None else self.lon[positions]
        p1, p2 = math.radians(lat), np.radians(lat2)
        a = (
            np.sin((p2 - p1) / 2) ** 2
            + math.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon) / 2) ** 2
        )
        return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))

    def nearest(
        self, flt: InitiativeFilter, lat: float, lon: float, *, varied: bool = False
    ) -> tuple[list[int], list[float]]:
        """Ids of the matches and their distances in metres, nearest to (lat, lon) first.

        `varied` mixes the categories (for a list nobody asked anything of): each entry's
        distance counts more the more entries of its category come before it, so twenty
        balcony power plants in a row give way to the nearest repair café and garden.
        """
        positions = np.flatnonzero(self.mask(flt))
        dist = self.distances(lat, lon, positions)
        order = np.lexsort((self.ids[positions], dist))
        if varied and len(order):
            cats = self.first_category[positions[order]]
            by_cat = np.lexsort((np.arange(len(order)), cats))
            grouped = cats[by_cat]
            starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
            sizes = np.diff(np.r_[starts, len(grouped)])
            rank = np.empty(len(order))
            rank[by_cat] = np.arange(len(order)) - np.repeat(starts, sizes)
            key = (dist[order] + VARIETY_METRES) * (1 + VARIETY_WEIGHT * rank)
            order = order[np.argsort(key, kind="stable")]
        return self.ids[positions[order]].tolist(), dist[order].tolist()

    def ranked_matches(self, flt: InitiativeFilter) -> list[int]:
        """Ids of the published matches of a search, best first.

        Up to RANK_AT_MOST matches are ordered by the search engine's relevance. Larger
        sets (a broad word over 100,000 entries) would cost the engine many milliseconds
        per thousand; they are ordered here: names holding every term first, then the
        rest, each by name.
        """
        terms = list(flt.terms)
        found = np.array(search.matching_ids(terms), dtype=np.int64)
        if not len(found) or not len(self.ids):
            return []
        if len(found) <= RANK_AT_MOST:
            found = np.array(search.ranked_ids(terms, flt.text or flt.q), dtype=np.int64)
        others = self.mask(replace(flt, q="", text="", terms=()))
        pos = np.clip(np.searchsorted(self.ids, found), 0, len(self.ids) - 1)
        pos = pos[(self.ids[pos] == found) & others[pos]]
        if len(found) <= RANK_AT_MOST:
            return self.ids[pos].tolist()  # in the engine's order
        in_name = np.fromiter(
            (all(t in self.folded_names[p] for t in terms) for p in pos), dtype=bool, count=len(pos)
        )
        order = np.lexsort((self.name_rank[pos], ~in_name))
        return self.ids[pos[order]].tolist()

    def _grid(self, zoom: int) -> np.ndarray:
        """All entries ordered by their grid cell at `zoom` (computed once per worker)."""
        order = self._grids.get(zoom)
        if order is None:
            order = self._grids[zoom] = np.argsort(
                self._cell_keys(np.arange(len(self.ids)), zoom), kind="stable"
            ).astype(np.int32)
        return order

    def _cell_keys(self, members: np.ndarray, zoom: int) -> np.ndarray:
        cell = CELL_PX / (256.0 * 2**zoom)
        return (np.floor(self.mx[members] / cell).astype(np.int64) << 32) + np.floor(
            self.my[members] / cell
        ).astype(np.int64)

    def point_features(self, positions) -> list[dict]:
        """Single entries as GeoJSON points, their texts read in one query."""
        positions = [int(p) for p in positions]
        texts = {
            pk: (slug, name, short, city)
            for pk, slug, name, short, city in Initiative.objects.filter(
                pk__in=[int(self.ids[p]) for p in positions]
            ).values_list("pk", "slug", "name", "short_description", "city")
        }
        features = []
        for i in positions:
            slug, name, short, city = texts[int(self.ids[i])]
            category = self.categories.get(int(self.first_category[i]))
            features.append(
                {
                    "type": "Feature",
                    "id": slug,
                    "geometry": {
                        "type": "Point",
                        "coordinates": [float(self.lon[i]), float(self.lat[i])],
                    },
                    "properties": {
                        "slug": slug,
                        "name": name,
                        "short_description": short,
                        "city": city,
                        "category": category.slug if category else None,
                        "category_name": category.name if category else "",
                        "colour": category.colour if category else "#495057",
                        "icon": category.icon if category else "",
                        "url": f"/initiativen/{slug}/",
                    },
                }
            )
        return features

    def features(self, flt: InitiativeFilter, *, zoom: int) -> MapResult:
        mask = self.mask(flt)
        selected = np.flatnonzero(mask)
        total = int(len(selected))
        bounds = None
        if total:
            lat, lon = self.lat[selected], self.lon[selected]
            bounds = [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())]
        if total <= POINTS_UP_TO:
            points = self.point_features(selected)
            return MapResult(total, False, points, bounds)
        # A grid cell at zoom z is four cells at z+1: coarser zooms until small enough.
        for level in range(min(zoom, MAX_ZOOM), -1, -1):
            order = self._grid(level)
            members = order[mask[order]]
            keys = self._cell_keys(members, level)
            starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
            if len(starts) <= MAX_FEATURES:
                break
        counts = np.diff(np.r_[starts, len(members)])
        lat, lon = self.lat[members], self.lon[members]
        centre_lat = np.add.reduceat(lat, starts) / counts
        centre_lon = np.add.reduceat(lon, starts) / counts
        south, north = np.minimum.reduceat(lat, starts), np.maximum.reduceat(lat, starts)
        west, east = np.minimum.reduceat(lon, starts), np.maximum.reduceat(lon, starts)
        singles = counts == 1
        features = self.point_features(members[starts[singles]])
        for k in np.flatnonzero(~singles):
            features.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [
                            round(float(centre_lon[k]), 6),
                            round(float(centre_lat[k]), 6),
                        ],
                    },
                    "properties": {
                        "cluster": True,
                        "count": int(counts[k]),
                        "bounds": [
                            float(west[k]),
                            float(south[k]),
                            float(east[k]),
                            float(north[k]),
                        ],
                    },
                }
            )
        return MapResult(total, True, features, bounds)


def get_index() -> MapIndex:
    """The index for the current data version, rebuilt (once per worker) after changes."""
    global _index
    version = current_version(VERSION_NAME)
    index = _index
    if index is not None and index.version == version:
        return index
    with _lock:
        if _index is None or _index.version != version:
            _index = MapIndex(version)
        return _index


def warm_index() -> None:
    """Build this process's index now (before it takes traffic, see core.readiness)."""
    get_index()


def drop_index() -> None:
    global _index
    with _lock:
        _index = None
