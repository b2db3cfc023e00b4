"""E-mails of the support exchange, German, queued through `core.mail`. Each goes to one
member of an organisation at a time, so no one sees another's address; replies happen on
the site (the thread page)."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
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
        sent += mail.send_templated(
            to=member_addresses(offer.organisation),
            template="support/email/match_notice",
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
        sent += mail.send_templated(
            to=member_addresses(organisation),
            template="support/email/relayed_message",
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
    `days` and can be renewed on its page. Returns the number of mails queued."""
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
        with transaction.atomic():  # the mark and the queued mails commit together
            sent += mail.send_templated(
                to=member_addresses(need.organisation),
                template="support/email/expiry_reminder",
                subject=lambda: _("Your need expires soon"),
                context={"need": need, "need_url": absolute(need.get_absolute_url())},
            )
            Need.objects.filter(pk=need.pk).update(expiry_reminded_for=need.expires_on)
    return sent
