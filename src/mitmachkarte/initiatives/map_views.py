"""The GeoJSON features of a map answer: single entries (texts from the database) and
clusters (count, centre, bounds)."""

import numpy as np

from .map_cells import SCALE
from .models import Initiative


def point_features(index, positions) -> list[dict]:
    """Single entries as GeoJSON points, their texts read in one query."""
    store = index.store
    positions = [int(p) for p in positions]
    texts = {
        pk: (slug, name, short, city)
        for pk, slug, name, short, city in Initiative.objects.filter(
            pk__in=[int(store.ids[p]) for p in positions]
        ).values_list("pk", "slug", "name", "short_description", "city")
    }
    features = []
    for i in positions:
        found = texts.get(int(store.ids[i]))
        if found is None:  # deleted since the index was read: the next request knows
            continue
        slug, name, short, city = found
        category = index.categories.get(int(store.first_category[i]))
        features.append(
            {
                "type": "Feature",
                "id": slug,
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(store.lon[i]), float(store.lat[i])],
                },
                "properties": {
                    "slug": slug,
                    "name": name,
                    "short_description": short,
                    "city": city,
                    "category": category.slug if category else None,
                    "category_name": category.name if category else "",
                    "colour": category.colour if category else "#495057",
                    "icon": category.icon if category else "",
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
