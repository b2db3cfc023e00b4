"""Reads for the Karte-von-morgen-compatible API, in OpenFairDB's shapes (openapi.yaml v0).

Mapping decisions (documented on /opendata/ and in the README):
- ids are the initiative's primary key as 32 hex digits (OpenFairDB ids are 32 characters);
  entries imported from Karte von morgen also answer to their KVM id in /entries/{ids};
- KVM has two categories, initiative and company: every entry here is an initiative, so
  `categories` is always [KVM_INITIATIVE]; our categories become KVM tags through the
  import mapping (e.g. repair → "repaircafe"), next to the entry's own tags (slugified);
- no contact data at all: no email, telephone or contact_name keys;
- no ratings here: `ratings` averages are 0, the entry's rating list is empty;
- `image_url` is the entry's picture (800 px, WebP) and `image_link_url` its page;
- `opening_hours` is the entry's structured opening hours (OpenStreetMap syntax, checked
  on every write), left out when it has none; the free-text times are no OSM syntax and
  stay out. `founded_on` is left out: ours is a year, not the full date KVM promises.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Q, QuerySet

from mitmachkarte.core.geo import BBox
from mitmachkarte.core.params import FilterError, clean_list, parse_float, parse_int, reject_nul
from mitmachkarte.core.text import slugify_de
from mitmachkarte.initiatives.filters import MAX_QUERY_LENGTH, parse_filter
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.selectors import filter_initiatives, published
from mitmachkarte.initiatives.serializers import absolute

from .mapping import KVM_COMPANY, KVM_INITIATIVE, category_tags, load_mapping, normalise_tag
from .models import ImportedEntry

DEFAULT_LIMIT = 100
MAX_LIMIT = 2000  # OpenFairDB's internal upper limit
MAX_IDS = 100
MAX_PK = 2**63 - 1
INVISIBLE = 5
_ID = re.compile(r"^[0-9a-f]{32}$")
_HASHTAG = re.compile(r"#([\w-]+)")
ZERO_RATINGS = {
    k: 0.0
    for k in (
        "total",
        "diversity",
        "fairness",
        "humanity",
        "renewable",
        "solidarity",
        "transparency",
    )
}


@lru_cache(maxsize=1)
def _mapping():
    mapping = load_mapping()
    return mapping, category_tags(mapping)


def kvm_id(pk: int) -> str:
    return f"{pk:032x}"


def parse_ids(raw: str) -> list[str]:
    """Comma-separated ids of 32 hexadecimal digits (lower case), without repeats."""
    reject_nul({"ids": raw})
    ids = [i.lower() for i in clean_list(raw)]
    if not ids:
        raise FilterError("ids", "give one or more comma-separated ids")
    if len(ids) > MAX_IDS:
        raise FilterError("ids", f"at most {MAX_IDS} ids at once")
    bad = [i for i in ids if not _ID.match(i)]
    if bad:
        raise FilterError("ids", f"'{bad[0][:40]}' is not an id of 32 hexadecimal digits")
    return list(dict.fromkeys(ids))


def _resolve(ids: list[str]) -> dict[str, int]:
    """Requested id → primary key: our own ids, or the Karte-von-morgen id an entry was
    imported with (so widgets configured with KVM ids keep working after a move)."""
    found = {i: int(i, 16) for i in ids if int(i, 16) <= MAX_PK}
    imported = ImportedEntry.objects.filter(source_id__in=[i for i in ids if i not in found])
    for source_id, pk in imported.values_list("source_id", "initiative_id"):
        found.setdefault(source_id, pk)
    # A KVM id that happens to be small enough to be one of ours still wins as ours.
    return found


def parse_kvm_bbox(raw: str | None) -> BBox:
    """KVM's order: lat1,lng1,lat2,lng2 (two corners, usually south-west and north-east)."""
    if not raw:
        raise FilterError("bbox", "required: south,west,north,east (lat1,lng1,lat2,lng2)")
    parts = raw.split(",")
    if len(parts) != 4 or not all(p.strip() for p in parts):
        raise FilterError("bbox", "four numbers expected: south,west,north,east")
    lat1, lat2 = (parse_float("bbox", p, min_value=-90, max_value=90) for p in parts[::2])
    lng1, lng2 = (parse_float("bbox", p, min_value=-180, max_value=180) for p in parts[1::2])
    return BBox(
        west=min(lng1, lng2), south=min(lat1, lat2), east=max(lng1, lng2), north=max(lat1, lat2)
    )


@dataclass(frozen=True)
class KvmSearch:
    bbox: BBox
    text: str = ""
    tags: tuple[str, ...] = ()
    category_slugs: tuple[str, ...] = ()
    companies_only: bool = False
    limit: int = DEFAULT_LIMIT


def parse_search(*, bbox, text, categories, tags, limit) -> KvmSearch:
    reject_nul({"text": text, "categories": categories, "tags": tags, "limit": limit})
    box = parse_kvm_bbox(bbox)
    text = text or ""
    if len(text) > MAX_QUERY_LENGTH:  # before the hashtags go: the schema counts them too
        raise FilterError("text", f"at most {MAX_QUERY_LENGTH} characters")
    hashtags = _HASHTAG.findall(text)
    text = _HASHTAG.sub(" ", text).strip()
    parse_filter(q=text)  # validates the length
    slugs, kvm_kinds = [], set()
    for value in clean_list(categories):
        if value in (KVM_INITIATIVE, KVM_COMPANY):
            kvm_kinds.add(value)
        else:
            slugs.append(value)
    if slugs:
        slugs = list(parse_filter(categories=slugs).categories)  # FilterError on unknown
    count = parse_int("limit", limit, min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT)
    wanted_tags = [normalise_tag(t) for t in [*clean_list(tags), *hashtags]]
    return KvmSearch(
        bbox=box,
        text=text,
        tags=tuple(t for t in wanted_tags if t),
        category_slugs=tuple(slugs),
        companies_only=kvm_kinds == {KVM_COMPANY},
        limit=count,
    )


