"""What a subscription mail lists: one small collector function per kind.

A collector takes a subscription and a time window and returns the new items of its kind in
the subscription's area and topics, newest first, at most `limit`:

    @register(Kind.NEEDS)
    def collect_needs(subscription, *, since, until, limit) -> list[Item]:
        qs = Need.objects.filter(status="published", created_at__gt=since, created_at__lte=until)
        qs = in_area(qs, subscription)          # latitude/longitude + "municipality" lookups
        qs = with_topics(qs, subscription)      # "categories" / "sdgs" lookups
        return [Item(kind=Kind.NEEDS, title=n.title, url=absolute(n.get_absolute_url()),
                     created_at=n.created_at) for n in qs.order_by("-created_at")[:limit]]

Only kinds with a registered collector are offered in the form and accepted by the services.
Needs and offers (the support exchange) have theirs at the end of this module: needs match
topics by the categories and SDGs of the needing initiative; offers have no topics, so a
topic choice does not filter them (a room or a funding programme helps every topic).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from mitmachkarte.core.links import absolute
from mitmachkarte.events.models import EventStatus, Occurrence
from mitmachkarte.events.recurrence import EVENT_TZ
from mitmachkarte.events.selectors import published_events
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.support.models import NeedStatus
from mitmachkarte.support.selectors import active_needs, active_offers, with_point

from .models import Kind, Subscription

MAX_ITEMS = 50


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    url: str  # absolute (mails have no request)
    created_at: datetime
    summary: str = ""
    place: str = ""
    when: datetime | None = None  # the next date of an event


Collector = Callable[..., Sequence[Item]]
_COLLECTORS: dict[str, Collector] = {}


def register(kind: str) -> Callable[[Collector], Collector]:
    if kind not in Kind.values:
        raise ValueError(f"unknown subscription kind {kind!r}")

    def decorator(func: Collector) -> Collector:
        _COLLECTORS[kind] = func
        return func

    return decorator


def available_kinds() -> list[tuple[str, str]]:
    """(value, label) of the kinds that can be collected, in the order of `Kind`."""
    return [(value, label) for value, label in Kind.choices if value in _COLLECTORS]


def collect(
    subscription: Subscription, *, since: datetime, until: datetime, limit: int = MAX_ITEMS
) -> dict[str, list[Item]]:
    """The new items of each subscribed kind in (since, until]; kinds without items left out."""
    found = {}
    for kind in subscription.kinds:
        collector = _COLLECTORS.get(kind)
        if collector is None:
            continue
        items = list(collector(subscription, since=since, until=until, limit=limit))
        if items:
            found[kind] = items
    return found


def in_area(
    qs: QuerySet,
    subscription: Subscription,
    *,
    municipality: str = "municipality",
    lat: str = "latitude",
    lon: str = "longitude",
) -> QuerySet:
    """Rows in the subscription's municipality (a FK or M2M lookup) or inside its box."""
    if subscription.municipality_id:
        ids = qs.model.objects.filter(**{municipality: subscription.municipality_id})
        return qs.filter(pk__in=ids.values("pk"))
    b = subscription.bbox
    return qs.filter(
        **{
            f"{lat}__gte": b.south,
            f"{lat}__lte": b.north,
            f"{lon}__gte": b.west,
            f"{lon}__lte": b.east,
        }
    )


def with_topics(
    qs: QuerySet, subscription: Subscription, *, categories: str = "categories", sdgs: str = "sdgs"
) -> QuerySet:
    """Rows with any of the chosen categories or SDGs; all rows when none were chosen."""
    category_ids = list(subscription.categories.values_list("pk", flat=True))
    sdg_ids = list(subscription.sdgs.values_list("pk", flat=True))
    if not (category_ids or sdg_ids):
        return qs
    condition = Q()
    if category_ids:
        condition |= Q(**{f"{categories}__in": category_ids})
    if sdg_ids:
        condition |= Q(**{f"{sdgs}__in": sdg_ids})
    return qs.filter(pk__in=qs.model.objects.filter(condition).values("pk"))


