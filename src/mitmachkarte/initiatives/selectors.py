"""Reads for initiatives, shared by pages, API and commands."""

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from django.db.models import Count, Prefetch, Q, QuerySet

from mitmachkarte.core.geo import haversine_m
from mitmachkarte.core.versions import cached_for_version
from mitmachkarte.taxonomy.models import SDG, Category

from . import search, search_order
from .filters import InitiativeFilter
from .models import Initiative, Status
from .signals import VERSION_NAME


def published() -> QuerySet[Initiative]:
    return Initiative.objects.filter(status=Status.PUBLISHED)


def filter_initiatives(flt: InitiativeFilter, qs: QuerySet | None = None) -> QuerySet[Initiative]:
    """Published initiatives matching every given filter (categories/SDGs: any of them)."""
    qs = published() if qs is None else qs
    if flt.bbox:
        b = flt.bbox
        qs = qs.filter(
            latitude__gte=b.south,
            latitude__lte=b.north,
            longitude__gte=b.west,
            longitude__lte=b.east,
        )
    if flt.municipality:
        qs = qs.filter(municipality=flt.municipality)
    if flt.terms:
        qs = qs.filter(pk__in=search.matching_ids_sql(list(flt.terms)))
    if flt.categories:
        qs = qs.filter(
            pk__in=Initiative.categories.through.objects.filter(
                category__slug__in=flt.categories
            ).values("initiative_id")
        )
    if flt.sdgs:
        qs = qs.filter(
            pk__in=Initiative.sdgs.through.objects.filter(sdg_id__in=flt.sdgs).values(
                "initiative_id"
            )
        )
    if flt.tag:
        qs = qs.filter(
            pk__in=Initiative.tags.through.objects.filter(tag__slug=flt.tag).values("initiative_id")
        )
    if flt.place and flt.radius:
        qs = qs.filter(pk__in=_within_radius(qs, flt))
    if flt.area:
        # The bbox narrows the candidates in SQL; the exact point-in-polygon test decides.
        box = flt.area.bbox
        candidates = qs.filter(
            latitude__gte=box.south,
            latitude__lte=box.north,
            longitude__gte=box.west,
            longitude__lte=box.east,
        )
        inside = [
            pk
            for pk, lat, lon in candidates.values_list("pk", "latitude", "longitude")
            if flt.area.contains(lat, lon)
        ]
        qs = published().filter(pk__in=inside)
    return qs


def _within_radius(qs: QuerySet[Initiative], flt: InitiativeFilter) -> list[int]:
    """Ids within `flt.radius` metres of its place: a box in SQL, the exact distance here."""
    lat, lon = flt.near
    dlat = flt.radius / 111_000
    dlon = flt.radius / (111_000 * max(math.cos(math.radians(lat)), 0.01))
    box = qs.filter(
        latitude__gte=lat - dlat,
        latitude__lte=lat + dlat,
        longitude__gte=lon - dlon,
        longitude__lte=lon + dlon,
    )
    return [
        pk
        for pk, plat, plon in box.values_list("pk", "latitude", "longitude")
        if haversine_m(lat, lon, plat, plon) <= flt.radius
    ]


def with_listing_data(qs: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return qs.select_related("municipality").prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("position")),
        Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        "tags",
    )


def ranked_ids(flt: InitiativeFilter) -> list[int] | None:
    """Ids of all matches by relevance when the filter searches; None otherwise."""
    if not flt.terms:
        return None
    return list(RankedMatches(flt))


# The first pages of a search are kept (by data version) as one list of ids.
KEPT_RANKED = 200


class LazyIds(Sequence):
    """Ids of matches in list order whose slices are computed on demand (a page at a time);
    the length is the exact number of matches."""

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        return self._slice(*index.indices(len(self)))

    def _slice(self, start: int, stop: int, step: int) -> list[int]:
        raise NotImplementedError


