"""axe-core on every public page reachable from the navigation (no login), at a phone's
and a laptop's size: 0 violations of any impact (BITV 2.0 / WCAG 2.1 AA)."""

from urllib.parse import urlsplit

import pytest

from tests.browser.axe import violations
from tests.browser.crawl import crawl
from tests.browser.test_phone import LAPTOP, PHONE

MAX_PAGES = 60


def in_account(href: str) -> bool:
    return "/konto/" in href


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_every_public_page_has_no_axe_violations(new_context, live_server, demo_platform, viewport):
    page = new_context(viewport=viewport).new_page()
    found = {}
    # Two link steps from the home page, without the pages behind a login.
    for url in crawl(page, live_server.url, limit=MAX_PAGES, depth=2, skip=in_account):
        page.wait_for_load_state("networkidle")
        found[urlsplit(url).path] = violations(page)
    bad = {path: v for path, v in found.items() if v}
    assert not bad, bad
    assert len(found) >= 20, list(found)
