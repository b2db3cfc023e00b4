"""Who may organise events in the site.

- Members of an organisation (municipality, advice centre, initiative, network team) create
  events for it; members of the organising organisation and of its co-organisers edit, copy,
  cancel and delete them and see their participants. The network team may act for every
  organisation. Events without an organisation (older ones, admin imports) are the network
  team's.
- Campaign actions submitted by initiatives wait for a moderator: the network team, and the
  members of a municipality the action takes place in.
"""

import rules
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.organisations.models import Membership
from mitmachkarte.organisations.rules import (
    is_active_user,
    is_network_team,
    municipalities_moderated_by,
)


@rules.predicate
def has_organisation(user) -> bool:
    return is_active_user(user) and Membership.objects.filter(user=user).exists()


@rules.predicate
def organises(user, event) -> bool:
    """A member of the organising organisation or of a co-organiser."""
    if not is_active_user(user) or event is None or event.pk is None:
        return False
    organisation_ids = [event.organisation_id, *event.co_organisers.values_list("pk", flat=True)]
    return Membership.objects.filter(
        user=user, organisation_id__in=[pk for pk in organisation_ids if pk]
    ).exists()


@rules.predicate
def moderates_event_place(user, event) -> bool:
    if event is None or event.pk is None:
        return False
    return municipalities_moderated_by(user).filter(events=event).exists()


can_manage_event = organises | is_network_team
can_moderate_event = is_network_team | moderates_event_place

add_perm(
    "events.create_event",
    has_organisation,
    _("Only members of an organisation create events; the network team adds you."),
)
add_perm(
    "events.manage_event",
    can_manage_event,
    _("Only members of the organising organisations manage this event."),
)
add_perm(
    "events.moderate_event",
    can_moderate_event,
    _("Only the network team and the municipality where it takes place review this action."),
)