class RankedMatches(LazyIds):
    """The published matches of a search in list order (search_order.ranked), as a lazy
    sequence: its length is the exact count, a slice orders only as far as it reaches.
    The count and the first pages are kept until the data changes."""

    def __init__(self, flt: InitiativeFilter):
        self.flt = flt
        self.key = _filter_key(flt)

    def __len__(self) -> int:
        return self._first()[0]

    def _slice(self, start: int, stop: int, step: int) -> list[int]:
        if step != 1:
            return list(self)[start:stop:step]
        if stop <= KEPT_RANKED:
            return self._first()[1][start:stop]
        return search_order.ranked(self.flt, stop)[1][start:stop] if stop > start else []

    def __iter__(self):
        return iter(search_order.ranked(self.flt, None)[1])

    def _first(self) -> tuple[int, list[int]]:
        """(the number of matches, the ids of the first pages), once per version."""

        def compute():
            return search_order.ranked(self.flt, KEPT_RANKED)

        if not hasattr(self, "_first_found"):  # one version read per request
            self._first_found = (
                compute()
                if self.key is None
                else cached_for_version(VERSION_NAME, f"search:{self.key}", compute)
            )
        return self._first_found


def _filter_key(flt: InitiativeFilter) -> str | None:
    """A cache key for everything that selects the matches (None: do not cache)."""
    if flt.area is not None or flt.place is not None:
        return None
    b = flt.bbox
    text = repr(
        (
            flt.terms,
            (b.west, b.south, b.east, b.north) if b else None,
            sorted(flt.categories),
            sorted(flt.sdgs),
            flt.municipality.pk if flt.municipality else None,
            flt.tag,
        )
    )
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def objects_for_ids(ids: list[int]) -> list[Initiative]:
    """Initiatives with their listing data, in the order of `ids`."""
    by_id = {i.pk: i for i in with_listing_data(Initiative.objects.filter(pk__in=ids))}
    return [by_id[i] for i in ids if i in by_id]


@dataclass
class Ordered:
    """Ids of matches in the order to list them; `distances` (metres) when near a place."""

    ids: list[int]
    distances: dict[int, float] = field(default_factory=dict)


def ordered_matches(flt: InitiativeFilter, *, centre: tuple[float, float] | None = None):
    """All matches in list order, or None when the order is by name.

    Near a place: nearest first, with distances. A search without a place: by relevance.
    Else, given a `centre` (the map's): nearest to it first, categories mixed.
    """

    if flt.place is not None:
        nearest = NearestMatches(flt, *flt.near)
        return Ordered(nearest, nearest.distances)
    if flt.terms:
        return Ordered(RankedMatches(flt))
    if centre is not None:
        return Ordered(NearestMatches(flt, *centre, varied=True))
    return None


class NearestMatches(LazyIds):
    """The matches nearest to a point first (map_index's `nearest`), as a lazy sequence:
    its length is the exact count; a slice orders only as far as it reaches. `distances`
    (metres by id) fills with what was sliced."""

    def __init__(self, flt: InitiativeFilter, lat: float, lon: float, *, varied: bool = False):
        from .map_index import get_index

        self.index, self.args, self.varied = get_index(), (flt, lat, lon), varied
        self.distances: dict[int, float] = {}
        self._total, self._ids = None, []
        # The first pages of the same list (the map page's default, say) are kept by data
        # version: every visitor of `/` asks for them.
        key = _filter_key(flt)
        self.key = key and f"nearest:{key}:{lat:.5f},{lon:.5f}:{int(varied)}"

    def _reach(self, k: int) -> None:
        if self._total is None or (k > len(self._ids) and len(self._ids) < self._total):
            k = max(k, 2 * len(self._ids), NEAREST_PREFIX)

            def compute():
                return self.index.nearest_first(*self.args, k, varied=self.varied)

            if self._total is None and k == NEAREST_PREFIX and self.key:
                total, ids, dist = cached_for_version(VERSION_NAME, self.key, compute)
            else:
                total, ids, dist = compute()
            self._total, self._ids = total, ids
            self.distances.update(zip(ids, dist, strict=True))

    def __len__(self) -> int:
        self._reach(NEAREST_PREFIX)
        return self._total

    def _slice(self, start: int, stop: int, step: int) -> list[int]:
        self._reach(stop)
        return self._ids[start:stop:step]


