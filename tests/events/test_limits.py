"""Abuse limits of the registration and campaign forms: per client and per target."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.events.models import Event, Registration
from tests.factories import CampaignFactory, EventFactory

pytestmark = pytest.mark.django_db
GERMAN_MESSAGE = "Zu viele Versuche. Bitte versuche es in"


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


@pytest.fixture
def event():
    return EventFactory(title="Repair Café", registration_enabled=True, capacity=30)


def registration(event, n: int, email: str = "opfer@example.org") -> dict:
    return {"occurrence": event.occurrences.get().pk, "name": f"Person {n}", "email": email}


def test_mail_bombing_one_address_from_many_clients_stops(event, set_rate, mailoutbox):
    set_rate("register.email", "3/h")
    url = f"/veranstaltungen/{event.slug}/anmelden/"
    statuses = [
        client_at(f"198.51.100.{n}")
        .post(url, registration(event, n, email=f"Opfer+{n}@Example.org"))
        .status_code
        for n in range(1, 8)
    ]
    assert statuses == [200] * 3 + [429] * 4
    assert len(mailoutbox) == 3
    assert Registration.objects.count() == 3  # stored as typed; limited as one mailbox

    refused = client_at("198.51.100.99").post(url, registration(event, 99))
    html = refused.content.decode()
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert GERMAN_MESSAGE in html and 'value="Person 99"' in html  # the form, as typed
    assert len(mailoutbox) == 3


def test_one_client_is_limited_across_addresses_and_dates(event, set_rate, mailoutbox):
    set_rate("register.ip", "2/h")
    client = client_at("192.0.2.1")
    url = f"/veranstaltungen/{event.slug}/anmelden/"
    for n in range(2):
        assert client.post(url, registration(event, n, f"p{n}@example.org")).status_code == 200
    assert client.post(url, registration(event, 3, "p3@example.org")).status_code == 429
    assert client_at("192.0.2.2").post(
        url, registration(event, 4, "p4@example.org")
    ).status_code == (200)
    assert len(mailoutbox) == 3


def test_a_date_takes_a_bounded_number_of_registrations_per_hour(event, set_rate):
    set_rate("register.date", "2/h")
    url = f"/veranstaltungen/{event.slug}/anmelden/"
    statuses = [
        client_at(f"198.51.100.{n}")
        .post(url, registration(event, n, f"p{n}@x.example"))
        .status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert Registration.objects.count() == 2


def test_invalid_forms_use_up_nothing(event, set_rate):
    set_rate("register.ip", "1/h")
    client = client_at("192.0.2.1")
    url = f"/veranstaltungen/{event.slug}/anmelden/"
    assert client.post(url, registration(event, 1, "not an address")).status_code == 400
    assert client.post(url, registration(event, 1, "ok@example.org")).status_code == 200


def campaign_action(n: int, email: str) -> dict:
    start = timezone.localtime() + timedelta(days=12)
    return {
        "title": f"Pflanzaktion {n}",
        "description": "Wir pflanzen Bäume.",
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "format": "in_person",
        "city": "Köln",
        "postcode": "50667",
        "organiser_name": "Garten e. V.",
        "organiser_email": email,
    }


def test_campaign_actions_are_limited_per_address_and_campaign(set_rate, mailoutbox):
    today = timezone.localdate()
    campaign = CampaignFactory(
        slug="glueckstaten", starts_on=today + timedelta(days=10), ends_on=today + timedelta(16)
    )
    url = campaign.get_absolute_url()
    set_rate("campaign.email", "2/d")
    set_rate("campaign.campaign", "3/d")
    statuses = [
        client_at(f"198.51.100.{n}").post(url, campaign_action(n, "garten@example.org")).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    other = client_at("198.51.100.50").post(url, campaign_action(50, "andere@example.org"))
    assert other.status_code == 200
    last = client_at("198.51.100.51").post(url, campaign_action(51, "dritte@example.org"))
    html = last.content.decode()
    assert last.status_code == 429 and "Pflanzaktion 51" in html and GERMAN_MESSAGE in html
    assert Event.objects.filter(campaign=campaign).count() == 3
    assert len(mailoutbox) == 3  # one receipt per saved action
