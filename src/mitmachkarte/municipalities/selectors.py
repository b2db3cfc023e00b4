"""Reads for municipalities: lookup by slug or AGS, by point, and overviews."""

from django.db.models import Count, Q, QuerySet

from mitmachkarte.core.params import FilterError
from mitmachkarte.core.text import slugify_de

from .locator import get_locator
from .models import Municipality


def resolve_municipality(key: str) -> Municipality | None:
    """A municipality by slug or by 8-digit AGS; None when unknown."""
    key = (key or "").strip()
    if not key or "\x00" in key:  # never a slug or AGS; PostgreSQL rejects NUL in queries
        return None
    if key.isdigit():
        return Municipality.objects.filter(ags=key).first()
    # A typed name ("Köln") works as well as its slug ("koeln").
    return (
        Municipality.objects.filter(slug=key.lower()).first()
        or Municipality.objects.filter(slug=slugify_de(key)).first()
        or Municipality.objects.filter(name__iexact=key).order_by("pk").first()
    )


def municipality_param(raw: str | None) -> Municipality | None:
    """The municipality of a query parameter (slug, AGS or name); unknown is a FilterError."""
    if not raw:
        return None
    municipality = resolve_municipality(raw)
    if municipality is None:
        # 404: the parameter is well formed, the municipality it names does not exist.
        raise FilterError("municipality", f"unknown municipality '{raw[:60]}'", status=404)
    return municipality


def municipality_id_at(lat: float, lon: float) -> int | None:
    return get_locator().locate(lat, lon)


def municipality_ids_at(lats, lons) -> list[int | None]:
    return get_locator().locate_many(lats, lons)


def municipalities_with_counts(*, q: str = "", only_active: bool = False) -> QuerySet:
    """Municipalities with the number of published initiatives in each."""
    qs = Municipality.objects.annotate(
        initiative_count=Count("initiatives", filter=Q(initiatives__status="published"))
    )
    q = q.replace("\x00", "")  # PostgreSQL rejects NUL in queries
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(district__icontains=q) | Q(ags=q))
    if only_active:
        qs = qs.filter(initiative_count__gt=0)
    return qs.order_by("-initiative_count", "name")
