"""A map container holds focusable things (markers, zoom buttons, attribution links), so it
is a labelled region, never role="img" (axe: nested-interactive). The axe sweep finds this
only on the pages its crawl reaches, which depend on the day (the upcoming events)."""

import re
from pathlib import Path

import mitmachkarte

TEMPLATES = Path(mitmachkarte.__file__).parent
MAP_TAG = re.compile(r'<div id="map"[^>]*>', re.S)


def test_no_map_container_is_an_image():
    tags = {
        path.relative_to(TEMPLATES): tag
        for path in TEMPLATES.rglob("*.html")
        for tag in MAP_TAG.findall(path.read_text(encoding="utf-8"))
    }
    assert len(tags) >= 5
    assert not {path: tag for path, tag in tags.items() if 'role="img"' in tag}
    assert all('role="region"' in tag and "aria-label=" in tag for tag in tags.values()), tags
