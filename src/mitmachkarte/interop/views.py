"""The Karte-von-morgen-compatible read API (/api/kvm/…): OpenFairDB's shapes, no contact data.

Plain JSON views in OpenFairDB's shapes, called by the operations of interop/api.py (which
describe them in /api/kvm/openapi.json). Bad parameters get a 400 with {"detail", "param"}
like the rest of the API.
"""

from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from mitmachkarte.core.params import FilterError

from . import kvm

CACHE_MAX_AGE = 60


def _json(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"  # public data for widgets on other sites
    if status == 200:
        patch_cache_control(response, public=True, max_age=CACHE_MAX_AGE)
    return response


def _bad_request(exc: FilterError) -> JsonResponse:
    body = {"detail": f"{exc.param}: {exc.message}", "param": exc.param}
    return _json(body, status=exc.status)


@require_safe
def search(request: HttpRequest) -> JsonResponse:
    """GET /api/kvm/search?bbox=south,west,north,east&text=&categories=&tags=&limit="""
    get = request.GET
    try:
        query = kvm.parse_search(
            bbox=get.get("bbox"),
            text=get.get("text"),
            categories=get.get("categories"),
            tags=get.get("tags"),
            limit=get.get("limit"),
        )
    except FilterError as exc:
        return _bad_request(exc)
    return _json(kvm.search(query))


@require_safe
def entries(request: HttpRequest, ids: str) -> JsonResponse:
    """GET /api/kvm/entries/{ids}: full entries, without email, telephone or contact_name."""
    try:
        wanted = kvm.parse_ids(ids)
    except FilterError as exc:
        return _bad_request(exc)
    return _json(kvm.entries(wanted, base_url=request.build_absolute_uri("/").rstrip("/")))
