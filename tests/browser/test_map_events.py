"""Upcoming events as a layer of their own on the main map."""

import pytest
from playwright.sync_api import expect

from tests.browser.maps import open_popup, wait_for_map_idle
from tests.factories import EventFactory


@pytest.fixture
def upcoming(live_server, reference_data):
    return EventFactory(title="Regionalgespräch Köln", latitude=50.94, longitude=6.96)


def test_events_layer_switches_on_and_off_and_opens_a_popup(page, live_server, upcoming):
    page.goto(f"{live_server.url}/?map=12/50.94/6.96")
    wait_for_map_idle(page)
    assert page.locator(".mmk-event-marker").count() == 0
    page.click(".more-filters > summary")  # the switch sits with the filters
    page.check("#show-events")
    page.wait_for_selector("#map[data-events-loaded='1']", state="attached")
    marker = page.locator(".mmk-event-marker")
    assert marker.count() == 1
    assert "events=1" in page.url
    popup = open_popup(page, marker)
    expect(popup).to_contain_text("Regionalgespräch Köln")
    assert (
        popup.locator("a")
        .first.get_attribute("href")
        .endswith(f"/veranstaltungen/{upcoming.slug}/")
    )
    page.uncheck("#show-events")
    expect(page.locator(".mmk-event-marker")).to_have_count(0)
    assert "events=1" not in page.url


def test_events_layer_is_on_when_the_url_says_so(page, live_server, upcoming):
    page.goto(f"{live_server.url}/?events=1&map=12/50.94/6.96")
    page.wait_for_selector("#map[data-events-loaded='1']", state="attached")
    assert page.is_checked("#show-events")
    assert page.locator(".mmk-event-marker").count() == 1
