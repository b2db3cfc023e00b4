import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mitmachkarte.subscriptions import services, tokens
from tests.factories import MunicipalityFactory

LINK = re.compile(r"https?://[^/\s]+(/abonnieren/(bestaetigen|abmelden|verwalten)/([^/\s]+)/)")


@pytest.fixture
def towns(reference_data):
    """Münster and Greven with small square boundaries, far enough apart for a box."""
    return {
        "muenster": MunicipalityFactory(
            name="Münster",
            slug="muenster",
            ags="05515000",
            latitude=51.96,
            longitude=7.63,
            with_boundary=True,
        ),
        "greven": MunicipalityFactory(
            name="Greven",
            slug="greven",
            ags="05566012",
            latitude=52.09,
            longitude=7.61,
            with_boundary=True,
        ),
    }


def link_from(message, kind: str) -> tuple[str, str]:
    """(path, token) of the confirm/unsubscribe/manage link ("bestaetigen", "abmelden",
    "verwalten") in a mail's plain text."""
    for path, found_kind, token in LINK.findall(message.body):
        if found_kind == kind:
            return path, token
    raise AssertionError(f"no {kind} link in:\n{message.body}")


def confirmed(*, now: datetime | None = None, **kwargs):
    """A subscription confirmed through its mailed link (the outbox is emptied after)."""
    subscription = services.subscribe(**kwargs)
    _path, token = link_from(mail.outbox[-1], "bestaetigen")
    subscription = services.confirm(token=token, now=now or timezone.now())
    mail.outbox.clear()
    return subscription


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


__all__ = ["confirmed", "days_ago", "link_from", "tokens"]
