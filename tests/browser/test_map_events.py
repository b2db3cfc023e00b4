"""Upcoming events as a layer of their own on the main map."""

import pytest

from tests.factories import EventFactory


@pytest.fixture
def upcoming(live_server, reference_data):
    return EventFactory(title="Regionalgespräch Köln", latitude=50.94, longitude=6.96)


def test_events_layer_switches_on_and_off_and_opens_a_popup(page, live_server, upcoming):
    page.goto(f"{live_server.url}/?map=12/50.94/6.96")
    page.wait_for_selector("#map[data-loaded]", state="attached")
    assert page.locator(".mmk-event-marker").count() == 0
    page.check("#show-events")
    page.wait_for_selector("#map[data-events-loaded='1']", state="attached")
    marker = page.locator(".mmk-event-marker")
    assert marker.count() == 1
    assert "events=1" in page.url
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    assert "Regionalgespräch Köln" in popup.inner_text()
    assert (
        popup.locator("a")
        .first.get_attribute("href")
        .endswith(f"/veranstaltungen/{upcoming.slug}/")
    )
    page.uncheck("#show-events")
    page.wait_for_function("document.querySelectorAll('.mmk-event-marker').length === 0")
    assert "events=1" not in page.url


def test_events_layer_is_on_when_the_url_says_so(page, live_server, upcoming):
    page.goto(f"{live_server.url}/?events=1&map=12/50.94/6.96")
    page.wait_for_selector("#map[data-events-loaded='1']", state="attached")
    assert page.is_checked("#show-events")
    assert page.locator(".mmk-event-marker").count() == 1
