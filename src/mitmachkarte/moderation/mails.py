"""E-mails to proposers (received, approved, rejected, changes requested) and to moderators.

Plain text from templates/moderation/email/, German (the proposer has no account to store a
language), links absolute from settings.SITE_URL.
"""

from django.conf import settings
from django.core.mail import EmailMessage, mail_managers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mitmachkarte.core.links import absolute

from . import tokens
from .models import Proposal


def _send(*, to: str, subject, template: str, context: dict) -> None:
    with translation.override("de"):
        body = render_to_string(
            f"moderation/email/{template}.txt", {"SITE_NAME": settings.SITE_NAME, **context}
        )
        subject = f"{subject()} – {settings.SITE_NAME}"
    EmailMessage(subject=subject, body=body, to=[to]).send()


def revise_url(proposal: Proposal) -> str:
    token = tokens.make_revise_token(
        proposal_id=proposal.pk, revision=proposal.revision, email=proposal.proposer_email
    )
    return absolute(reverse("moderation:revise", args=[token]))


def send_received(*, proposal: Proposal) -> None:
    _send(
        to=proposal.proposer_email,
        template="received",
        subject=lambda: _("We have received your proposal"),
        context={
            "proposal": proposal,
            "initiative": proposal.initiative,
            "privacy_url": absolute("/datenschutz/"),
        },
    )
    mail_managers(
        f"Neuer Vorschlag: {proposal.initiative.name}", absolute(reverse("moderation:queue"))
    )


def send_approved(*, proposal: Proposal, note: str = "") -> None:
    initiative = proposal.initiative
    _send(
        to=proposal.proposer_email,
        template="approved",
        subject=lambda: _("Your entry is published"),
        context={
            "proposal": proposal,
            "initiative": initiative,
            "note": note,
            "url": absolute(initiative.get_absolute_url()),
        },
    )


def send_rejected(*, proposal: Proposal, reason: str) -> None:
    _send(
        to=proposal.proposer_email,
        template="rejected",
        subject=lambda: _("Your proposal was not accepted"),
        context={"proposal": proposal, "initiative": proposal.initiative, "reason": reason},
    )


def send_changes_requested(*, proposal: Proposal, reason: str) -> None:
    _send(
        to=proposal.proposer_email,
        template="changes_requested",
        subject=lambda: _("Please revise your proposal"),
        context={
            "proposal": proposal,
            "initiative": proposal.initiative,
            "reason": reason,
            "revise_url": revise_url(proposal),
            "max_age_days": tokens.REVISE_MAX_AGE.days,
        },
    )


def send_report_received(*, initiative) -> None:
    mail_managers(f"Problem gemeldet: {initiative.name}", absolute(reverse("moderation:queue")))
