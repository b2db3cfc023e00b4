"""Open-data exports (streamed), the documentation page and the DCAT-AP.de catalogue.

Plain Django views called by the API's export operations (opendata/api.py, which give the
schema their parameters and media types): the responses are streamed files, not schemas.
Harvesters get an ETag (data version + query) and Last-Modified, so a conditional GET costs
two small queries and answers 304 while nothing changed.
"""

import hashlib
import json
from collections.abc import Callable, Iterator

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from mitmachkarte.core.http import cached_with_etag
from mitmachkarte.core.params import FilterError
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.models import DataLicence
from mitmachkarte.taxonomy.models import Category

from . import catalog as dcat
from . import formats, selectors

CACHE_MAX_AGE = 300
BUFFER_BYTES = 64 * 1024


def _bad_request(exc: FilterError) -> JsonResponse:
    return JsonResponse(
        {"detail": f"{exc.param}: {exc.message}", "param": exc.param}, status=exc.status
    )


def _parse(request: HttpRequest):
    """(filter, licence) from the query; FilterError names the parameter at fault.

    The filters are those of the API (initiatives.filters); unknown parameters are ignored.
    """
    get = request.GET
    flt = parse_filter(
        q=get.get("q"),
        bbox=get.get("bbox"),
        categories=get.getlist("category"),
        sdgs=get.getlist("sdg"),
        municipality=get.get("municipality"),
        tag=get.get("tag"),
    )
    raw = (get.get("licence") or "").strip().lower()
    if raw and raw not in selectors.LICENCE_PARAMS:
        raise FilterError("licence", "use 'cc0' or 'odbl'")
    return flt, selectors.LICENCE_PARAMS.get(raw, "")


def _etag(request: HttpRequest, version: str) -> str:
    query = "&".join(sorted(f"{k}={v}" for k, vs in request.GET.lists() for v in vs))
    digest = hashlib.sha1(f"{request.path}?{query}".encode(), usedforsecurity=False)
    return f'"{version}-{digest.hexdigest()[:16]}"'


def _buffered(pieces: Iterator[str], size: int = BUFFER_BYTES) -> Iterator[bytes]:
    """Join the per-row pieces into blocks of about `size` bytes: one write per block,
    not one per row, for the WSGI server."""
    block: list[str] = []
    length = 0
    for piece in pieces:
        block.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(block).encode()
            block, length = [], 0
    if block:
        yield "".join(block).encode()


def _stream(
    request: HttpRequest,
    *,
    etag: str,
    modified,
    content_type: str,
    filename: str,
    pieces: Callable[[], Iterator[str]],
) -> HttpResponse:
    stamp = int(modified.timestamp()) if modified else None  # HTTP dates have seconds
    response = get_conditional_response(request, etag=etag, last_modified=stamp)
    if response is None:
        response = StreamingHttpResponse(_buffered(pieces()), content_type=content_type)
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    if stamp:
        response["Last-Modified"] = http_date(stamp)
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=CACHE_MAX_AGE)
    return response


def _initiative_export(request: HttpRequest, *, content_type: str, filename: str, render_rows):
    try:
        flt, licence = _parse(request)
    except FilterError as exc:
        return _bad_request(exc)
    qs = selectors.export_queryset(flt, licence=licence)
    base_url = settings.SITE_URL
    return _stream(
        request,
        etag=_etag(request, str(selectors.data_version())),
        modified=selectors.last_modified(qs),
        content_type=content_type,
        filename=filename,
        pieces=lambda: render_rows(selectors.initiative_rows(qs, base_url=base_url)),
    )


@require_safe
def initiatives_csv(request: HttpRequest) -> HttpResponse:
    return _initiative_export(
        request,
        content_type="text/csv; charset=utf-8",
        filename="initiativen.csv",
        render_rows=formats.csv_lines,
    )


