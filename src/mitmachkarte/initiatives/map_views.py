"""The GeoJSON features of a map answer: single entries (texts from the database) and
clusters (count, centre, bounds)."""

import numpy as np
from django.db import connection
from django.utils.translation import get_language

from .map_cells import SCALE
from .models import Initiative

NO_CATEGORY = (None, "", "#495057", "")
_TEXT_FIELDS = ("id", "slug", "name", "short_description", "city")


def _texts_sql(n: int) -> str:
    # Plain SQL: building the ORM query for a few hundred ids cost as much as running it.
    meta = Initiative._meta
    columns = ", ".join(connection.ops.quote_name(meta.get_field(f).column) for f in _TEXT_FIELDS)
    table = connection.ops.quote_name(meta.db_table)
    marks = ", ".join(["%s"] * n)
    return f"SELECT {columns} FROM {table} WHERE {meta.pk.column} IN ({marks})"  # noqa: S608


def _texts(ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_texts_sql(len(ids)), ids)
        return {row[0]: row[1:] for row in cursor.fetchall()}


def _category_properties(index) -> dict[int, tuple]:
    """(slug, name, colour, icon) per category pk in the active language, kept with the
    index's categories (their names are a property that reads the language each time)."""
    language = get_language() or ""
    kept = index.taxonomy.properties
    if language not in kept:
        kept[language] = {
            pk: (c.slug, c.name, c.colour, c.icon) for pk, c in index.categories.items()
        }
    return kept[language]


def point_features(index, positions) -> list[dict]:
    """Single entries as GeoJSON points, their texts read in one query."""
    store = index.store
    positions = np.asarray(positions, dtype=np.int64)
    ids = store.ids[positions].tolist()
    texts = _texts(ids)
    categories = _category_properties(index)
    features = []
    for pk, lon, lat, first in zip(
        ids,
        store.lon[positions].tolist(),
        store.lat[positions].tolist(),
        store.first_category[positions].tolist(),
        strict=True,
    ):
        found = texts.get(pk)
        if found is None:  # deleted since the index was read: the next request knows
            continue
        slug, name, short, city = found
        cat_slug, cat_name, colour, icon = categories.get(first, NO_CATEGORY)
        features.append(
            {
                "type": "Feature",
                "id": slug,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "slug": slug,
                    "name": name,
                    "short_description": short,
                    "city": city,
                    "category": cat_slug,
                    "category_name": cat_name,
                    "colour": colour,
                    "icon": icon,
                    "url": f"/initiativen/{slug}/",
                },
            }
        )
    return features


def cluster_features(groups: dict[str, np.ndarray]) -> list[dict]:
    """Clusters from counts, fixed-point coordinate sums and bounds, one per row."""
    count = groups["count"]
    # Rounded, yet inside the cluster's bounds (all its points may share one place).
    lat = np.clip(np.round(groups["slat"] / count / SCALE, 6), groups["south"], groups["north"])
    lon = np.clip(np.round(groups["slon"] / count / SCALE, 6), groups["west"], groups["east"])
    bounds = np.stack(
        [groups["west"], groups["south"], groups["east"], groups["north"]], axis=1
    ).tolist()
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [x, y]},
            "properties": {"cluster": True, "count": c, "bounds": b},
        }
        for x, y, c, b in zip(lon.tolist(), lat.tolist(), count.tolist(), bounds, strict=True)
    ]
