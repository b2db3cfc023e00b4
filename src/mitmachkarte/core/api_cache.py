"""Response cache and HTTP validators for read-only JSON API endpoints.

For GET requests to an endpoint in settings.API_CACHE_ENDPOINTS, the cache key is built
from the recognised, normalised parameters of that endpoint and the language
(core.response_cache); the ETag adds the data set's version (core.versions). So:
- a client's If-None-Match is answered 304 without running the view;
- a repeated request is answered from `caches["responses"]` (bounded locmem, or Redis);
- any change to the data bumps the version and thereby invalidates both, in every worker;
- parameters the endpoint ignores (`&x=1`) neither make new entries nor cost memory.

One entry per key holds the newest answer with its version. When the version cannot be read
(the database is down or hangs), that answer is served with its ETag: stale beats a 503.
"""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from .dbfaults import is_database_fault, retry_after_seconds
from .response_cache import cache_get, cache_set, replay, request_digest, snapshot, storable
from .versions import behind, current_version

logger = logging.getLogger(__name__)


def not_modified(request, etag: str) -> bool:
    probe = HttpResponse()
    return get_conditional_response(request, etag=etag, response=probe).status_code == 304


def cached_endpoint(path: str) -> tuple[str, dict[str, str]] | None:
    """(data version name, parameter spec) of the endpoint at `path`, if it is cached.

    A configured path ending in "/" covers every path below it (e.g. detail pages).
    """
    endpoints = getattr(settings, "API_CACHE_ENDPOINTS", {})
    if path in endpoints:
        return endpoints[path]
    for prefix, endpoint in endpoints.items():
        if prefix.endswith("/") and path.startswith(prefix):
            return endpoint
    return None


class ApiCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = cached_endpoint(request.path) if request.method in ("GET", "HEAD") else None
        if endpoint is None:
            return self.get_response(request)
        name, spec = endpoint
        digest = request_digest(request, spec)
        key = f"api:{name}:{digest}"
        try:
            version = current_version(name)
        except Exception as exc:
            stored = cache_get(key) if is_database_fault(exc) else None
            if stored is None:
                raise  # answered 503 by core.errors
            logger.warning("database fault: serving a stored API answer for %s", request.path)
            return self._finish(replay(request, stored[1]), max_age=retry_after_seconds())
        etag = f'"{version}-{digest}"'
        stored = cache_get(key)
        if stored is not None and stored[0] == version:
            response = replay(request, stored[1])
        elif request.headers.get("If-None-Match") and not_modified(request, etag):
            response = replay(request, ([("ETag", etag)], b""))
        else:
            response = self.get_response(request)
            if response.status_code == 503 and stored is not None:
                # The database failed after the version was read: the last answer instead.
                return self._finish(replay(request, stored[1]), max_age=retry_after_seconds())
            if not storable(response) or behind():
                return response  # no ETag either: the next request may know better
            response["ETag"] = etag
            cache_set(key, (version, snapshot(response)), settings.API_CACHE_SECONDS)
        return self._finish(response, max_age=settings.API_CACHE_MAX_AGE)

    @staticmethod
    def _finish(response, *, max_age: int):
        patch_cache_control(response, public=True, max_age=max_age)
        patch_vary_headers(response, ["Accept-Language"])
        return response
