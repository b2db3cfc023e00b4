"""E-mails to proposers (received, approved, rejected, changes requested) and to moderators.

Plain text from templates/moderation/email/, German (the proposer has no account to store a
language), links absolute from settings.SITE_URL, queued through `core.mail`.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute

from . import tokens
from .models import Proposal


def revise_url(proposal: Proposal) -> str:
    token = tokens.make_revise_token(
        proposal_id=proposal.pk, revision=proposal.revision, email=proposal.proposer_email
    )
    return absolute(reverse("moderation:revise", args=[token]))


def send_received(*, proposal: Proposal) -> None:
    mail.send_templated(
        to=proposal.proposer_email,
        template="moderation/email/received",
        subject=lambda: _("We have received your proposal"),
        context={
            "proposal": proposal,
            "initiative": proposal.initiative,
            "privacy_url": absolute("/datenschutz/"),
        },
    )
    mail.send_to_managers(
        subject=lambda: _("New proposal: %(name)s") % {"name": proposal.initiative.name},
        body=absolute(reverse("moderation:queue")),
    )


def send_approved(*, proposal: Proposal, note: str = "") -> None:
    initiative = proposal.initiative
    mail.send_templated(
        to=proposal.proposer_email,
        template="moderation/email/approved",
        subject=lambda: _("Your entry is published"),
        context={
            "proposal": proposal,
            "initiative": initiative,
            "note": note,
            "url": absolute(initiative.get_absolute_url()),
        },
    )


def send_rejected(*, proposal: Proposal, reason: str) -> None:
    mail.send_templated(
        to=proposal.proposer_email,
        template="moderation/email/rejected",
        subject=lambda: _("Your proposal was not accepted"),
        context={"proposal": proposal, "initiative": proposal.initiative, "reason": reason},
    )


def send_changes_requested(*, proposal: Proposal, reason: str) -> None:
    mail.send_templated(
        to=proposal.proposer_email,
        template="moderation/email/changes_requested",
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
    mail.send_to_managers(
        subject=lambda: _("Problem reported: %(name)s") % {"name": initiative.name},
        body=absolute(reverse("moderation:queue")),
    )
