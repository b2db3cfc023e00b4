"""Headless Chromium through Playwright's sync API against pytest-django's live server.

The browser is the system Chromium (never downloaded). Map tiles are answered with a blank
local PNG and every other request that leaves localhost is aborted, so the suite runs offline.
"""

import math
import os
import re
import struct
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in the test thread; Django would otherwise
# refuse ORM calls from it ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from mitmachkarte.initiatives.demo import generator  # noqa: E402
from mitmachkarte.initiatives.models import Initiative, Status  # noqa: E402
from mitmachkarte.municipalities.models import Municipality  # noqa: E402

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEMO_COUNT = 150
DEMO_SEED = 2026
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)  # assertions wait for their state as long as actions
SYNC_PROBE = """
window.__mmkSwaps = 0;
document.addEventListener("htmx:afterSettle", function (e) {
  window.__mmkSwaps++;
  var url = e.detail && e.detail.xhr && e.detail.xhr.responseURL;
  if (url) window.__mmkSyncedView = new URL(url).searchParams.get("map");
});
"""


def blank_png(width: int = 256, height: int = 256) -> bytes:
    """A fully transparent RGBA PNG, built by hand (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bit, RGBA
    rows = b"".join(b"\x00" + b"\x00\x00\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


BLANK_TILE = blank_png()
# The tile host from settings.TILE_URL; a "{s}" subdomain placeholder matches any subdomain.
_TILE_HOST_TEMPLATE = urlsplit(settings.TILE_URL.replace("{s}", "SUBDOMAIN")).hostname or ""
TILE_HOST = re.compile(re.escape(_TILE_HOST_TEMPLATE).replace("subdomain", "[^.]+") + r"\Z")


def pytest_collection_modifyitems(config, items):
    # The hook sees the items of the whole session; mark only those in this folder.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Traffic:
    """What the routing did: tiles answered locally, external requests aborted."""

    def __init__(self):
        self.tiles: list[str] = []
        self.blocked: list[str] = []

    def route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if host in LOCAL_HOSTS or url.startswith(("data:", "blob:")):
            route.continue_()
        elif _TILE_HOST_TEMPLATE and TILE_HOST.match(host):
            self.tiles.append(url)
            route.fulfill(
                status=200,
                content_type="image/png",
                body=BLANK_TILE,
                headers={"Access-Control-Allow-Origin": "*"},
            )
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def new_context(browser):
    """Factory for isolated browser contexts (German locale, Berlin time, 1280×800)."""
    contexts = []

    def make(**options):
        traffic = Traffic()
        context = browser.new_context(
            **{
                "locale": "de-DE",
                "timezone_id": "Europe/Berlin",
                "viewport": {"width": 1280, "height": 800},
                **options,
            }
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", traffic.route)
        context.traffic = traffic
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    context = new_context()
    page = context.new_page()
    page.traffic = context.traffic
    # Remembers the map view of the last list swap by htmx, so tests can wait for the
    # list to catch up with the map (see `wait_for_list_sync` in maps.py).
    page.add_init_script(SYNC_PROBE)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def demo_data(live_server, reference_data, nrw_municipalities):
    """NRW municipalities and ~150 published demo initiatives, as `load_demo` makes them."""
    nrw = list(Municipality.objects.filter(ags__startswith="05").order_by("ags"))
    specs = generator.plan(municipalities=nrw, count=DEMO_COUNT, seed=DEMO_SEED)
    created = generator.save(specs)
    assert created == DEMO_COUNT
    return Initiative.objects.filter(status=Status.PUBLISHED)


@pytest.fixture
def lonely_initiative(demo_data) -> Initiative:
    """The entry farthest from its nearest neighbour: a single marker once zoomed in."""
    rows = list(demo_data.values_list("pk", "latitude", "longitude"))

    def km(a, b):
        dy = (a[1] - b[1]) * 111.2
        dx = (a[2] - b[2]) * 111.2 * math.cos(math.radians(a[1]))
        return math.hypot(dx, dy)

    best = max(rows, key=lambda a: min(km(a, b) for b in rows if b is not a))
    return demo_data.get(pk=best[0])


@pytest.fixture
def demo_platform(demo_data):
    """The demo's roles with their organisations, groups, meetings, versions and proposals."""
    from mitmachkarte.events import demo as events_demo
    from mitmachkarte.groups import demo as groups_demo
    from mitmachkarte.moderation import demo as moderation_demo
    from mitmachkarte.organisations import demo as accounts_demo
    from mitmachkarte.stewardship import demo as stewardship_demo

    events_demo.load()
    accounts_demo.load()
    groups_demo.load()
    stewardship_demo.load()
    moderation_demo.load()
