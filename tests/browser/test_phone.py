"""The citizen's map on a phone (390×844) and on a laptop (1366×900): map first, the
Map/List switch, no page wider than the screen for any role."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from mitmachkarte.core.geocoding import postcode_centre
from tests.browser.conftest import SYNC_PROBE
from tests.browser.crawl import crawl as crawl_site
from tests.browser.maps import wait_for_list_sync, wait_for_map_idle
from tests.factories import InitiativeFactory

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
MAX_PAGES_PER_ROLE = 90
WIDTH = "document.documentElement.scrollWidth"


def open_page(new_context, viewport: dict):
    """A page like the `page` fixture's (list sync probe, JavaScript errors), sized."""
    page = new_context(viewport=viewport).new_page()
    page.add_init_script(SYNC_PROBE)
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    return page


def map_box(page) -> dict:
    return page.evaluate("""() => {
        const r = document.getElementById("map").getBoundingClientRect();
        return {top: r.top, height: r.height};
    }""")


@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_the_map_comes_first_on_a_phone(new_context, live_server, demo_data, path):
    page = open_page(new_context, PHONE)
    page.goto(live_server.url + path)
    wait_for_map_idle(page)
    box = map_box(page)
    assert box["top"] < PHONE["height"] / 2, box
    assert box["height"] >= PHONE["height"] / 2, box
    assert page.evaluate(WIDTH) <= PHONE["width"]


