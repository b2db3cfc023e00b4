"""Event pages: list, calendar, detail with registration, links, organiser, campaign."""

import csv
import io
import json
import re
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.events import organiser_links, registrations
from mitmachkarte.events.models import Event, EventStatus, Registration
from mitmachkarte.events.recurrence import EVENT_TZ
from tests.factories import CampaignFactory, EventFactory

from .conftest import token_from

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def en():
    """A browser that asks for English, so assertions do not depend on the catalogue."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def at(days: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=EVENT_TZ)


def registration_event(**changes):
    fields = {
        "title": "Vernetzungstreffen Köln",
        "registration_enabled": True,
        "capacity": 1,
        "format": "hybrid",
        "online_url": "https://meet.example/geheim",
        "description": "Wir treffen uns **im Bürgerhaus**.",
        **changes,
    }
    return EventFactory(**fields)


def test_list_is_german_first_and_shows_only_published_upcoming_dates(client):
    EventFactory(title="Regionalgespräch Ruhr", event_type="regional_talk")
    EventFactory(title="Ungeprüft", status="pending")
    EventFactory(title="Vorbei", start=at(-3, 10), end=at(-3, 12))
    html = client.get("/veranstaltungen/").content.decode()
    assert '<html lang="de">' in html
    assert 'href="/veranstaltungen/"' in html  # the header navigation
    assert "Regionalgespräch Ruhr" in html
    assert "Ungeprüft" not in html and "Vorbei" not in html
    assert 'data-count="1"' in html
    assert 'type="text/calendar"' in html and "/veranstaltungen/feed.ics" in html


def test_list_filters_and_reports_a_bad_one(en):
    EventFactory(title="Regionalgespräch", event_type="regional_talk")
    EventFactory(
        title="Online-Treffen",
        format="online",
        online_url="https://x.example",
        venue_name="",
        city="",
        latitude=None,
        longitude=None,
    )
    html = en.get("/veranstaltungen/?online=1").content.decode()
    assert "Online-Treffen" in html and "Regionalgespräch" not in html
    response = en.get("/veranstaltungen/?type=party&online=1")
    html = response.content.decode()
    assert response.status_code == 200 and "Online-Treffen" in html
    assert "The filter “type” was ignored" in html
    assert "feed.ics?type=party&amp;online=1" in html or "feed.ics?online=1" in html


def test_month_calendar_puts_dates_on_their_berlin_day(client):
    # 00:30 in Berlin is the evening before in UTC: the date belongs to the Berlin day.
    late = at(20, 0, 30)
    EventFactory(title="Mitternachtsputz", start=late, end=late + timedelta(hours=1))
    response = client.get(f"/veranstaltungen/kalender/?month={late:%Y-%m}")
    html = response.content.decode()
    assert response.status_code == 200
    cells = re.findall(
        r'<td class="[^"]*"[^>]*>\s*<span class="day-number">(\d+)</span>(.*?)</td>', html, re.S
    )
    in_month = [(int(day), body) for day, body in cells]
    matching = [day for day, body in in_month if "Mitternachtsputz" in body]
    assert late.day in matching and (late - timedelta(days=1)).day not in matching
    assert "00:30" in html


def test_calendar_with_a_bad_month_is_not_found(client):
    assert client.get("/veranstaltungen/kalender/?month=2026-13").status_code == 404


def test_detail_page(en):
    event = registration_event(municipalities=[])
    response = en.get(event.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>im Bürgerhaus</strong>" in html
    assert "geheim" not in html  # participants get the link by mail
    assert f'action="/veranstaltungen/{event.slug}/anmelden/"' in html
    assert f'href="/veranstaltungen/{event.slug}.ics"' in html
    ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "Event" and ld["name"] == event.title
    assert ld["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert datetime.fromisoformat(ld["startDate"]) == event.start
    assert en.get("/veranstaltungen/nicht-da/").status_code == 404


def test_register_and_confirm_through_the_pages(en, mailoutbox):
    event = registration_event()
    response = en.post(
        f"/veranstaltungen/{event.slug}/anmelden/",
        {"occurrence": event.occurrences.get().pk, "name": "Ada", "email": "ada@example.org"},
    )
    assert response.status_code == 200
    assert "We have sent an e-mail to ada@example.org" in response.content.decode()
    token = token_from(mailoutbox[-1], "bestaetigen")
    page = en.get(f"/veranstaltungen/anmeldung/bestaetigen/{token}/")
    assert page.status_code == 200 and "Confirm registration" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"].startswith("noindex")
    assert Registration.objects.get().status == "pending"  # a GET (mail scanner) changes nothing
    done = en.post(f"/veranstaltungen/anmeldung/bestaetigen/{token}/")
    assert "your registration is confirmed" in done.content.decode()
    assert Registration.objects.get().status == "confirmed"
    # The next person lands on the waiting list and is told so.
    en.post(
        f"/veranstaltungen/{event.slug}/anmelden/",
        {"occurrence": event.occurrences.get().pk, "name": "Bea", "email": "bea@example.org"},
    )
    second = en.post(
        f"/veranstaltungen/anmeldung/bestaetigen/{token_from(mailoutbox[-1], 'bestaetigen')}/"
    ).content.decode()
    assert "waiting list" in second and "Your place in the queue: 1" in second


def test_cancel_through_the_page(en, mailoutbox):
    event = registration_event()
    registrations.register(occurrence=event.occurrences.get(), name="Ada", email="a@example.org")
    registrations.confirm(token=token_from(mailoutbox[-1], "bestaetigen"))
    url = f"/veranstaltungen/anmeldung/abmelden/{token_from(mailoutbox[-1], 'abmelden')}/"
    assert "Cancel the registration of Ada" in en.get(url).content.decode()
    assert Registration.objects.get().status == "confirmed"
    assert "registration is cancelled" in en.post(url).content.decode()
    assert Registration.objects.get().status == "cancelled"


@pytest.mark.parametrize(
    "data, field",
    [
        ({"name": "Ada", "email": "kein-mail"}, "email"),
        ({"name": "", "email": "ada@example.org"}, "name"),
        (
            {"name": "Bot", "email": "bot@example.org", "homepage": "http://spam.example"},
            "homepage",
        ),
    ],
)
def test_invalid_registration_form(en, data, field):
    event = registration_event()
    response = en.post(
        f"/veranstaltungen/{event.slug}/anmelden/",
        {"occurrence": event.occurrences.get().pk, **data},
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert Registration.objects.count() == 0


def test_registration_after_the_deadline_shows_the_rule(en):
    event = registration_event(registration_deadline=timezone.now() - timedelta(minutes=1))
    html = en.get(event.get_absolute_url()).content.decode()
    assert "The registration deadline has passed." in html and "anmelden/" not in html
    response = en.post(
        f"/veranstaltungen/{event.slug}/anmelden/",
        {"occurrence": event.occurrences.get().pk, "name": "Ada", "email": "ada@example.org"},
    )
    assert response.status_code == 400 and Registration.objects.count() == 0


@pytest.mark.parametrize("token", ["kaputt", "eyJyIjoxLCJlIjoiYWJjIn0:1vAAAA:deadbeef"])
def test_broken_links_get_a_clear_page(en, token):
    for kind in ("bestaetigen", "abmelden"):
        response = en.get(f"/veranstaltungen/anmeldung/{kind}/{token}/")
        assert response.status_code == 400
        assert "The link is incomplete or invalid" in response.content.decode()


@pytest.fixture
def organised(mailoutbox):
    event = registration_event(capacity=2, organiser_email="orga@initiative.example")
    occurrence = event.occurrences.get()
    for name, email in [
        ("Ada", "ada"),
        ('=HYPERLINK("http://evil.example")', "eve"),
        ("Cem", "cem"),
    ]:
        registrations.register(occurrence=occurrence, name=name, email=f"{email}@example.org")
        registrations.confirm(token=token_from(mailoutbox[-1], "bestaetigen"))
    event.link_token = organiser_links.renew(event=event)  # only its digest is stored
    return event


def test_organiser_page_needs_the_secret_link(en, organised):
    assert en.get("/veranstaltungen/organisation/falsch/").status_code == 404
    response = en.get(f"/veranstaltungen/organisation/{organised.link_token}/")
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "cem@example.org" in html and "Cem" in html
    assert "on the waiting list" in html


def test_participant_csv(en, organised):
    response = en.get(f"/veranstaltungen/organisation/{organised.link_token}/teilnehmende.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:4] == ["Date", "Name", "E-mail", "Status"]
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["Ada"][3] == "confirmed" and by_name["Cem"][3] == "on the waiting list"
    assert '\'=HYPERLINK("http://evil.example")' in by_name  # never a formula
    assert by_name["Ada"][0] == organised.start.astimezone(EVENT_TZ).strftime("%Y-%m-%d %H:%M")


def test_organiser_messages_each_participant_separately(en, organised, mailoutbox):
    before = len(mailoutbox)
    url = f"/veranstaltungen/organisation/{organised.link_token}/"
    response = en.post(url, {"subject": "Raumänderung", "body": "Wir sind in Raum 2."}, follow=True)
    assert "Your message was sent to 2 people." in response.content.decode()
    sent = mailoutbox[before:]
    assert sorted(m.to[0] for m in sent) == ["ada@example.org", "eve@example.org"]
    assert all(len(m.to) == 1 and m.reply_to == ["orga@initiative.example"] for m in sent)
    assert all("Wir sind in Raum 2." in m.body and "Raumänderung" in m.subject for m in sent)
    waitlist = en.post(
        url, {"subject": "Alle", "body": "Hallo", "include_waiting_list": "on"}, follow=True
    )
    assert "sent to 3 people" in waitlist.content.decode()
    assert en.post(url, {"subject": "", "body": ""}).status_code == 400


@pytest.fixture
def campaign():
    today = timezone.localdate()
    return CampaignFactory(
        name="GlücksTaten",
        slug="glueckstaten",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(16),
    )


def test_campaign_page_with_map_list_and_counts(en, campaign):
    EventFactory(
        title="Kleidertausch",
        event_type="action_day",
        campaign=campaign,
        start=at(11, 10),
        end=at(11, 14),
        categories=["clothing"],
    )
    EventFactory(
        title="Online-Aktion",
        event_type="action_day",
        campaign=campaign,
        format="online",
        online_url="https://x.example",
        venue_name="",
        city="",
        latitude=None,
        longitude=None,
        start=at(12, 10),
        end=at(12, 11),
    )
    EventFactory(
        title="Wartet", campaign=campaign, status="pending", start=at(12, 10), end=at(12, 11)
    )
    html = en.get("/veranstaltungen/aktionen/glueckstaten/").content.decode()
    assert '<span class="n" id="count-events">2</span>' in html
    assert "Kleidertausch" in html and "Online-Aktion" in html and "Wartet" not in html
    assert 'data-geojson-url="/api/v1/events.geojson?campaign=glueckstaten' in html
    assert 'name="organiser_email"' in html


def test_campaign_submission_is_moderated(en, campaign, mailoutbox):
    start = at(12, 15)
    response = en.post(
        "/veranstaltungen/aktionen/glueckstaten/",
        {
            "title": "Pflanzaktion",
            "description": "Wir pflanzen Bäume.",
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "format": "in_person",
            "city": "Köln",
            "postcode": "50667",
            "categories": ["gardening-nature"],
            "organiser_name": "Garten e. V.",
            "organiser_email": "garten@initiative.example",
        },
    )
    assert response.status_code == 200 and "We have received your action" in (
        response.content.decode()
    )
    event = Event.objects.get(title="Pflanzaktion")
    assert event.status == EventStatus.PENDING and event.campaign == campaign
    assert event.start == start  # the form's local time is Berlin time
    assert "Pflanzaktion" not in en.get("/veranstaltungen/").content.decode()
    assert mailoutbox[-1].to == ["garten@initiative.example"]


def test_campaign_submission_errors_are_shown(en, campaign):
    start = at(30, 10)  # after the campaign
    response = en.post(
        "/veranstaltungen/aktionen/glueckstaten/",
        {
            "title": "Zu spät",
            "description": "x",
            "format": "online",
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": (start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "organiser_name": "X",
            "organiser_email": "x@initiative.example",
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "during the campaign" in errors["start"][0]
    assert not Event.objects.exists()


def test_confirm_form_passes_the_csrf_check_a_browser_makes(mailoutbox):
    """Browsers send the page's origin with its forms, or "null" under no-referrer."""
    event = registration_event()
    registrations.register(occurrence=event.occurrences.get(), name="Ada", email="a@example.org")
    url = f"/veranstaltungen/anmeldung/bestaetigen/{token_from(mailoutbox[-1], 'bestaetigen')}/"
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url)
    assert page["Referrer-Policy"] == "same-origin"
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = browser.post(url, {"csrfmiddlewaretoken": csrf}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert Registration.objects.get().status == "confirmed"


def test_a_title_with_a_line_break_is_a_form_error(en, campaign):
    start = at(12, 15)
    response = en.post(
        "/veranstaltungen/aktionen/glueckstaten/",
        {
            "title": "Pflanzaktion\r\nBcc: opfer@example.org",
            "description": "Wir pflanzen.",
            "start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "format": "online",
            "online_url": "https://meet.example/x",
            "organiser_name": "Garten e. V.",
            "organiser_email": "garten@initiative.example",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["title"] == [
        "Please write this on one line, without line breaks or other control characters."
    ]
    assert not Event.objects.exists()


def test_cancelled_dates_stay_visible_as_cancelled_on_the_page_and_in_the_api(en):
    event = registration_event(title="Reparaturtreff")
    event.occurrences.update(is_cancelled=True)
    html = en.get(event.get_absolute_url()).content.decode()
    assert "All upcoming dates of this event are cancelled." in html
    assert "no upcoming dates" not in html and "<del><time" in html
    assert "https://schema.org/EventCancelled" in html
    assert 'name="occurrence"' not in html  # nothing left to register for
    data = en.get(f"/api/v1/events/{event.slug}").json()
    assert data["next_dates"] == [] and len(data["cancelled_dates"]) == 1


def test_an_event_without_cancellations_is_scheduled_and_shows_no_cancelled_list(en):
    event = registration_event(title="Reparaturtreff")
    html = en.get(event.get_absolute_url()).content.decode()
    assert "https://schema.org/EventScheduled" in html and "<del><time" not in html
    assert en.get(f"/api/v1/events/{event.slug}").json()["cancelled_dates"] == []
