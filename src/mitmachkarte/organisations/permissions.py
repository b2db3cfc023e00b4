"""Who may do what: plain functions, one rule each, used by views, API and services.

- The network team moderates everything.
- Members of a municipality organisation moderate the initiatives inside their municipality
  (advice centres do not moderate; they support).
- Members of an initiative's organisation edit that initiative.
Anonymous and inactive users may do nothing of this.
"""

from django.db.models import QuerySet

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.municipalities.models import Municipality

from .models import Membership, OrganisationType


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_network_team(user) -> bool:
    return (
        _active(user)
        and Membership.objects.filter(
            user=user, organisation__type=OrganisationType.NETWORK_TEAM
        ).exists()
    )


def municipalities_moderated_by(user) -> QuerySet[Municipality]:
    """Municipalities whose initiatives `user` moderates as a municipal member.

    The network team moderates everything; this lists only the municipal scope.
    """
    if not _active(user):
        return Municipality.objects.none()
    return Municipality.objects.filter(
        organisations__type=OrganisationType.MUNICIPALITY,
        organisations__memberships__user=user,
    ).distinct()


def can_moderate_initiative(user, initiative: Initiative) -> bool:
    if not _active(user):
        return False
    if is_network_team(user):
        return True
    if initiative.municipality_id is None:
        return False
    return municipalities_moderated_by(user).filter(pk=initiative.municipality_id).exists()


def can_edit_initiative(user, initiative: Initiative) -> bool:
    return (
        _active(user)
        and Membership.objects.filter(
            user=user,
            organisation__type=OrganisationType.INITIATIVE,
            organisation__initiative=initiative,
        ).exists()
    )
