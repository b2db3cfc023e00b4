"""Writes for municipalities: importing the official reference data."""

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from shapely.errors import ShapelyError
from shapely.geometry import shape

from mitmachkarte.core.geo import Area, GeoInputError
from mitmachkarte.core.text import slugify_de

from .locator import invalidate_locator
from .models import Municipality, validate_ags

# Field names of the shipped data, with the raw VG250/VG5000 attribute names as aliases.
ALIASES = {
    "ags": ["ags", "AGS"],
    "name": ["name", "GEN"],
    "kind": ["type", "BEZ"],
    "district_ags": ["district_ags"],
    "district": ["district"],
    "state": ["state"],
    "lat": ["lat"],
    "lon": ["lon"],
    "area_km2": ["area_km2"],
}
UPDATED_FIELDS = [
    "name", "kind", "district", "district_ags", "state", "latitude", "longitude", "area_km2",
    "boundary", "bbox_west", "bbox_south", "bbox_east", "bbox_north",
]  # fmt: skip


class ImportFileError(ValueError):
    """The file cannot be imported; the message says why."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)


def _get(props: dict, key: str):
    for alias in ALIASES[key]:
        if props.get(alias) not in (None, ""):
            return props[alias]
    return None


def read_records(path: Path) -> list[dict]:
    """Read a GeoJSON FeatureCollection or a CSV into plain dicts (with "geometry")."""
    suffix = path.suffix.lower()
    if suffix in {".geojson", ".json"}:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ImportFileError(f"{path.name} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
            raise ImportFileError(f"{path.name} is not a GeoJSON FeatureCollection")
        features = data.get("features", [])
        if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
            raise ImportFileError(f"{path.name}: 'features' must be a list of objects")
        return [{**(f.get("properties") or {}), "geometry": f.get("geometry")} for f in features]
    if suffix == ".csv":
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.DictReader(fh))
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"{path.name} is not UTF-8 encoded: {exc}") from exc
        if rows and not any(alias in rows[0] for alias in ALIASES["ags"]):
            raise ImportFileError(f"{path.name} has no 'ags' column")
        return rows
    raise ImportFileError(f"unsupported file type '{suffix}': use .geojson or .csv")


def _parse(record: dict) -> dict:
    ags = str(_get(record, "ags") or "").strip()
    validate_ags(ags)
    name = str(_get(record, "name") or "").strip()
    if not name:
        raise ValidationError("name is missing")
    geometry = record.get("geometry")
    boundary = None
    if isinstance(geometry, dict) and geometry.get("type") in {"Polygon", "MultiPolygon"}:
        try:
            area = Area(geometry)
        except (GeoInputError, ShapelyError, ValueError, TypeError, KeyError, IndexError) as exc:
            raise ValidationError(f"invalid boundary: {exc}") from exc
        if area.geometry.is_empty:
            raise ValidationError("invalid boundary: empty polygon")
        boundary = geometry
    lat, lon = _get(record, "lat"), _get(record, "lon")
    if lat is None or lon is None:
        if boundary is None:
            raise ValidationError("neither lat/lon nor a boundary")
        point = shape(boundary).representative_point()
        lat, lon = point.y, point.x
    lat, lon = round(float(lat), 6), round(float(lon), 6)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationError(f"coordinates out of range: {lat}, {lon}")
    area = _get(record, "area_km2")
    return {
        "ags": ags, "name": name, "kind": str(_get(record, "kind") or ""),
        "district": str(_get(record, "district") or ""),
        "district_ags": str(_get(record, "district_ags") or ags[:5]),
        "state": str(_get(record, "state") or ""), "latitude": lat, "longitude": lon,
        "area_km2": float(area) if area not in (None, "") else None, "boundary": boundary,
    }  # fmt: skip


def _new_slug(values: dict, taken: set[str], ambiguous_names: set[str]) -> str:
    base = slugify_de(values["name"]) or values["ags"]
    candidates = [f"{base}-{slugify_de(values['district'])}", f"{base}-{values['ags']}"]
    if values["name"] not in ambiguous_names:
        candidates.insert(0, base)
    return next(c for c in candidates if c not in taken)


def import_municipalities(*, path: Path) -> ImportReport:
    """Create or update municipalities by AGS. Re-running never duplicates.

    A file without boundaries (the CSV of all German municipalities) keeps the boundaries
    already stored; slugs, websites, contacts and flags edited on the platform are kept.
    """
    report = ImportReport()
    parsed = []
    for number, record in enumerate(read_records(path), start=1):
        try:
            parsed.append(_parse(record))
        except (ValidationError, ValueError, TypeError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            report.rejected.append(f"record {number}: {message}")

    ambiguous = {n for n, c in Counter(v["name"] for v in parsed).items() if c > 1}
    with transaction.atomic():
        existing = {m.ags: m for m in Municipality.objects.exclude(ags=None)}
        taken = set(Municipality.objects.values_list("slug", flat=True))
        to_create, to_update = [], []
        for values in parsed:
            current = existing.get(values["ags"])
            if current is None:
                slug = _new_slug(values, taken, ambiguous)
                taken.add(slug)
                m = Municipality(slug=slug, **values)
                m.set_bbox_from_boundary()
                to_create.append(m)
                continue
            if values["boundary"] is None:
                values["boundary"] = current.boundary
            before = [getattr(current, f) for f in UPDATED_FIELDS]
            for key, value in values.items():
                setattr(current, key, value)
            current.set_bbox_from_boundary()
            if before != [getattr(current, f) for f in UPDATED_FIELDS]:
                to_update.append(current)
            else:
                report.unchanged += 1
        Municipality.objects.bulk_create(to_create, batch_size=500)
        Municipality.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=500)
    report.created, report.updated = len(to_create), len(to_update)
    invalidate_locator()
    return report
