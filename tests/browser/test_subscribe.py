"""Subscribing without an account: the form, the confirmation link, the manage page."""

import pytest
from django.core import mail

from mitmachkarte.subscriptions.models import Subscription
from tests.factories import MunicipalityFactory
from tests.subscriptions.conftest import link_from


@pytest.fixture
def muenster(live_server, reference_data, settings):
    settings.SITE_URL = live_server.url  # links in mails point at the test server
    return MunicipalityFactory(
        name="Münster",
        slug="muenster",
        ags="05515000",
        latitude=51.96,
        longitude=7.63,
        with_boundary=True,
    )


def test_subscribe_for_a_municipality_confirm_and_manage(page, live_server, muenster):
    page.goto(f"{live_server.url}/kommunen/muenster/")
    page.click("a[href='/abonnieren/?kommune=muenster']")
    assert page.input_value("#id_municipality") == "Münster"
    assert page.is_checked("input[name=area_type][value=municipality]")
    page.fill("#id_email", "anna@example.org")
    page.check("input[name=frequency][value=weekly]")
    page.check("#id_consent")
    page.click("button[type=submit]:has-text('Abonnieren')")
    page.wait_for_url("**/abonnieren/gesendet/")
    assert page.inner_text("h1") == "Bitte schau in dein Postfach"
    assert Subscription.objects.get().confirmed_at is None

    path, _token = link_from(mail.outbox[-1], "bestaetigen")
    page.goto(live_server.url + path)
    page.click("button:has-text('Abonnement bestätigen')")
    page.wait_for_url("**/abonnieren/verwalten/**")
    assert "Deine Abonnements" in page.inner_text("h1")
    assert "Münster" in page.inner_text(".subscription-list")
    assert "Aktiv" in page.inner_text(".subscription-list")
    assert Subscription.objects.get().confirmed_at is not None


def test_the_map_view_becomes_the_area(page, live_server, muenster):
    page.goto(f"{live_server.url}/abonnieren/")
    page.wait_for_selector("#area-map .leaflet-tile-loaded", state="attached")
    page.click("#area-use-view")
    bbox = page.input_value("#id_bbox")
    west, south, east, north = (float(v) for v in bbox.split(","))
    assert west < 7.55 < east and south < 51.45 < north  # around the initial NRW view
    assert page.is_checked("input[name=area_type][value=bbox]")

    page.click("#area-draw")
    page.locator("#area-map").scroll_into_view_if_needed()  # mouse coordinates are the viewport's
    box = page.locator("#area-map").bounding_box()
    page.mouse.move(box["x"] + 100, box["y"] + 100)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 160, steps=5)
    page.mouse.up()
    drawn = [float(v) for v in page.input_value("#id_bbox").split(",")]
    assert drawn != [west, south, east, north]
    assert west < drawn[0] < drawn[2] < east and south < drawn[1] < drawn[3] < north
    assert page.locator("#area-map path.leaflet-interactive").count() == 1  # the rectangle
