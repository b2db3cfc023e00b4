"""Absolute links for mails and feeds, which leave the request that knows the host.

Every kind of mail builds its links here, from `SITE_URL` (production: the public address;
`make demo`: the host and port it serves on), so a link never depends on which host or proxy
happened to carry the request that triggered the mail.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    return site_url() + path


def rebase(url: str) -> str:
    """The same path, query and fragment on `SITE_URL` (for links a library built from the
    request, e.g. django-allauth's account mails)."""
    parts = urlsplit(url)
    if not parts.netloc:
        return absolute(url) if url.startswith("/") else url
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return absolute(path + query + fragment)
