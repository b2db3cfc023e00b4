"""Reads of the support exchange: lists, matching, finders, reports.

Matching works on representative points: a need's own point or its municipality's, an
offer's own point or its municipality's. Neighbours are the municipalities whose points lie
within `SUPPORT_NEIGHBOUR_RADIUS_KM` (default 25 km) of the need's point.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from mitmachkarte.core.geo import BBox, haversine_m
from mitmachkarte.municipalities.models import Municipality

from .models import Need, NeedStatus, NeedType, Offer, OfferType, Thread

ACTIVE_NEED = (NeedStatus.OPEN, NeedStatus.IN_CONTACT)
# Which kinds of offers can meet which kinds of needs.
OFFER_TYPES_FOR_NEED = {
    NeedType.ROOM: [OfferType.ROOM],
    NeedType.FUNDING: [OfferType.FUNDING],
    NeedType.PERMIT: [OfferType.PERMIT, OfferType.ADVICE],
}
HELP_TYPES = [OfferType.ADVICE, OfferType.OTHER]


def offer_types_for(need_type: str) -> list[str]:
    return OFFER_TYPES_FOR_NEED.get(need_type, HELP_TYPES)


def need_types_for(offer_type: str) -> list[str]:
    return [t for t in NeedType.values if offer_type in offer_types_for(t)]


def radius_m() -> float:
    return float(getattr(settings, "SUPPORT_NEIGHBOUR_RADIUS_KM", 25)) * 1000


def neighbour_ids(lat: float, lon: float, *, radius: float | None = None) -> set[int]:
    """Ids of municipalities whose representative point lies within `radius` metres."""
    radius = radius_m() if radius is None else radius
    dlat = radius / 111_000
    dlon = radius / (111_000 * max(math.cos(math.radians(lat)), 0.01))
    rows = Municipality.objects.filter(
        latitude__range=(lat - dlat, lat + dlat),
        longitude__range=(lon - dlon, lon + dlon),
    ).values_list("pk", "latitude", "longitude")
    return {pk for pk, mlat, mlon in rows if haversine_m(lat, lon, mlat, mlon) <= radius}


# --- needs -----------------------------------------------------------------------------------


def active_needs() -> QuerySet[Need]:
    return Need.objects.filter(
        status__in=ACTIVE_NEED, expires_on__gte=timezone.localdate()
    ).select_related("municipality", "organisation", "organisation__initiative")


def with_point(qs: QuerySet) -> QuerySet:
    return qs.annotate(
        lat=Coalesce(F("latitude"), F("municipality__latitude")),
        lon=Coalesce(F("longitude"), F("municipality__longitude")),
    )


def in_bbox(qs: QuerySet, bbox: BBox | None) -> QuerySet:
    if bbox is None:
        return qs
    return with_point(qs).filter(
        lat__range=(bbox.south, bbox.north), lon__range=(bbox.west, bbox.east)
    )


def filter_needs(*, types=(), municipality=None, bbox=None, qs=None) -> QuerySet[Need]:
    qs = active_needs() if qs is None else qs
    if types:
        qs = qs.filter(need_type__in=list(types))
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    return in_bbox(qs, bbox).order_by("-created_at", "-pk")


def needs_of(organisations) -> QuerySet[Need]:
    return (
        Need.objects.filter(organisation__in=organisations)
        .select_related("municipality", "organisation")
        .order_by("-created_at")
    )


def open_needs_of_initiative(initiative_id: int, *, limit: int = 5) -> list[Need]:
    """Active needs of the organisation that runs an initiative (its detail page)."""
    qs = active_needs().filter(organisation__initiative_id=initiative_id)
    return list(qs.order_by("expires_on", "pk")[:limit])


def solved_needs_for_municipality(municipality: Municipality) -> QuerySet[Need]:
    """Solved needs in `municipality` (for reports; the initiative's SDGs via
    `organisation__initiative__sdgs`)."""
    return Need.objects.filter(status=NeedStatus.SOLVED, municipality=municipality).select_related(
        "organisation", "organisation__initiative"
    )


def solved_needs_by_sdg(municipality: Municipality) -> list[dict]:
    """[{"sdg": number, "count": solved needs whose initiative works on that SDG}, …]."""
    rows = (
        solved_needs_for_municipality(municipality)
        .filter(organisation__initiative__sdgs__isnull=False)
        .values("organisation__initiative__sdgs")
        .annotate(n=Count("pk", distinct=True))
        .order_by("organisation__initiative__sdgs")
    )
    return [{"sdg": r["organisation__initiative__sdgs"], "count": r["n"]} for r in rows]


def open_needs_by_type(municipality: Municipality) -> list[dict]:
    counts = dict(
        active_needs()
        .filter(municipality=municipality)
        .values_list("need_type")
        .annotate(n=Count("pk"))
    )
    return [
        {"type": value, "label": label, "n": counts.get(value, 0)}
        for value, label in NeedType.choices
        if counts.get(value)
    ]


# --- offers ----------------------------------------------------------------------------------


def active_offers() -> QuerySet[Offer]:
    today = timezone.localdate()
    return (
        Offer.objects.filter(is_active=True)
        .exclude(offer_type=OfferType.FUNDING, deadline__lt=today)
        .select_related("municipality", "organisation")
    )


def filter_offers(
    *,
    types=(),
    municipality=None,
    bbox=None,
    capacity_min=None,
    step_free=False,
    amount=None,
    topic="",
    qs=None,
) -> QuerySet[Offer]:
    qs = active_offers() if qs is None else qs
    if types:
        qs = qs.filter(offer_type__in=list(types))
    if municipality is not None:
        qs = qs.filter(municipality=municipality)
    if capacity_min:
        qs = qs.filter(capacity__gte=capacity_min)
    if step_free:
        qs = qs.filter(step_free=True)
    if amount is not None:
        qs = qs.filter(
            Q(amount_max__isnull=True) | Q(amount_max__gte=amount),
            Q(amount_min__isnull=True) | Q(amount_min__lte=amount),
        )
    if topic:
        qs = qs.filter(topic=topic)
    return in_bbox(qs, bbox).order_by("-updated_at", "-pk")


def offers_of(organisations) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(organisation__in=organisations)
        .select_related("municipality", "organisation")
        .order_by("-updated_at")
    )


def permit_guides(municipality: Municipality) -> QuerySet[Offer]:
    return (
        active_offers()
        .filter(offer_type=OfferType.PERMIT, municipality=municipality)
        .order_by("topic", "title")
    )


# --- matching --------------------------------------------------------------------------------


@dataclass
class Match:
    item: object  # an Offer or a Need
    same_municipality: bool
    distance_km: float | None


def _rank(candidates, *, municipality_id, point) -> list[Match]:
    matches = []
    for item in candidates:
        other = item.point
        distance = (
            haversine_m(*point, *other) / 1000 if point is not None and other is not None else None
        )
        same = municipality_id is not None and item.municipality_id == municipality_id
        matches.append(Match(item=item, same_municipality=same, distance_km=distance))
    # Same municipality first, then the nearest, then the freshest.
    matches.sort(
        key=lambda m: (
            not m.same_municipality,
            m.distance_km if m.distance_km is not None else math.inf,
            -m.item.updated_at.timestamp(),
            -m.item.pk,
        )
    )
    return matches


def matching_offers(need: Need, *, limit: int = 50) -> list[Match]:
    """Active offers that could meet `need`: its municipality and neighbours, plus offers
    open to the whole state; ranked."""
    point = need.point
    area = {need.municipality_id} if need.municipality_id else set()
    if point is not None:
        area |= neighbour_ids(*point)
    where = Q(municipality_id__in=area) | Q(municipality__isnull=True)
    if need.municipality_id:
        # Advice centres help in every municipality they serve, however far.
        where |= Q(organisation__served_municipalities=need.municipality_id)
    candidates = (
        active_offers()
        .filter(offer_type__in=offer_types_for(need.need_type))
        .filter(where)
        .distinct()
    )
    return _rank(candidates, municipality_id=need.municipality_id, point=point)[:limit]


def matching_needs(offer: Offer, *, limit: int = 50) -> list[Match]:
    """Open needs `offer` could meet (in its municipality and neighbours; all for offers
    without a municipality); ranked like matching offers."""
    candidates = active_needs().filter(
        status=NeedStatus.OPEN, need_type__in=need_types_for(offer.offer_type)
    )
    point = offer.point
    if offer.municipality_id is not None:
        area = {offer.municipality_id} | (neighbour_ids(*point) if point else set())
        area |= set(offer.organisation.served_municipalities.values_list("pk", flat=True))
        candidates = candidates.filter(municipality_id__in=area)
    return _rank(candidates, municipality_id=offer.municipality_id, point=point)[:limit]


# --- threads ---------------------------------------------------------------------------------


def threads_for(organisations) -> QuerySet[Thread]:
    return (
        Thread.objects.filter(
            Q(need__organisation__in=organisations) | Q(offer__organisation__in=organisations)
        )
        .select_related("need", "offer", "need__organisation", "offer__organisation")
        .distinct()
    )


def offers_near(municipality: Municipality, qs: QuerySet[Offer]) -> list[Match]:
    """Offers of `qs` in `municipality`, its neighbours or the whole state, ranked."""
    point = (municipality.latitude, municipality.longitude)
    area = {municipality.pk} | neighbour_ids(*point)
    candidates = qs.filter(Q(municipality_id__in=area) | Q(municipality__isnull=True))
    return _rank(candidates, municipality_id=municipality.pk, point=point)
