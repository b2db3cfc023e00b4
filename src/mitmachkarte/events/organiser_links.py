"""Organiser links: the secret link to an event's organiser page, stored as a digest only.

A link is issued (or renewed, which voids the previous one) when an event is approved, by the
admin, or when the organiser asks for a new one with the organiser e-mail address. The token
appears only in that mail or admin message; the database keeps its SHA-256 (a random 192-bit
token needs no slow hash), so a leaked database or backup opens no organiser page. A link
expires `ORGANISER_LINK_DAYS` after the later of the event's last date and its issue.
"""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from mitmachkarte.core.ratelimit import normalise_email

from . import mails
from .models import Event, new_organiser_token

MAX_TOKEN_LENGTH = 64


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def renew(*, event: Event, notify: bool = False, approved: bool = False) -> str:
    """A new organiser link for the event; the old one stops working. Returns the token,
    mailed to the organiser e-mail when `notify` (and the event has one)."""
    token = new_organiser_token()
    with transaction.atomic():
        event.organiser_token_digest = digest(token)
        event.organiser_link_issued_at = timezone.now()
        event.save(update_fields=["organiser_token_digest", "organiser_link_issued_at"])
        if notify and event.organiser_email:
            mails.send_organiser_link(event=event, token=token, approved=approved)
    return token


def matches(event: Event, email: str) -> bool:
    """Whether `email` is the event's organiser address (the mail goes to the stored one)."""
    return bool(event.organiser_email) and normalise_email(email) == normalise_email(
        event.organiser_email
    )


def event_for(token: str) -> Event | None:
    """The event whose organiser link this is (expired or not), or None."""
    if not token or "\x00" in token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return Event.objects.filter(organiser_token_digest=digest(token)).first()


def expires_at(event: Event) -> datetime | None:
    if event.organiser_link_issued_at is None:
        return None
    last = event.occurrences.aggregate(last=Max("end"))["last"] or event.end
    lifetime = timedelta(days=settings.ORGANISER_LINK_DAYS)
    return max(last, event.organiser_link_issued_at) + lifetime


def is_expired(event: Event, *, now: datetime | None = None) -> bool:
    until = expires_at(event)
    return until is None or (now or timezone.now()) >= until
