import re
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.events.models import Event
from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)

LINK = re.compile(r"https?://\S+/veranstaltungen/anmeldung/(bestaetigen|abmelden)/([^/\s]+)/")


@pytest.fixture
def towns(reference_data):
    """Münster, Greven and Telgte with small square boundaries."""
    return [
        MunicipalityFactory(
            name="Münster",
            slug="muenster",
            ags="05515000",
            latitude=51.96,
            longitude=7.63,
            with_boundary=True,
        ),
        MunicipalityFactory(
            name="Greven",
            slug="greven",
            ags="05566012",
            latitude=52.09,
            longitude=7.61,
            with_boundary=True,
        ),
        MunicipalityFactory(
            name="Telgte",
            slug="telgte",
            ags="05570048",
            latitude=51.98,
            longitude=7.79,
            with_boundary=True,
        ),
    ]


def token_from(message, kind: str) -> str:
    """The token of the confirm ("bestaetigen") or cancel ("abmelden") link in a mail."""
    for found_kind, token in LINK.findall(message.body):
        if found_kind == kind:
            return token
    raise AssertionError(f"no {kind} link in:\n{message.body}")


# --- organisations managing events in the site (test_manage, test_action_review) -----

# The centre of postcode 44787 (Bochum-Mitte), as core.geocoding finds it offline.
BOCHUM_POINT = (51.48, 7.22)


def first_saturday_ahead(weeks: int = 3) -> datetime:
    day = timezone.localdate() + timedelta(weeks=weeks)
    day += timedelta(days=(5 - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=EVENT_TZ)


@pytest.fixture
def world(db):
    from mitmachkarte.core.geocoding import postcode_centre

    centre = postcode_centre("44787")
    bochum = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        latitude=centre.latitude,
        longitude=centre.longitude,
        with_boundary=True,
    )
    koeln = MunicipalityFactory(name="Köln", slug="koeln", ags="05315000", with_boundary=True)
    organisations = {
        "bochum": OrganisationFactory(
            type="municipality", municipality=bochum, name="Stadt Bochum"
        ),
        "koeln": OrganisationFactory(type="municipality", municipality=koeln, name="Stadt Köln"),
        "network": OrganisationFactory(type="network_team", name="Netzwerkteam"),
        "initiative": OrganisationFactory(type="initiative", name="Repair Café Bochum"),
    }
    users = {k: MembershipFactory(organisation=o).user for k, o in organisations.items()}
    users["plain"] = UserFactory()
    return {"bochum": bochum, "koeln": koeln, "orgs": organisations, "users": users}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def form_data(organisation, **changes) -> dict:
    start = first_saturday_ahead()
    data = {
        "organisation": organisation.pk,
        "title": "Vernetzungstreffen Bochum",
        "event_type": "networking_meeting",
        "description": "Wir lernen uns kennen.",
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "repeat": "monthly_weekday",
        "repeat_count": "6",
        "format": "hybrid",
        "venue_name": "Rathaus",
        "street": "Willy-Brandt-Platz 2",
        "postcode": "44787",
        "city": "Bochum",
        "online_url": "https://meet.example/bochum-geheim",
        "registration_enabled": "on",
        "capacity": "20",
        "waiting_list": "on",
        "categories": ["repair"],
        "sdgs": ["11"],
    }
    return data | changes


def created(world, **changes) -> Event:
    client = client_for(world["users"]["bochum"])
    response = client.post("/veranstaltungen/neu/", form_data(world["orgs"]["bochum"], **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Event.objects.latest("pk")
