"""Fixed-window rate limits in the shared cache (Redis in production), per action and client.

Used for anonymous forms (proposals, contact relay, reports, subscriptions) instead of a
third-party captcha. The client is the IP address; behind a reverse proxy set
`TRUSTED_PROXY_COUNT` so the right hop of X-Forwarded-For is used.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR", "")


def allow(action: str, identity: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt; False once `limit` attempts fell into the current window."""
    window = int(time.time() // window_seconds)
    digest = hashlib.sha256(f"{action}|{identity}".encode()).hexdigest()[:32]
    key = f"ratelimit:{action}:{digest}:{window}"
    if cache.add(key, 1, timeout=window_seconds + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds + 1)
        return True
    return count <= limit


def allow_request(request, action: str, *, limit: int, window_seconds: int) -> bool:
    return allow(action, client_ip(request), limit=limit, window_seconds=window_seconds)
