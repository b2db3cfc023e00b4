"""A municipality's embed shows exactly the initiatives inside its boundary: tested with the
real, shipped NRW boundaries on the most concave municipality, at points a few metres either
side of its border and in the gap between the border and the convex hull."""

import math

import pytest
from shapely.geometry import Point, shape

from mitmachkarte.embed import selectors
from mitmachkarte.initiatives.filters import InitiativeFilter
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.municipalities.models import Municipality
from tests.factories import InitiativeFactory, MunicipalityFactory

from .conftest import embed_config

pytestmark = pytest.mark.django_db

OFFSET_M = 5
M_PER_DEG = 111_320


def largest_polygon(geometry):
    return max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)


def concavity(municipality: Municipality) -> float:
    geometry = shape(municipality.boundary)
    return geometry.area / geometry.convex_hull.area


def points_across_an_edge(geometry, metres: float = OFFSET_M):
    """Two points `metres` either side of the middle of a long border segment (inside first),
    each with that segment as its nearest border."""
    ring = list(largest_polygon(geometry).exterior.coords)
    segments = sorted(zip(ring, ring[1:], strict=False), key=lambda s: -math.dist(*s))
    for (x1, y1), (x2, y2) in segments:
        mid_x, mid_y = (x1 + x2) / 2, (y1 + y2) / 2
        scale = math.cos(math.radians(mid_y))  # metres east per degree shrink with latitude
        dx, dy = (x2 - x1) * scale, (y2 - y1)
        length = math.hypot(dx, dy)
        # unit normal in metres, back to degrees
        nx, ny = -dy / length, dx / length
        a = Point(mid_x + nx * metres / M_PER_DEG / scale, mid_y + ny * metres / M_PER_DEG)
        b = Point(mid_x - nx * metres / M_PER_DEG / scale, mid_y - ny * metres / M_PER_DEG)
        near = [geometry.boundary.distance(p) * M_PER_DEG for p in (a, b)]
        if all(metres * 0.5 < d < metres * 1.5 for d in near) and (
            geometry.covers(a) != geometry.covers(b)
        ):
            return (a, b) if geometry.covers(a) else (b, a)
    raise AssertionError("no suitable border segment")


def point_in_bbox_outside(geometry):
    """A point inside the bounding box (even the convex hull) but outside the polygon."""
    gap = geometry.convex_hull.difference(geometry)
    point = largest_polygon(gap).representative_point()
    assert not geometry.covers(point)
    return point


@pytest.fixture
def concave(nrw_municipalities, reference_data) -> Municipality:
    municipality = min(Municipality.objects.exclude(boundary=None), key=concavity)
    assert concavity(municipality) < 0.6  # Hellenthal with the 2021 VG5000 data
    return municipality


def at(point: Point, name: str) -> Initiative:
    return InitiativeFactory(name=name, latitude=point.y, longitude=point.x)


def test_points_just_inside_and_just_outside_the_border(concave, client):
    geometry = shape(concave.boundary)
    inside, outside = points_across_an_edge(geometry)
    gap = point_in_bbox_outside(geometry)
    assert concave.bbox_west <= gap.x <= concave.bbox_east
    assert concave.bbox_south <= gap.y <= concave.bbox_north
    centre = geometry.representative_point()
    expected = {at(inside, "Innen am Rand").slug, at(centre, "Mitte").slug}
    at(outside, "Außen am Rand")
    at(gap, "In der Bucht")
    InitiativeFactory(name="Köln", latitude=50.94, longitude=6.96)

    qs = selectors.in_territory(InitiativeFilter(), concave)
    assert set(qs.values_list("slug", flat=True)) == expected

    data = client.get(f"/embed/data.geojson?kommune={concave.ags}").json()
    assert {f["id"] for f in data["features"]} == expected
    assert data["count"] == 2 and data["complete"] is True
    page = client.get(f"/embed/?kommune={concave.slug}")
    assert page.content.decode().count('class="mmk-card"') == 2


def test_the_polygon_decides_not_the_stored_link(concave):
    geometry = shape(concave.boundary)
    inside, outside = points_across_an_edge(geometry)
    linked_outside = at(outside, "Außen, aber verknüpft")
    unlinked_inside = at(inside, "Innen, ohne Verknüpfung")
    Initiative.objects.filter(pk=linked_outside.pk).update(municipality=concave)
    Initiative.objects.filter(pk=unlinked_inside.pk).update(municipality=None)
    slugs = set(selectors.in_territory(InitiativeFilter(), concave).values_list("slug", flat=True))
    assert slugs == {unlinked_inside.slug}


def test_territory_combines_with_the_other_filters(concave):
    centre = shape(concave.boundary).representative_point()
    InitiativeFactory(name="Repair Café", latitude=centre.y, longitude=centre.x)
    InitiativeFactory(
        name="Garten", latitude=centre.y, longitude=centre.x, categories=["gardening-nature"]
    )
    flt = InitiativeFilter(categories=("gardening-nature",))
    assert list(selectors.in_territory(flt, concave).values_list("name", flat=True)) == ["Garten"]


def test_embed_fits_the_map_to_the_boundary(concave, client):
    config = embed_config(client.get(f"/embed/?kommune={concave.ags}"))
    assert config["boundary"] == concave.boundary
    assert config["view"] == {
        "bounds": [[concave.bbox_south, concave.bbox_west], [concave.bbox_north, concave.bbox_east]]
    }


def test_without_boundary_the_municipality_link_decides(reference_data, client):
    town = MunicipalityFactory(name="Ohnegrenzen", latitude=51.5, longitude=7.5)
    mine = InitiativeFactory(name="Hier", latitude=51.5, longitude=7.5)
    other = InitiativeFactory(name="Dort", latitude=51.5, longitude=7.51)
    Initiative.objects.filter(pk=mine.pk).update(municipality=town)
    Initiative.objects.filter(pk=other.pk).update(municipality=None)
    data = client.get(f"/embed/data.geojson?kommune={town.slug}").json()
    assert [f["id"] for f in data["features"]] == [mine.slug]
    config = embed_config(client.get(f"/embed/?kommune={town.slug}"))
    assert config["boundary"] is None
    assert config["view"] == {"bounds": [[51.5, 7.5], [51.5, 7.5]]}
