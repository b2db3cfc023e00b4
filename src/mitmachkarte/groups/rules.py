"""Who may see and do what in working groups.

Members-only groups show their name and purpose to everyone (so people can ask to join),
but members, meetings, minutes and the calendar only to members and the network team.
Chairs (and the network team) manage members, meetings and minutes. A cooperation is
entered by a member of one side (or the network team) and confirmed by the other side
(the services check these two and name the organisation in their message).
"""

import rules
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.rules import (
    is_active_user,
    is_member_of,
    is_municipal_moderator,
    is_network_team,
)

from .models import Cooperation, GroupMember, GroupRole, WorkingGroup


@rules.predicate
def is_member(user, group: WorkingGroup) -> bool:
    return is_active_user(user) and GroupMember.objects.filter(group=group, user=user).exists()


@rules.predicate
def is_chair(user, group: WorkingGroup) -> bool:
    return (
        is_active_user(user)
        and GroupMember.objects.filter(group=group, user=user, role=GroupRole.CHAIR).exists()
    )


@rules.predicate
def is_public(user, group: WorkingGroup) -> bool:
    return group.is_public


@rules.predicate
def can_confirm_cooperation(user, cooperation: Cooperation) -> bool:
    """Only a member of the side that did not enter the record confirms it."""
    return is_member_of(user, cooperation.other_side)


can_manage_group = is_chair | is_network_team
# Members, meetings, minutes, action items and the feed.
can_view_group_content = is_public | is_member | is_network_team
belongs_to = is_member_of  # (user, organisation)
can_enter_cooperation_for = is_member_of | is_network_team  # (user, organisation)

add_perm(
    "groups.manage_group",
    can_manage_group,
    _("Only a chair of the working group may do this."),
)
add_perm(
    "groups.view_group_content",
    can_view_group_content,
    _("This working group shares its content only with its members."),
)
add_perm(
    "groups.confirm_cooperation",
    can_confirm_cooperation,
    _("Only the other side of the cooperation confirms it."),
)

# Municipal members and the network team found groups; its chairs then run them.
can_create_group = is_network_team | is_municipal_moderator
add_perm(
    "groups.create_group",
    can_create_group,
    _("Only municipalities and the network team start working groups."),
)
add_perm(
    "groups.enter_cooperation",
    can_enter_cooperation_for,
    _("You can only enter cooperations of your own organisation."),
)
