"""The filters of the map, the directory and the API, parsed and validated in one place.

Views and the API hand over raw query values; a `FilterError` names the parameter at fault
so each interface can answer with a clear message (a form notice, or a JSON 400).
"""

from dataclasses import dataclass, field

from mitmachkarte.core.geo import Area, BBox, GeoInputError, parse_bbox
from mitmachkarte.core.text import search_terms, slugify_de
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import resolve_municipality
from mitmachkarte.taxonomy.selectors import unknown_category_slugs

MAX_QUERY_LENGTH = 200


class FilterError(ValueError):
    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


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

    @property
    def is_empty(self) -> bool:
        return not (self.q or self.bbox or self.categories or self.sdgs or self.municipality
                    or self.tag or self.area)


def _clean_list(values) -> list[str]:
    cleaned = []
    for value in values or []:
        # "a,b" and repeated parameters are both accepted.
        cleaned.extend(v.strip() for v in str(value).split(",") if v.strip())
    return list(dict.fromkeys(cleaned))


def parse_filter(
    *, q: str | None = None, bbox: str | None = None, categories=None, sdgs=None,
    municipality: str | None = None, tag: str | None = None,
) -> InitiativeFilter:
    # PostgreSQL cannot compare text containing NUL: refuse it before any query.
    for param, raw in [("q", [q]), ("bbox", [bbox]), ("category", categories or []),
                       ("sdg", sdgs or []), ("municipality", [municipality]), ("tag", [tag])]:
        if any("\x00" in str(value or "") for value in raw):
            raise FilterError(param, "must not contain NUL characters")
    q = (q or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        raise FilterError("q", f"at most {MAX_QUERY_LENGTH} characters")
    box = None
    if bbox:
        try:
            box = parse_bbox(bbox)
        except GeoInputError as exc:
            raise FilterError("bbox", str(exc)) from exc
    category_slugs = [c.lower() for c in _clean_list(categories)]
    unknown = unknown_category_slugs(category_slugs)
    if unknown:
        raise FilterError("category", f"unknown category '{unknown[0]}'")
    sdg_numbers = []
    for raw in _clean_list(sdgs):
        if not raw.isdigit() or not 1 <= int(raw) <= 17:
            raise FilterError("sdg", f"'{raw}' is not an SDG number from 1 to 17")
        sdg_numbers.append(int(raw))
    muni = None
    if municipality:
        muni = resolve_municipality(municipality)
        if muni is None:
            raise FilterError("municipality", f"unknown municipality '{municipality}'")
    return InitiativeFilter(
        q=q, bbox=box, categories=tuple(category_slugs), sdgs=tuple(sdg_numbers),
        municipality=muni, tag=slugify_de(tag or ""), terms=tuple(search_terms(q)),
    )
