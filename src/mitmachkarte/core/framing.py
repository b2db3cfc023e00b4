"""Responses any site may show in an iframe (the embed and its error pages).

Same-origin content only, plus the tile server for images; no X-Frame-Options, and a
Content-Security-Policy whose frame-ancestors allows every site.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.views.decorators.clickjacking import xframe_options_exempt


def _source(url: str) -> str:
    """The CSP source for an absolute URL template ("{s}." subdomains become "*.")."""
    parts = urlsplit(url.replace("{s}", "mmk-subdomain"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.replace('mmk-subdomain', '*')}"


def frameable_csp() -> str:
    static = _source(settings.STATIC_URL)
    tiles = _source(settings.TILE_URL)

    def directive(name: str, *sources: str) -> str:
        return " ".join([name, *(s for s in sources if s)])

    return "; ".join(
        [
            "default-src 'none'",
            directive("script-src", "'self'", static),
            # Leaflet positions its panes and markers with inline styles.
            directive("style-src", "'self'", "'unsafe-inline'", static),
            directive("img-src", "'self'", "data:", static, tiles),
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors * file:",
        ]
    )


def make_frameable(response):
    """Mark a response as frameable by any site (also error responses built by hand)."""
    response["Content-Security-Policy"] = frameable_csp()
    response.xframe_options_exempt = True
    return response


def frameable(view):
    """A view whose responses any site may frame."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return make_frameable(view(request, *args, **kwargs))

    return xframe_options_exempt(wrapper)
