"""E-mails of the support exchange. Each goes to one member of an organisation at a time,
so no one sees another's address; replies happen on the site (the thread page)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mitmachkarte.core.links import absolute
from mitmachkarte.organisations.models import Organisation

from . import tokens
from .models import Message, Need


def member_addresses(organisation: Organisation) -> list[str]:
    emails = (
        organisation.memberships.filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    return sorted(set(emails))


def _send_each(addresses, *, subject, template: str, context: dict) -> int:
    with translation.override("de"):
        body = render_to_string(
            f"support/email/{template}.txt", {"SITE_NAME": settings.SITE_NAME, **context}
        )
        subject = f"{subject()} – {settings.SITE_NAME}"
    for address in addresses:
        EmailMessage(subject=subject, body=body, to=[address]).send()
    return len(addresses)


def send_match_notices(need_id: int) -> int:
    from .selectors import matching_offers

    need = Need.objects.select_related("organisation", "municipality").filter(pk=need_id).first()
    if need is None or not need.is_active:
        return 0
    sent = 0
    for match in matching_offers(need):
        offer = match.item
        if not offer.notify_matches or offer.organisation_id == need.organisation_id:
            continue
        sent += _send_each(
            member_addresses(offer.organisation),
            template="match_notice",
            subject=lambda: _("A new need matches your offer"),
            context={
                "need": need,
                "offer": offer,
                "need_url": absolute(need.get_absolute_url()),
                "opt_out_url": absolute(
                    reverse("support:opt_out", args=[tokens.make_opt_out_token(offer.pk)])
                ),
            },
        )
    return sent


def relay(message_id: int) -> int:
    message = (
        Message.objects.select_related(
            "thread__need__organisation", "thread__offer__organisation", "sender_organisation"
        )
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        return 0
    thread = message.thread
    recipients = [o for o in thread.organisations if o.pk != message.sender_organisation_id]
    sent = 0
    for organisation in recipients:
        sent += _send_each(
            member_addresses(organisation),
            template="relayed_message",
            subject=lambda: (
                _("Message from %(sender)s") % {"sender": message.sender_organisation.name}
            ),
            context={
                "message": message,
                "thread": thread,
                "thread_url": absolute(thread.get_absolute_url()),
            },
        )
    return sent


def send_expiry_reminders(*, days: int = 7, today=None) -> int:
    """Tell an initiative's members, once per expiry date, that an active need expires within
    `days` and can be renewed on its page. Returns the number of mails sent."""
    from datetime import timedelta

    from django.db.models import F, Q
    from django.utils import timezone

    from .models import NeedStatus

    today = today or timezone.localdate()
    due = (
        Need.objects.select_related("organisation", "municipality")
        .filter(
            status__in=[NeedStatus.OPEN, NeedStatus.IN_CONTACT],
            expires_on__gte=today,
            expires_on__lte=today + timedelta(days=days),
        )
        .filter(Q(expiry_reminded_for__isnull=True) | ~Q(expiry_reminded_for=F("expires_on")))
    )
    sent = 0
    for need in due:
        sent += _send_each(
            member_addresses(need.organisation),
            template="expiry_reminder",
            subject=lambda: _("Your need expires soon"),
            context={"need": need, "need_url": absolute(need.get_absolute_url())},
        )
        Need.objects.filter(pk=need.pk).update(expiry_reminded_for=need.expires_on)
    return sent
