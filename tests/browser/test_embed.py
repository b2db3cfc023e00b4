"""The embed on another website: a plain HTML page on another origin (127.0.0.1 on its own
port; the platform is the live server on localhost) with the one-line script snippet."""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db.models import Count
from playwright.sync_api import expect
from shapely.geometry import Point, shape

from mitmachkarte.municipalities.models import Municipality
from tests.browser.maps import open_popup, wait_for_map_idle

HOST_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Stadt – Nachhaltigkeit</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>Nachhaltigkeit in unserer Stadt</h1>
<p>Initiativen zum Mitmachen:</p>
{snippet}
<div id="after" style="height:3000px">Weiterer Inhalt der Gemeinde-Website</div>
</body></html>"""

MARKER_TITLES = "() => window.mmkEmbed.markers.getLayers().map(m => m.options.title)"
CONTENT_HEIGHT = "() => document.getElementById('mmk-embed').getBoundingClientRect().height"


class HostSite:
    """A static website on another origin, serving the pages put into `pages`."""

    def __init__(self):
        pages = self.pages = {}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                body = pages.get(self.path.split("?")[0])
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def publish(self, path: str, snippet: str) -> str:
        self.pages[path] = HOST_PAGE.format(snippet=snippet)
        return self.url + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def host_site():
    site = HostSite()
    yield site
    site.close()


def inside(municipality: Municipality, initiatives) -> list[str]:
    area = shape(municipality.boundary)
    return [i.name for i in initiatives if area.covers(Point(i.longitude, i.latitude))]


@pytest.fixture
def busiest(demo_data) -> Municipality:
    """The municipality with the most demo entries (several markers, many outside)."""
    return (
        Municipality.objects.exclude(boundary=None)
        .annotate(n=Count("initiatives"))
        .order_by("-n", "ags")
        .first()
    )


def open_embed(page, url):
    page.goto(url)
    iframe = page.wait_for_selector("iframe[name^='mitmachkarte:']")
    frame = iframe.content_frame()
    wait_for_map_idle(frame)
    assert frame.get_attribute("#map", "data-error") is None
    return iframe, frame


def test_script_snippet_on_another_origin(page, live_server, host_site, demo_data, busiest):
    expected = inside(busiest, demo_data)
    assert 2 <= len(expected) < demo_data.count()
    snippet = (
        f'<script src="{live_server.url}/embed/embed.js" data-kommune="{busiest.ags}"'
        f' data-height="320" async></script>'
    )
    url = host_site.publish("/karte.html", snippet)
    iframe, frame = open_embed(page, url)

    # Markers of the chosen municipality, and only those.
    assert Counter(frame.evaluate(MARKER_TITLES)) == Counter(expected)
    assert frame.get_attribute("#map", "data-total") == str(len(expected))
    frame.locator(".leaflet-marker-icon").first.wait_for(state="visible")
    visible = frame.locator(".mmk-marker").evaluate_all("els => els.map(e => e.title)")
    assert set(visible) <= set(expected)

    # The iframe takes the height of its content (embed.js starts it at map height + 160).
    content_height = frame.evaluate(CONTENT_HEIGHT)
    assert abs(content_height - (320 + 160)) > 50
    page.wait_for_function(
        "h => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1",
        arg=content_height,
    )

    # The wheel over the map scrolls the host page; the map keeps its zoom.
    zoom = frame.evaluate("() => window.mmkEmbed.map.getZoom()")
    box = frame.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.evaluate("() => window.scrollY") == 0
    page.mouse.wheel(0, 400)
    page.wait_for_function("() => window.scrollY > 100")
    assert frame.evaluate("() => window.mmkEmbed.map.getZoom()") == zoom

    # No cookie for the platform (nor any other).
    assert page.context.cookies() == []
    assert page.context.cookies([live_server.url]) == []
    assert not page.traffic.blocked


def test_configurator_to_static_page(page, live_server, host_site, demo_data, busiest):
    """A webmaster picks the municipality and two categories, copies the snippet and pastes
    it into a static page: the page shows the filtered map."""
    in_town = [i for i in demo_data if i.name in inside(busiest, demo_data)]
    first_categories = Counter(i.categories.order_by("position").first().slug for i in in_town)
    chosen = [slug for slug, _n in first_categories.most_common(2)]
    assert len(chosen) == 2

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/einbinden/")
    page.fill("#kommune", busiest.ags)
    page.locator("#embed-form details").first.locator("summary").click()
    for slug in chosen:
        page.check(f"input[name=category][value='{slug}']")
    page.wait_for_function(
        'n => (document.getElementById(\'snippet-script\').value.match(/data-category="([^"]*)"/)'
        " || [])[1]?.split(',').length === n",
        arg=len(chosen),
    )
    snippet = page.input_value("#snippet-script")
    assert f'data-kommune="{busiest.ags}"' in snippet
    assert "/embed/?kommune=" in page.get_attribute("#embed-preview", "src")
    page.click("button[data-copy=snippet-script]")
    page.wait_for_function("() => document.querySelector('.copy-status').textContent !== ''")
    assert page.evaluate("() => navigator.clipboard.readText()") == snippet

    page.context.clear_cookies()  # the configurator is a platform page (CSRF cookie)
    _iframe, frame = open_embed(page, host_site.publish("/gemeinde.html", snippet))
    expected = [
        i.name for i in in_town if set(i.categories.values_list("slug", flat=True)) & set(chosen)
    ]
    assert Counter(frame.evaluate(MARKER_TITLES)) == Counter(expected)
    assert page.context.cookies([live_server.url]) == []


def test_widget_is_usable_on_a_phone_and_by_keyboard(new_context, live_server, demo_data, busiest):
    context = new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/embed/?kommune={busiest.ags}")
    wait_for_map_idle(page)
    # Nothing wider than the phone.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    # Keyboard: the skip link leads to the list; the map and its markers take focus.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "mmk-skip"
    assert page.locator(".leaflet-container").get_attribute("tabindex") == "0"
    links = page.locator("#mmk-list a[target=_blank]")
    assert links.count() >= 1
    assert links.first.get_attribute("rel") == "noopener"


def test_widget_popup_links_open_in_a_new_tab(page, live_server, lonely_initiative):
    item = lonely_initiative
    item.name = "Repair-Café <b>Süd</b>"
    item.save(update_fields=["name"])
    page.goto(f"{live_server.url}/embed/?center={item.latitude},{item.longitude}&zoom=16")
    wait_for_map_idle(page)
    popup = open_popup(page, page.locator(".mmk-marker").first)
    expect(popup.locator("h3")).to_contain_text(item.name)  # as text, not markup
    assert popup.locator("b").count() == 0
    links = popup.locator("a")
    expect(links).to_have_count(2)
    for i in range(2):
        assert links.nth(i).get_attribute("target") == "_blank"
        assert links.nth(i).get_attribute("rel") == "noopener"
        assert links.nth(i).get_attribute("href").endswith(f"/initiativen/{item.slug}/")
    expect(popup.locator(".mmk-vh").first).to_contain_text("öffnet in neuem Tab")
