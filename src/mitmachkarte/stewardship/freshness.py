"""Keeping entries current: yearly "Is this still right?" reminders (run by
tasks.send_freshness_reminders) and what their links do (confirm, archive).

An entry is due when it was last confirmed a year ago or earlier and got no reminder within
the last year. The FreshnessReminder row (unique per entry and year) is written in the same
transaction that queues the mails, so running twice never mails twice; the mail queue
retries a mail the server refused.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.initiatives import services
from mitmachkarte.initiatives.lifecycle import set_status
from mitmachkarte.initiatives.models import Initiative, Status

from . import mails
from .edits import may_publish
from .models import FreshnessReminder

REMIND_AFTER = timedelta(days=365)
CONFIRMED_REASON = "Als aktuell bestätigt"


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


def _may_change_status(initiative: Initiative, user, via_link: bool) -> None:
    if not via_link and not may_publish(user, initiative):
        raise PermissionDenied(_("Only the editors of this entry and its moderators may do this."))


def confirm_initiative(*, initiative: Initiative, user=None, via_link: bool = False) -> Initiative:
    """Mark the entry as still correct. `via_link`: through a signed link of the reminder
    mail (the link is the permission; `user` may then be anonymous)."""
    _may_change_status(initiative, user, via_link)
    return services.confirm_initiative(initiative=initiative, actor=user, reason=CONFIRMED_REASON)


def archive_initiative(
    *, initiative: Initiative, user=None, via_link: bool = False, reason: str = ""
) -> Initiative:
    """Take the entry off the map (it stays in the database and its history); the
    decision is logged and mailed like every status change (moderation.decisions)."""
    _may_change_status(initiative, user, via_link)
    return set_status(
        initiative=initiative,
        status=Status.ARCHIVED,
        actor=user,
        reason=reason,
        via="link" if via_link else "stewardship",
    )
