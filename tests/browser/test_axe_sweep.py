"""axe-core on every public page reachable from the navigation (no login), at a phone's
and a laptop's size: 0 violations of any impact (BITV 2.0 / WCAG 2.1 AA)."""

from urllib.parse import urlsplit

import pytest

from tests.browser.axe import violations
from tests.browser.test_phone import LAPTOP, NOT_PAGES, PHONE, shape

MAX_PAGES = 60


def public_pages(page, base: str) -> list[str]:
    """The pages linked from the header and footer, and those linked from them (two of a
    kind, e.g. two initiatives' detail pages)."""
    found: list[str] = []
    seen_shapes: dict[tuple, int] = {}
    queue = [(base + "/", 0)]
    while queue and len(found) < MAX_PAGES:
        url, depth = queue.pop(0)
        kind = shape(url)
        if url in found or seen_shapes.get(kind, 0) >= 2:
            continue
        seen_shapes[kind] = seen_shapes.get(kind, 0) + 1
        response = page.goto(url)
        if not response.ok or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        found.append(url)
        if depth < 2:
            selector = "header a, footer a" if depth == 0 else "main a"
            for href in page.eval_on_selector_all(
                selector,
                "as => as.map(a => new URL(a.getAttribute('href') || '', location.href).href)",
            ):
                href = href.split("#")[0]
                if href.startswith(base) and not NOT_PAGES.search(href) and "/konto/" not in href:
                    queue.append((href, depth + 1))
    return found


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_every_public_page_has_no_axe_violations(new_context, live_server, demo_platform, viewport):
    page = new_context(viewport=viewport).new_page()
    pages = public_pages(page, live_server.url)
    found = {}
    for url in pages:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found[urlsplit(url).path] = violations(page)
    bad = {path: v for path, v in found.items() if v}
    assert not bad, bad
    assert len(found) >= 20, list(found)
