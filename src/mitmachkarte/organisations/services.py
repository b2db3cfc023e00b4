"""Writes for organisations: keyword-only, one transaction each, rules enforced here."""

from collections.abc import Iterable

from django.db import transaction

from mitmachkarte.core.slugs import unique_slug
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.municipalities.models import Municipality

from .models import Membership, Organisation, OrganisationType, Role


@transaction.atomic
def create_organisation(
    *,
    name: str,
    type: str,
    slug: str = "",
    initiative: Initiative | None = None,
    municipality: Municipality | None = None,
    served_municipalities: Iterable[Municipality] = (),
    website: str = "",
    public_email: str = "",
) -> Organisation:
    """Create an organisation; its links must fit its type (checked by `full_clean`)."""
    served = list(served_municipalities)
    if served and type != OrganisationType.ADVICE_CENTRE:
        raise ValueError("only advice centres serve municipalities")
    organisation = Organisation(
        name=name,
        type=type,
        slug=slug or unique_slug(name, taken=Organisation.objects, default="organisation"),
        initiative=initiative,
        municipality=municipality,
        website=website,
        public_email=public_email,
    )
    organisation.full_clean()
    organisation.save()
    if served:
        organisation.served_municipalities.set(served)
    return organisation


@transaction.atomic
def add_member(*, organisation: Organisation, user, role: str = Role.EDITOR) -> Membership:
    """Make `user` a member with `role`; an existing membership gets the new role."""
    if role not in Role.values:
        raise ValueError(f"unknown role: {role}")
    membership, created = Membership.objects.select_for_update().get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(*, organisation: Organisation, user) -> bool:
    deleted, _ = Membership.objects.filter(organisation=organisation, user=user).delete()
    return bool(deleted)
