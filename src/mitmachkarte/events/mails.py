"""The e-mails of events: double opt-in, confirmations, waiting list, reminders, messages.

Plain text from templates/events/email/, in the language the person registered in, with
times in Europe/Berlin and absolute links built from settings.SITE_URL (tasks have no request).
"""

from django.conf import settings
from django.core.mail import EmailMessage, mail_managers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mitmachkarte.core.links import absolute

from . import tokens
from .models import Event, Registration
from .recurrence import EVENT_TZ


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


def _send(
    *, to: str, subject: str, template: str, context: dict, language: str = "de", reply_to: str = ""
) -> None:
    with translation.override(language or "de"), timezone.override(EVENT_TZ):
        body = render_to_string(
            f"events/email/{template}.txt", {"SITE_NAME": settings.SITE_NAME, **context}
        )
        subject = f"{subject()} – {settings.SITE_NAME}"
    message = EmailMessage(
        subject=subject, body=body, to=[to], reply_to=[reply_to] if reply_to else None
    )
    message.send()


def _registration_mail(registration: Registration, *, template: str, subject, **extra) -> None:
    occurrence = registration.occurrence
    event = occurrence.event
    _send(
        to=registration.email,
        subject=subject,
        template=template,
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
    _send(
        to=registration.email,
        template="participant_message",
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
    _send(
        to=event.organiser_email,
        template="organiser_link",
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
    _send(
        to=event.organiser_email,
        template="submission_received",
        subject=lambda: _("We have received your action"),
        context={"event": event, "campaign": event.campaign},
    )
    mail_managers(
        f"New action to review: {event.title}",
        absolute(reverse("admin:events_event_change", args=[event.pk])),
    )
