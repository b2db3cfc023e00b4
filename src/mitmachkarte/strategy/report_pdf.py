"""The progress report as a PDF: the report's own HTML and print stylesheet, laid out by
WeasyPrint (a maintained renderer without a browser). WeasyPrint needs Pango from the system
(Debian: libpango-1.0-0, libpangoft2-1.0-0); where it cannot load, `available()` is False and
the report offers printing only.

The renderer reads nothing from outside: the stylesheets come from the static files on disk,
every other URL (images, fonts, links to other hosts) is refused.
"""

import logging
import os
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage


@lru_cache(maxsize=1)
def available() -> bool:
    try:
        import weasyprint  # noqa: F401  (loads Pango through cffi: OSError without it)
    except (ImportError, OSError):
        return False
    return True


def _static_file(url: str) -> str | None:
    """The file on disk behind a static URL of this site, or None."""
    path = unquote(urlsplit(url).path)
    if not path.startswith(settings.STATIC_URL):
        return None
    name = path[len(settings.STATIC_URL) :]
    if not name or ".." in name.split("/"):
        return None
    try:
        found = finders.find(name)
        # else a hashed name of the collected files (STATIC_MANIFEST)
        on_disk = found or staticfiles_storage.path(name)
    except Exception:  # noqa: BLE001  (a storage without local paths, a suspicious name)
        return None
    return on_disk if os.path.isfile(on_disk) else None


def render(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = _static_file(url)
            if path is None:
                raise ValueError(f"not fetched for the PDF: {url}")
            with open(path, "rb") as handle:
                body = handle.read()
            kind = "text/css" if path.endswith(".css") else "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": kind})

    # It warns about every CSS rule it does not support (site.css's screen media queries).
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return HTML(string=html, base_url=base_url, url_fetcher=StaticOnly()).write_pdf()
