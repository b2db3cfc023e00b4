import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.organisations import services
from mitmachkarte.organisations.models import Membership, Organisation
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_membership_is_unique_per_user_and_organisation():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=membership.user, organisation=membership.organisation, role="owner"
        )
    assert Membership.objects.count() == 1


def test_add_member_twice_changes_the_role_instead_of_duplicating():
    user, organisation = UserFactory(), OrganisationFactory()
    services.add_member(organisation=organisation, user=user, role="editor")
    services.add_member(organisation=organisation, user=user, role="owner")
    assert list(Membership.objects.values_list("role", flat=True)) == ["owner"]
    assert services.remove_member(organisation=organisation, user=user)
    assert not Membership.objects.exists()


def test_services_are_keyword_only_and_check_the_type():
    organisation, user = OrganisationFactory(), UserFactory()
    with pytest.raises(TypeError):
        services.add_member(organisation, user)  # type: ignore[misc]
    town = MunicipalityFactory()
    with pytest.raises(ValidationError):
        services.create_organisation(name="Netz", type="network_team", municipality=town)
    with pytest.raises(ValueError):
        services.create_organisation(
            name="Stadt", type="municipality", municipality=town, served_municipalities=[town]
        )
    assert list(Organisation.objects.all()) == [organisation]  # nothing else was saved


def test_create_organisation_derives_a_unique_slug():
    first = services.create_organisation(name="Stadt Bochum – Nachhaltigkeit", type="municipality")
    second = services.create_organisation(name="Stadt Bochum – Nachhaltigkeit", type="municipality")
    assert first.slug == "stadt-bochum-nachhaltigkeit"
    assert second.slug == "stadt-bochum-nachhaltigkeit-2"
    advice = services.create_organisation(
        name="Verbraucherberatung",
        type="advice_centre",
        served_municipalities=[MunicipalityFactory(), MunicipalityFactory()],
    )
    assert advice.served_municipalities.count() == 2
    assert advice.get_type_display() == "Beratungsstelle"


def test_deleting_a_user_keeps_organisations_and_initiatives(reference_data):
    initiative = InitiativeFactory()
    organisation = OrganisationFactory(type="initiative", initiative=initiative)
    membership = MembershipFactory(organisation=organisation, role="owner")
    membership.user.delete()
    assert not Membership.objects.exists()
    assert Organisation.objects.get(pk=organisation.pk).initiative == initiative
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_an_organisation_name_is_one_line():
    with pytest.raises(ValidationError) as exc:
        services.create_organisation(name="Stadt\r\nBcc: x@example.org", type="network_team")
    assert list(exc.value.message_dict) == ["name"]
    assert not Organisation.objects.exists()
