"""The filters of the map, the directory and the API, parsed and validated in one place.

Views and the API hand over raw query values; a `FilterError` names the parameter at fault
so each interface can answer with a clear message (a form notice, or a JSON 400).
"""

from dataclasses import dataclass, field

from mitmachkarte.core.geo import Area, BBox
from mitmachkarte.core.params import (
    FilterError,
    bbox_param,
    parse_int,
    parse_list,
    parse_point,
    reject_nul,
)
from mitmachkarte.core.text import search_terms, slugify_de
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.places import POSTCODE, Place, postcode_place, split_place
from mitmachkarte.municipalities.selectors import municipality_param
from mitmachkarte.taxonomy.selectors import canonical_tag_slug, category_param

__all__ = ["FilterError", "InitiativeFilter", "parse_filter"]

MAX_QUERY_LENGTH = 200
MAX_RADIUS_M = 500_000


@dataclass(frozen=True)
class InitiativeFilter:
    q: str = ""
    bbox: BBox | None = None
    categories: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    municipality: Municipality | None = None
    tag: str = ""
    terms: tuple[str, ...] = field(default=(), compare=False)
    # A territory (e.g. a municipality's boundary): only entries inside it (embeds).
    area: Area | None = field(default=None, compare=False)
    # A place: from `near` (a point or a postcode) or found in `q`. Lists are ordered by the
    # distance to it; `radius` (metres) keeps only entries within it.
    place: Place | None = None
    radius: int | None = None
    text: str = field(default="", compare=False)  # q without postcode and address
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def near(self) -> tuple[float, float] | None:
        return (self.place.latitude, self.place.longitude) if self.place else None

    @property
    def is_empty(self) -> bool:
        return not (
            self.q
            or self.bbox
            or self.categories
            or self.sdgs
            or self.municipality
            or self.tag
            or self.area
            or self.place
        )


def sdg_number(param: str, raw) -> int:
    return parse_int(param, raw, min_value=1, max_value=17)


def parse_filter(
    *,
    q: str | None = None,
    bbox: str | None = None,
    categories=None,
    sdgs=None,
    municipality: str | None = None,
    tag: str | None = None,
    near: str | None = None,
    radius: str | int | None = None,
) -> InitiativeFilter:
    reject_nul(
        {
            "q": q,
            "bbox": bbox,
            "category": categories or [],
            "sdg": sdgs or [],
            "municipality": municipality,
            "tag": tag,
            "near": near,
            "radius": radius,
        }
    )
    q = q or ""
    if len(q) > MAX_QUERY_LENGTH:  # before stripping: the schema's maxLength counts all
        raise FilterError("q", f"at most {MAX_QUERY_LENGTH} characters")
    q = q.strip()
    box = bbox_param(bbox)
    category_slugs = category_param(categories)
    sdg_numbers = dict.fromkeys(parse_list("sdg", sdgs, sdg_number))
    muni = municipality_param(municipality)
    place, text, notices = split_place(q)
    if near and place is None:  # a place typed into the search box wins
        place = near_param(near)
    elif near:
        near_param(near)  # still a bad value is an error
    distance = parse_int("radius", radius, min_value=1, max_value=MAX_RADIUS_M)
    if place is None:  # a radius around no place limits nothing (the schema cannot say "needs")
        distance = None
    return InitiativeFilter(
        q=q,
        bbox=box,
        categories=category_slugs,
        sdgs=tuple(sdg_numbers),
        municipality=muni,
        tag=canonical_tag_slug(slugify_de(tag or "")),
        terms=tuple(search_terms(text)),
        place=place,
        radius=distance,
        text=text,
        notices=tuple(notices),
    )


def near_param(raw: str) -> Place:
    """`near`: "latitude,longitude" (e.g. the browser's position) or a German postcode."""
    text = str(raw).strip()
    if POSTCODE.fullmatch(text):
        place = postcode_place(text)
        if place is None:
            raise FilterError("near", f"unknown postcode '{text}'", status=404)
        return place
    lat, lon = parse_point("near", text)
    return Place(round(lat, 5), round(lon, 5), "", "position")
