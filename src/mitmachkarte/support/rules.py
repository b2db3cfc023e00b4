"""Who may do what in the support exchange.

- Members of an initiative organisation post and manage that initiative's needs.
- Members of any organisation post and manage that organisation's offers (municipalities,
  advice centres, network team, also an initiative lending its workshop).
- The network team may act for every organisation (it helps and moderates).
- Only the two organisations of a conversation (and the network team) read it.
- Members of a municipality organisation see its workspace.
"""

import rules
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.organisations.rules import can_act_for, is_member_of, is_network_team

is_member = is_member_of  # (user, organisation)


@rules.predicate
def is_initiative_organisation(user, organisation: Organisation) -> bool:
    return organisation.type == OrganisationType.INITIATIVE


@rules.predicate
def can_edit_need(user, need) -> bool:
    return can_act_for(user, need.organisation)


@rules.predicate
def can_edit_offer(user, offer) -> bool:
    return can_act_for(user, offer.organisation)


@rules.predicate
def can_see_thread(user, thread) -> bool:
    return any(is_member_of(user, o) for o in thread.organisations) or is_network_team(user)


@rules.predicate
def is_municipal_workspace(user, organisation: Organisation) -> bool:
    return (
        organisation.type == OrganisationType.MUNICIPALITY
        and organisation.municipality_id is not None
    )


can_post_need = is_initiative_organisation & can_act_for
can_post_offer = can_act_for
can_see_workspace = is_municipal_workspace & can_act_for

add_perm(
    "support.post_need",
    can_post_need,
    _("Only members of an initiative may post its needs."),
)
add_perm(
    "support.edit_need",
    can_edit_need,
    _("You may only edit the needs of your own organisation."),
)
add_perm(
    "support.post_offer",
    can_post_offer,
    _("You may only post offers for your own organisation."),
)
add_perm(
    "support.edit_offer",
    can_edit_offer,
    _("You may only edit the offers of your own organisation."),
)
add_perm(
    "support.see_thread",
    can_see_thread,
    _("Only the two organisations see this conversation."),
)
add_perm(
    "support.see_workspace",
    can_see_workspace,
    _("Only members of the municipality see its workspace."),
)
