"""Abuse limits: fixed windows counted in the shared default cache, per client and per target.

The counters live in `caches["default"]`: Redis with REDIS_URL, else a database table with an
atomic increment (core.cache), so every worker and host counts together; never process memory.
A window starts at a multiple of its length (so across a boundary up to twice the limit can
pass). `check()` counts one attempt of a form for the client's IP address and each target (a
normalised e-mail address, an event date, an entry) with the rates of settings.RATE_LIMITS and
raises `RateLimited` when one is used up: forms answer 429 with the form kept
(`render_limited`), other views get the 429 page (`RateLimitMiddleware`), the API a JSON 429
(mitmachkarte.api). Behind reverse proxies set TRUSTED_PROXY_COUNT so the right hop of
X-Forwarded-For is the client; IPv6 clients count per /64 network (one subscriber's prefix).

Why not django-ratelimit (4.1.0, 2023): its own system check calls Django's DatabaseCache "not
atomic" (an error) and Django's RedisCache "not officially supported", so the database fallback
would need the atomic cache here anyway; it keys limits by request only (`allow()` for an
address and a date would need a fake request), knows no API exception, and its counting is
the same add/incr as these few lines. Per-target normalisation and the 429 pages are ours
either way.
"""

import hashlib
import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import ngettext

log = logging.getLogger(__name__)


class RateLimited(Exception):
    """Too many attempts; `retry_after` seconds until the window ends."""

    def __init__(self, retry_after: int):
        self.retry_after = max(1, int(retry_after))
        super().__init__(f"rate limited, retry after {self.retry_after} s")

    @property
    def message(self) -> str:
        minutes = math.ceil(self.retry_after / 60)
        if minutes <= 90:
            return ngettext(
                "Too many attempts. Please try again in %(count)s minute.",
                "Too many attempts. Please try again in %(count)s minutes.",
                minutes,
            ) % {"count": minutes}
        hours = math.ceil(minutes / 60)
        return ngettext(
            "Too many attempts. Please try again in %(count)s hour.",
            "Too many attempts. Please try again in %(count)s hours.",
            hours,
        ) % {"count": hours}


def client_ip(request) -> str:
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR", "")


def client_identity(request) -> str:
    """The client for limits: its IPv4 address, or its IPv6 /64 network."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address) + "/64"


def normalise_email(address: str) -> str:
    """One key per mailbox: case and a "+tag" (which reaches the same mailbox) do not count."""
    local, _at, domain = (address or "").strip().lower().rpartition("@")
    if not local:
        return domain
    return f"{local.split('+', 1)[0] or local}@{domain}"


def hit(action: str, identity: str, *, limit: int, window_seconds: int) -> int:
    """Count one attempt: 0 while within `limit`, else the seconds until the window ends."""
    now = time.time()
    window = int(now // window_seconds)
    retry_after = math.ceil((window + 1) * window_seconds - now)
    digest = hashlib.sha256(f"{action}|{identity}".encode()).hexdigest()[:32]
    key = f"ratelimit:{action}:{digest}:{window}"
    try:
        if cache.add(key, 1, timeout=window_seconds + 1):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=window_seconds + 1)
                count = 1
    except Exception:  # the shared store is down: serve the form rather than a 500
        log.exception("rate limit store unavailable; %s not counted", action)
        return 0
    return 0 if count <= limit else retry_after


def allow(action: str, identity: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt; False once `limit` attempts fell into the current window."""
    return hit(action, identity, limit=limit, window_seconds=window_seconds) == 0


def allow_request(request, action: str, *, limit: int, window_seconds: int) -> bool:
    return allow(action, client_identity(request), limit=limit, window_seconds=window_seconds)


def check(action: str, request=None, **targets) -> None:
    """Count one attempt of `action` (a key of settings.RATE_LIMITS) for the client of
    `request` and for each target (identity=value, e.g. email=…, entry=pk); raise
    RateLimited at the first rate that is used up (later ones are not counted then).
    A target with an empty value, or a rate set to "off", is not limited."""
    rates = settings.RATE_LIMITS[action]
    identities = []
    if request is not None:
        identities.append(("ip", client_identity(request)))
    for per, value in targets.items():
        if per not in rates:
            raise KeyError(f"no rate {action}.{per} in settings.RATE_LIMITS")
        if value not in (None, ""):
            identities.append((per, normalise_email(value) if per == "email" else str(value)))
    for per, identity in identities:
        rate = rates.get(per)
        if rate is None:
            continue
        retry_after = hit(
            f"{action}.{per}", identity, limit=rate.count, window_seconds=rate.seconds
        )
        if retry_after:
            raise RateLimited(retry_after)


def mark_limited(response, exc: RateLimited):
    response.status_code = 429
    response["Retry-After"] = str(exc.retry_after)
    return response


def render_limited(request, template: str, context: dict, exc: RateLimited, *, form=None):
    """The form's page again with what was typed, the message and status 429."""
    if form is not None:
        form.add_error(None, exc.message)
    return mark_limited(render(request, template, context), exc)


class RateLimitMiddleware:
    """A RateLimited raised by any other view answers the short 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RateLimited):
            return None
        return mark_limited(render(request, "429.html", {"message": exception.message}), exception)
