"""Events in the site: organisation members create, edit, copy, cancel and delete events;
the venue's address gives the point and the municipality (campaign actions in
/moderation/: test_action_review.py)."""

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.events import services
from mitmachkarte.events.models import Event, EventStatus, Registration, RegistrationStatus
from tests.factories import EventFactory

from .conftest import client_for, created, form_data

pytestmark = pytest.mark.usefixtures("reference_data")


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
