"""Fixtures of the API tests: Köln and Bochum, three published entries and hidden ones."""

import pytest
from django.test import Client

from mitmachkarte.initiatives.models import Status
from tests.factories import InitiativeFactory, MunicipalityFactory

API = "/api/v1"
SECRET_EMAIL = "geheim-kontakt@repair.example"
PHONE = "0221 987654321"


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def places(db):
    return {
        "koeln": MunicipalityFactory(
            name="Köln",
            slug="koeln",
            ags="05315000",
            latitude=50.94,
            longitude=6.96,
            with_boundary=True,
        ),
        "bochum": MunicipalityFactory(
            name="Bochum",
            slug="bochum",
            ags="05911000",
            latitude=51.48,
            longitude=7.22,
            with_boundary=True,
        ),
    }


@pytest.fixture
def entries(places):
    """Three published entries and one of each unpublished status."""
    published = [
        InitiativeFactory(
            name="Repair-Café Ehrenfeld",
            latitude=50.941,
            longitude=6.961,
            city="",
            street="Musterstraße 5",
            categories=["repair"],
            sdgs=[12],
            tags=["Reparatur"],
            contact_email=SECRET_EMAIL,
            contact_phone=PHONE,
        ),
        InitiativeFactory(
            name="Foodsharing Bochum",
            latitude=51.481,
            longitude=7.221,
            city="Bochum",
            categories=["food"],
            sdgs=[2, 12],
            tags=["Lebensmittel"],
        ),
        InitiativeFactory(
            name="Gemeinschaftsgarten Langendreer",
            latitude=51.479,
            longitude=7.219,
            categories=["gardening-nature", "neighbourhood-social"],
            sdgs=[15],
        ),
    ]
    hidden = [
        InitiativeFactory(
            name=f"Versteckt {status}",
            latitude=50.942,
            longitude=6.962,
            categories=["repair"],
            sdgs=[12],
            tags=["Reparatur"],
            status=status,
        )
        for status in (Status.DRAFT, Status.PENDING, Status.ARCHIVED)
    ]
    return {"published": published, "hidden": hidden}


def get(client, path, **params):
    response = client.get(API + path, params)
    return response


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]
