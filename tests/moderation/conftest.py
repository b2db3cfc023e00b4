import pytest
from django.contrib.auth.models import AnonymousUser

from mitmachkarte.moderation import services
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)

A = (51.0, 7.0)  # centre of town A
B = (52.0, 8.0)  # centre of town B


def proposal_data(**overrides) -> dict:
    data = {
        "proposer_name": "Paula Vorschlag",
        "proposer_email": "paula@example.org",
        "name": "Repair Café Neustadt",
        "short_description": "Wir reparieren zusammen.",
        "description": "Jeden **Samstag**.",
        "latitude": A[0],
        "longitude": A[1],
        "categories": ["repair"],
        "sdgs": [12],
        "tags": ["Reparieren"],
        "street": "Hauptstraße 1",
        "postcode": "",
        "city": "Neustadt",
        "contact_email": "team@repair.example",
        "website": "https://repair.example",
        "meeting_times": "Samstags 10–14 Uhr",
        "how_to_join": "Einfach vorbeikommen.",
        "data_licence": "ODbL-1.0",
    }
    data.update(overrides)
    return data


def propose(**overrides):
    return services.propose_initiative(**proposal_data(**overrides))


@pytest.fixture
def world(reference_data):
    town_a = MunicipalityFactory(name="A-Stadt", latitude=A[0], longitude=A[1], with_boundary=True)
    town_b = MunicipalityFactory(name="B-Dorf", latitude=B[0], longitude=B[1], with_boundary=True)
    published_a = InitiativeFactory(
        name="Gemeinschaftsgarten A", latitude=A[0] + 0.005, longitude=A[1]
    )

    def member(**org):
        return MembershipFactory(organisation=OrganisationFactory(**org)).user

    advice = OrganisationFactory(type="advice_centre")
    advice.served_municipalities.set([town_a])
    users = {
        "network": member(type="network_team"),
        "municipal_a": member(type="municipality", municipality=town_a),
        "municipal_b": member(type="municipality", municipality=town_b),
        "editor_a": member(type="initiative", initiative=published_a),
        "advice": MembershipFactory(organisation=advice).user,
        "plain": UserFactory(),
        "anonymous": AnonymousUser(),
    }
    return {"users": users, "town_a": town_a, "town_b": town_b, "published_a": published_a}


@pytest.fixture
def pending_a(world, mailoutbox):
    proposal = propose()
    mailoutbox.clear()
    return proposal.initiative
