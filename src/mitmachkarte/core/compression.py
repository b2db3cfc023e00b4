"""Compressed pages and API answers: Django's GZipMiddleware, for text types only.

Pictures, PDFs and other binary answers are already compressed; gzip would cost CPU and
save nothing. A view whose page shows a secret next to something the visitor typed marks
its answer with `uncompressed` (BREACH, see docs/operations.md).

ETags: GZipMiddleware turns a strong ETag into a weak one (`W/"…"`), because the bytes
differ by encoding. Conditional GETs compare weakly (RFC 9110 for If-None-Match), so a client
that sends the weak tag back still gets its 304: from core.api_cache before any view runs,
and from core.http.cached_with_etag.
"""

from functools import wraps

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/geo+json",
    "application/ld+json",
    "application/javascript",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/rdf+xml",
    "image/svg+xml",
)


def compressible(response) -> bool:
    if getattr(response, "uncompressed", False):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type.startswith(COMPRESSIBLE)


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not compressible(response):
            return response
        return super().process_response(request, response)


def uncompressed(view):
    """Never compress this view's answers (a secret shown next to reflected input)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.uncompressed = True
        return response

    return wrapper
