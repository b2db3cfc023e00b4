"""Absolute links for mails and feeds, which leave the request that knows the host."""

from django.conf import settings


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
