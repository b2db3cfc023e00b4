"""Invitations: personal links for organisations, invitation and reminder mails.

Mails go to the organisation's members (owners and editors); an initiative organisation
without members gets the initiative's (non-public) contact address. Addresses are read at
sending time and never stored here.
"""

import hmac
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.organisations import services as organisation_services
from mitmachkarte.organisations.models import Organisation, OrganisationType

from . import tokens
from .models import Invitation, ResponseStatus, Survey


def invitation_url(invitation: Invitation) -> str:
    path = reverse("surveys:answer", args=[invitation.survey.slug])
    return absolute(f"{path}?t={tokens.make_token(invitation)}")


def invitation_from_token(*, survey: Survey, token: str) -> Invitation:
    """The invitation of a valid token for this survey; TokenError otherwise."""
    invitation_id, nonce = tokens.read_token(token)
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(pk=invitation_id, survey=survey)
        .first()
    )
    if invitation is None or not hmac.compare_digest(invitation.nonce[:12], nonce):
        raise tokens.TokenError("invalid")
    return invitation


def organisation_for(initiative: Initiative) -> Organisation:
    """The initiative's organisation, created (without members) when it has none."""
    existing = Organisation.objects.filter(initiative=initiative).first()
    return existing or organisation_services.create_organisation(
        name=initiative.name[:160], type=OrganisationType.INITIATIVE, initiative=initiative
    )


@transaction.atomic
def invite_initiatives(*, survey: Survey, municipalities=None, regions=()) -> list[Invitation]:
    """Invite every published initiative in the municipalities or regions (AGS prefixes).

    Existing invitations are kept (no second one per organisation); returns the new ones.
    """
    if survey.is_template:
        raise ValidationError(_("A template cannot be sent; copy it first."))
    if survey.has_closed():
        raise ValidationError(_("This survey has closed; invitations are no longer sent."))
    query = Q()
    if municipalities:
        query |= Q(municipality__in=list(municipalities))
    for code in regions:
        query |= Q(municipality__ags__startswith=code)
    if not query:
        raise ValidationError(_("Pick the municipalities or regions to invite."))
    initiatives = Initiative.objects.filter(query, status=Status.PUBLISHED)
    invited = set(survey.invitations.values_list("organisation_id", flat=True))
    created = []
    for initiative in initiatives.order_by("pk"):
        organisation = organisation_for(initiative)
        if organisation.pk not in invited:
            created.append(Invitation.objects.create(survey=survey, organisation=organisation))
            invited.add(organisation.pk)
    return created


def recipients(organisation: Organisation) -> list[str]:
    emails = sorted(
        {e for e in organisation.memberships.values_list("user__email", flat=True) if e}
    )
    if not emails and organisation.initiative_id and organisation.initiative.contact_email:
        emails = [organisation.initiative.contact_email]
    return emails


def _mail(invitation: Invitation, *, template: str, subject) -> bool:
    """Queue the invitation's mail for each recipient; False when it has none."""
    return bool(
        mail.send_templated(
            to=recipients(invitation.organisation),
            template=f"surveys/email/{template}",
            subject=subject,
            context={
                "survey": invitation.survey,
                "organisation": invitation.organisation,
                "url": invitation_url(invitation),
            },
        )
    )


def send_invitations(*, survey: Survey) -> int:
    """Mail every invitation not yet sent; returns how many were sent."""
    sent = 0
    for invitation in survey.invitations.filter(sent_at__isnull=True).select_related(
        "organisation__initiative", "survey"
    ):
        with transaction.atomic():  # the mark and the queued mails commit together
            if _mail(
                invitation,
                template="invitation",
                subject=lambda: _("Invitation: %(title)s") % {"title": survey.title_de},
            ):
                Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
                sent += 1
    return sent


def send_reminders(*, survey: Survey, only_unreminded: bool = False) -> int:
    """Remind invited organisations that have not submitted yet (open surveys only)."""
    if not survey.is_open():
        return 0
    pending = (
        survey.invitations.filter(sent_at__isnull=False, responded=False)
        .exclude(response__status=ResponseStatus.SUBMITTED)
        .select_related("organisation__initiative", "survey")
    )
    if only_unreminded:
        pending = pending.filter(reminded_at__isnull=True)
    sent = 0
    for invitation in pending:
        with transaction.atomic():
            if _mail(
                invitation,
                template="reminder",
                subject=lambda: _("Reminder: %(title)s") % {"title": survey.title_de},
            ):
                Invitation.objects.filter(pk=invitation.pk).update(reminded_at=timezone.now())
                sent += 1
    return sent


def remind_before_closing(*, days: int = 7, now=None) -> int:
    """One automatic reminder per invitation when its open survey closes within `days`
    (run daily by `send_survey_reminders`); invitations reminded by hand are skipped."""
    now = now or timezone.now()
    closing = Survey.objects.filter(
        is_template=False,
        opens_at__lte=now,
        closes_at__gt=now,
        closes_at__lte=now + timedelta(days=days),
    )
    return sum(send_reminders(survey=survey, only_unreminded=True) for survey in closing)
