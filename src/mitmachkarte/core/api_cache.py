"""Response cache and HTTP validators for read-only JSON API endpoints.

For GET requests under a configured path prefix, the cache key and the ETag are derived
from the data set's version (core.versions), the language and the query string. So:
- a client's If-None-Match is answered 304 without running the view;
- a repeated request is answered from Django's cache (locmem, or Redis via REDIS_URL);
- any change to the data bumps the version and thereby invalidates both, in every worker.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from .versions import current_version


def _version_name(path: str) -> str | None:
    for prefix, name in getattr(settings, "API_CACHE_VERSIONS", {}).items():
        if path.startswith(prefix):
            return name
    return None


class ApiCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = _version_name(request.path) if request.method in ("GET", "HEAD") else None
        if name is None:
            return self.get_response(request)
        params = "&".join(sorted(f"{k}={v}" for k, vs in request.GET.lists() for v in vs))
        digest = hashlib.sha1(
            f"{request.path}?{params}|{get_language()}".encode(), usedforsecurity=False
        ).hexdigest()[:24]
        version = current_version(name)
        etag = f'"{version}-{digest}"'
        key = f"api:{name}:{version}:{digest}"
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        else:
            cached = cache.get(key)
            if cached is not None:
                content_type, body = cached
                response = HttpResponse(body, content_type=content_type)
            else:
                response = self.get_response(request)
                if response.status_code != 200 or response.streaming:
                    return response
                cache.set(
                    key, (response["Content-Type"], response.content), settings.API_CACHE_SECONDS
                )
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Accept-Language"])
        return response
