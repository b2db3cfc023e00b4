"""Claims: "this is our initiative", proven by a link sent to the entry's contact e-mail."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.tokens import digest_matches, email_digest
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.organisations import services as organisation_services
from mitmachkarte.organisations.models import Organisation, OrganisationType, Role
from mitmachkarte.organisations.rules import can_edit_initiative

from . import mails, tokens
from .edits import authenticated
from .models import Claim


@transaction.atomic
def request_claim(*, initiative: Initiative, user) -> Claim:
    """Mail a link to the entry's contact e-mail; following it makes `user` its owner."""
    if not authenticated(user):
        raise PermissionDenied(_("Please log in to claim an entry."))
    if initiative.status != Status.PUBLISHED:
        raise ValidationError(_("Only published entries can be claimed."))
    if not initiative.contact_email:
        raise ValidationError(_("This entry has no contact e-mail address to confirm with."))
    if can_edit_initiative(user, initiative):
        raise ValidationError(_("You already edit this entry."))
    claim = Claim.objects.create(initiative=initiative, user=user)
    token = tokens.make_token(
        purpose=tokens.CLAIM, c=claim.pk, u=user.pk, e=email_digest(initiative.contact_email)
    )
    mails.send_claim_link(claim=claim, token=token)
    return claim


@transaction.atomic
def claim_initiative(*, token: str, user) -> Organisation:
    """Follow a claim link: the user becomes owner of the entry's initiative organisation.

    Forged, expired or used links and links requested by another account change nothing.
    """
    if not authenticated(user):
        raise PermissionDenied(_("Please log in with the account that requested the link."))
    try:
        data = tokens.read_token(token, purpose=tokens.CLAIM, keys=("c", "u", "e"))
    except tokens.TokenError as exc:
        if exc.expired:
            raise ValidationError(
                _("This link has expired. Please request a new one on the entry's page.")
            ) from exc
        raise ValidationError(
            _("This link is invalid. Please copy it completely from the e-mail.")
        ) from exc
    claim = (
        Claim.objects.select_for_update().select_related("initiative").filter(pk=data["c"]).first()
    )
    if claim is None or claim.user_id != data["u"]:
        raise ValidationError(_("This link is invalid. Please copy it completely from the e-mail."))
    if claim.user_id != user.pk:
        raise PermissionDenied(
            _("This link was requested by another account. Please log in with that account.")
        )
    if claim.used_at is not None:
        raise ValidationError(_("This link has already been used."))
    initiative = claim.initiative
    if not digest_matches(initiative.contact_email or "", str(data["e"])):
        raise ValidationError(
            _(
                "The contact e-mail of this entry has changed since the link "
                "was sent. Please request a new one."
            )
        )
    organisation = Organisation.objects.filter(initiative=initiative).first()
    if organisation is None:
        organisation = organisation_services.create_organisation(
            name=initiative.name[:160], type=OrganisationType.INITIATIVE, initiative=initiative
        )
    organisation_services.add_member(organisation=organisation, user=user, role=Role.OWNER)
    claim.used_at = timezone.now()
    claim.save(update_fields=["used_at"])
    return organisation