def _tag_condition(tag: str) -> Q:
    """An entry has the tag itself, or a category the tag maps onto (e.g. repaircafe)."""
    mapping, _reverse = _mapping()
    categories = [*mapping.tags.get(tag, ((), ()))[0], tag]
    through = Initiative.tags.through.objects.filter(tag__slug=slugify_de(tag))
    by_category = Initiative.categories.through.objects.filter(category__slug__in=categories)
    return Q(pk__in=through.values("initiative_id")) | Q(pk__in=by_category.values("initiative_id"))


def _matching(search: KvmSearch) -> QuerySet[Initiative]:
    if search.companies_only:
        return published().none()
    flt = parse_filter(q=search.text, categories=list(search.category_slugs))
    qs = filter_initiatives(flt)
    for tag in search.tags:
        qs = qs.filter(_tag_condition(tag))
    return qs


def _in_box(qs: QuerySet, b: BBox) -> QuerySet:
    return qs.filter(
        latitude__gte=b.south, latitude__lte=b.north, longitude__gte=b.west, longitude__lte=b.east
    )


_FIELDS = ["pk", "name", "short_description", "latitude", "longitude"]


def _topics(ids: list[int]) -> dict[int, list[str]]:
    """KVM tags per entry: mapped category tags first, then the entry's own tags."""
    _m, reverse = _mapping()
    tags: dict[int, list[str]] = {i: [] for i in ids}
    categories = (
        Initiative.categories.through.objects.filter(initiative_id__in=ids)
        .order_by("initiative_id", "category__position")
        .values_list("initiative_id", "category__slug")
    )
    for pk, slug in categories:
        tags[pk].append(reverse.get(slug, slug))
    own = (
        Initiative.tags.through.objects.filter(initiative_id__in=ids)
        .order_by("initiative_id", "tag__slug")
        .values_list("initiative_id", "tag__slug")
    )
    for pk, slug in own:
        tags[pk].append(slug)
    return {pk: list(dict.fromkeys(values)) for pk, values in tags.items()}


def _search_entry(row: dict, tags: list[str]) -> dict:
    return {
        "id": kvm_id(row["pk"]),
        "status": "confirmed",
        "lat": row["latitude"],
        "lng": row["longitude"],
        "title": row["name"],
        "description": row["short_description"],
        "categories": [KVM_INITIATIVE],
        "tags": tags,
        "ratings": dict(ZERO_RATINGS),
    }


def search(search: KvmSearch) -> dict:
    """{"visible": entries in the box, "invisible": up to 5 matches nearest outside it}."""
    qs = _matching(search)
    b = search.bbox
    visible = list(_in_box(qs, b).order_by("name", "pk").values(*_FIELDS)[: search.limit])
    # Near misses: candidates in a box three times as large, nearest to the centre first.
    dlat, dlon = (b.north - b.south) or 0.01, (b.east - b.west) or 0.01
    wide = BBox(
        west=max(b.west - dlon, -180),
        south=max(b.south - dlat, -90),
        east=min(b.east + dlon, 180),
        north=min(b.north + dlat, 90),
    )
    outside = _in_box(qs, wide).exclude(pk__in=_in_box(qs, b).values("pk"))
    centre = ((b.south + b.north) / 2, (b.west + b.east) / 2)
    near = sorted(
        outside.order_by("pk").values(*_FIELDS)[:500],
        key=lambda r: (
            (r["latitude"] - centre[0]) ** 2
            + ((r["longitude"] - centre[1]) * math.cos(math.radians(centre[0]))) ** 2
        ),
    )
    invisible = near[:INVISIBLE]
    tags = _topics([r["pk"] for r in visible + invisible])
    return {
        "visible": [_search_entry(r, tags[r["pk"]]) for r in visible],
        "invisible": [_search_entry(r, tags[r["pk"]]) for r in invisible],
    }


def _image(i: Initiative, base_url: str) -> dict:
    """KVM's image_url (the picture) and image_link_url (where it leads: the entry)."""
    if not i.image:
        return {}
    return {
        "image_url": absolute(i.image.url, base_url),
        "image_link_url": base_url + i.get_absolute_url(),
    }


def entries(ids: list[str], *, base_url: str = "") -> list[dict]:
    """Full OpenFairDB entries for the given ids (unknown ids are skipped), in that order.

    An entry asked for by its Karte-von-morgen id answers with that id.
    """
    wanted = _resolve(ids)
    found = {
        i.pk: i
        for i in published().filter(pk__in=set(wanted.values())).select_related("municipality")
    }
    tags = _topics(list(found))
    result = []
    for requested, pk in wanted.items():
        i = found.get(pk)
        if i is None:
            continue
        result.append(
            {
                "id": requested,
                "version": 0,
                "created": int(i.created_at.timestamp()),
                "title": i.name,
                "description": i.description or i.short_description,
                "lat": i.latitude,
                "lng": i.longitude,
                "street": i.street,
                "zip": i.postcode,
                "city": i.city,
                "country": "Deutschland",
                "state": i.municipality.state if i.municipality else "",
                "homepage": i.website,
                "categories": [KVM_INITIATIVE],
                "tags": tags[pk],
                "ratings": [],
                "links": [],
                "license": i.data_licence,
                **({"opening_hours": i.opening_hours} if i.opening_hours else {}),
                **_image(i, base_url),
            }
        )
    return result
