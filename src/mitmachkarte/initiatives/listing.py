"""The rows of one API list page, read lean: plain values, no model objects.

A page of 20 entries through the ORM (`selectors.objects_for_ids`: whole rows including the
~2,500 characters of description and folded search text, model objects, three prefetches)
cost more CPU than a cached search itself (benchmarks/RESULTS.md, issue 19, third round).
Here: one query for the listed columns with the municipality joined, and one per link table
(categories, SDGs, tags) for the page's ids only, each as tuples. The items equal
`serializers.list_item` of the same entries (a test holds it).
"""

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from .models import OUTDATED_AFTER, Initiative

_COLUMNS = (
    "id",
    "slug",
    "name",
    "short_description",
    "city",
    "postcode",
    "latitude",
    "longitude",
    "website",
    "updated_at",
    "data_licence",
    "last_confirmed_at",
    "image",
    "image_small",
    "image_alt",
    "image_credit",
    "municipality__slug",
    "municipality__name",
    "municipality__ags",
)


def _linked(field: str, ids: list[int], value: str, *order: str) -> dict[int, list]:
    """The values `value` of the objects linked through the m2m `field`, per entry id, in
    the order of the linked model's listing (`order`)."""
    through = Initiative._meta.get_field(field).remote_field.through
    rows = (
        through.objects.filter(initiative_id__in=ids)
        .order_by(*order)
        .values_list("initiative_id", value)
    )
    by_id: dict[int, list] = {}
    for pk, item in rows:
        by_id.setdefault(pk, []).append(item)
    return by_id


def _url_maker(base_url: str):
    """The detail URL of a slug: reverse() once per page, not per item (slugs are
    URL-safe: letters, digits and hyphens)."""
    marker = "slug-marker"
    template = base_url + reverse("initiatives:detail", args=[marker])
    head, tail = template.split(marker)
    return lambda slug: f"{head}{slug}{tail}"


def _image(row: dict, base_url: str) -> dict | None:
    if not row["image"]:
        return None
    from .serializers import absolute  # the one rule for MEDIA_URL on another host

    field = Initiative._meta.get_field("image")
    small = Initiative._meta.get_field("image_small")
    return {
        "url": absolute(field.storage.url(row["image"]), base_url),
        "small_url": absolute(small.storage.url(row["image_small"]), base_url),
        "alt": row["image_alt"],
        "credit": row["image_credit"],
    }


def list_items(ids: list[int], *, base_url: str = "") -> list[dict]:
    """API list items (as `serializers.list_item`) of the entries `ids`, in that order;
    ids that no longer exist are left out. Each has its `id`."""
    if not ids:
        return []
    rows = {r["id"]: r for r in Initiative.objects.filter(pk__in=ids).values(*_COLUMNS)}
    categories = _linked(
        "categories", ids, "category__slug", "category__position", "category__slug"
    )
    sdgs = _linked("sdgs", ids, "sdg__number", "sdg__number")
    tags = _linked("tags", ids, "tag__name", "tag__name")
    url_of = _url_maker(base_url)
    outdated_before: datetime = timezone.now() - OUTDATED_AFTER
    items = []
    for pk in ids:
        row = rows.get(pk)
        if row is None:
            continue
        items.append(
            {
                "id": pk,
                "slug": row["slug"],
                "name": row["name"],
                "short_description": row["short_description"],
                "categories": categories.get(pk, []),
                "sdgs": sdgs.get(pk, []),
                "tags": tags.get(pk, []),
                "city": row["city"],
                "postcode": row["postcode"],
                "municipality": (
                    None
                    if row["municipality__slug"] is None
                    else {
                        "slug": row["municipality__slug"],
                        "name": row["municipality__name"],
                        "ags": row["municipality__ags"],
                    }
                ),
                "latitude": row["latitude"],
                "longitude": row["longitude"],
                "website": row["website"],
                "url": url_of(row["slug"]),
                "updated_at": row["updated_at"],
                "data_licence": row["data_licence"],
                "may_be_outdated": row["last_confirmed_at"] < outdated_before,
                "image": _image(row, base_url),
            }
        )
    return items
