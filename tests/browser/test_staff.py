"""Municipal staff, the network team and organisers work in the site, starting from
“Mein Bereich” (issue 16's browser tests)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from mitmachkarte.events.models import Event, EventStatus
from mitmachkarte.groups.models import Cooperation, WorkingGroup
from mitmachkarte.organisations.services import add_member, create_organisation
from tests.browser.test_support import log_in
from tests.events.conftest import token_from
from tests.factories import (
    CampaignFactory,
    EventFactory,
    InitiativeFactory,
    MunicipalityFactory,
    UserFactory,
)


@pytest.fixture
def towns(live_server, reference_data, settings):
    settings.SITE_URL = live_server.url  # links in mails point at the test server
    from mitmachkarte.core.geocoding import postcode_centre

    centre = postcode_centre("44787")
    bochum = MunicipalityFactory(
        name="Bochum", slug="bochum", ags="05911000",
        latitude=centre.latitude, longitude=centre.longitude, with_boundary=True,
    )  # fmt: skip
    koeln = MunicipalityFactory(
        name="Köln", slug="koeln", ags="05315000", latitude=50.94, longitude=6.96,
        with_boundary=True,
    )  # fmt: skip
    city = create_organisation(
        name="Stadt Bochum – Nachhaltigkeitsmanagement", type="municipality", municipality=bochum
    )
    add_member(organisation=city, user=UserFactory(email="bochum@demo.example"))
    cologne = create_organisation(name="Stadt Köln", type="municipality", municipality=koeln)
    add_member(organisation=cologne, user=UserFactory(email="koeln@demo.example"))
    network = create_organisation(name="Netzwerkteam", type="network_team")
    add_member(organisation=network, user=UserFactory(email="netzwerk@demo.example"))
    garden = InitiativeFactory(name="Garten Ehrenfeld", latitude=50.945, longitude=6.95)
    create_organisation(name="Garten Ehrenfeld", type="initiative", initiative=garden)
    far = InitiativeFactory(name="Garten Münster", latitude=51.96, longitude=7.62)
    create_organisation(name="Garten Münster", type="initiative", initiative=far)
    return {"bochum": bochum, "koeln": koeln, "city": city}


def test_bochum_creates_a_hybrid_monthly_meeting_and_cancels_a_date(
    page, new_context, live_server, towns
):
    base = live_server.url
    log_in(page, base, "bochum@demo.example")
    page.click("text=Mein Bereich")
    page.click("text=Veranstaltung anlegen")
    page.fill("#id_title", "Vernetzungstreffen Klima")
    page.select_option("#id_event_type", "networking_meeting")
    start = timezone.localtime() + timedelta(days=10)
    page.fill("#id_start", start.strftime("%Y-%m-%dT18:00"))
    page.fill("#id_end", start.strftime("%Y-%m-%dT20:00"))
    page.select_option("#id_repeat", "monthly_weekday")
    page.fill("#id_repeat_count", "6")
    page.select_option("#id_format", "hybrid")
    page.fill("#id_venue_name", "Rathaus")
    page.fill("#id_street", "Willy-Brandt-Platz 2")
    page.fill("#id_postcode", "44787")
    page.fill("#id_city", "Bochum")
    page.fill("#id_online_url", "https://meet.example/klima")
    page.check("#id_registration_enabled")
    page.fill("#id_capacity", "20")
    page.click("text=Veranstaltung anlegen >> nth=-1")
    page.wait_for_url(re.compile(r".*/verwalten/$"))
    expect(page.locator("main")).to_contain_text("jeden")  # the rule in words
    event = Event.objects.get(title="Vernetzungstreffen Klima")
    assert list(event.municipalities.all()) == [towns["bochum"]]

    page.goto(f"{base}/veranstaltungen/")
    expect(page.locator("main")).to_contain_text("Vernetzungstreffen Klima")
    page.goto(f"{base}/konto/arbeitsbereich/{towns['city'].slug}/")
    expect(page.locator("main")).to_contain_text("Vernetzungstreffen Klima")
    api = page.request.get(f"{base}/api/v1/events?municipality=bochum").json()
    assert {item["title"] for item in api["items"]} == {"Vernetzungstreffen Klima"}

    first = event.occurrences.order_by("start").first()
    guest = new_context().new_page()  # a visitor without an account
    for name, email in (("Ada", "ada@example.org"), ("Bo", "bo@example.org")):
        guest.goto(f"{base}{event.get_absolute_url()}")
        guest.select_option("#anmeldung select", str(first.pk))
        guest.fill("#anmeldung input[name=name]", name)
        guest.fill("#anmeldung input[name=email]", email)
        guest.click("#anmeldung button[type=submit]")
        expect(guest.locator("main")).to_contain_text(email)
        [message] = [m for m in mail.outbox if m.to == [email]]
        guest.goto(
            f"{base}/veranstaltungen/anmeldung/bestaetigen/{token_from(message, 'bestaetigen')}/"
        )
        guest.click("text=Anmeldung bestätigen")
        expect(guest.locator("main")).to_contain_text("bestätigt")

    mail.outbox.clear()
    page.goto(f"{base}/veranstaltungen/{event.slug}/verwalten/")
    expect(page.locator("table.participants")).to_contain_text("ada@example.org")
    page.locator(f"form[action$='/termine/{first.pk}/absagen/'] button").click()
    expect(page.locator("main")).to_contain_text("2 Personen wurden benachrichtigt")
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "bo@example.org"]


def test_the_network_team_approves_a_campaign_action_from_the_moderation(page, live_server, towns):
    today = timezone.localdate()
    campaign = CampaignFactory(
        name="GlücksTaten", starts_on=today, ends_on=today + timedelta(days=20)
    )
    start = timezone.localtime() + timedelta(days=5)
    EventFactory(
        title="Pflanzaktion Ehrenfeld", campaign=campaign, status="pending",
        event_type="action_day",
        start=start, end=start + timedelta(hours=2), city="Köln", latitude=50.945, longitude=6.95,
        organiser_email="garten@example.org",
    )  # fmt: skip
    base = live_server.url
    log_in(page, base, "netzwerk@demo.example")
    page.click("text=Mein Bereich")
    page.click("text=1 Aktion zu prüfen")
    action = page.locator("article", has_text="Pflanzaktion Ehrenfeld")
    action.locator("button[value=approve]").click()
    expect(page.locator("main")).to_contain_text("„Pflanzaktion Ehrenfeld“ ist veröffentlicht.")
    assert Event.objects.get(title="Pflanzaktion Ehrenfeld").status == EventStatus.PUBLISHED


def test_koeln_starts_a_group_with_a_monthly_series_and_records_a_cooperation(
    page, live_server, towns
):
    base = live_server.url
    log_in(page, base, "koeln@demo.example")
    page.click("text=Mein Bereich")
    page.click("text=Arbeitsgruppe gründen")
    page.fill("#id_name", "AG Stadtgrün")
    page.fill("#id_municipality", "Köln")
    page.check("input[name=sdgs][value='11']")
    page.click("button:has-text('Arbeitsgruppe gründen')")
    page.wait_for_url(re.compile(r".*/arbeitsgruppen/ag-stadtgruen/$"))
    page.click("text=Treffen planen")
    start = timezone.localtime() + timedelta(days=7)
    page.fill("#id_start", start.strftime("%Y-%m-%dT17:00"))
    page.fill("#id_end", start.strftime("%Y-%m-%dT18:30"))
    page.select_option("#id_repeat", "monthly_weekday")
    page.select_option("#id_format", "online")
    page.fill("#id_online_url", "https://meet.example/ag")
    page.click("text=Treffen eintragen")
    page.wait_for_url(re.compile(r".*/arbeitsgruppen/ag-stadtgruen/$"))
    expect(page.locator("#dates-title + p + ul li").first).to_be_visible()
    page.fill("input[name=email]", "neu@example.org")
    page.click("text=Einladung senden")
    expect(page.locator("main")).to_contain_text("Die Einladung wurde versandt.")
    assert [m.to for m in mail.outbox if "einladung" in m.body.lower()] == [["neu@example.org"]]
    assert WorkingGroup.objects.get(slug="ag-stadtgruen").meeting_series.count() == 1

    page.goto(f"{base}/konto/")
    page.click("text=Kooperation eintragen")
    # htmx (a deferred script) must have bound the search field before we type, else the
    # typed text sends no request; the server-rendered list is there before that.
    page.wait_for_url(re.compile(r".*/kooperationen/$"), wait_until="load")
    expect(page.locator("#partner-results li").first).to_contain_text("Garten Ehrenfeld")
    page.fill("#partner-q", "münster")
    expect(page.locator("#partner-results")).not_to_contain_text("Garten Ehrenfeld")
    page.locator("#partner-results label", has_text="Garten Münster").click()
    page.select_option("#id_type", "room")
    page.fill("#id_since", "2026-01-01")
    page.click("form.cooperation-form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Gespeichert")
    assert Cooperation.objects.get().initiative_organisation.name == "Garten Münster"
