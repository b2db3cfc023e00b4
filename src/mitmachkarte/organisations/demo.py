"""Demo accounts, one per role (`load_demo_accounts`; run after load_demo; idempotent).

Every account has a verified primary e-mail address and the password DEMO_PASSWORD.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.municipalities.models import Municipality

from . import services
from .models import Organisation, OrganisationType, Role

DEMO_PASSWORD = "mitmachen-demo"  # noqa: S105 (published demo login)
BOCHUM_AGS = "05911000"


@dataclass
class DemoLogin:
    email: str
    role: str
    organisation: str


def _account(email: str):
    from allauth.account.models import EmailAddress

    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(username=email.split("@")[0], email=email)
    user.set_password(DEMO_PASSWORD)
    user.is_active = True
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _organisation(*, slug: str, **fields) -> Organisation:
    existing = Organisation.objects.filter(slug=slug).first()
    return existing or services.create_organisation(slug=slug, **fields)


@transaction.atomic
def load() -> list[DemoLogin]:
    bochum = Municipality.objects.filter(ags=BOCHUM_AGS).first()
    if bochum is None:
        raise LookupError("Bochum (05911000) is missing: run `mitmachkarte load_demo` first")
    initiative = (
        Initiative.objects.filter(municipality=bochum, status=Status.PUBLISHED)
        .order_by("slug")
        .first()
    )
    if initiative is None:
        raise LookupError("no published initiative in Bochum: run `mitmachkarte load_demo`")

    network = _organisation(
        slug="netzwerkteam",
        name="Netzwerkteam Mitmachkarte NRW",
        type=OrganisationType.NETWORK_TEAM,
    )
    city = _organisation(
        slug="stadt-bochum-nachhaltigkeitsmanagement",
        name="Stadt Bochum – Nachhaltigkeitsmanagement",
        type=OrganisationType.MUNICIPALITY,
        municipality=bochum,
    )
    group = Organisation.objects.filter(initiative=initiative).first() or _organisation(
        slug=f"initiative-{initiative.slug}"[:180],
        name=initiative.name,
        type=OrganisationType.INITIATIVE,
        initiative=initiative,
    )
    logins = [
        ("netzwerk@demo.example", network, "network team"),
        ("bochum@demo.example", city, "municipal moderator for Bochum"),
        ("initiative@demo.example", group, f"editor of “{initiative.name}”"),
    ]
    result = []
    for email, organisation, role in logins:
        services.add_member(organisation=organisation, user=_account(email), role=Role.OWNER)
        result.append(DemoLogin(email=email, role=role, organisation=organisation.name))
    return result
