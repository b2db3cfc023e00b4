"""Writes for registrations (the services of registering without an account).

Each function is one transaction that first locks the occurrence row, so capacity is never
exceeded and the waiting list moves in order even with concurrent requests. Mails are
queued through `core.mail` and leave only after the commit, never while the row is locked.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core import ratelimit

from . import mails, selectors, tokens
from .models import Event, EventStatus, Occurrence, Registration, RegistrationStatus

S = RegistrationStatus
MAX_NAME = 120
REMINDER_BEFORE = timedelta(hours=24)
# Registering again with the same address mails at most once per date and hour, so a form
# posted in a loop with someone else's address cannot flood their mailbox.
CONFIRMATION_MAILS_PER_HOUR = 1


class RegistrationError(ValidationError):
    """A rule refuses the registration; `code` says which (closed, deadline, full, …)."""


@dataclass
class Outcome:
    registration: Registration
    created: bool = False
    position: int | None = None  # place on the waiting list
    mailed: bool = True  # False: a mail to this address for this date went out this hour


def _mail_allowed(occurrence: Occurrence, email: str) -> bool:
    return ratelimit.allow(
        "events.registration_mail",
        f"{occurrence.pk}:{email}",
        limit=CONFIRMATION_MAILS_PER_HOUR,
        window_seconds=3600,
    )


def _lock(occurrence_id: int) -> Occurrence:
    return Occurrence.objects.select_for_update().select_related("event").get(pk=occurrence_id)


def _check_open(occurrence: Occurrence, now: datetime) -> None:
    event: Event = occurrence.event
    if event.status != EventStatus.PUBLISHED or not event.registration_enabled:
        raise RegistrationError(_("Registration is not possible for this event."), code="closed")
    if occurrence.is_cancelled:
        raise RegistrationError(_("This date has been cancelled."), code="cancelled")
    if now >= occurrence.start:
        raise RegistrationError(_("This date has already begun."), code="started")


def _has_room(occurrence: Occurrence) -> bool:
    capacity = occurrence.event.capacity
    return capacity is None or selectors.confirmed_count(occurrence) < capacity


def register(
    *,
    occurrence: Occurrence,
    name: str,
    email: str,
    language: str = "de",
    now: datetime | None = None,
) -> Outcome:
    """Register for a date: a pending registration and a confirmation mail (double opt-in).

    Registering again with the same e-mail address never creates a second registration: a
    pending one gets a new confirmation mail, an active one a reminder of its status, a
    cancelled one starts over. Of these mails at most one per date, address and hour is sent.
    """
    now = now or timezone.now()
    name = " ".join((name or "").split())
    email = (email or "").strip().lower()
    if not name or len(name) > MAX_NAME:
        raise RegistrationError({"name": _("Please give your name (at most 120 characters).")})
    try:
        validate_email(email)
    except ValidationError:
        raise RegistrationError({"email": _("Please give a valid e-mail address.")}) from None
    with transaction.atomic():
        occurrence = _lock(occurrence.pk)
        event = occurrence.event
        _check_open(occurrence, now)
        existing = occurrence.registrations.filter(email=email).first()
        if existing and existing.status in (S.CONFIRMED, S.WAITLISTED):
            mailed = _mail_allowed(occurrence, email)
            if mailed:
                mails.send_already_registered(registration=existing)
            return Outcome(existing, mailed=mailed)
        if event.registration_deadline and now > event.registration_deadline:
            raise RegistrationError(_("The registration deadline has passed."), code="deadline")
        if not event.waiting_list and not _has_room(occurrence):
            raise RegistrationError(_("This date is fully booked."), code="full")
        registration = existing or Registration(occurrence=occurrence, email=email)
        registration.name, registration.language = name, (language or "de")[:8]
        registration.status, registration.cancelled_at = S.PENDING, None
        registration.created_at = registration.created_at if existing else now
        registration.save()
        mailed = _mail_allowed(occurrence, email)
        if mailed:
            mails.send_confirm_request(registration=registration)
    return Outcome(registration, created=existing is None, mailed=mailed)


def _registration_from_token(token: str, purpose: str) -> Registration:
    registration_id, digest = tokens.read_token(token, purpose=purpose)
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or not tokens.matches(registration.email, digest):
        raise tokens.TokenError("unknown")
    return registration


def registration_for_token(*, token: str, purpose: str) -> Registration:
    """The registration a link names (for showing it); TokenError if the link is bad."""
    return _registration_from_token(token, purpose)


def confirm(*, token: str, now: datetime | None = None) -> Outcome:
    """Confirm the e-mail address: a place if one is free, else the waiting list.

    Confirming twice changes nothing. Raises TokenError for a bad or expired link and
    RegistrationError when the date is full without a waiting list or has begun.
    """
    now = now or timezone.now()
    registration = _registration_from_token(token, tokens.CONFIRM)
    with transaction.atomic():
        occurrence = _lock(registration.occurrence_id)
        registration.refresh_from_db()
        if registration.status == S.CONFIRMED:
            return Outcome(registration)
        if registration.status == S.WAITLISTED:
            return Outcome(registration, position=selectors.waiting_position(registration))
        if registration.status == S.CANCELLED:
            raise RegistrationError(
                _("This registration was cancelled. Please register again."), code="cancelled"
            )
        _check_open(occurrence, now)
        if _has_room(occurrence):
            registration.status, registration.confirmed_at = S.CONFIRMED, now
            registration.save(update_fields=["status", "confirmed_at"])
            mails.send_confirmed(registration=registration)
            return Outcome(registration)
        if not occurrence.event.waiting_list:
            raise RegistrationError(_("This date is fully booked."), code="full")
        registration.status, registration.queued_at = S.WAITLISTED, now
        registration.save(update_fields=["status", "queued_at"])
        position = selectors.waiting_position(registration)
        mails.send_waitlisted(registration=registration, position=position)
        return Outcome(registration, position=position)


def cancel(*, token: str, now: datetime | None = None) -> Outcome:
    """Cancel a registration; a freed place goes to the first on the waiting list.

    Cancelling twice changes nothing.
    """
    now = now or timezone.now()
    registration = _registration_from_token(token, tokens.CANCEL)
    with transaction.atomic():
        occurrence = _lock(registration.occurrence_id)
        registration.refresh_from_db()
        if registration.status == S.CANCELLED:
            return Outcome(registration)
        registration.status, registration.cancelled_at = S.CANCELLED, now
        registration.save(update_fields=["status", "cancelled_at"])
        if now < occurrence.start:
            _promote(occurrence, now)
    return Outcome(registration)


def _promote(occurrence: Occurrence, now: datetime) -> list[Registration]:
    """Move people up from the waiting list while there is room (occurrence locked)."""
    promoted = []
    waiting = occurrence.registrations.filter(status=S.WAITLISTED).order_by("queued_at", "pk")
    for registration in waiting:
        if not _has_room(occurrence):
            break
        registration.status, registration.confirmed_at = S.CONFIRMED, now
        registration.save(update_fields=["status", "confirmed_at"])
        mails.send_promoted(registration=registration)
        promoted.append(registration)
    return promoted


def fill_from_waiting_list(*, event: Event, now: datetime | None = None) -> int:
    """After the capacity grew: promote on every future date. Returns how many moved up."""
    now = now or timezone.now()
    count = 0
    for occurrence_id in event.occurrences.filter(start__gt=now, is_cancelled=False).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            count += len(_promote(_lock(occurrence_id), now))
    return count


def message_participants(
    *,
    event: Event,
    subject: str,
    body: str,
    occurrence_id: int | None = None,
    include_waiting_list: bool = False,
    now: datetime | None = None,
) -> int:
    """Send the organiser's message to everyone registered for the event's future dates
    (or one date), one mail each so nobody sees another's address. Returns the count."""
    now = now or timezone.now()
    subject, body = " ".join((subject or "").split()), (body or "").strip()
    if not subject or len(subject) > 150:
        raise ValidationError({"subject": _("Please give a subject (at most 150 characters).")})
    if not body or len(body) > 10_000:
        raise ValidationError({"body": _("Please write a message (at most 10,000 characters).")})
    statuses = [S.CONFIRMED, S.WAITLISTED] if include_waiting_list else [S.CONFIRMED]
    recipients = Registration.objects.filter(
        occurrence__event=event, occurrence__end__gte=now, status__in=statuses
    ).select_related("occurrence__event")
    if occurrence_id is not None:
        recipients = recipients.filter(occurrence_id=occurrence_id)
    count = 0
    with transaction.atomic():
        for registration in recipients:
            mails.send_participant_message(registration=registration, subject=subject, body=body)
            count += 1
    return count


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Remind confirmed participants of dates beginning within the next 24 hours, once.

    Run hourly (see the `run_event_tasks` command): a registration is claimed by setting
    `reminder_sent_at` in the transaction that queues its mail, so parallel runs never send
    twice; an error before the commit releases it.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=S.CONFIRMED,
        reminder_sent_at=None,
        occurrence__is_cancelled=False,
        occurrence__event__status=EventStatus.PUBLISHED,
        occurrence__start__gt=now,
        occurrence__start__lte=now + REMINDER_BEFORE,
    ).select_related("occurrence__event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at=None, status=S.CONFIRMED
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            mails.send_reminder(registration=registration)
            sent += 1
    return sent