NEAREST_PREFIX = 60  # the first pages of a list, ordered in one go
NEAREST_IN_VIEW = 5
PHONE_HALF_WIDTH_PX = 180
MIN_PLACE_ZOOM = 8


def zoom_to_show_nearest(place, distances: dict[int, float]):
    """A postcode, district or position zooms out until the nearest few matches are in
    view (even on a phone), so the list beside the map is never empty while matches are
    near. (The map page and the embed start there.)"""
    if place is None or place.kind == "municipality" or not distances:
        return place
    ordered = sorted(distances.values())
    reach = max(ordered[min(NEAREST_IN_VIEW, len(ordered)) - 1], 200)
    metres_per_px_at_zero = 156_543.03 * math.cos(math.radians(place.latitude))
    zoom = math.floor(math.log2(PHONE_HALF_WIDTH_PX * metres_per_px_at_zero / reach))
    return replace(place, zoom=max(MIN_PLACE_ZOOM, min(place.zoom, zoom)))


def with_distances(items: list[Initiative], distances: dict[int, float]) -> list[Initiative]:
    for item in items:
        item.distance_m = distances.get(item.pk)
    return items


def initiative_page(flt: InitiativeFilter, *, limit: int, offset: int) -> tuple[int, Ordered]:
    """The exact number of matches and the ids of one page of them (with `distances` near
    a place): nearest first near a place, by relevance when searching, else by name."""
    ordered = ordered_matches(flt)
    if ordered is not None:
        return len(ordered.ids), Ordered(ordered.ids[offset : offset + limit], ordered.distances)
    qs = filter_initiatives(flt)
    page = qs.order_by("name", "pk").values_list("pk", flat=True)[offset : offset + limit]
    return qs.count(), Ordered(list(page))


def marker_rows(qs: QuerySet[Initiative], *, limit: int | None = None) -> list[dict]:
    """Light rows for map markers (`serializers.geojson_feature`), with the first category."""
    rows = list(
        qs.order_by("pk").values(
            "pk", "slug", "name", "short_description", "latitude", "longitude", "city"
        )[:limit]
    )
    firsts: dict[int, int] = {}
    through = (
        Initiative.categories.through.objects.filter(initiative_id__in=[r["pk"] for r in rows])
        .order_by("initiative_id", "category__position")
        .values_list("initiative_id", "category_id")
    )
    for initiative_id, category_id in through:
        firsts.setdefault(initiative_id, category_id)
    for row in rows:
        row["category_id"] = firsts.get(row["pk"])
    return rows


def map_points(flt: InitiativeFilter, *, limit: int) -> tuple[int, list[dict]]:
    """The exact number of matches and up to `limit` marker rows."""
    qs = filter_initiatives(flt)
    return qs.count(), marker_rows(qs, limit=limit)


def published_detail(slug: str) -> Initiative | None:
    if "\x00" in slug:  # never a slug; PostgreSQL rejects NUL in queries
        return None
    return with_listing_data(published()).filter(slug=slug).first()


def counts_by_category(qs: QuerySet[Initiative]) -> list[Category]:
    return list(
        Category.objects.annotate(n=Count("initiatives", filter=Q(initiatives__in=qs)))
        .filter(n__gt=0)
        .order_by("-n", "position")
    )


def counts_by_sdg(qs: QuerySet[Initiative]) -> list[SDG]:
    return list(
        SDG.objects.annotate(n=Count("initiatives", filter=Q(initiatives__in=qs)))
        .filter(n__gt=0)
        .order_by("number")
    )
