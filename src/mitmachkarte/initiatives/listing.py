"""The rows of one API list page, read lean: plain values, no model objects.

A page of 20 entries through the ORM (`selectors.objects_for_ids`: whole rows including the
~2,500 characters of description and folded search text, model objects, three prefetches)
cost more CPU than a cached search itself (benchmarks/RESULTS.md, issue 19, third round).
Here: one query for the listed columns with the municipality joined, and one for the
categories, SDGs and tags of the page's ids (plain SQL: no ORM query to compile). The items equal
`serializers.list_item` of the same entries (a test holds it).
"""

from datetime import datetime

from django.db import connection
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


def _link_sql(field: str, key: str, order: str, text: str, number: str) -> str:
    """One branch of the links query: (entry id, kind, sort key, text, number) of the m2m
    `field`'s linked objects."""
    m2m = Initiative._meta.get_field(field)
    through, target = m2m.remote_field.through._meta, m2m.related_model._meta
    link = through.get_field(m2m.m2m_reverse_field_name())
    return (
        f"SELECT l.initiative_id, '{key}', {order}, {text}, {number} FROM {through.db_table} l "
        f"JOIN {target.db_table} t ON t.{link.target_field.column} = l.{link.column} "
        "WHERE l.initiative_id IN ({marks})"
    )


_LINKS = " UNION ALL ".join(
    [
        _link_sql("categories", "categories", "t.position", "t.slug", "0"),
        _link_sql("sdgs", "sdgs", "t.number", "''", "t.number"),
        _link_sql("tags", "tags", "0", "t.name", "0"),
    ]
)


def _links(ids: list[int]) -> dict[tuple[int, str], list]:
    """The categories' slugs, SDGs' numbers and tags' names of the entries, per (id, kind),
    each in the order of its model's listing (position and slug, number, name), in one
    query (the database's collation orders the names, as it does for the ORM)."""
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM ({_LINKS.format(marks=marks)}) AS links ORDER BY 2, 3, 4", ids * 3
        )
        rows = cursor.fetchall()
    found: dict[tuple[int, str], list] = {}
    for pk, kind, _order, text, number in rows:
        found.setdefault((pk, kind), []).append(number if kind == "sdgs" else text)
    return found


def _url_maker(base_url: str):
    """The detail URL of a slug: reverse() once per page, not per item (slugs are
    URL-safe: letters, digits and hyphens)."""
    marker = "slug-marker"
    template = base_url + reverse("initiatives:detail", args=[marker])
    head, tail = template.split(marker)
    return lambda slug: f"{head}{slug}{tail}"


def _image(row: dict, base_url: str) -> dict | None:
    from .serializers import image_of  # the one rule for the picture's URLs

    fields = (row["image"], row["image_small"], row["image_alt"], row["image_credit"])
    return image_of(*fields, base_url=base_url)


def list_items(ids: list[int], *, base_url: str = "") -> list[dict]:
    """API list items (as `serializers.list_item`) of the entries `ids`, in that order;
    ids that no longer exist are left out. Each has its `id`."""
    if not ids:
        return []
    rows = {r["id"]: r for r in Initiative.objects.filter(pk__in=ids).values(*_COLUMNS)}
    links = _links(ids)
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
                "categories": links.get((pk, "categories"), []),
                "sdgs": links.get((pk, "sdgs"), []),
                "tags": links.get((pk, "tags"), []),
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
