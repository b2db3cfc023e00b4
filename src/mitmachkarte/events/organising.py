"""Writes of the organisers' pages: cancel a date or the whole event, delete an event.

Same conventions as services.py: keyword-only, one transaction each, the rules enforced here;
mails are queued by `core.mail` and leave after the commit.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.permissions import require_perm

from . import mails
from .models import Event, Occurrence, RegistrationStatus

ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING]


def cancel_date(*, occurrence: Occurrence, by, now: datetime | None = None) -> int:
    """Cancel one upcoming date; everyone registered for it gets a mail. Returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = (
            Occurrence.objects.select_for_update().select_related("event").get(pk=occurrence.pk)
        )
        require_perm(by, "events.manage_event", occurrence.event)
        if occurrence.is_cancelled:
            raise ValidationError(_("This date is already cancelled."))
        if occurrence.end < now:
            raise ValidationError(_("This date is over; it cannot be cancelled any more."))
        occurrence.is_cancelled = True
        occurrence.save(update_fields=["is_cancelled"])
        mailed = 0
        for registration in occurrence.registrations.filter(status__in=ACTIVE):
            # Unconfirmed addresses get no mail: nobody has shown they own them.
            if registration.status != RegistrationStatus.PENDING:
                mails.send_date_cancelled(registration=registration)
                mailed += 1
            registration.status, registration.cancelled_at = RegistrationStatus.CANCELLED, now
            registration.save(update_fields=["status", "cancelled_at"])
    return mailed


def cancel_event(*, event: Event, by, now: datetime | None = None) -> int:
    """Cancel every upcoming date of the event (each with its mails); returns the mails."""
    now = now or timezone.now()
    require_perm(by, "events.manage_event", event)
    upcoming = event.occurrences.filter(is_cancelled=False, end__gte=now)
    if not upcoming.exists():
        raise ValidationError(_("This event has no upcoming dates to cancel."))
    with transaction.atomic():
        return sum(cancel_date(occurrence=o, by=by, now=now) for o in upcoming)


def delete_event(*, event: Event, by) -> None:
    """Delete an event nobody has registered for (otherwise: cancel it, so people learn)."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        require_perm(by, "events.manage_event", event)
        if event.occurrences.filter(registrations__isnull=False).exists():
            raise ValidationError(
                _("People have registered for this event: cancel it instead, so they get a mail.")
            )
        event.delete()
