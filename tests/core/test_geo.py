import math

import pytest

from mitmachkarte.core.geo import (
    Area,
    BBox,
    GeoInputError,
    haversine_m,
    parse_bbox,
    validate_lat_lon,
)


def test_parse_bbox_valid():
    box = parse_bbox("6.5, 50.8,7.5,51.6")
    assert box == BBox(west=6.5, south=50.8, east=7.5, north=51.6)
    assert box.as_list() == [6.5, 50.8, 7.5, 51.6]


def test_parse_bbox_allows_a_degenerate_box_and_the_extremes():
    assert parse_bbox("7,51,7,51") == BBox(7, 51, 7, 51)
    assert parse_bbox("-180,-90,180,90") == BBox(-180, -90, 180, 90)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6.5,50.8,7.5", "4 comma-separated"),
        ("6.5,50.8,7.5,51.6,1", "4 comma-separated"),
        ("", "4 comma-separated"),
        (None, "4 comma-separated"),
        ("a,50.8,7.5,51.6", "numbers"),
        ("6.5,50.8,,51.6", "numbers"),
        ("6.5,50.8,7.5,200", "latitude"),
        ("6.5,-91,7.5,51", "latitude"),
        ("-181,50,7.5,51", "longitude"),
        ("7.5,50.8,6.5,51.6", "west"),
        ("6.5,51.6,7.5,50.8", "south"),
        ("nan,50.8,7.5,51.6", "longitude"),
        ("6.5,nan,7.5,51.6", "latitude"),
        ("6.5,50.8,inf,51.6", "longitude"),
        ("6.5,-inf,7.5,51.6", "latitude"),
    ],
)
def test_parse_bbox_invalid(value, message):
    with pytest.raises(GeoInputError, match=message):
        parse_bbox(value)


def test_bbox_contains_is_inclusive():
    box = BBox(7.0, 51.0, 8.0, 52.0)
    assert box.contains(51.0, 7.0)
    assert box.contains(52.0, 8.0)
    assert box.contains(51.5, 7.5)
    assert not box.contains(50.999999, 7.5)
    assert not box.contains(51.5, 8.000001)


@pytest.mark.parametrize(
    ("lat", "lon"), [(200, 7), (-90.1, 7), (51, 180.5), (math.nan, 7), (51, math.inf)]
)
def test_validate_lat_lon_rejects(lat, lon):
    with pytest.raises(GeoInputError):
        validate_lat_lon(lat, lon)


def test_validate_lat_lon_accepts_edges():
    validate_lat_lon(90, 180)
    validate_lat_lon(-90, -180)


def test_haversine_bochum_dortmund():
    # Bochum – Dortmund city centres are about 16 km apart.
    assert 14_000 < haversine_m(51.4818, 7.2162, 51.5136, 7.4653) < 18_000
    assert haversine_m(51, 7, 51, 7) == 0


SQUARE = {"type": "Polygon", "coordinates": [[[7, 51], [8, 51], [8, 52], [7, 52], [7, 51]]]}
# A "U": the notch between the arms (x 7.4..7.6, y 51.3..52) is outside.
U_SHAPE = {
    "type": "Polygon",
    "coordinates": [[
        [7.0, 51.0], [8.0, 51.0], [8.0, 52.0], [7.6, 52.0], [7.6, 51.3],
        [7.4, 51.3], [7.4, 52.0], [7.0, 52.0], [7.0, 51.0],
    ]],
}  # fmt: skip


def test_area_contains_inside_outside_and_border():
    area = Area(SQUARE)
    assert area.contains(51.5, 7.5)
    assert not area.contains(52.5, 7.5)
    assert not area.contains(51.5, 6.99)
    # On the border and on a corner counts as inside.
    assert area.contains(51.0, 7.5)
    assert area.contains(51.5, 8.0)
    assert area.contains(52.0, 7.0)
    assert area.bbox == BBox(7.0, 51.0, 8.0, 52.0)


def test_area_concave_polygon():
    area = Area(U_SHAPE)
    assert area.contains(51.8, 7.2)  # left arm
    assert area.contains(51.8, 7.8)  # right arm
    assert area.contains(51.1, 7.5)  # base
    assert not area.contains(51.8, 7.5)  # in the notch: inside the bbox, outside the shape
    assert area.contains(51.3, 7.5)  # the bottom edge of the notch is border
    assert area.bbox.contains(51.8, 7.5)


def test_area_multipolygon_and_hole():
    with_hole = {
        "type": "Polygon",
        "coordinates": [
            [[7, 51], [8, 51], [8, 52], [7, 52], [7, 51]],
            [[7.4, 51.4], [7.6, 51.4], [7.6, 51.6], [7.4, 51.6], [7.4, 51.4]],
        ],
    }
    assert not Area(with_hole).contains(51.5, 7.5)
    assert Area(with_hole).contains(51.2, 7.2)
    multi = {
        "type": "MultiPolygon",
        "coordinates": [SQUARE["coordinates"], [[[9, 51], [10, 51], [10, 52], [9, 52], [9, 51]]]],
    }
    assert Area(multi).contains(51.5, 9.5)
    assert not Area(multi).contains(51.5, 8.5)


def test_area_repairs_self_intersecting_polygon():
    bowtie = {"type": "Polygon", "coordinates": [[[7, 51], [8, 52], [8, 51], [7, 52], [7, 51]]]}
    area = Area(bowtie)
    assert area.geometry.is_valid
    assert area.contains(51.5, 7.9)


def test_area_rejects_non_polygons():
    with pytest.raises(GeoInputError):
        Area({"type": "Point", "coordinates": [7, 51]})
