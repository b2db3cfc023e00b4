"""Export rows of published data, produced chunk by chunk so memory stays flat.

Rows come from `values()` in primary-key order, keyset-paginated chunks (see `_chunks`) plus
one lookup per many-to-many relation per chunk: no model instances, no prefetch cache that
grows with the data set, and no database cursor held open while a slow client downloads.

Only public fields: contact e-mail, phone and social links are never part of a row.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.core.files.storage import default_storage
from django.db.models import Max, QuerySet
from django.urls import reverse

from mitmachkarte.core.versions import current_version
from mitmachkarte.events.models import Event, EventStatus, public_online_url
from mitmachkarte.initiatives.filters import InitiativeFilter
from mitmachkarte.initiatives.models import DataLicence, Initiative
from mitmachkarte.initiatives.selectors import filter_initiatives, published
from mitmachkarte.initiatives.serializers import absolute
from mitmachkarte.initiatives.signals import VERSION_NAME

CHUNK_SIZE = 2000
LIST_SEPARATOR = "|"  # inside one CSV cell: categories, SDGs, tags

# The columns of the CSV export, in order; GeoJSON properties and the import use them too.
INITIATIVE_FIELDS = [
    "id",
    "slug",
    "name",
    "short_description",
    "description",
    "categories",
    "sdgs",
    "tags",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "municipality_ags",
    "municipality_name",
    "website",
    "meeting_times",
    "opening_hours",
    "how_to_join",
    "founded_year",
    "last_confirmed_at",
    "updated_at",
    "data_licence",
    "url",
    "image_url",
    "image_alt",
    "image_credit",
]
LICENCE_PARAMS = {"cc0": DataLicence.CC0, "odbl": DataLicence.ODBL}

_VALUES = [
    "pk",
    "slug",
    "name",
    "short_description",
    "description",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "municipality__ags",
    "municipality__name",
    "website",
    "meeting_times",
    "opening_hours",
    "how_to_join",
    "founded_year",
    "last_confirmed_at",
    "updated_at",
    "data_licence",
    "image",
    "image_alt",
    "image_credit",
]


def export_queryset(flt: InitiativeFilter | None = None, *, licence: str = "") -> QuerySet:
    """Published initiatives for an export, optionally filtered and of one data licence."""
    qs = filter_initiatives(flt) if flt and not flt.is_empty else published()
    if licence:
        qs = qs.filter(data_licence=licence)
    return qs


def data_version() -> int:
    return current_version(VERSION_NAME)


def last_modified(qs: QuerySet | None = None):
    """The newest change among the exported rows (None when there are none)."""
    qs = published() if qs is None else qs
    return qs.aggregate(m=Max("updated_at"))["m"]


def _chunks(qs: QuerySet, fields: list[str], chunk_size: int) -> Iterator[list[dict]]:
    """Rows in primary-key order, `chunk_size` at a time.

    Two queries per chunk: the next ids (keyset, ids only: SQLite answers it from an index
    without reading rows), then those rows by primary key. One query with LIMIT made SQLite
    read and sort every remaining row per chunk, quadratic at 100k entries.
    """
    last_pk = 0
    while True:
        ids = list(
            qs.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True)[:chunk_size]
        )
        if not ids:
            return
        last_pk = ids[-1]
        yield list(qs.model.objects.filter(pk__in=ids).order_by("pk").values(*fields))


def _m2m_lookup(model, ids: list[int], owner: str, value: str, order: str) -> dict[int, list]:
    """{owner id: [values]} for one chunk in one query, e.g. category slugs by position."""
    found: dict[int, list] = defaultdict(list)
    rows = (
        model.objects.filter(**{f"{owner}__in": ids})
        .order_by(owner, order)
        .values_list(owner, value)
    )
    for owner_id, item in rows:
        found[owner_id].append(item)
    return found


def _media_url(name: str, base_url: str) -> str:
    return absolute(default_storage.url(name), base_url) if name else ""


def _url_prefix(base_url: str, name: str) -> str:
    # reverse() once, not 100,000 times: the slug is the last path segment.
    return base_url + reverse(name, args=["__slug__"]).replace("__slug__", "{}")


def initiative_rows(
    qs: QuerySet | None = None, *, base_url: str = "", chunk_size: int = CHUNK_SIZE
) -> Iterator[dict]:
    """One plain dict per published initiative (keys: INITIATIVE_FIELDS), in id order.

    Lists (categories as slugs, SDGs as numbers, tags as names) are Python lists;
    timestamps are aware datetimes. The formats turn them into text.
    """
    qs = published() if qs is None else qs
    url = _url_prefix(base_url, "initiatives:detail")
    through = Initiative.categories.through, Initiative.sdgs.through, Initiative.tags.through
    for chunk in _chunks(qs, _VALUES, chunk_size):
        ids = [r["pk"] for r in chunk]
        categories = _m2m_lookup(
            through[0], ids, "initiative_id", "category__slug", "category__position"
        )
        sdgs = _m2m_lookup(through[1], ids, "initiative_id", "sdg_id", "sdg_id")
        tags = _m2m_lookup(through[2], ids, "initiative_id", "tag__name", "tag__name")
        for r in chunk:
            pk = r.pop("pk")
            yield {
                "id": pk,
                "slug": r["slug"],
                "name": r["name"],
                "short_description": r["short_description"],
                "description": r["description"],
                "categories": categories.get(pk, []),
                "sdgs": sdgs.get(pk, []),
                "tags": tags.get(pk, []),
                "street": r["street"],
                "postcode": r["postcode"],
                "city": r["city"],
                "latitude": r["latitude"],
                "longitude": r["longitude"],
                "municipality_ags": r["municipality__ags"] or "",
                "municipality_name": r["municipality__name"] or "",
                "website": r["website"],
                "meeting_times": r["meeting_times"],
                "opening_hours": r["opening_hours"],
                "how_to_join": r["how_to_join"],
                "founded_year": r["founded_year"],
                "last_confirmed_at": r["last_confirmed_at"],
                "updated_at": r["updated_at"],
                "data_licence": r["data_licence"],
                "url": url.format(r["slug"]),
                "image_url": _media_url(r["image"], base_url),
                "image_alt": r["image_alt"] if r["image"] else "",
                "image_credit": r["image_credit"] if r["image"] else "",
            }


# --- events ------------------------------------------------------------------------------

_EVENT_VALUES = [
    "pk",
    "slug",
    "title",
    "description",
    "event_type",
    "start",
    "end",
    "format",
    "venue_name",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "online_url",
    "registration_enabled",
    "organiser_name",
    "organiser_url",
    "updated_at",
]


def published_events() -> QuerySet[Event]:
    return Event.objects.filter(status=EventStatus.PUBLISHED)


def events_last_modified():
    return published_events().aggregate(m=Max("updated_at"))["m"]


def event_rows(
    qs: QuerySet | None = None, *, base_url: str = "", chunk_size: int = CHUNK_SIZE
) -> Iterator[dict]:
    """One plain dict per published event. The organiser's e-mail is never included, nor
    the meeting link of an event with registration (participants receive it by mail)."""
    qs = published_events() if qs is None else qs
    url = _url_prefix(base_url, "events:detail")
    for chunk in _chunks(qs, _EVENT_VALUES, chunk_size):
        ids = [r["pk"] for r in chunk]
        categories = _m2m_lookup(
            Event.categories.through, ids, "event_id", "category__slug", "category__position"
        )
        for r in chunk:
            r["id"] = r.pop("pk")
            r["online_url"] = public_online_url(
                online_url=r["online_url"], registration_enabled=r.pop("registration_enabled")
            )
            r["categories"] = categories.get(r["id"], [])
            r["url"] = url.format(r["slug"])
            yield r
