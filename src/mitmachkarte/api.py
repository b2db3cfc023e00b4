"""The JSON API under /api/v1/: one NinjaAPI mounting each app's router."""

from ninja.errors import ValidationError

from mitmachkarte.core.openapi import DocumentedAPI
from mitmachkarte.core.params import FilterError
from mitmachkarte.core.ratelimit import RateLimited
from mitmachkarte.events.api import router as events_router
from mitmachkarte.initiatives.api import router as initiatives_router
from mitmachkarte.initiatives.map_api import router as map_router
from mitmachkarte.municipalities.api import router as municipalities_router
from mitmachkarte.support.api import router as support_router
from mitmachkarte.taxonomy.api import router as taxonomy_router

api = DocumentedAPI(
    title="Mitmachkarte API",
    version="1",
    description="Citizen sustainability initiatives and their municipalities. "
    "Published data only; no personal contact data.",
    urls_namespace="api",
)
api.add_router("", initiatives_router)
api.add_router("", map_router)
api.add_router("", taxonomy_router)
api.add_router("", municipalities_router)
api.add_router("", events_router)
api.add_router("", support_router)


@api.exception_handler(FilterError)
def filter_error(request, exc: FilterError):
    return api.create_response(
        request, {"detail": f"{exc.param}: {exc.message}", "param": exc.param}, status=exc.status
    )


@api.exception_handler(RateLimited)
def rate_limited(request, exc: RateLimited):
    response = api.create_response(request, {"detail": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """422 with one readable message per parameter, e.g. "offset: not a whole number"."""
    errors = []
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
        # Query schemas put the schema's argument name first: keep the parameter name.
        param = loc[-1] if loc else "request"
        if len(loc) > 1 and loc[-1].isdigit():
            param = loc[-2]
        errors.append({"param": param, "message": error.get("msg", "invalid")})
    detail = "; ".join(f"{e['param']}: {e['message']}" for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)
