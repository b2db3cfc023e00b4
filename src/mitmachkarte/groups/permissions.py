"""Who may see and do what in working groups: plain functions, one rule each.

Members-only groups show their name and purpose to everyone (so people can ask to join),
but members, meetings, minutes and the calendar only to members and the network team.
Chairs (and the network team) manage members, meetings and minutes.
"""

from mitmachkarte.organisations.models import Membership
from mitmachkarte.organisations.permissions import is_network_team

from .models import Cooperation, GroupMember, GroupRole, WorkingGroup


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_member(user, group: WorkingGroup) -> bool:
    return _active(user) and GroupMember.objects.filter(group=group, user=user).exists()


def is_chair(user, group: WorkingGroup) -> bool:
    return (
        _active(user)
        and GroupMember.objects.filter(group=group, user=user, role=GroupRole.CHAIR).exists()
    )


def can_manage_group(user, group: WorkingGroup) -> bool:
    return is_chair(user, group) or is_network_team(user)


def can_view_group_content(user, group: WorkingGroup) -> bool:
    """Members, meetings, minutes, action items and the feed."""
    return group.is_public or is_member(user, group) or is_network_team(user)


def belongs_to(user, organisation) -> bool:
    return (
        _active(user) and Membership.objects.filter(user=user, organisation=organisation).exists()
    )


def can_confirm_cooperation(user, cooperation: Cooperation) -> bool:
    """Only a member of the side that did not enter the record confirms it."""
    return belongs_to(user, cooperation.other_side)
