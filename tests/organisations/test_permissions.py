"""The permission rules as a matrix: role × initiative in municipality A / B."""

import pytest
from django.contrib.auth.models import AnonymousUser

from mitmachkarte.organisations.rules import (
    can_edit_initiative,
    can_moderate_initiative,
    is_network_team,
    municipalities_moderated_by,
)
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(reference_data):
    town_a = MunicipalityFactory(name="A-Stadt", latitude=51.0, longitude=7.0, with_boundary=True)
    town_b = MunicipalityFactory(name="B-Dorf", latitude=52.0, longitude=8.0, with_boundary=True)
    in_a = InitiativeFactory(name="Garten A", latitude=51.0, longitude=7.0)
    in_b = InitiativeFactory(name="Repair B", latitude=52.0, longitude=8.0)
    assert (in_a.municipality, in_b.municipality) == (town_a, town_b)

    def member(**org):
        return MembershipFactory(organisation=OrganisationFactory(**org)).user

    advice = OrganisationFactory(type="advice_centre")
    advice.served_municipalities.set([town_a, town_b])
    users = {
        "network": member(type="network_team"),
        "municipal_a": member(type="municipality", municipality=town_a),
        "municipal_b": member(type="municipality", municipality=town_b),
        "editor_a": member(type="initiative", initiative=in_a),
        "advice": MembershipFactory(organisation=advice).user,
        "plain": UserFactory(),
        "anonymous": AnonymousUser(),
    }
    return {"users": users, "a": in_a, "b": in_b, "town_a": town_a, "town_b": town_b}


# role: (moderate A, moderate B, edit A, edit B)
MATRIX = {
    "network": (True, True, False, False),
    "municipal_a": (True, False, False, False),
    "municipal_b": (False, True, False, False),
    "editor_a": (False, False, True, False),
    "advice": (False, False, False, False),
    "plain": (False, False, False, False),
    "anonymous": (False, False, False, False),
}


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(world, role):
    user = world["users"][role]
    got = (
        can_moderate_initiative(user, world["a"]),
        can_moderate_initiative(user, world["b"]),
        can_edit_initiative(user, world["a"]),
        can_edit_initiative(user, world["b"]),
    )
    assert got == MATRIX[role]
    assert is_network_team(user) is (role == "network")


def test_municipalities_moderated_by(world):
    users = world["users"]
    assert list(municipalities_moderated_by(users["municipal_a"])) == [world["town_a"]]
    assert list(municipalities_moderated_by(users["municipal_b"])) == [world["town_b"]]
    for role in ("network", "editor_a", "advice", "plain", "anonymous"):
        assert not municipalities_moderated_by(users[role]).exists(), role


def test_inactive_users_may_do_nothing(world):
    for role in ("network", "municipal_a", "editor_a"):
        user = world["users"][role]
        user.is_active = False
        user.save()
        assert not can_moderate_initiative(user, world["a"])
        assert not can_edit_initiative(user, world["a"])
        assert not is_network_team(user)


def test_an_initiative_outside_every_municipality_is_moderated_by_the_network_only(world):
    lost = InitiativeFactory(name="Irgendwo", latitude=47.5, longitude=13.0)
    assert lost.municipality is None
    assert can_moderate_initiative(world["users"]["network"], lost)
    assert not can_moderate_initiative(world["users"]["municipal_a"], lost)
