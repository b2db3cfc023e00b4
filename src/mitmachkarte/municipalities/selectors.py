"""Reads for municipalities: lookup by slug or AGS, by point, and overviews."""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q

from mitmachkarte.core.params import FilterError
from mitmachkarte.core.text import slugify_de
from mitmachkarte.core.versions import cached_for_version

from .locator import get_locator
from .models import Municipality

# "Neustadt (07337061)": how suggestions name one of several municipalities of one name.
NAME_WITH_AGS = re.compile(r"(.+?)\s*\((\d{8})\)")
SLUG = re.compile(r"[a-z0-9-]+")


def resolve_municipality(key: str) -> Municipality | None:
    """A municipality by slug or by 8-digit AGS; None when unknown."""
    key = (key or "").strip()
    if not key or "\x00" in key:  # never a slug or AGS; PostgreSQL rejects NUL in queries
        return None
    if key.isdigit():
        return Municipality.objects.filter(ags=key).first()
    with_ags = NAME_WITH_AGS.fullmatch(key)
    if with_ags:
        return Municipality.objects.filter(ags=with_ags.group(2)).first()
    # A typed name ("Köln") works as well as its slug ("koeln").
    return (
        Municipality.objects.filter(slug=key.lower()).first()
        or Municipality.objects.filter(slug=slugify_de(key)).first()
        or Municipality.objects.filter(name__iexact=key).order_by("pk").first()
    )


def namesakes(key: str) -> list[Municipality]:
    """The municipalities a typed name (not a slug, AGS or "Name (AGS)") could mean, when
    more than one: "Neustadt" is a dozen towns."""
    key = (key or "").strip()
    if not key or "\x00" in key or SLUG.fullmatch(key) or NAME_WITH_AGS.fullmatch(key):
        return []
    found = list(Municipality.objects.filter(name__iexact=key).order_by("ags", "pk")[:8])
    return found if len(found) > 1 else []


def namesakes_text(found: list[Municipality]) -> str:
    return ", ".join(f"{m.name} ({m.ags})" for m in found)


def municipality_param(raw: str | None) -> Municipality | None:
    """The municipality of a query parameter (slug, AGS or name); unknown or ambiguous is a
    FilterError."""
    if not raw:
        return None
    several = namesakes(raw)
    if several:
        raise FilterError(
            "municipality", f"'{raw[:60]}' names several municipalities: {namesakes_text(several)}"
        )
    municipality = resolve_municipality(raw)
    if municipality is None:
        # 404: the parameter is well formed, the municipality it names does not exist.
        raise FilterError("municipality", f"unknown municipality '{raw[:60]}'", status=404)
    return municipality


def municipality_id_at(lat: float, lon: float) -> int | None:
    return get_locator().locate(lat, lon)


def municipality_ids_at(lats, lons) -> list[int | None]:
    return get_locator().locate_many(lats, lons)


# The data version the initiatives app bumps on every change of an entry (core.versions).
INITIATIVES_VERSION = "initiatives"


def initiative_counts() -> dict[int, int]:
    """Published initiatives per municipality id (those with any), cached by data version:
    one scan per change, not one per page view."""
    return cached_for_version(INITIATIVES_VERSION, "municipality-counts", _count_initiatives)


def _count_initiatives() -> dict[int, int]:
    return dict(
        Municipality.objects.annotate(
            n=Count("initiatives", filter=Q(initiatives__status="published"))
        )
        .filter(n__gt=0)
        .values_list("pk", "n")
    )


class CountedMunicipalities(Sequence):
    """Municipalities in list order with `initiative_count` set; only a slice is loaded.

    Ids and order come from the cached counts and one narrow read of names; a page reads
    its 60 rows (a Paginator or the API slice it).
    """

    def __init__(self, ids: list[int], counts: dict[int, int]):
        self.ids, self.counts = ids, counts

    def __len__(self) -> int:
        return len(self.ids)

    def count(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0] if index >= 0 else self[len(self) + index]
        ids = self.ids[index]
        found = Municipality.objects.in_bulk(ids)
        for municipality in found.values():
            municipality.initiative_count = self.counts.get(municipality.pk, 0)
        return [found[pk] for pk in ids if pk in found]


def municipalities_with_counts(*, q: str = "", only_active: bool = False) -> CountedMunicipalities:
    """Municipalities with their number of published initiatives, most active first."""
    counts = initiative_counts()
    qs = Municipality.objects.all()
    q = q.replace("\x00", "")  # PostgreSQL rejects NUL in queries
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(district__icontains=q) | Q(ags=q))
    if only_active:
        qs = qs.filter(pk__in=list(counts))
    rows = sorted(qs.values_list("pk", "name"), key=lambda r: (-counts.get(r[0], 0), r[1], r[0]))
    return CountedMunicipalities([pk for pk, _name in rows], counts)


SUGGESTIONS_AT_MOST = 20


@dataclass(frozen=True)
class Suggestion:
    value: str  # what the field resolves: the name, or "Name (AGS)" for namesakes
    name: str
    district: str
    ags: str
    initiative_count: int


def suggest_municipalities(text: str, *, limit: int = 10) -> list[Suggestion]:
    """Municipalities whose name (or slug, or AGS) starts with `text`: exact names first,
    then the most active. Namesakes carry their AGS, so the choice is unambiguous."""
    text = " ".join(text.replace("\x00", "").split())
    if not text:
        return []
    query = Q(name__istartswith=text)
    if slugify_de(text):
        query |= Q(slug__startswith=slugify_de(text))
    if text.isdigit():
        query |= Q(ags__startswith=text)
    rows = list(Municipality.objects.filter(query).values_list("pk", "name", "district", "ags"))
    counts = initiative_counts()
    names = Counter(name.lower() for _pk, name, _district, _ags in rows)
    lowered = text.lower()
    rows.sort(key=lambda r: (r[1].lower() != lowered, -counts.get(r[0], 0), r[1], r[0]))
    return [
        Suggestion(
            value=f"{name} ({ags})" if names[name.lower()] > 1 and ags else name,
            name=name,
            district=district,
            ags=ags or "",
            initiative_count=counts.get(pk, 0),
        )
        for pk, name, district, ags in rows[:limit]
    ]
