"""Events in the site: organisation members create, edit, copy, cancel and delete events;
the venue's address gives the point and the municipality; moderators decide on campaign
actions in /moderation/."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from mitmachkarte.events import services
from mitmachkarte.events.models import Event, EventStatus, Registration, RegistrationStatus
from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import (
    CampaignFactory,
    EventFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.usefixtures("reference_data")

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


def test_a_municipal_member_creates_a_hybrid_monthly_meeting_found_in_bochum(world):
    event = created(world)
    assert event.organisation == world["orgs"]["bochum"]
    assert event.status == EventStatus.PUBLISHED
    assert event.recurrence == f"FREQ=MONTHLY;BYDAY={(event.start.day - 1) // 7 + 1}SA;COUNT=6" or (
        event.recurrence.startswith("FREQ=MONTHLY;BYDAY=-1SA")
    )
    assert event.capacity == 20 and event.registration_enabled and event.format == "hybrid"
    assert list(event.municipalities.all()) == [world["bochum"]]
    assert event.occurrences.count() == 6
    anyone = Client()
    api = anyone.get("/api/v1/events?municipality=bochum").json()
    assert [item["title"] for item in api["items"]].count(event.title) == 6
    assert event.title in anyone.get("/veranstaltungen/").content.decode()
    detail = anyone.get(event.get_absolute_url()).content.decode()
    assert "bochum-geheim" not in detail  # only participants get the link
    workspace = client_for(world["users"]["bochum"]).get(
        f"/konto/arbeitsbereich/{world['orgs']['bochum'].slug}/"
    )
    assert event.title in workspace.content.decode()
    assert "Mein Bereich" in client_for(world["users"]["bochum"]).get("/konto/").content.decode()


def test_an_address_without_a_known_postcode_falls_back_to_the_city(world):
    event = created(world, postcode="", street="", repeat="")
    assert list(event.municipalities.all()) == [world["bochum"]]


def test_admin_created_and_imported_events_get_the_municipality_of_their_venue(world):
    event = EventFactory(
        title="Im Admin angelegt",
        latitude=None,
        longitude=None,
        postcode="44787",
        city="Bochum",
        municipalities=[],
    )
    assert not event.municipalities.exists()
    assert services.derive_municipalities(event=event)
    assert list(event.municipalities.all()) == [world["bochum"]]
    imported = EventFactory(title="Importiert", postcode="44787", latitude=None, longitude=None)
    assert list(imported.municipalities.all()) == [world["bochum"]]


def test_editing_moves_the_municipality_with_the_venue(world):
    event = created(world, repeat="")
    client = client_for(world["users"]["bochum"])
    data = form_data(world["orgs"]["bochum"], repeat="", city="Köln", postcode="", street="")
    data["title"] = "Jetzt in Köln"
    assert client.post(f"/veranstaltungen/{event.slug}/bearbeiten/", data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Jetzt in Köln"
    assert list(event.municipalities.all()) == [world["koeln"]]


def test_copy_prefills_the_form_and_creates_a_second_event(world):
    event = created(world)
    client = client_for(world["users"]["bochum"])
    page = client.get(f"/veranstaltungen/neu/?kopie={event.slug}").content.decode()
    assert "Vernetzungstreffen Bochum (Kopie)" in page
    assert 'value="20"' in page
    created(world, title="Zweites Treffen")
    assert Event.objects.filter(organisation=world["orgs"]["bochum"]).count() == 2


def _register(occurrence, name, email):
    return Registration.objects.create(
        occurrence=occurrence,
        name=name,
        email=email,
        status=RegistrationStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )


def test_cancelling_one_date_mails_both_participants(world, mailoutbox):
    event = created(world)
    first = event.occurrences.order_by("start").first()
    _register(first, "Ada", "ada@example.org")
    _register(first, "Bo", "bo@example.org")
    mailoutbox.clear()
    client = client_for(world["users"]["bochum"])
    response = client.post(f"/veranstaltungen/{event.slug}/termine/{first.pk}/absagen/")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.is_cancelled
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "bo@example.org"]
    assert all("abgesagt" in m.subject.lower() for m in mailoutbox)
    assert set(first.registrations.values_list("status", flat=True)) == {"cancelled"}
    assert event.occurrences.filter(is_cancelled=False).count() == 5


def test_organiser_page_for_members_lists_participants_and_exports_them(world):
    event = created(world)
    _register(event.occurrences.first(), "Ada", "ada@example.org")
    client = client_for(world["users"]["bochum"])
    page = client.get(f"/veranstaltungen/{event.slug}/verwalten/").content.decode()
    assert "ada@example.org" in page and "jeden" in page  # the rule in words
    csv = client.get(f"/veranstaltungen/{event.slug}/teilnehmende.csv")
    assert csv.status_code == 200 and "ada@example.org" in csv.content.decode("utf-8-sig")


def test_delete_refuses_an_event_with_registrations(world):
    event = created(world)
    _register(event.occurrences.first(), "Ada", "ada@example.org")
    client = client_for(world["users"]["bochum"])
    client.post(f"/veranstaltungen/{event.slug}/loeschen/")
    assert Event.objects.filter(pk=event.pk).exists()
    empty = created(world, title="Leer")
    client.post(f"/veranstaltungen/{empty.slug}/loeschen/")
    assert not Event.objects.filter(pk=empty.pk).exists()


def test_co_organisers_manage_the_event_too(world):
    event = created(world, co_organisers=[world["orgs"]["koeln"].pk])
    client = client_for(world["users"]["koeln"])
    assert client.get(f"/veranstaltungen/{event.slug}/verwalten/").status_code == 200


# --- permission matrix: who may not, gets 403 and nothing changes ---------------------------

ACTIONS = [
    ("get", "/veranstaltungen/{slug}/bearbeiten/"),
    ("post", "/veranstaltungen/{slug}/bearbeiten/"),
    ("get", "/veranstaltungen/{slug}/verwalten/"),
    ("post", "/veranstaltungen/{slug}/verwalten/"),
    ("get", "/veranstaltungen/{slug}/teilnehmende.csv"),
    ("post", "/veranstaltungen/{slug}/absagen/"),
    ("post", "/veranstaltungen/{slug}/termine/{occurrence}/absagen/"),
    ("post", "/veranstaltungen/{slug}/nachruecken/"),
    ("post", "/veranstaltungen/{slug}/loeschen/"),
    ("get", "/veranstaltungen/neu/?kopie={slug}"),
]


def _snapshot(event) -> tuple:
    event.refresh_from_db()
    return (
        event.title,
        event.status,
        tuple(event.occurrences.values_list("pk", "is_cancelled")),
        tuple(Registration.objects.values_list("pk", "status")),
    )


@pytest.mark.parametrize(("method", "url"), ACTIONS)
@pytest.mark.parametrize("who", ["anonymous", "plain", "koeln", "initiative"])
def test_only_the_organisers_manage_an_event(world, who, method, url):
    event = created(world)
    _register(event.occurrences.first(), "Ada", "ada@example.org")
    before, count = _snapshot(event), Event.objects.count()
    path = url.format(slug=event.slug, occurrence=event.occurrences.first().pk)
    data = form_data(world["orgs"]["bochum"], title="Übernommen") if method == "post" else None
    response = getattr(client_for(world["users"].get(who)), method)(path, data)
    if who == "anonymous":
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    else:
        assert response.status_code == 403
    assert _snapshot(event) == before and Event.objects.count() == count


@pytest.mark.parametrize("who", ["anonymous", "plain"])
def test_only_members_of_an_organisation_create_events(world, who):
    response = client_for(world["users"].get(who)).post(
        "/veranstaltungen/neu/", form_data(world["orgs"]["bochum"])
    )
    assert response.status_code == (302 if who == "anonymous" else 403)
    assert not Event.objects.exists()


def test_nobody_creates_for_an_organisation_they_are_not_in(world):
    client = client_for(world["users"]["koeln"])
    response = client.post("/veranstaltungen/neu/", form_data(world["orgs"]["bochum"]))
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_the_network_team_manages_every_event(world):
    event = created(world)
    client = client_for(world["users"]["network"])
    assert client.get(f"/veranstaltungen/{event.slug}/verwalten/").status_code == 200


# --- campaign actions in /moderation/ -------------------------------------------------------


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


def test_the_event_page_links_the_organiser_page_only_for_its_organisers(world):
    event = created(world)
    manage = f'href="/veranstaltungen/{event.slug}/verwalten/"'
    assert (
        manage
        in client_for(world["users"]["bochum"]).get(event.get_absolute_url()).content.decode()
    )
    for who in ("koeln", "plain", None):
        html = client_for(world["users"].get(who)).get(event.get_absolute_url()).content.decode()
        assert manage not in html


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
