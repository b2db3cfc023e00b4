"""Public pages: the map with its directory, and the detail page of an initiative."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from mitmachkarte.core.params import parse_leniently
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipalities_with_counts
from mitmachkarte.taxonomy.selectors import categories, sdgs

from . import opening_hours, selectors, serializers, validation
from .filters import InitiativeFilter, parse_filter

PAGE_SIZE = 20
FILTER_PARAMS = {
    "q": "q",
    "bbox": "bbox",
    "categories": "category",
    "sdgs": "sdg",
    "municipality": "municipality",
    "tag": "tag",
}


def filter_from_request(request, *, ignore: tuple[str, ...] = ()) -> tuple[InitiativeFilter, list]:
    """Parse the query string; a bad parameter is dropped and reported, never a 500."""
    raw = {
        "q": request.GET.get("q"),
        "bbox": request.GET.get("bbox"),
        "categories": request.GET.getlist("category"),
        "sdgs": request.GET.getlist("sdg"),
        "municipality": request.GET.get("municipality"),
        "tag": request.GET.get("tag"),
    }
    for key in ignore:
        raw.pop(key, None)
    return parse_leniently(parse_filter, raw, FILTER_PARAMS)


def _page(request, flt: InitiativeFilter):
    ids = selectors.ranked_ids(flt)
    if ids is not None:  # a search: by relevance
        page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = selectors.objects_for_ids(list(page.object_list))
        return page
    qs = selectors.filter_initiatives(flt).order_by("name", "pk")
    return Paginator(selectors.with_listing_data(qs), PAGE_SIZE).get_page(request.GET.get("page"))


def map_page(request):
    flt, errors = filter_from_request(request)
    page = _page(request, flt)
    context = {"page": page, "filter": flt, "errors": errors, "in_view": bool(flt.bbox)}
    if request.htmx:
        return render(request, "initiatives/_results.html", context)
    context.update(
        categories=categories(),
        sdgs=sdgs(),
        municipality_choices=municipalities_with_counts(only_active=True).values("slug", "name"),
        selected_categories=set(flt.categories),
        selected_sdgs=set(flt.sdgs),
        show_events=request.GET.get("events") == "1",
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
