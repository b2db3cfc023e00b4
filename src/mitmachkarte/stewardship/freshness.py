"""Yearly "Is this still right?" reminders (run by tasks.send_freshness_reminders).

An entry is due when it was last confirmed a year ago or earlier and got no reminder within
the last year. The FreshnessReminder row (unique per entry and year) is written in the same
transaction that queues the mails, so running twice never mails twice; the mail queue
retries a mail the server refused.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from mitmachkarte.initiatives.models import Initiative, Status

from . import mails
from .models import FreshnessReminder

REMIND_AFTER = timedelta(days=365)


@dataclass
class ReminderReport:
    sent: int = 0
    without_address: int = 0


def due_for_reminder(*, now: datetime | None = None):
    now = now or timezone.now()
    recent = FreshnessReminder.objects.filter(sent_at__gt=now - REMIND_AFTER)
    return (
        Initiative.objects.filter(
            status=Status.PUBLISHED, last_confirmed_at__lte=now - REMIND_AFTER
        )
        .exclude(pk__in=recent.values("initiative_id"))
        .order_by("pk")
    )


def send_reminders(*, now: datetime | None = None) -> ReminderReport:
    now = now or timezone.now()
    report = ReminderReport()
    for initiative in due_for_reminder(now=now).iterator():
        editors = mails.editor_emails(initiative)
        recipients = editors or ([initiative.contact_email] if initiative.contact_email else [])
        if not recipients:
            report.without_address += 1
            continue
        try:
            with transaction.atomic():
                reminder = FreshnessReminder.objects.create(
                    initiative=initiative,
                    year=now.year,
                    sent_at=now,
                    recipients=len(recipients),
                    to_contact=not editors,
                )
                mails.send_freshness_reminder(
                    initiative=initiative, reminder=reminder, to=recipients
                )
        except IntegrityError:  # another run sent it this year
            continue
        report.sent += 1
    return report
