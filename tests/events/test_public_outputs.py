"""Every public output of an event keeps its non-public fields to itself.

With registration on, the meeting link is for confirmed participants only; the organiser's
e-mail address and secret link are never public. One event is checked in every output
anonymous visitors and harvesters get: API, GeoJSON, iCal, pages, JSON-LD, open data, Atom.
"""

import json
import re
from datetime import datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from mitmachkarte.events import organiser_links
from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import CampaignFactory, EventFactory

pytestmark = pytest.mark.usefixtures("reference_data")

SECRET_LINK = "https://meet.example/nur-fuer-angemeldete"
ORGANISER_EMAIL = "orga-privat@verein.example"


@pytest.fixture
def event(db):
    campaign = CampaignFactory()
    start = datetime.combine(campaign.starts_on, time(18), tzinfo=EVENT_TZ)
    return EventFactory(
        start=start,
        end=start + timedelta(hours=2),
        title="Hybrides Vernetzungstreffen",
        format="hybrid",
        online_url=SECRET_LINK,
        registration_enabled=True,
        organiser_email=ORGANISER_EMAIL,
        campaign=campaign,
    )


def _body(response) -> str:
    assert response.status_code == 200, response.status_code
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def public_urls(event) -> list[str]:
    return [
        "/api/v1/events",
        f"/api/v1/events/{event.slug}",
        "/api/v1/events.geojson",
        event.get_absolute_url(),
        reverse("events:ics", args=[event.slug]),
        reverse("events:feed"),
        reverse("events:list"),
        reverse("events:calendar") + "?month=" + event.start.strftime("%Y-%m"),
        event.campaign.get_absolute_url(),
        reverse("api:export_events_jsonld"),
        reverse("subscriptions:events_feed"),
    ]


def test_no_public_output_shows_the_participants_link_or_the_organisers_contact(event):
    organiser_token = organiser_links.renew(event=event)
    client = Client()
    for url in public_urls(event):
        body = _body(client.get(url))
        assert event.title in body or event.slug in body, url  # the event is really there
        for secret in (SECRET_LINK, ORGANISER_EMAIL, organiser_token, event.organiser_token_digest):
            assert secret not in body, f"{secret} in {url}"


def test_without_registration_the_meeting_link_is_public_everywhere(event):
    event.registration_enabled = False
    event.save()
    client = Client()
    for url in (
        f"/api/v1/events/{event.slug}",
        event.get_absolute_url(),
        reverse("events:ics", args=[event.slug]),
        reverse("api:export_events_jsonld"),
    ):
        assert SECRET_LINK in _body(client.get(url)), url


@pytest.mark.parametrize(
    "title", ["Treff <!--<script>", "Treff </script><b>x</b>", "Treff ]]> & Co"]
)
def test_markup_in_the_title_stays_inside_the_json_ld(db, title):
    event = EventFactory(title=title)
    html = _body(Client().get(event.get_absolute_url()))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert not set(block) & {"<", ">", "&"}
    assert json.loads(block)["name"] == title
    assert html.count("<h1>") == 1 and "</html>" in html
