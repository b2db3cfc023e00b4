"""Who may link, propose, decide and remove contributions to a measure.

- The municipality's side (members of the municipality's own organisation, and the network
  team) links things to its measures directly, confirms or declines proposals and removes
  any contribution; it also sees its unpublished measures.
- An initiative's side (members of its organisation, or the network team) proposes the
  initiative itself or its own events, needs and cooperations for published measures, and
  withdraws what concerns it.
The services check the same predicates (contributions.py) and add the rules about the thing
itself (published, in the territory, no duplicates).
"""

import rules
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.models import Membership, Organisation, OrganisationType
from mitmachkarte.organisations.rules import is_active_user, is_member_of, moderates_municipality

from .models import Contribution, Measure


def municipality_of(measure: Measure):
    return measure.operational_goal.strategic_goal.field.strategy.municipality


@rules.predicate
def manages_measure(user, measure: Measure) -> bool:
    """A member of the measure's municipality (its sustainability management) or the
    network team."""
    return moderates_municipality(user, municipality_of(measure))


@rules.predicate
def manages_contribution(user, contribution: Contribution) -> bool:
    return manages_measure(user, contribution.measure)


@rules.predicate
def acts_for_initiative_org(user, organisation: Organisation) -> bool:
    return (
        is_active_user(user)
        and organisation is not None
        and organisation.type == OrganisationType.INITIATIVE
        and organisation.initiative_id is not None
        and is_member_of(user, organisation)
    )


def owner_organisation_ids(contribution: Contribution) -> set[int]:
    """The organisations a contribution concerns on the contributing side."""
    kind, target = contribution.kind, contribution.target
    if kind == "initiative":
        return set(Organisation.objects.filter(initiative=target).values_list("pk", flat=True))
    if kind == "event":
        ids = set(target.co_organisers.values_list("pk", flat=True))
        if target.organisation_id:
            ids.add(target.organisation_id)
        if target.organiser_initiative_id:
            ids |= set(
                Organisation.objects.filter(
                    initiative_id=target.organiser_initiative_id
                ).values_list("pk", flat=True)
            )
        return ids
    if kind == "cooperation":
        return {target.initiative_organisation_id}
    if kind == "need":
        return {target.organisation_id}
    return set(target.organisations.values_list("pk", flat=True))  # a working group


@rules.predicate
def concerns_own_organisation(user, contribution: Contribution) -> bool:
    ids = owner_organisation_ids(contribution)
    if contribution.proposed_by_id:
        ids.add(contribution.proposed_by_id)
    return (
        is_active_user(user)
        and bool(ids)
        and Membership.objects.filter(user=user, organisation_id__in=ids).exists()
    )


add_perm(
    "strategy.manage_contributions",
    manages_measure,
    _("Only the municipality's sustainability management may link contributions to its measures."),
)
add_perm(
    "strategy.decide_contribution",
    manages_contribution,
    _("Only the municipality's sustainability management may confirm or decline a proposal."),
)
add_perm(
    "strategy.propose_contribution",
    acts_for_initiative_org,
    _("Only members of an initiative may propose its contributions."),
)
add_perm(
    "strategy.remove_contribution",
    manages_contribution | concerns_own_organisation,
    _("Only the municipality or the contributing organisation may remove this contribution."),
)
