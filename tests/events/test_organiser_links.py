"""Organiser links: only a digest stored, expiring, renewable by the admin and by the organiser."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.events import organiser_links
from mitmachkarte.events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r"/veranstaltungen/organisation/([^/\s]+)/")
ORGA = "orga@initiative.example"


@pytest.fixture
def en():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def event():
    return EventFactory(title="Repair Café Köln", organiser_email=ORGA)


def page(token: str) -> str:
    return f"/veranstaltungen/organisation/{token}/"


def request_url(event) -> str:
    return f"/veranstaltungen/{event.slug}/organisationslink/"


def test_only_the_digest_of_the_token_is_stored(event):
    token = organiser_links.renew(event=event)
    stored = " ".join(str(v) for v in Event.objects.filter(pk=event.pk).values().get().values())
    assert token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() in stored
    assert organiser_links.event_for(token) == event
    other = "y" if token.endswith("x") else "x"  # a token may end in "x" itself
    assert organiser_links.event_for(token[:-1] + other) is None


def test_an_event_without_an_issued_link_has_no_organiser_page(en, event):
    assert organiser_links.expires_at(event) is None
    assert en.get(page("")).status_code == 404
    assert en.get(page("a" * 32)).status_code == 404


def test_link_expires_the_documented_days_after_the_last_date(en, event, settings):
    token = organiser_links.renew(event=event)
    assert en.get(page(token)).status_code == 200
    assert en.get(page(token) + "teilnehmende.csv").status_code == 200
    until = organiser_links.expires_at(event)
    assert until == max(event.end, event.organiser_link_issued_at) + timedelta(
        days=settings.ORGANISER_LINK_DAYS
    )
    assert not organiser_links.is_expired(event, now=until - timedelta(minutes=1))
    assert organiser_links.is_expired(event, now=until)

    Event.objects.filter(pk=event.pk).update(
        organiser_link_issued_at=timezone.now() - timedelta(days=400)
    )
    event.occurrences.update(
        start=timezone.now() - timedelta(days=200), end=timezone.now() - timedelta(days=199)
    )
    expired = en.get(page(token))
    assert expired.status_code == 410
    assert "expired" in expired.content.decode()
    assert request_url(event) in expired.content.decode()  # offers a new link
    assert en.get(page(token) + "teilnehmende.csv").status_code == 410


def test_organiser_asks_for_a_new_link_and_the_old_one_stops(en, event, mailoutbox):
    old = organiser_links.renew(event=event)
    assert request_url(event) in en.get(event.get_absolute_url()).content.decode()
    stranger = en.post(request_url(event), {"email": "someone@example.org"})
    assert stranger.status_code == 200 and mailoutbox == []
    assert organiser_links.event_for(old) == event  # a stranger's request changes nothing

    answer = en.post(request_url(event), {"email": " Orga@Initiative.example "})
    assert answer.content.decode().count("on its way") == stranger.content.decode().count(
        "on its way"
    )  # the same answer: nobody learns the organiser address
    assert [m.to for m in mailoutbox] == [[ORGA]]
    new = LINK.search(mailoutbox[0].body).group(1)
    assert en.get(page(new)).status_code == 200
    assert en.get(page(old)).status_code == 404


def test_new_link_requests_are_rate_limited(en, event, mailoutbox, set_rate):
    set_rate("organiser_link.event", "2/d")
    set_rate("organiser_link.ip", "10/h")
    for _ in range(3):  # strangers use up nothing of the event's quota
        en.post(request_url(event), {"email": "someone@example.org"})
    for _ in range(3):
        assert en.post(request_url(event), {"email": ORGA}).status_code == 200
    assert len(mailoutbox) == 2  # the third looked the same but sent nothing

    set_rate("organiser_link.ip", "6/h")  # six requests so far from this client
    limited = en.post(request_url(event), {"email": ORGA})
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert ORGA in limited.content.decode()  # what was typed is kept
    assert len(mailoutbox) == 2


def test_admin_renews_and_shows_the_link_once(client, django_user_model, event, mailoutbox):
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.org", "pw"))
    change = client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert "none issued yet" in change or "noch keiner" in change
    response = client.post(
        "/admin/events/event/",
        {"action": "renew_organiser_link", "_selected_action": [event.pk]},
        follow=True,
    )
    token = LINK.search(response.content.decode()).group(1)
    assert organiser_links.event_for(token) == event and mailoutbox == []
    client.post(
        "/admin/events/event/",
        {"action": "send_organiser_link", "_selected_action": [event.pk]},
    )
    mailed = LINK.search(mailoutbox[-1].body).group(1)
    assert mailed != token and organiser_links.event_for(token) is None
    assert organiser_links.event_for(mailed) == event


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_mailed_links_working():
    """events/0002 replaces each stored token by its digest: links already mailed still open."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        [("events", "0001_initial")],
        [("events", "0002_organiser_link_digest_and_expiry")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldEvent = old_apps.get_model("events", "Event")  # noqa: N806 (a model class)
    start = timezone.now() + timedelta(days=3)
    OldEvent.objects.create(
        title="Alt",
        slug="alt",
        event_type="workshop",
        start=start,
        end=start,
        organiser_name="X",
        organiser_token="mailed-before-the-update-0123456789",
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor = MigrationExecutor(connection)  # and on to the current schema the code reads
    executor.migrate(executor.loader.graph.leaf_nodes())
    event = organiser_links.event_for("mailed-before-the-update-0123456789")
    assert event is not None and event.slug == "alt"
    assert not organiser_links.is_expired(event)
