"""Walking the site as a visitor does: the pages linked from the header and footer, then
those linked from their main content; pages of one kind (every entry's detail page, …)
only twice. Used by the phone-width check and the axe sweep."""

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

# Not pages for people: files, feeds, the API, the admin, logging out.
NOT_PAGES = re.compile(
    r"/(admin|api|static|media)/|/konto/(logout|abmelden)|logout|"
    r"\.(csv|ics|json|xml|atom|xlsx|geojson|zip|js)(\?|$)|/feed|/export|/ical"
)
LINKS = "as => as.map(a => new URL(a.getAttribute('href') || '', location.href).href)"


def shape(url: str) -> tuple:
    """Pages of one kind (e.g. every entry's detail page) are checked once or twice."""
    parts = urlsplit(url).path.strip("/").split("/")
    return (parts[0], len(parts), *(p for p in parts[2:] if not p.isdigit()))


def crawl(
    page,
    base: str,
    *,
    limit: int,
    depth: int,
    skip: Callable[[str], bool] = lambda href: False,
) -> Iterator[str]:
    """Open each page in `page` and yield its URL while it is shown (the caller checks it
    there), then follow its links, `depth` link steps from the home page at most."""
    done: list[str] = []
    seen_shapes: dict[tuple, int] = {}
    queue = [(base + "/", 0)]
    while queue and len(done) < limit:
        url, steps = queue.pop(0)
        kind = shape(url)
        if url in done or seen_shapes.get(kind, 0) >= 2:
            continue
        seen_shapes[kind] = seen_shapes.get(kind, 0) + 1
        response = page.goto(url)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        done.append(url)
        yield url
        if steps < depth:
            selector = "header a, footer a" if steps == 0 else "main a"
            for href in page.eval_on_selector_all(selector, LINKS):
                href = href.split("#")[0]
                if href.startswith(base) and not NOT_PAGES.search(href) and not skip(href):
                    queue.append((href, steps + 1))
