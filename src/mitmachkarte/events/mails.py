"""The e-mails of events: double opt-in, confirmations, waiting list, reminders, messages.

Plain text from templates/events/email/, in the language the person registered in, with
times in Europe/Berlin and absolute links built from settings.SITE_URL; `core.mail` queues
them, sent after the transaction that asked for them.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute

from . import tokens
from .models import Event, Registration


def registration_links(registration: Registration) -> dict:
    event = registration.occurrence.event
    cancel = tokens.make_token(
        registration_id=registration.pk, email=registration.email, purpose=tokens.CANCEL
    )
    confirm = tokens.make_token(
        registration_id=registration.pk, email=registration.email, purpose=tokens.CONFIRM
    )
    return {
        "confirm_url": absolute(reverse("events:confirm", args=[confirm])),
        "cancel_url": absolute(reverse("events:cancel", args=[cancel])),
        "event_url": absolute(event.get_absolute_url()),
        # Their own date, not the whole series of a recurring event.
        "ics_url": absolute(reverse("events:ics", args=[event.slug]))
        + (f"?termin={registration.occurrence_id}" if event.recurrence else ""),
    }


def _registration_mail(registration: Registration, *, template: str, subject, **extra) -> None:
    occurrence = registration.occurrence
    event = occurrence.event
    mail.send_templated(
        to=registration.email,
        subject=subject,
        template=f"events/email/{template}",
        language=registration.language,
        context={
            "registration": registration,
            "occurrence": occurrence,
            "event": event,
            **registration_links(registration),
            **extra,
        },
    )


def send_confirm_request(*, registration: Registration) -> None:
    _registration_mail(
        registration,
        template="confirm_request",
        subject=lambda: _("Please confirm your registration"),
        max_age_days=tokens.CONFIRM_MAX_AGE.days,
    )


def send_already_registered(*, registration: Registration) -> None:
    _registration_mail(
        registration, template="already_registered", subject=lambda: _("You are already registered")
    )


def send_confirmed(*, registration: Registration) -> None:
    _registration_mail(
        registration, template="confirmed", subject=lambda: _("Your registration is confirmed")
    )


def send_waitlisted(*, registration: Registration, position: int) -> None:
    _registration_mail(
        registration,
        template="waitlisted",
        subject=lambda: _("You are on the waiting list"),
        position=position,
    )


def send_promoted(*, registration: Registration) -> None:
    _registration_mail(
        registration,
        template="promoted",
        subject=lambda: _("A place has become free: you are registered"),
    )


def send_reminder(*, registration: Registration) -> None:
    _registration_mail(
        registration,
        template="reminder",
        subject=lambda: (
            _("Reminder: %(title)s tomorrow") % {"title": registration.occurrence.event.title}
        ),
    )


def send_participant_message(*, registration: Registration, subject: str, body: str) -> None:
    event = registration.occurrence.event
    mail.send_templated(
        to=registration.email,
        template="events/email/participant_message",
        subject=lambda: f"{event.title}: {subject}",
        language=registration.language,
        reply_to=event.organiser_email,
        context={
            "registration": registration,
            "event": event,
            "body": body,
            "organiser": event.organiser_name,
            **registration_links(registration),
        },
    )


def send_organiser_link(*, event: Event, token: str, approved: bool = False) -> None:
    """`token` is the organiser link's secret: only its digest is stored (organiser_links)."""
    mail.send_templated(
        to=event.organiser_email,
        template="events/email/organiser_link",
        subject=lambda: _("Your event is published") if approved else _("Your organiser link"),
        context={
            "event": event,
            "approved": approved,
            "event_url": absolute(event.get_absolute_url()),
            "organiser_url": absolute(reverse("events:organiser", args=[token])),
            "valid_days": settings.ORGANISER_LINK_DAYS,
        },
    )


def send_submission_received(*, event: Event) -> None:
    mail.send_templated(
        to=event.organiser_email,
        template="events/email/submission_received",
        subject=lambda: _("We have received your action"),
        context={"event": event, "campaign": event.campaign},
    )
    mail.send_to_managers(
        subject=lambda: _("New action to review: %(title)s") % {"title": event.title},
        body=absolute(reverse("moderation:queue")) + "#events-heading",
    )


def send_date_cancelled(*, registration: Registration) -> None:
    _registration_mail(
        registration,
        template="date_cancelled",
        subject=lambda: (
            _("Cancelled: %(title)s, %(date)s")
            % {
                "title": registration.occurrence.event.title,
                "date": registration.occurrence.label,
            }
        ),
    )