@register(Kind.INITIATIVES)
def collect_initiatives(
    subscription: Subscription, *, since: datetime, until: datetime, limit: int
) -> list[Item]:
    """Initiatives first published in the window (a proposal approved weeks after it was
    made is new when it appears, not when it was proposed)."""
    qs = Initiative.objects.filter(
        status=Status.PUBLISHED, published_at__gt=since, published_at__lte=until
    )
    qs = with_topics(in_area(qs, subscription), subscription)
    qs = qs.select_related("municipality").order_by("-published_at", "-pk")[:limit]
    return [
        Item(
            kind=Kind.INITIATIVES,
            title=i.name,
            url=absolute(i.get_absolute_url()),
            created_at=i.published_at,
            summary=i.short_description,
            place=i.municipality.name if i.municipality_id else i.city,
        )
        for i in qs
    ]


@register(Kind.EVENTS)
def collect_events(
    subscription: Subscription, *, since: datetime, until: datetime, limit: int
) -> list[Item]:
    """Events created in the window that still have a date ahead."""
    ahead = Occurrence.objects.filter(
        event__status=EventStatus.PUBLISHED, is_cancelled=False, end__gte=until
    )
    qs = published_events().filter(
        created_at__gt=since, created_at__lte=until, pk__in=ahead.values("event_id")
    )
    qs = with_topics(in_area(qs, subscription, municipality="municipalities"), subscription)
    qs = qs.annotate(
        next_start=Min(
            "occurrences__start",
            filter=Q(occurrences__end__gte=until, occurrences__is_cancelled=False),
        )
    )
    qs = qs.order_by("next_start", "pk")[:limit]
    return [
        Item(
            kind=Kind.EVENTS,
            title=e.title,
            url=absolute(e.get_absolute_url()),
            created_at=e.created_at,
            summary=e.address_line or e.get_format_display(),
            when=timezone.localtime(e.next_start, EVENT_TZ),
        )
        for e in qs
    ]


def _support_place(row) -> str:
    return row.municipality.name if row.municipality_id else ""


@register(Kind.NEEDS)
def collect_needs(
    subscription: Subscription, *, since: datetime, until: datetime, limit: int
) -> list[Item]:
    """Open needs posted in the window in the area (their own point or their municipality's);
    topics are those of the needing initiative."""
    qs = with_point(
        active_needs().filter(status=NeedStatus.OPEN, created_at__gt=since, created_at__lte=until)
    )
    qs = in_area(qs, subscription, lat="lat", lon="lon")
    qs = with_topics(
        qs,
        subscription,
        categories="organisation__initiative__categories",
        sdgs="organisation__initiative__sdgs",
    )
    qs = qs.order_by("-created_at", "-pk")[:limit]
    return [
        Item(
            kind=Kind.NEEDS,
            title=n.title,
            url=absolute(n.get_absolute_url()),
            created_at=n.created_at,
            summary=f"{n.get_need_type_display()} · {n.organisation.name}",
            place=_support_place(n),
        )
        for n in qs
    ]


@register(Kind.OFFERS)
def collect_offers(
    subscription: Subscription, *, since: datetime, until: datetime, limit: int
) -> list[Item]:
    """Active offers posted in the window in the area, those of advice centres serving the
    subscribed municipality, and state-wide ones (no municipality, no point). No topics."""
    qs = with_point(active_offers().filter(created_at__gt=since, created_at__lte=until))
    state_wide = Q(municipality__isnull=True, latitude__isnull=True)
    local = in_area(qs, subscription, lat="lat", lon="lon").values("pk")
    where = Q(pk__in=local) | state_wide
    if subscription.municipality_id:
        where |= Q(organisation__served_municipalities=subscription.municipality_id)
    qs = qs.filter(where).distinct().order_by("-created_at", "-pk")[:limit]
    return [
        Item(
            kind=Kind.OFFERS,
            title=o.title,
            url=absolute(o.get_absolute_url()),
            created_at=o.created_at,
            summary=f"{o.get_offer_type_display()} · {o.organisation.name}",
            place=_support_place(o),
        )
        for o in qs
    ]
