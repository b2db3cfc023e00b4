"""Writes for cooperation records: an initiative with a municipality or advice centre.

Entered by a member of one side (or the network team), confirmed by a member of the other;
keyword-only functions, one transaction each, like services.py.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.organisations.models import Organisation, OrganisationType

from .models import (
    PARTNER_TYPES,
    Cooperation,
    CooperationStatus,
    CooperationType,
    WorkingGroup,
)
from .rules import can_confirm_cooperation, can_enter_cooperation_for


def _cooperation_municipality(partner: Organisation, initiative_org: Organisation):
    if partner.type == OrganisationType.MUNICIPALITY:
        return partner.municipality
    initiative = initiative_org.initiative
    return initiative.municipality if initiative else None


@transaction.atomic
def record_cooperation(
    *,
    user,
    organisation: Organisation,
    counterpart: Organisation,
    type: str,
    since: date,
    until: date | None = None,
    description: str = "",
    working_group: WorkingGroup | None = None,
) -> Cooperation:
    """Enter a cooperation for `organisation` (the user's own side) with `counterpart`.

    One side is an initiative, the other a municipality or advice centre. The record
    waits for a member of `counterpart` to confirm it (`confirm_cooperation`).
    """
    if not can_enter_cooperation_for(user, organisation):
        raise PermissionDenied(_("You can only enter cooperations of your own organisation."))
    sides = {organisation.type, counterpart.type}
    if OrganisationType.INITIATIVE not in sides or not sides.intersection(PARTNER_TYPES):
        raise ValidationError(
            _("A cooperation links an initiative with a municipality or an advice centre.")
        )
    if organisation.type == OrganisationType.INITIATIVE:
        initiative_org, partner = organisation, counterpart
    else:
        initiative_org, partner = counterpart, organisation
    errors = {}
    if type not in CooperationType.values:
        errors["type"] = [_("Unknown type of cooperation.")]
    if not isinstance(since, date):
        errors["since"] = [_("Give the date the cooperation began.")]
    elif until is not None and until < since:
        errors["until"] = [_("The end must not be before the beginning.")]
    municipality = _cooperation_municipality(partner, initiative_org)
    if municipality is None:
        errors["counterpart"] = [
            _(
                "The municipality of this cooperation is unknown (the "
                "initiative has no municipality)."
            )
        ]
    if errors:
        raise ValidationError(errors)
    return Cooperation.objects.create(
        partner=partner,
        initiative_organisation=initiative_org,
        municipality=municipality,
        type=type,
        since=since,
        until=until,
        description=description.strip()[:2000],
        working_group=working_group,
        recorded_for=organisation,
        recorded_by=user,
    )


@transaction.atomic
def confirm_cooperation(*, cooperation: Cooperation, user) -> Cooperation:
    """A member of the other side's organisation confirms; nobody else can."""
    cooperation = Cooperation.objects.select_for_update().get(pk=cooperation.pk)
    if not can_confirm_cooperation(user, cooperation):
        raise PermissionDenied(
            _("Only a member of %(organisation)s can confirm this cooperation.")
            % {"organisation": cooperation.other_side}
        )
    if cooperation.status == CooperationStatus.CONFIRMED:
        raise ValidationError(_("This cooperation is already confirmed."))
    cooperation.status = CooperationStatus.CONFIRMED
    cooperation.confirmed_by, cooperation.confirmed_at = user, timezone.now()
    cooperation.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    return cooperation
