"""Propose an entry through the form (location picked on the map), approve it as the
municipal moderator, find it published on the map and in the list."""

import pytest
from playwright.sync_api import expect

from mitmachkarte.initiatives.models import Initiative, Status
from tests.browser.maps import wait_for_list_sync, wait_for_map_idle
from tests.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    square,
)

BOCHUM = (51.4818, 7.2162)  # the postcode centre of 44787 lies inside this square


@pytest.fixture
def moderator(live_server, reference_data):
    town = MunicipalityFactory(
        name="Bochum",
        slug="bochum",
        latitude=BOCHUM[0],
        longitude=BOCHUM[1],
        boundary=square(*BOCHUM, half=0.15),
    )
    organisation = OrganisationFactory(type="municipality", municipality=town, name="Stadt Bochum")
    return MembershipFactory(
        organisation=organisation, user__email="moderation@bochum.example"
    ).user


def test_propose_pick_on_map_approve_and_see_it_published(page, live_server, moderator):
    page.goto(f"{live_server.url}/")
    page.click("a[href='/mitmachen/eintragen/'].button")
    page.wait_for_selector("#picker.leaflet-container")
    page.fill("#id_name", "Lastenrad-Verleih Testviertel")
    page.fill("#id_short_description", "Lastenräder kostenlos ausleihen.")
    page.fill("#id_description", "Wir **teilen** Lastenräder.")
    page.check("input[name=categories][value=mobility]")
    page.fill("#id_tags", "Lastenrad, Teilen")
    page.fill("#id_street", "Kortumstraße 1")
    page.fill("#id_postcode", "44787")
    page.fill("#id_city", "Bochum")

    # "Find address" moves the marker to the postcode area...
    page.click("#find-address")
    page.wait_for_selector("#picker .leaflet-marker-icon")
    found = float(page.input_value("#id_latitude"))
    assert abs(found - BOCHUM[0]) < 0.05
    # (a geocoded point: the duplicate check looks wider until the place is picked)
    assert page.input_value("input[name=location_source]") == "address"
    # ...and a click on the map picks the exact place.
    before = page.get_attribute("#picker", "data-picked")
    page.locator("#picker").scroll_into_view_if_needed()  # mouse coordinates are the viewport's
    box = page.locator("#picker").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] / 2 + 40)
    page.wait_for_function(
        "b => document.getElementById('picker').dataset.picked !== b", arg=before
    )
    picked = (float(page.input_value("#id_latitude")), float(page.input_value("#id_longitude")))
    assert page.input_value("input[name=location_source]") == "map"
    assert picked[0] < found  # clicked below the centre: further south
    assert abs(picked[0] - BOCHUM[0]) < 0.05 and abs(picked[1] - BOCHUM[1]) < 0.05

    page.fill("#id_proposer_name", "Paula Probe")
    page.fill("#id_proposer_email", "paula@example.org")
    page.check("#id_consent")
    page.click("#entry-form button[type=submit]")
    page.wait_for_url("**/mitmachen/eintragen/danke/")
    entry = Initiative.objects.get(name="Lastenrad-Verleih Testviertel")
    assert entry.status == Status.PENDING
    assert (round(entry.latitude, 5), round(entry.longitude, 5)) == (
        round(picked[0], 5),
        round(picked[1], 5),
    )

    # The municipal moderator logs in and approves it.
    page.goto(f"{live_server.url}/konto/login/")
    page.fill("input[name=login]", moderator.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    page.goto(f"{live_server.url}/moderation/")
    item = page.locator(f"#entry-{entry.pk}")
    assert "Lastenrad-Verleih Testviertel" in item.inner_text()
    with page.expect_navigation():
        item.locator("form:has(input[value=approve]) button[type=submit]").click()
    page.wait_for_selector(".message-success")
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED
    assert entry.decisions.get().moderator == moderator

    # Published: on the map and in the list.
    page.goto(f"{live_server.url}/?map=15/{picked[0]:.5f}/{picked[1]:.5f}")
    wait_for_map_idle(page)
    wait_for_list_sync(page)
    expect(page.locator("#map .mmk-marker")).to_have_count(1)
    assert "Lastenrad-Verleih Testviertel" in page.locator("#results").inner_text()
    page.goto(f"{live_server.url}{entry.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Lastenrad-Verleih Testviertel"
