"""Stored response bodies in `caches["responses"]`, keyed by normalised requests.

A key is built only from the parameters an endpoint reads, normalised the way the endpoint
treats them alike, so `&x=1`, `&x=2`, … or a reordered query cost nothing extra. The size of
a stored body is bounded (API_CACHE_MAX_BODY), the number of entries by the cache alias.

`keeps_stale_copy` keeps the newest answer of a view per key and serves it, with its ETag,
when the database fails: a slightly old map beats an error page in a town hall's iframe.
"""

import hashlib
import logging
import re
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

from .dbfaults import is_database_fault
from .params import clean_list

logger = logging.getLogger(__name__)

# How a parameter's values are normalised for the key:
# "text": stripped, last value (as request.GET.get); empty counts as absent.
# "lower": as text, lower-cased (slugs, AGS, case-insensitive names).
# "set": repeated and comma-separated alike, lower-cased, sorted, without repeats.
# "int": a plain whole number in canonical form; anything else verbatim (it gets an error).
KINDS = ("text", "lower", "set", "int")
_DIGITS = re.compile(r"[0-9]{1,30}")
# Headers a stored answer keeps (others, e.g. cookies, are never replayed).
_KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "ETag",
    "Cache-Control",
    "Vary",
    "Access-Control-Allow-Origin",
    "Cross-Origin-Resource-Policy",
)


def _normalised(kind: str, values: list[str]) -> str | None:
    if kind == "set":
        items = sorted({v.lower() for v in clean_list(values)})
        return ",".join(items) or None
    value = values[-1]
    if kind == "int":
        return str(int(value)) if _DIGITS.fullmatch(value) else value
    value = value.strip()
    return (value.lower() if kind == "lower" else value) or None


def normalised_query(query, spec: dict[str, str]) -> str:
    """The recognised parameters of a QueryDict as a canonical string (unknown ignored)."""
    parts = []
    for name in sorted(spec):
        values = query.getlist(name)
        if not values:
            continue
        value = _normalised(spec[name], values)
        if value is not None:
            parts.append(f"{name}={value}")
    return "&".join(parts)


def request_digest(request, spec: dict[str, str]) -> str:
    """A short digest of path, recognised parameters and language."""
    text = f"{request.path}?{normalised_query(request.GET, spec)}|{get_language()}"
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:24]


def _store():
    return caches["responses"]


def cache_get(key: str):
    """The stored value, or None; an unreachable cache is a miss, never an error."""
    try:
        return _store().get(key)
    except Exception:  # a cache outage must not take the answers down with it
        logger.warning("response cache unreachable (get %s)", key, exc_info=True)
        return None


def cache_set(key: str, value, timeout: int) -> None:
    try:
        _store().set(key, value, timeout)
    except Exception:  # the answer was computed; not storing it only costs time later
        logger.warning("response cache unreachable (set %s)", key, exc_info=True)


def storable(response) -> bool:
    """A complete 200 answer small enough to keep."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and len(response.content) <= settings.API_CACHE_MAX_BODY
    )


def snapshot(response) -> tuple[list[tuple[str, str]], bytes]:
    headers = [(h, response[h]) for h in _KEPT_HEADERS if response.has_header(h)]
    return headers, response.content


def replay(request, stored) -> HttpResponse:
    """A stored answer (304 when the client has it already)."""
    headers, body = stored
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    if response.has_header("ETag"):
        return get_conditional_response(request, etag=response["ETag"], response=response)
    return response


def keeps_stale_copy(*, name: str, params: dict[str, str]):
    """Keep the newest 200 answer per normalised request; serve it when the database fails.

    Place it inside decorators that compress or add framing headers, so that the copy is
    the plain answer and those apply to the replay as well.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            key = f"stale:{name}:{request_digest(request, params)}"
            try:
                response = view(request, *args, **kwargs)
            except Exception as exc:
                stored = cache_get(key) if is_database_fault(exc) else None
                if stored is None:
                    raise
                logger.warning("database fault: serving the stored %s answer", name)
                return replay(request, stored)
            if request.method == "GET" and storable(response):
                cache_set(key, snapshot(response), settings.API_CACHE_SECONDS)
            return response

        return wrapper

    return decorator
