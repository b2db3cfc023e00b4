"""Public pages: the map with its directory, and the detail page of an initiative."""

import re

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from mitmachkarte.core.params import parse_leniently
from mitmachkarte.core.versions import cached_for_version
from mitmachkarte.municipalities.forms import municipality_input
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.selectors import categories, sdgs

from . import opening_hours, selectors, serializers, validation
from .filters import InitiativeFilter, parse_filter
from .signals import VERSION_NAME

PAGE_SIZE = 20
CARDS_KEPT_PAGES = 5
CARDS_KEPT_SECONDS = 300
CHOICES_KEPT_SECONDS = 300
MAP_VIEW = re.compile(r"\d{1,2}/-?\d{1,2}(\.\d+)?/-?\d{1,3}(\.\d+)?")
FILTER_PARAMS = {
    "q": "q",
    "bbox": "bbox",
    "categories": "category",
    "sdgs": "sdg",
    "municipality": "municipality",
    "tag": "tag",
    "near": "near",
    "radius": "radius",
}
# Where the list starts without a map view (no JavaScript): North Rhine-Westphalia's middle.
DEFAULT_CENTRE = (51.45, 7.55)


def filter_from_request(request, *, ignore: tuple[str, ...] = ()) -> tuple[InitiativeFilter, list]:
    """Parse the query string; a bad parameter is dropped and reported, never a 500."""
    raw = {
        "q": request.GET.get("q"),
        "bbox": request.GET.get("bbox"),
        "categories": request.GET.getlist("category"),
        "sdgs": request.GET.getlist("sdg"),
        "municipality": request.GET.get("municipality"),
        "tag": request.GET.get("tag"),
        "near": request.GET.get("near"),
        "radius": request.GET.get("radius"),
    }
    for key in ignore:
        raw.pop(key, None)
    return parse_leniently(parse_filter, raw, FILTER_PARAMS)


def _page(request, flt: InitiativeFilter):
    """Near a place: nearest first; a search: by relevance; else nearest to the middle of
    the map (or of the region) first, with the categories mixed."""
    b = flt.bbox
    centre = ((b.south + b.north) / 2, (b.west + b.east) / 2) if b else DEFAULT_CENTRE
    ordered = selectors.ordered_matches(flt, centre=centre)
    page = Paginator(ordered.ids, PAGE_SIZE).get_page(request.GET.get("page"))
    return page, ordered


def _cards(flt: InitiativeFilter, page, ordered) -> str | None:
    """The page's cards as HTML when they are kept, else None with the page's entries
    loaded for the template.

    The list without a filter is the same for every visitor of `/`: its first pages are
    rendered once per data version (every change of an entry makes a new one), language
    and day (the "may be outdated" notes), and at most CARDS_KEPT_SECONDS (category names).
    """

    def load():
        page.object_list = selectors.with_distances(
            selectors.objects_for_ids(list(page.object_list)), ordered.distances
        )

    if not flt.is_empty or page.number > CARDS_KEPT_PAGES:
        load()
        return None

    def render_cards() -> str:
        load()
        return str(render_to_string("initiatives/_cards.html", {"page": page}))

    key = f"cards:{get_language()}:{timezone.localdate().isoformat()}:{page.number}"
    html = cached_for_version(VERSION_NAME, key, render_cards, timeout=CARDS_KEPT_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output


def _filter_choices(selected_categories: set, selected_sdgs: set) -> str:
    """The category and SDG checkboxes; with none ticked (nearly every view of `/`) kept
    rendered per language for CHOICES_KEPT_SECONDS (a renamed category shows after it)."""

    def render_choices() -> str:
        context = {
            "categories": categories(),
            "sdgs": sdgs(),
            "selected_categories": selected_categories,
            "selected_sdgs": selected_sdgs,
        }
        return str(render_to_string("initiatives/_filter_choices.html", context))

    if selected_categories or selected_sdgs:
        return mark_safe(render_choices())  # noqa: S308 - our own template's output
    key = f"filter-choices:{get_language()}"
    html = caches["responses"].get(key)
    if html is None:
        html = render_choices()
        caches["responses"].set(key, html, CHOICES_KEPT_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output


def _map_view(request) -> str:
    """The map's view from the URL ("zoom/lat/lon"), for the filter form to keep it."""
    raw = (request.GET.get("map") or "").strip()
    return raw if MAP_VIEW.fullmatch(raw) else ""


def map_page(request):
    flt, errors = filter_from_request(request)
    page, ordered = _page(request, flt)
    context = {
        "page": page,
        "cards_html": _cards(flt, page, ordered),
        "filter": flt,
        "errors": errors,
        "in_view": bool(flt.bbox),
        "place": selectors.zoom_to_show_nearest(flt.place, ordered.distances),
    }
    if request.htmx:
        return render(request, "initiatives/_results.html", context)
    context.update(
        filter_choices=_filter_choices(set(flt.categories), set(flt.sdgs)),
        municipality_input=municipality_input(
            "municipality", flt.municipality or request.GET.get("municipality", "")
        ),
        selected_categories=set(flt.categories),
        selected_sdgs=set(flt.sdgs),
        show_events=request.GET.get("events") == "1",
        place_notices=flt.notices,
        map_view=_map_view(request),
        near_param=request.GET.get("near", "") if flt.place else "",
    )
    return render(request, "initiatives/map.html", context)


def detail(request, slug: str):
    initiative = selectors.published_detail(slug)
    if initiative is None:
        raise Http404("initiative not found")
    base = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "json_ld": serializers.json_ld(initiative, base_url=base),
            "absolute_url": request.build_absolute_uri(initiative.get_absolute_url()),
        },
    )


def municipality_page(request, slug: str):
    """A municipality with its initiatives on a map and list, and counts by topic."""
    municipality = get_object_or_404(Municipality, slug=slug)
    qs = selectors.filter_initiatives(InitiativeFilter(municipality=municipality))
    page = Paginator(selectors.with_listing_data(qs.order_by("name", "pk")), PAGE_SIZE)
    return render(
        request,
        "initiatives/municipality.html",
        {
            "municipality": municipality,
            "page": page.get_page(request.GET.get("page")),
            "by_category": selectors.counts_by_category(qs),
            "by_sdg": selectors.counts_by_sdg(qs),
            "boundary": municipality.boundary,
        },
    )


def opening_hours_check(request):
    """The forms' live help (htmx): is the typed rule valid, and what would the page say
    now? Parsing only: no database, nothing stored."""
    value = (request.GET.get("opening_hours") or "").strip()[: opening_hours.MAX_LENGTH + 1]
    error = validation.opening_hours_error(value) if value else ""
    state = None if error or not value else opening_hours.state_at(value)
    return render(
        request,
        "initiatives/_opening_hours_check.html",
        {"value": value, "error": error, "state": state},
    )
