"""Reads for organisations: querysets and plain data for views, commands and rules."""

from django.db.models import QuerySet

from .models import Membership, Organisation, OrganisationType


def editor_emails(initiative) -> list[str]:
    """E-mail addresses of the entry's editors (members of its initiative organisation)."""
    return sorted(
        set(
            Membership.objects.filter(
                organisation__type=OrganisationType.INITIATIVE,
                organisation__initiative=initiative,
                user__is_active=True,
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def memberships_of(user) -> QuerySet[Membership]:
    """The user's memberships with their organisations (none for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__municipality", "organisation__initiative")
        .order_by("organisation__name")
    )


def organisations_of(user, *, type: str | None = None) -> QuerySet[Organisation]:
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    organisations = Organisation.objects.filter(memberships__user=user)
    if type is not None:
        organisations = organisations.filter(type=type)
    return organisations.distinct()
