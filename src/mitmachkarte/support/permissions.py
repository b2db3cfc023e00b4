"""Who may do what in the support exchange (one rule each, used by views, API and services).

- Members of an initiative organisation post and manage that initiative's needs.
- Members of any organisation post and manage that organisation's offers (municipalities,
  advice centres, network team, also an initiative lending its workshop).
- The network team may act for every organisation (it helps and moderates).
- Members of a municipality organisation see its workspace.
"""

from mitmachkarte.organisations.models import Membership, Organisation, OrganisationType
from mitmachkarte.organisations.permissions import is_network_team


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_member(user, organisation: Organisation) -> bool:
    return (
        _active(user) and Membership.objects.filter(user=user, organisation=organisation).exists()
    )


def can_act_for(user, organisation: Organisation) -> bool:
    return is_member(user, organisation) or is_network_team(user)


def can_post_need(user, organisation: Organisation) -> bool:
    return organisation.type == OrganisationType.INITIATIVE and can_act_for(user, organisation)


def can_edit_need(user, need) -> bool:
    return can_act_for(user, need.organisation)


def can_post_offer(user, organisation: Organisation) -> bool:
    return can_act_for(user, organisation)


def can_edit_offer(user, offer) -> bool:
    return can_act_for(user, offer.organisation)


def can_see_thread(user, thread) -> bool:
    return any(is_member(user, o) for o in thread.organisations) or is_network_team(user)


def can_see_workspace(user, organisation: Organisation) -> bool:
    return (
        organisation.type == OrganisationType.MUNICIPALITY
        and organisation.municipality_id is not None
        and (is_member(user, organisation) or is_network_team(user))
    )
