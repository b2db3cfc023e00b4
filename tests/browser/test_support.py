"""Support exchange in the browser: post a room need → the matching room offer of the city
→ get in touch → the need shows "in contact"."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from mitmachkarte.organisations.services import add_member, create_organisation
from tests.browser.maps import open_popup, wait_for_map_idle
from tests.factories import (
    DEFAULT_PASSWORD,
    InitiativeFactory,
    MunicipalityFactory,
    OfferFactory,
    UserFactory,
)


@pytest.fixture
def bochum_exchange(live_server, reference_data):
    bochum = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        ags="05911000",
        latitude=51.476,
        longitude=7.228,
        with_boundary=True,
    )
    city = create_organisation(
        name="Stadt Bochum – Nachhaltigkeitsmanagement", type="municipality", municipality=bochum
    )
    add_member(organisation=city, user=UserFactory(email="manager@bochum.example"))
    OfferFactory(
        organisation=city,
        municipality=bochum,
        latitude=51.477,
        longitude=7.319,
        title="Stadtteilzentrum Langendreer – Gruppenraum",
        capacity=30,
        step_free=True,
    )
    initiative = InitiativeFactory(name="Repair Café Bochum", latitude=51.48, longitude=7.22)
    group = create_organisation(name=initiative.name, type="initiative", initiative=initiative)
    user = UserFactory(email="team@repaircafe.example")
    add_member(organisation=group, user=user)
    return user


def log_in(page, base, email):
    page.goto(f"{base}/konto/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/")


def test_room_need_to_city_room_to_in_contact(page, live_server, bochum_exchange):
    base = live_server.url
    log_in(page, base, "team@repaircafe.example")
    page.goto(f"{base}/unterstuetzung/")
    with page.expect_navigation():
        page.click("text=Bedarf eintragen")
    assert page.input_value("#id_municipality") == "Bochum"
    page.select_option("#id_need_type", "room")
    page.fill("#id_title", "Raum für unser monatliches Repair Café")
    page.fill("#id_schedule", "monatlich, 2. Samstag")
    page.click("button:has-text('Bedarf veröffentlichen')")
    expect(page.locator("#need-status")).to_have_text("offen")

    # Click 1: the city's room is the first match.
    first = page.locator(".matches .card-title a").first
    assert first.inner_text() == "Stadtteilzentrum Langendreer – Gruppenraum"
    with page.expect_navigation():
        first.click()
    wait_for_map_idle(page)
    expect(page.locator("#map .leaflet-marker-icon")).to_have_count(1)
    assert (
        page.locator("#id_need option:checked").inner_text()
        == "Raum für unser monatliches Repair Café"
    )
    # Click 2: get in touch.
    page.fill("#id_body", "Hallo! Passt der Raum an jedem 2. Samstag?")
    page.click("button:has-text('Nachricht senden')")
    expect(page.locator("#need-status")).to_have_text("in Kontakt")
    assert "manager@bochum.example" not in page.content()
    assert [m.to for m in mail.outbox if "Passt der Raum" in m.body] == [["manager@bochum.example"]]


def test_room_finder_shows_the_room_on_the_map(page, live_server, bochum_exchange):
    page.goto(f"{live_server.url}/raeume/?municipality=Bochum")
    wait_for_map_idle(page)
    assert page.get_attribute("#map", "data-loaded") == "1"
    popup = open_popup(page, page.locator("#map .mmk-marker"))
    expect(popup).to_contain_text("Stadtteilzentrum Langendreer")
