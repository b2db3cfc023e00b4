"""Reads for initiatives, shared by pages, API and commands."""

import math
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from mitmachkarte.core.geo import haversine_m
from mitmachkarte.taxonomy.models import SDG, Category

from . import search
from .filters import InitiativeFilter
from .models import Initiative, Status


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
    from .map_index import get_index

    return get_index().ranked_matches(flt)


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
    from .map_index import get_index

    if flt.place is not None:
        ids, dist = get_index().nearest(flt, *flt.near)
        return Ordered(ids, dict(zip(ids, dist, strict=True)))
    if flt.terms:
        return Ordered(get_index().ranked_matches(flt))
    if centre is not None:
        return Ordered(get_index().nearest(flt, *centre, varied=True)[0])
    return None


def with_distances(items: list[Initiative], distances: dict[int, float]) -> list[Initiative]:
    for item in items:
        item.distance_m = distances.get(item.pk)
    return items


def initiative_page(flt: InitiativeFilter, *, limit: int, offset: int) -> tuple[int, list]:
    """The exact number of matches and one page of them: nearest first near a place, by
    relevance when searching, else by name."""
    ordered = ordered_matches(flt)
    if ordered is not None:
        page = objects_for_ids(ordered.ids[offset : offset + limit])
        return len(ordered.ids), with_distances(page, ordered.distances)
    qs = filter_initiatives(flt)
    count = qs.count()
    items = list(with_listing_data(qs.order_by("name", "pk"))[offset : offset + limit])
    return count, items


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
