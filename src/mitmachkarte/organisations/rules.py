"""Who may act for which organisation and initiative: the predicates other apps build on.

- The network team moderates everything and may act for every organisation.
- Members of a municipality organisation moderate the initiatives inside their municipality
  (advice centres do not moderate; they support).
- Members of an initiative's organisation edit that initiative; its editors and moderators
  publish changes to it directly.
Anonymous and inactive users may do nothing of this. The permissions built on these are
registered in the apps that use them (moderation/rules.py, stewardship/rules.py, …).
"""

import rules
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.permissions import add_perm
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.municipalities.models import Municipality

from .models import Membership, Organisation, OrganisationType


@rules.predicate
def is_active_user(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_network_team(user) -> bool:
    return (
        is_active_user(user)
        and Membership.objects.filter(
            user=user, organisation__type=OrganisationType.NETWORK_TEAM
        ).exists()
    )


def municipalities_moderated_by(user) -> QuerySet[Municipality]:
    """Municipalities whose initiatives `user` moderates as a municipal member.

    The network team moderates everything; this lists only the municipal scope.
    """
    if not is_active_user(user):
        return Municipality.objects.none()
    return Municipality.objects.filter(
        organisations__type=OrganisationType.MUNICIPALITY,
        organisations__memberships__user=user,
    ).distinct()


@rules.predicate
def is_municipal_moderator(user) -> bool:
    return municipalities_moderated_by(user).exists()


@rules.predicate
def is_member_of(user, organisation: Organisation) -> bool:
    return (
        is_active_user(user)
        and Membership.objects.filter(user=user, organisation=organisation).exists()
    )


@rules.predicate
def moderates_municipality(user, municipality: Municipality) -> bool:
    """The network team, or a member of the municipality's own organisation."""
    return is_network_team(user) or (
        municipality is not None
        and municipalities_moderated_by(user).filter(pk=municipality.pk).exists()
    )


@rules.predicate
def can_moderate_initiative(user, initiative: Initiative) -> bool:
    if not is_active_user(user):
        return False
    if is_network_team(user):
        return True
    if initiative.municipality_id is None:
        return False
    return municipalities_moderated_by(user).filter(pk=initiative.municipality_id).exists()


@rules.predicate
def can_edit_initiative(user, initiative: Initiative) -> bool:
    return (
        is_active_user(user)
        and Membership.objects.filter(
            user=user,
            organisation__type=OrganisationType.INITIATIVE,
            organisation__initiative=initiative,
        ).exists()
    )


is_moderator = is_network_team | is_municipal_moderator
can_act_for = is_member_of | is_network_team
# Editors of the entry and its moderators publish changes directly; others suggest them.
can_publish_initiative = can_edit_initiative | can_moderate_initiative

add_perm(
    "initiatives.moderate",
    can_moderate_initiative,
    _("You do not moderate entries in this municipality."),
)
add_perm(
    "initiatives.edit",
    can_edit_initiative,
    _("Only the editors of this entry may do this."),
)
add_perm(
    "initiatives.publish_changes",
    can_publish_initiative,
    _("Only the editors of this entry and its moderators may do this."),
)
