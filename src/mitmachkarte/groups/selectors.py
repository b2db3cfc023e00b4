"""Reads for working groups: lists, a group's dates and notes, cooperations."""

from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from mitmachkarte.events.models import Event, Occurrence
from mitmachkarte.organisations.permissions import is_network_team

from .models import (
    Cooperation,
    CooperationStatus,
    GroupMember,
    JoinRequest,
    Meeting,
    RequestStatus,
    Visibility,
    WorkingGroup,
)


def visible_groups(user) -> QuerySet[WorkingGroup]:
    """Every group: members-only ones are listed by name and purpose too, so people can ask
    to join; their members, dates and minutes stay hidden (permissions.py)."""
    groups = WorkingGroup.objects.select_related("municipality").prefetch_related("sdgs")
    return groups.annotate(member_count=Count("members", distinct=True)).order_by("name")


def groups_of(user) -> QuerySet[WorkingGroup]:
    if not getattr(user, "is_authenticated", False):
        return WorkingGroup.objects.none()
    return WorkingGroup.objects.filter(members__user=user).distinct()


def public_groups_in(municipality) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(municipality=municipality, visibility=Visibility.PUBLIC)


def members_of(group: WorkingGroup) -> QuerySet[GroupMember]:
    return group.members.select_related("user", "organisation")


def pending_requests(group: WorkingGroup) -> QuerySet[JoinRequest]:
    return group.join_requests.filter(status=RequestStatus.PENDING).select_related("user")


def group_events(group: WorkingGroup) -> QuerySet[Event]:
    return Event.objects.filter(working_group_series__group=group)


def dates_of(group: WorkingGroup, *, upcoming: bool, now: datetime | None = None,
             limit: int = 12) -> list[Occurrence]:
    now = now or timezone.now()
    dates = Occurrence.objects.filter(event__working_group_series__group=group,
                                      is_cancelled=False).select_related("event")
    if upcoming:
        dates = dates.filter(end__gte=now).order_by("start")
    else:
        dates = dates.filter(end__lt=now).order_by("-start")
    return list(dates[:limit])


def meetings_with_notes(group: WorkingGroup) -> QuerySet[Meeting]:
    return group.meetings.exclude(Q(agenda="") & Q(minutes="") & Q(decisions="")).order_by(
        "-start")


def cooperations_in(municipality, *, confirmed_only: bool = True) -> QuerySet[Cooperation]:
    found = Cooperation.objects.filter(municipality=municipality).select_related(
        "partner", "initiative_organisation__initiative", "working_group")
    if confirmed_only:
        found = found.filter(status=CooperationStatus.CONFIRMED)
    return found


def cooperations_for_user(user) -> QuerySet[Cooperation]:
    """Cooperations of the user's organisations (both sides), the network team: all."""
    found = Cooperation.objects.select_related("partner", "initiative_organisation",
                                               "recorded_for", "municipality")
    if is_network_team(user):
        return found
    mine = Q(partner__memberships__user=user) | Q(initiative_organisation__memberships__user=user)
    return found.filter(mine).distinct()
