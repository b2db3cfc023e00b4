"""Reads for working groups: lists, a group's dates and notes, cooperations."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from mitmachkarte.core.geo import haversine_m
from mitmachkarte.core.text import search_terms, search_variants
from mitmachkarte.events.models import Event, Occurrence
from mitmachkarte.organisations.models import Organisation, OrganisationType
from mitmachkarte.organisations.rules import is_network_team
from mitmachkarte.support.models import Need, NeedStatus, OfferType, Thread

from .models import (
    PARTNER_TYPES,
    Cooperation,
    CooperationStatus,
    CooperationType,
    GroupMember,
    JoinRequest,
    Meeting,
    RequestStatus,
    Visibility,
    WorkingGroup,
)


def visible_groups(user) -> QuerySet[WorkingGroup]:
    """Every group: members-only ones are listed by name and purpose too, so people can ask
    to join; their members, dates and minutes stay hidden (rules.py)."""
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


def dates_of(
    group: WorkingGroup, *, upcoming: bool, now: datetime | None = None, limit: int = 12
) -> list[Occurrence]:
    now = now or timezone.now()
    dates = Occurrence.objects.filter(
        event__working_group_series__group=group, is_cancelled=False
    ).select_related("event")
    if upcoming:
        dates = dates.filter(end__gte=now).order_by("start")
    else:
        dates = dates.filter(end__lt=now).order_by("-start")
    return list(dates[:limit])


def meetings_with_notes(group: WorkingGroup) -> QuerySet[Meeting]:
    return group.meetings.exclude(Q(agenda="") & Q(minutes="") & Q(decisions="")).order_by("-start")


def cooperations_in(municipality, *, confirmed_only: bool = True) -> QuerySet[Cooperation]:
    found = Cooperation.objects.filter(municipality=municipality).select_related(
        "partner", "initiative_organisation__initiative", "working_group"
    )
    if confirmed_only:
        found = found.filter(status=CooperationStatus.CONFIRMED)
    return found


def cooperations_for_user(user) -> QuerySet[Cooperation]:
    """Cooperations of the user's organisations (both sides), the network team: all."""
    found = Cooperation.objects.select_related(
        "partner", "initiative_organisation", "recorded_for", "municipality"
    )
    if is_network_team(user):
        return found
    mine = Q(partner__memberships__user=user) | Q(initiative_organisation__memberships__user=user)
    return found.filter(mine).distinct()


# --- cooperation suggestions for solved needs --------------------------------------------

# The type of cooperation a solved need's offer stands for.
COOPERATION_TYPE_FOR_OFFER = {
    OfferType.ROOM: CooperationType.ROOM,
    OfferType.FUNDING: CooperationType.FUNDING,
    OfferType.PERMIT: CooperationType.PERMIT,
    OfferType.ADVICE: CooperationType.OTHER,
    OfferType.OTHER: CooperationType.OTHER,
}


@dataclass(frozen=True)
class CooperationSuggestion:
    """ "Record this cooperation": a solved need's conversation with a municipality's or an
    advice centre's offer, as a prefilled cooperation form (the other side confirms)."""

    need: Need
    thread: Thread
    partner: Organisation
    type: str
    since: date
    description: str
    existing: Cooperation | None  # already recorded (either side, any status)

    @property
    def type_label(self) -> str:
        return CooperationType(self.type).label

    @property
    def form_url(self) -> str:
        query = {
            "organisation": self.need.organisation_id,
            "counterpart": self.partner.pk,
            "type": self.type,
            "since": self.since.isoformat(),
            "description": self.description,
        }
        return reverse("groups:cooperations") + "?" + urlencode(query)


def cooperation_suggestions_for_need(need: Need) -> list[CooperationSuggestion]:
    """For a solved need: one suggestion per municipality or advice centre whose offer it
    talked to (a conversation thread), typed by the offer (room → room provision, funding →
    funding, permit → permit support, anything else → other). `since` is the day the
    conversation began. Empty for needs that are not solved."""
    if need.status != NeedStatus.SOLVED:
        return []
    threads = (
        need.threads.filter(offer__organisation__type__in=PARTNER_TYPES)
        .select_related("offer", "offer__organisation")
        .order_by("created_at", "pk")
    )
    suggestions, seen = [], set()
    for thread in threads:
        partner = thread.offer.organisation
        coop_type = COOPERATION_TYPE_FOR_OFFER.get(thread.offer.offer_type, CooperationType.OTHER)
        if (partner.pk, coop_type) in seen:
            continue
        seen.add((partner.pk, coop_type))
        existing = (
            Cooperation.objects.filter(
                partner=partner,
                initiative_organisation=need.organisation_id,
                type=coop_type,
            )
            .order_by("-created_at")
            .first()
        )
        suggestions.append(
            CooperationSuggestion(
                need=need,
                thread=thread,
                partner=partner,
                type=coop_type,
                since=timezone.localdate(thread.created_at),
                description=_("Need “%(need)s” solved through the offer “%(offer)s”.")
                % {"need": need.title, "offer": thread.offer.title},
                existing=existing,
            )
        )
    return suggestions


# --- the partner picker of the cooperation form --------------------------------------------


@dataclass
class Partner:
    organisation: Organisation
    municipality_name: str
    same_municipality: bool
    distance_km: float | None


def _place(organisation: Organisation):
    """(municipality ids, point) of an organisation: its municipality, its initiative's
    place, or the municipalities an advice centre serves."""
    if organisation.type == OrganisationType.INITIATIVE and organisation.initiative_id:
        initiative = organisation.initiative
        point = (initiative.latitude, initiative.longitude)
        return {initiative.municipality_id} - {None}, point
    if organisation.municipality_id:
        town = organisation.municipality
        return {town.pk}, (town.latitude, town.longitude)
    served = list(organisation.served_municipalities.all())
    point = (served[0].latitude, served[0].longitude) if served else (None, None)
    return {m.pk for m in served}, point


def partner_candidates(
    organisation: Organisation, *, q: str = "", limit: int = 15, keep: str = ""
) -> list:
    """The other side a cooperation of `organisation` may have, those of the same
    municipality first, then the nearest; filtered by name (accents and case ignored).
    `keep` (a chosen partner's id) stays in the list even when it would fall off."""
    if organisation.type == OrganisationType.INITIATIVE:
        types = list(PARTNER_TYPES)
    else:
        types = [OrganisationType.INITIATIVE]
    candidates = (
        Organisation.objects.filter(type__in=types)
        .exclude(pk=organisation.pk)
        .select_related("municipality", "initiative", "initiative__municipality")
        .prefetch_related("served_municipalities")
    )
    words = search_terms(q)
    own_towns, (lat, lon) = _place(organisation)
    found = []
    for candidate in candidates:
        if words and not all(word in search_variants(candidate.name) for word in words):
            continue
        towns, (c_lat, c_lon) = _place(candidate)
        distance = (
            haversine_m(lat, lon, c_lat, c_lon) / 1000
            if None not in (lat, lon, c_lat, c_lon)
            else None
        )
        town = candidate.municipality or (
            candidate.initiative.municipality if candidate.initiative_id else None
        )
        found.append(
            Partner(
                organisation=candidate,
                municipality_name=town.name if town else "",
                same_municipality=bool(own_towns & towns),
                distance_km=round(distance, 1) if distance is not None else None,
            )
        )
    found.sort(
        key=lambda p: (
            not p.same_municipality,
            p.distance_km is None,
            p.distance_km or 0,
            p.organisation.name,
        )
    )
    shown = found[:limit]
    kept = [p for p in found[limit:] if str(p.organisation.pk) == str(keep)]
    return kept + shown if kept else shown
