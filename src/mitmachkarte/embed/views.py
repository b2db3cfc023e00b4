"""The embeddable map (/embed/), its data and loader script, and the configurator.

Embed responses may be framed by any site, set no cookies, load nothing from third parties
but the tile server (enforced by their Content-Security-Policy) and are cacheable: they are
the same for every visitor, and their traffic follows the page views of municipal websites.
"""

from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from mitmachkarte.core.framing import frameable
from mitmachkarte.core.geo import BBox, GeoInputError, parse_bbox
from mitmachkarte.core.http import cached_with_etag
from mitmachkarte.core.params import parse_int, value_or_default
from mitmachkarte.core.response_cache import keeps_stale_copy
from mitmachkarte.initiatives.selectors import (
    objects_for_ids,
    ordered_matches,
    with_distances,
    with_listing_data,
    zoom_to_show_nearest,
)
from mitmachkarte.municipalities.forms import municipality_input
from mitmachkarte.taxonomy.selectors import categories, sdgs

from . import selectors
from .options import (
    DEFAULT_COLOUR,
    FILTER_ARGS,
    KNOWN_PARAMS,
    EmbedOptions,
    frame_height,
    frame_title,
    iframe_snippet,
    ink_for,
    parse_lang,
    parse_options,
    script_snippet,
)

CACHE_SECONDS = 300
SCRIPT_CACHE_SECONDS = 3600
LIST_PAGE_SIZE = 10
DEFAULT_VIEW = {"center": [51.45, 7.55], "zoom": 7}  # North Rhine-Westphalia
SCRIPT_FILE = Path(__file__).resolve().parent / "static" / "embed" / "embed.js"
# What the stale copies kept for database faults are keyed by (core.response_cache).
PAGE_PARAMS = {name: "text" for name in KNOWN_PARAMS} | {"category": "set", "sdg": "set"}
DATA_PARAMS = {name: PAGE_PARAMS[name] for name in (*FILTER_ARGS.values(), "lang")} | {
    "municipality": "text",
    "view": "text",
    "z": "text",
}


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _initial_view(options: EmbedOptions, qs, distances: dict[int, float]) -> dict:
    """Where the map starts: center+zoom, else a typed place (zoomed out to its nearest
    few matches, as on `/`), the bbox, the boundary, the entries."""
    if options.center:
        return {"center": list(options.center), "zoom": options.zoom}
    # a postcode, address or district typed into the widget's search
    place = zoom_to_show_nearest(options.filter.place, distances)
    if place is not None and place.kind in ("postcode", "address", "district"):
        return {"center": [place.latitude, place.longitude], "zoom": place.zoom}
    municipality = options.municipality
    box = options.bbox
    if box is None and municipality is not None and municipality.bbox:
        box = BBox(*municipality.bbox)
    if box is None:
        box = selectors.extent(qs)
    if box is None and municipality is not None:
        return {"center": [municipality.latitude, municipality.longitude], "zoom": 12}
    if box is None:
        return DEFAULT_VIEW
    return {"bounds": [[box.south, box.west], [box.north, box.east]]}


