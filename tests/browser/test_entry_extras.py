"""Richer entries in the browser, on a phone and a desktop: a bad picture is refused in the
proposal form (a good one accepted), "open now" at fixed times incl. a DST change day, and
the route link loads nothing before a click."""

from datetime import UTC, datetime
from io import BytesIO

import pytest
from PIL import Image

from mitmachkarte.initiatives import opening_hours
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory, MunicipalityFactory, square

BOCHUM = (51.4818, 7.2162)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def town(live_server, reference_data):
    return MunicipalityFactory(
        name="Bochum", latitude=BOCHUM[0], longitude=BOCHUM[1], boundary=square(*BOCHUM, 0.15)
    )


def png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (1200, 900), (20, 120, 60)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_bad_picture_is_refused_and_a_good_one_taken(new_context, live_server, town, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(f"{live_server.url}/mitmachen/eintragen/")
    page.fill("#id_name", "Gemeinschaftsgarten Bildtest")
    page.fill("#id_short_description", "Wir gärtnern zusammen.")
    page.check("input[name=categories][value=gardening-nature]")
    page.fill("#id_latitude", str(BOCHUM[0]))
    page.fill("#id_longitude", str(BOCHUM[1]))
    page.fill("#id_proposer_name", "Paula Probe")
    page.fill("#id_proposer_email", "paula@example.org")
    page.check("#id_consent")
    page.set_input_files(
        "#id_image", files=[{"name": "bild.jpg", "mimeType": "image/jpeg", "buffer": b"GIF89a?"}]
    )
    page.fill("#id_image_alt", "Beete im Sommer")
    with page.expect_navigation():
        page.click("#entry-form button[type=submit]")
    error = page.locator(".field-error", has_text="kein Bild im Format JPEG, PNG oder WebP")
    assert error.is_visible()
    assert not Initiative.objects.filter(name="Gemeinschaftsgarten Bildtest").exists()

    # The form keeps what was typed; the file has to be chosen again.
    page.set_input_files(
        "#id_image", files=[{"name": "beet.png", "mimeType": "image/png", "buffer": png()}]
    )
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("#entry-form button[type=submit]")
    page.wait_for_url("**/mitmachen/eintragen/danke/")
    entry = Initiative.objects.get(name="Gemeinschaftsgarten Bildtest")
    assert entry.image.name.endswith("-800.webp") and entry.image_alt == "Beete im Sommer"


@pytest.mark.parametrize(
    "now, expected",
    [
        (datetime(2026, 11, 30, 12, 0, tzinfo=UTC), "öffnet Di 18:00"),  # Monday 13:00
        (datetime(2026, 12, 1, 17, 30, tzinfo=UTC), "jetzt geöffnet"),  # Tuesday 18:30
        # DST change day (2026-03-29, Sunday): 10:30 CEST is 08:30 UTC.
        (datetime(2026, 3, 29, 8, 30, tzinfo=UTC), "jetzt geöffnet"),
        (datetime(2026, 3, 29, 7, 30, tzinfo=UTC), "öffnet So 10:00"),
    ],
)
def test_open_now_and_the_route_link(page, live_server, town, monkeypatch, now, expected):
    entry = InitiativeFactory(
        name="Repair Café Bochum",
        latitude=BOCHUM[0],
        longitude=BOCHUM[1],
        opening_hours="Tu 18:00-21:00; Su 10:00-12:00",
    )
    # The live server runs in this process: its clock is the one patched here.
    monkeypatch.setattr(opening_hours.timezone, "now", lambda: now)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{entry.get_absolute_url()}")
    assert page.locator(".opening-state").inner_text() == expected
    link = page.get_by_role("link", name="Route planen")
    assert link.get_attribute("href").startswith(
        "https://www.openstreetmap.org/directions?to=51.481800%2C7.216200"
    )
    assert not [u for u in page.traffic.blocked if "openstreetmap.org/directions" in u]


def test_the_opening_hours_field_checks_while_typing(page, live_server, town):
    page.goto(f"{live_server.url}/mitmachen/eintragen/")
    page.fill("#id_opening_hours", "Mo-Fr 10-18")
    check = page.locator("#opening-hours-check")
    check.get_by_text("Zeichen 7").wait_for()
    page.fill("#id_opening_hours", "Mo-Fr 10:00-18:00")
    check.get_by_text("Verstanden").wait_for()
