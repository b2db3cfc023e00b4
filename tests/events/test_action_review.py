"""Campaign actions in /moderation/: the network team and the municipality of the place
approve or reject them; others cannot; members-only group meetings are not actions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from mitmachkarte.events import services
from mitmachkarte.events.models import Event, EventStatus
from tests.factories import CampaignFactory

from .conftest import client_for, first_saturday_ahead, form_data

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def action(world):
    today = timezone.localdate()
    campaign = CampaignFactory(starts_on=today, ends_on=today + timedelta(days=60))
    start = first_saturday_ahead()
    client = client_for(world["users"]["initiative"])
    data = form_data(
        world["orgs"]["initiative"],
        title="Reparieren am Aktionstag",
        event_type="action_day",
        campaign=campaign.pk,
        repeat="",
        format="in_person",
        online_url="",
        start=start.strftime("%Y-%m-%dT%H:%M"),
    )
    assert client.post("/veranstaltungen/neu/", data).status_code == 302
    event = Event.objects.get(title="Reparieren am Aktionstag")
    assert event.status == EventStatus.PENDING
    return event


def test_a_pending_action_shows_in_the_queue_of_the_network_and_its_municipality(world, action):
    for who in ("network", "bochum"):
        page = client_for(world["users"][who]).get("/moderation/").content.decode()
        assert "Reparieren am Aktionstag" in page, who
        assert (
            "1 Aktion zu prüfen" in client_for(world["users"][who]).get("/konto/").content.decode()
        )
    assert (
        "Reparieren am Aktionstag"
        not in client_for(world["users"]["koeln"]).get("/moderation/").content.decode()
    )
    assert "Reparieren am Aktionstag" not in Client().get("/veranstaltungen/").content.decode()


def test_the_network_team_approves_an_action_from_the_queue(world, action):
    client = client_for(world["users"]["network"])
    response = client.post(f"/veranstaltungen/{action.slug}/freigeben/", {"action": "approve"})
    assert response.status_code == 302 and "/moderation/" in response["Location"]
    action.refresh_from_db()
    assert action.status == EventStatus.PUBLISHED
    assert "Reparieren am Aktionstag" in Client().get("/veranstaltungen/").content.decode()


def test_the_municipality_of_the_place_rejects_an_action(world, action):
    client = client_for(world["users"]["bochum"])
    client.post(f"/veranstaltungen/{action.slug}/freigeben/", {"action": "reject"})
    action.refresh_from_db()
    assert action.status == EventStatus.REJECTED


@pytest.mark.parametrize("who", ["koeln", "initiative", "plain"])
def test_others_cannot_decide_on_an_action(world, action, who):
    response = client_for(world["users"][who]).post(
        f"/veranstaltungen/{action.slug}/freigeben/", {"action": "approve"}
    )
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == EventStatus.PENDING


def test_the_mail_to_the_managers_links_the_queue_not_the_admin(world, settings, mailoutbox):
    settings.MANAGERS = [("Team", "team@example.org")]
    today = timezone.localdate()
    campaign = CampaignFactory(starts_on=today, ends_on=today + timedelta(days=30))
    start = first_saturday_ahead(1)
    services.submit_campaign_action(
        campaign=campaign,
        title="Pflanzaktion",
        start=start,
        end=start + timedelta(hours=2),
        organiser_name="Gartengruppe",
        organiser_email="garten@example.org",
        format="in_person",
        city="Bochum",
        postcode="44787",
    )
    [notice] = [m for m in mail.outbox if m.to == ["team@example.org"]]
    assert "/moderation/" in notice.body and "/admin/" not in notice.body


def test_an_action_outside_the_campaign_days_is_refused(world):
    today = timezone.localdate()
    campaign = CampaignFactory(
        starts_on=today + timedelta(days=200), ends_on=today + timedelta(days=206)
    )
    client = client_for(world["users"]["initiative"])
    data = form_data(
        world["orgs"]["initiative"],
        campaign=campaign.pk,
        repeat="",
        online_url="",
        format="in_person",
    )
    response = client.post("/veranstaltungen/neu/", data)
    assert response.status_code == 400
    assert (
        "während der Kampagne" in response.content.decode() or "Aktion" in response.content.decode()
    )
    assert not Event.objects.exists()


def test_members_only_group_meetings_are_not_actions_to_review(world):
    from mitmachkarte.groups import services as group_services

    group = group_services.create_group(
        name="AG intern", created_by=world["users"]["bochum"], municipality=world["bochum"],
        visibility="members",
    )  # fmt: skip
    start = first_saturday_ahead()
    group_services.schedule_meetings(
        group=group, by=world["users"]["bochum"], start=start, end=start + timedelta(hours=1),
        format="online", online_url="https://meet.example/intern",
    )  # fmt: skip
    page = client_for(world["users"]["network"]).get("/moderation/").content.decode()
    assert "AG intern" not in page
    slug = group.meeting_series.get().event.slug
    response = client_for(world["users"]["network"]).post(
        f"/veranstaltungen/{slug}/freigeben/", {"action": "approve"}
    )
    assert response.status_code == 404