@require_safe
def initiatives_geojson(request: HttpRequest) -> HttpResponse:
    return _initiative_export(
        request,
        content_type="application/geo+json",
        filename="initiativen.geojson",
        render_rows=formats.geojson_pieces,
    )


@require_safe
def initiatives_jsonld(request: HttpRequest) -> HttpResponse:
    names = dict(Category.objects.values_list("slug", "name_de"))

    def render_rows(rows):
        return formats.jsonld_pieces(
            formats.organisation_node(r, category_names=names) for r in rows
        )

    return _initiative_export(
        request,
        content_type="application/ld+json",
        filename="initiativen.jsonld",
        render_rows=render_rows,
    )


@require_safe
def events_jsonld(request: HttpRequest) -> HttpResponse:
    qs = selectors.published_events()
    modified = selectors.events_last_modified()
    version = f"{qs.count()}-{int(modified.timestamp() * 1000) if modified else 0}"
    base_url = settings.SITE_URL
    return _stream(
        request,
        etag=_etag(request, version),
        modified=modified,
        content_type="application/ld+json",
        filename="veranstaltungen.jsonld",
        pieces=lambda: formats.jsonld_pieces(
            formats.event_node(r) for r in selectors.event_rows(qs, base_url=base_url)
        ),
    )


@require_safe
@cached_with_etag(max_age=CACHE_MAX_AGE)
def catalog_jsonld(request: HttpRequest) -> HttpResponse:
    body = dcat.catalog(
        initiatives_modified=selectors.last_modified(),
        events_modified=selectors.events_last_modified(),
    )
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1), content_type="application/ld+json"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    published = selectors.export_queryset()
    return render(
        request,
        "opendata/index.html",
        {
            "fields": FIELD_DOCS,
            "count": published.count(),
            "cc0_count": published.filter(data_licence=DataLicence.CC0).count(),
            "last_modified": selectors.last_modified(),
            "list_separator": selectors.LIST_SEPARATOR,
        },
    )


# (field, type, explanation) for the documentation page.
FIELD_DOCS = [
    ("id", _("number"), _("Identifier of the entry on this platform (stable)")),
    ("slug", _("text"), _("Short name in the address of the entry's page")),
    ("name", _("text"), _("Name of the initiative")),
    ("short_description", _("text"), _("Short description, at most 250 characters")),
    ("description", "Markdown", _("Full description")),
    ("categories", _("list"), _("Categories as short codes, e.g. repair, food")),
    ("sdgs", _("list"), _("Numbers of the Sustainable Development Goals (1–17)")),
    ("tags", _("list"), _("Tags")),
    ("street", _("text"), _("Street and number")),
    ("postcode", _("text"), _("Postcode")),
    ("city", _("text"), _("City")),
    ("latitude", _("number"), _("Latitude (WGS 84)")),
    ("longitude", _("number"), _("Longitude (WGS 84)")),
    ("municipality_ags", _("text"), _("Official municipality key (AGS, 8 digits)")),
    ("municipality_name", _("text"), _("Name of the municipality")),
    ("website", "URL", _("Website of the initiative")),
    ("meeting_times", _("text"), _("Meeting and opening times (free text)")),
    (
        "opening_hours",
        _("text"),
        _("Regular opening hours in OpenStreetMap's opening_hours syntax (Europe/Berlin)"),
    ),
    ("how_to_join", _("text"), _("How to join in")),
    ("founded_year", _("number"), _("Year founded")),
    ("last_confirmed_at", _("timestamp"), _("Last confirmed as up to date (ISO 8601)")),
    ("updated_at", _("timestamp"), _("Last change (ISO 8601)")),
    ("data_licence", _("text"), _("Licence of this entry: ODbL-1.0 or CC0-1.0")),
    ("url", "URL", _("Page of the entry on this platform")),
    ("image_url", "URL", _("Picture or logo, at most 800 px (WebP); empty without one")),
    ("image_alt", _("text"), _("What the picture shows (alt text)")),
    ("image_credit", _("text"), _("Credit and licence of the picture")),
]