def _list_page(request, options: EmbedOptions, qs):
    """(the page, distances by id). Near a typed place: nearest first with distances; a
    search: by relevance; else by name (a municipality's own list, which its webmaster may
    link to by page number)."""
    flt = selectors.territory_filter(options.filter, options.municipality)
    ordered = ordered_matches(flt)
    if ordered is None:
        listing = with_listing_data(qs.order_by("name", "pk"))
        return Paginator(listing, LIST_PAGE_SIZE).get_page(request.GET.get("page")), {}
    page = Paginator(ordered.ids, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_distances(objects_for_ids(list(page.object_list)), ordered.distances)
    return page, ordered.distances


def _labels() -> dict:
    return {
        "more": _("More"),
        "newTab": _("opens in a new tab"),
        "cluster": _("{count} initiatives: zoom in"),
        "error": _("The map could not be loaded. The list shows the initiatives."),
        "gesture": {
            "touch": _("Use two fingers to move the map"),
            "scroll": _("Use ctrl + scroll to zoom the map"),
            "scrollMac": _("Use ⌘ + scroll to zoom the map"),
        },
    }


@frameable
@keeps_stale_copy(name="embed", params=PAGE_PARAMS)
@cached_with_etag(max_age=CACHE_SECONDS)
@require_safe
def embed_page(request):
    lang, lang_notice = parse_lang(request.GET.get("lang"))
    with translation.override(lang):
        options = parse_options(request.GET, lang=lang)
        notices = ([lang_notice] if lang_notice else []) + list(options.notices)
        qs = selectors.in_territory(options.filter, options.municipality)
        page, distances = None, {}
        if options.show_list:
            page, distances = _list_page(request, options, qs)
        # Small sets come whole in one response the page can preload (no zoom needed).
        count = page.paginator.count if page else qs.count()
        params = options.params()
        data_query = options.query(only_data=True)
        municipality = options.municipality
        config = {
            "data": reverse("embed:data") + (f"?{data_query}" if data_query else ""),
            "view": _initial_view(options, qs, distances),
            "boundary": municipality.boundary if municipality else None,
            "tiles": settings.TILE_URL,
            "attribution": f"{settings.TILE_ATTRIBUTION} | {settings.MUNICIPALITY_DATA_CREDIT}",
            "colour": options.colour or DEFAULT_COLOUR,
            "labels": _labels(),
            "complete": count <= selectors.MAX_FEATURES,
        }
        response = render(
            request,
            "embed/embed.html",
            {
                "options": options,
                "notices": notices,
                "page": page,
                "config": config,
                "frame_title": frame_title(options),
                "ink": ink_for(options.colour) if options.colour else "",
                "hidden_params": [(k, v) for k, v in params if k != "q"],
                "query_without_q": urlencode([(k, v) for k, v in params if k != "q"]),
                "list_query": urlencode(params),
                "platform_url": _base_url(request) + "/",
            },
        )
    response["Content-Language"] = lang
    return response


def _view_param(raw: str | None) -> BBox | None:
    try:
        return parse_bbox(raw) if raw else None
    except GeoInputError:
        return None


@frameable
@keeps_stale_copy(name="embed-data", params=DATA_PARAMS)
@cached_with_etag(max_age=CACHE_SECONDS)
@require_safe
def embed_data(request):
    """GeoJSON for the widget: the embed's filters, plus `view` (west,south,east,north)
    and `z` (zoom) of the visible map when there are more entries than one response holds.
    Features have the shape of the API's /initiatives.geojson; see `selectors.map_data`."""
    lang, _notice = parse_lang(request.GET.get("lang"))
    # A widget's odd zoom never blanks the map.
    zoom = value_or_default(parse_int, "z", request.GET.get("z"), min_value=0, max_value=20) or 8
    with translation.override(lang):
        options = parse_options(request.GET, lang=lang, strict_names=False)
        flt = selectors.territory_filter(options.filter, options.municipality)
        data = selectors.map_data(
            flt, view=_view_param(request.GET.get("view")), zoom=zoom, base_url=_base_url(request)
        )
        if options.notices:
            data["ignored"] = [f"{n.param}: {n.message}" for n in options.notices]
    response = JsonResponse(
        data,
        content_type="application/geo+json",
        json_dumps_params={"separators": (",", ":"), "ensure_ascii": False},
    )
    response["Content-Language"] = lang
    return response


@frameable
@cached_with_etag(max_age=SCRIPT_CACHE_SECONDS)
@require_safe
def embed_script(request):
    """The loader for the one-line snippet. Served below /embed/ so that it finds the
    widget next to itself, whatever the static files' URL."""
    response = HttpResponse(SCRIPT_FILE.read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def configurator(request):
    """/einbinden/: choose options, see the live preview, copy either snippet."""
    options = parse_options(request.GET)
    base = _base_url(request)
    query = options.query()
    municipality = options.municipality
    context = {
        "options": options,
        "notices": options.notices,
        "categories": categories(),
        "sdgs": sdgs(),
        "kommune_input": municipality_input(
            "kommune",
            municipality.name if municipality else request.GET.get("kommune", ""),
            **{"aria-describedby": "kommune-help"},
        ),
        "selected_categories": set(options.filter.categories),
        "selected_sdgs": set(options.filter.sdgs),
        "colour_value": options.colour or DEFAULT_COLOUR,
        "preview_src": reverse("embed:page") + (f"?{query}" if query else ""),
        "preview_height": frame_height(options),
        "preview_title": frame_title(options),
        "iframe_snippet": iframe_snippet(options, base_url=base),
        "script_snippet": script_snippet(options, base_url=base),
        "languages": [("de", "Deutsch"), ("en", "English")],
        "platform_origin": base,
    }
    template = "embed/_configurator_result.html" if request.htmx else "embed/configurator.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response
