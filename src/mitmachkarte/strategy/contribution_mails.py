"""The e-mails about contributions, German first, queued through core.mail (after commit),
one mail per person: a proposal reaches the municipality's members, a decision the person
who proposed, a direct link the members of the organisation that now counts as a
contributor (so they learn of it and can withdraw it)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute
from mitmachkarte.organisations.models import Membership, OrganisationType

from .models import Contribution, ContributionStatus
from .rules_contributions import municipality_of, owner_organisation_ids


def measure_url(measure) -> str:
    municipality = municipality_of(measure)
    return absolute(reverse("strategy_measure:detail", args=[municipality.slug, measure.pk]))


def _addresses(memberships, *, leave_out=None) -> list[str]:
    rows = memberships.filter(user__is_active=True).exclude(user__email="")
    if leave_out is not None:
        rows = rows.exclude(user=leave_out)
    return sorted(set(rows.values_list("user__email", flat=True)))


def _context(contribution: Contribution) -> dict:
    measure = contribution.measure
    return {
        "contribution": contribution,
        "measure": measure,
        "municipality": municipality_of(measure),
        "thing": str(contribution.target),
        "measure_url": measure_url(measure),
    }


def send_proposal(*, contribution: Contribution) -> int:
    municipality = municipality_of(contribution.measure)
    members = Membership.objects.filter(
        organisation__type=OrganisationType.MUNICIPALITY, organisation__municipality=municipality
    )
    return mail.send_templated(
        to=_addresses(members, leave_out=contribution.created_by),
        template="strategy/measure_mail_proposal",
        subject=lambda: (
            _("Proposed contribution to measure %(code)s") % {"code": contribution.measure.code}
        ),
        context=_context(contribution),
    )


def send_decision(*, contribution: Contribution) -> int:
    proposer = contribution.created_by
    if proposer is not None and proposer.is_active and proposer.email:
        to = [proposer.email]
    elif contribution.proposed_by_id:
        to = _addresses(Membership.objects.filter(organisation_id=contribution.proposed_by_id))
    else:
        return 0
    confirmed = contribution.status == ContributionStatus.CONFIRMED
    return mail.send_templated(
        to=to,
        template="strategy/measure_mail_decision",
        subject=lambda: (
            (
                _("Your contribution to measure %(code)s was confirmed")
                if confirmed
                else _("Your contribution to measure %(code)s was declined")
            )
            % {"code": contribution.measure.code}
        ),
        context={**_context(contribution), "confirmed": confirmed},
    )


def send_linked(*, contribution: Contribution) -> int:
    ids = owner_organisation_ids(contribution)
    if not ids:
        return 0
    members = Membership.objects.filter(
        organisation_id__in=ids, organisation__type=OrganisationType.INITIATIVE
    )
    return mail.send_templated(
        to=_addresses(members, leave_out=contribution.created_by),
        template="strategy/measure_mail_linked",
        subject=lambda: (
            _("Listed as a contribution to measure %(code)s") % {"code": contribution.measure.code}
        ),
        context=_context(contribution),
    )