def test_map_and_list_switch_on_a_phone(new_context, live_server, demo_data):
    page = open_page(new_context, PHONE)
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    wait_for_list_sync(page)
    switch = page.locator("#view-switch")
    expect(switch).to_be_visible()
    expect(page.locator("#list-panel")).to_be_hidden()
    # The second skip link leads to the list, switching to it.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#list-panel"
    page.keyboard.press("Enter")
    expect(page.locator("#list-panel")).to_be_visible()
    expect(page.locator("#map")).to_be_hidden()
    expect(page.locator(".result-list .card").first).to_be_visible()
    expect(switch.locator("button[data-view=list]")).to_have_attribute("aria-pressed", "true")
    map_button = switch.locator("button[data-view=map]")
    map_button.click()
    expect(map_button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#map")).to_be_visible()
    expect(page.locator("#list-panel")).to_be_hidden()
    wait_for_map_idle(page)
    assert not page.js_errors


def test_laptop_shows_map_and_list_side_by_side(new_context, live_server, demo_data):
    page = open_page(new_context, LAPTOP)
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    expect(page.locator("#view-switch")).to_be_hidden()
    expect(page.locator("#list-panel")).to_be_visible()
    box = map_box(page)
    assert box["top"] < 150 and box["height"] > 600, box
    assert page.evaluate(WIDTH) <= LAPTOP["width"]


def session_context(new_context, live_server, email: str | None):
    context = new_context(viewport=PHONE)
    if email:
        client = Client()
        client.force_login(get_user_model().objects.get(email=email))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    return context


def crawl(page, base: str) -> dict[str, int]:
    """The width of every page a visitor reaches from the header and footer (three steps)."""
    return {
        url: page.evaluate(WIDTH)
        for url in crawl_site(page, base, limit=MAX_PAGES_PER_ROLE, depth=3)
    }


ROLES = [None, "netzwerk@demo.example", "bochum@demo.example", "initiative@demo.example"]


def test_no_page_is_wider_than_a_phone_for_any_role(new_context, live_server, demo_platform):
    group_pages = ["/kooperationen/", "/moderation/"]
    reached = set()
    too_wide = []
    for email in ROLES:
        page = session_context(new_context, live_server, email).new_page()
        widths = crawl(page, live_server.url)
        reached |= {urlsplit(u).path for u in widths}
        too_wide += [(email, u, w) for u, w in widths.items() if w > PHONE["width"]]
        page.context.close()
    assert not too_wide, too_wide
    # The pages that were too wide are among those reached.
    for path in group_pages:
        assert path in reached, path
    assert any(re.fullmatch(r"/kommunen/[^/]+/netzwerk/", p) for p in reached)
    assert any(re.fullmatch(r"/initiativen/[^/]+/verlauf/", p) for p in reached)
    assert any(re.search(r"/arbeitsgruppen/[^/]+/(termin|treffen)/\d+/", p) for p in reached)


@pytest.fixture
def querenburg(demo_data):
    centre = postcode_centre("44801")
    return InitiativeFactory(
        name="Repair-Café Querenburg",
        latitude=centre.latitude + 0.004,
        longitude=centre.longitude,
        categories=["repair"],
    )


def test_postcode_search_on_a_phone(new_context, live_server, querenburg):
    page = open_page(new_context, PHONE)
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    page.fill("#q", "repair 44801")
    with page.expect_navigation():
        page.press("#q", "Enter")
    wait_for_map_idle(page)
    wait_for_list_sync(page)
    # Around the postcode, zoomed out just enough for the nearest few matches.
    assert 8 <= page.evaluate("window.mitmachkarteMap.getZoom()") <= 14
    assert int(page.get_attribute("#result-count", "data-count")) >= 5
    page.click("#view-switch button[data-view=list]")
    first = page.locator(".result-list .card").first
    expect(first).to_contain_text("Repair-Café Querenburg")
    expect(first.locator(".distance")).to_have_text(re.compile(r"^\d+ m$"))
    expect(page.locator(".place-line")).to_contain_text("44801")
    assert not page.js_errors


def test_a_newcomer_finds_the_nearest_repair_cafe_by_postcode_in_two_taps(
    new_context, live_server, querenburg
):
    """Issue 15's "done when": on a phone, type what and where, tap Search (1), tap List
    (2): the nearest repair café is the first card, with its distance, one tap from its page."""
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(SYNC_PROBE)
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    search = page.locator("#q")
    assert search.bounding_box()["y"] < PHONE["height"] / 3  # first thing on the screen
    search.fill("Repair-Café 44801")
    with page.expect_navigation():
        page.tap("#filter-form .search-row button[type=submit]")  # tap 1
    wait_for_map_idle(page)
    page.tap("#view-switch button[data-view=list]")  # tap 2
    first = page.locator(".result-list .card").first
    expect(first).to_contain_text("Repair-Café Querenburg")
    expect(first.locator(".distance")).to_have_text(re.compile(r"^\d+ m$"))
    expect(first.get_by_role("link", name="Repair-Café Querenburg")).to_be_visible()


@pytest.mark.parametrize(
    ("path", "field", "cards", "the_map"),
    [
        ("/", "#q", ".result-list .card", "window.mitmachkarteMap"),
        ("/embed/", "#mmk-q", ".mmk-card", "window.mmkEmbed.map"),
    ],
)
def test_district_search_on_a_phone(
    new_context, live_server, querenburg, path, field, cards, the_map
):
    """A district by its name alone moves the map there and lists the nearest first, with
    distances, on the map page and in the embed."""
    page = open_page(new_context, PHONE)
    page.goto(live_server.url + path)
    wait_for_map_idle(page)
    page.fill(field, "repair Querenburg")
    with page.expect_navigation():
        page.press(field, "Enter")
    wait_for_map_idle(page)
    centre = page.evaluate(f"{the_map}.getCenter()")
    # GeoNames' Querenburg, 51.452 7.266
    assert abs(centre["lat"] - 51.452) < 0.01 and abs(centre["lng"] - 7.266) < 0.01, centre
    assert 8 <= page.evaluate(f"{the_map}.getZoom()") <= 14
    page.click("[role=group] button[data-view=list]")
    first = page.locator(cards).first
    expect(first).to_contain_text("Repair-Café Querenburg")
    expect(first.locator(".distance, .mmk-distance")).to_have_text(re.compile(r"^\d+ m$"))
    second = page.locator(cards).nth(1).locator(".distance, .mmk-distance")
    expect(second).to_have_text(re.compile(r"^\d+(,\d)? k?m$"))
    assert not page.js_errors


def test_unknown_postcode_keeps_the_search(new_context, live_server, querenburg):
    page = open_page(new_context, LAPTOP)
    page.goto(live_server.url + "/?q=repair+99999")
    wait_for_map_idle(page)
    expect(page.locator(".place-notice")).to_contain_text("99999")
    expect(page.locator("#q")).to_have_value("repair 99999")
    assert int(page.get_attribute("#map", "data-total")) > 0


def test_near_me_with_a_position(new_context, live_server, querenburg):
    context = new_context(
        viewport=PHONE,
        geolocation={"latitude": querenburg.latitude, "longitude": querenburg.longitude + 0.01},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.add_init_script(SYNC_PROBE)
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    page.click("#locate")
    page.wait_for_url(re.compile(r"near=51\.4"))
    page.wait_for_function("window.mitmachkarteMap.getZoom() === 14")
    wait_for_map_idle(page)
    wait_for_list_sync(page)
    page.click("#view-switch button[data-view=list]")
    first = page.locator(".result-list .card").first
    expect(first).to_contain_text("Repair-Café Querenburg")
    expect(first.locator(".distance")).to_have_text(re.compile(r"^\d+ m$"))


def test_near_me_refused(new_context, live_server, querenburg):
    page = open_page(new_context, PHONE)  # no permission: the browser refuses
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    page.click("#locate")
    expect(page.locator("#locate-message")).to_contain_text("Standort")
    assert "near=" not in page.url


def test_filters_and_language_keep_the_view(new_context, live_server, demo_data):
    page = open_page(new_context, LAPTOP)
    page.goto(live_server.url + "/?map=11/51.48000/7.22000")
    wait_for_map_idle(page)
    wait_for_list_sync(page)
    page.click(".more-filters > summary")
    page.check("input[name=category][value=repair]")
    with page.expect_navigation():
        page.click(".filter-actions button[type=submit]")
    wait_for_map_idle(page)
    assert "category=repair" in page.url
    assert page.evaluate("window.mitmachkarteMap.getZoom()") == 11
    centre = page.evaluate("window.mitmachkarteMap.getCenter()")
    assert abs(centre["lat"] - 51.48) < 0.01 and abs(centre["lng"] - 7.22) < 0.01
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
        page.click(".lang-switch button")
    wait_for_map_idle(page)
    assert "map=11%2F51.48" in page.url and "category=repair" in page.url
    assert page.evaluate("document.documentElement.lang") == "en"


def test_a_search_keeps_the_view_unless_its_place_or_matches_lie_elsewhere(
    new_context, live_server, querenburg
):
    page = open_page(new_context, LAPTOP)

    def search(text: str) -> tuple[int, dict]:
        page.fill("#q", text)
        with page.expect_navigation():
            page.press("#q", "Enter")
        wait_for_map_idle(page)
        return page.evaluate("window.mitmachkarteMap.getZoom()"), page.evaluate(
            "window.mitmachkarteMap.getCenter()"
        )

    page.goto(live_server.url + "/?map=12/51.48000/7.22000")  # Bochum
    wait_for_map_idle(page)
    # text without a place, with matches in view: the view stays
    zoom, centre = search("repair")
    assert zoom == 12 and abs(centre["lat"] - 51.48) < 0.01 and abs(centre["lng"] - 7.22) < 0.01
    assert "searched" not in page.url and "map=12%2F51.48" in page.url
    # a new place: the map goes there
    zoom, centre = search("repair 44801")
    assert abs(centre["lat"] - 51.4475) < 0.01 and abs(centre["lng"] - 7.2682) < 0.01, centre
    # nothing that matches in view (the North Sea): the map fits to the matches
    page.goto(live_server.url + "/?map=12/54.50000/6.00000")
    wait_for_map_idle(page)
    zoom, centre = search("repair")
    assert 50.3 < centre["lat"] < 52.6 and 5.8 < centre["lng"] < 9.5, centre
    assert not page.js_errors
