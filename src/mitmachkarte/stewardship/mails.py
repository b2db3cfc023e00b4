"""The e-mails of entry care: claim links, suggestions, freshness reminders, relayed contact.

Plain text from templates/stewardship/email/, in German (the entries' language), with
absolute links built from settings.SITE_URL, queued through `core.mail` (one mail per
recipient: they never see each other).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute
from mitmachkarte.organisations.selectors import editor_emails

from . import tokens


def send_claim_link(*, claim, token: str) -> None:
    initiative = claim.initiative
    mail.send_templated(
        to=[initiative.contact_email],
        template="stewardship/email/claim_link",
        subject=lambda: _("Confirm: %(name)s on the map") % {"name": initiative.name},
        context={
            "initiative": initiative,
            "requester": claim.user.email,
            "claim_url": absolute(reverse("stewardship:claim_confirm", args=[token])),
            "entry_url": absolute(initiative.get_absolute_url()),
            "max_age_days": tokens.MAX_AGES[tokens.CLAIM].days,
        },
    )


def send_suggestion_received(*, suggestion) -> None:
    initiative = suggestion.initiative
    recipients = editor_emails(initiative)
    if recipients:
        mail.send_templated(
            to=recipients,
            template="stewardship/email/suggestion_received",
            subject=lambda: _("Suggested changes to %(name)s") % {"name": initiative.name},
            context={
                "initiative": initiative,
                "suggestion": suggestion,
                "review_url": absolute(reverse("stewardship:suggestions")),
            },
        )


def send_suggestion_rejected(*, suggestion) -> None:
    if suggestion.author and suggestion.author.email:
        mail.send_templated(
            to=[suggestion.author.email],
            template="stewardship/email/suggestion_rejected",
            subject=lambda: _("Your suggestion was not accepted"),
            context={"initiative": suggestion.initiative, "suggestion": suggestion},
        )


def freshness_links(*, initiative, reminder) -> dict:
    def link(action: str) -> str:
        token = tokens.make_token(
            purpose=tokens.FRESHNESS_ACTIONS[action], i=initiative.pk, r=reminder.pk
        )
        return absolute(reverse(f"stewardship:freshness_{action}", args=[token]))

    return {f"{action}_url": link(action) for action in tokens.FRESHNESS_ACTIONS}


def send_freshness_reminder(*, initiative, reminder, to: list[str]) -> None:
    mail.send_templated(
        to=to,
        template="stewardship/email/freshness_reminder",
        subject=lambda: _("Is this still right? %(name)s") % {"name": initiative.name},
        context={
            "initiative": initiative,
            "to_contact": reminder.to_contact,
            "entry_url": absolute(initiative.get_absolute_url()),
            "max_age_days": tokens.MAX_AGES[tokens.CONFIRM].days,
            **freshness_links(initiative=initiative, reminder=reminder),
        },
    )


def send_contact_message(*, initiative, sender_name: str, sender_email: str, message: str) -> None:
    mail.send_templated(
        to=[initiative.contact_email],
        template="stewardship/email/contact_message",
        reply_to=mail.named_address(sender_name, sender_email),
        subject=lambda: _("Message about %(name)s") % {"name": initiative.name},
        context={
            "initiative": initiative,
            "sender_name": sender_name,
            "message": message,
            "entry_url": absolute(initiative.get_absolute_url()),
        },
    )
