"""A sustainability manager's view: the SDG report and the cooperation network."""

from collections import Counter

import pytest

from mitmachkarte.groups import demo
from mitmachkarte.groups.models import Cooperation
from mitmachkarte.municipalities.models import Municipality


@pytest.fixture
def busiest(demo_data):
    """The model municipality of the demo with the most confirmed cooperations."""
    demo.load()
    counts = Counter(
        Cooperation.objects.filter(status="confirmed").values_list("municipality__slug", flat=True)
    )
    slug, count = counts.most_common(1)[0]
    assert count > 0
    return Municipality.objects.get(slug=slug)


def test_report_and_network_of_a_municipality(page, live_server, busiest):
    slug = busiest.slug
    page.goto(f"{live_server.url}/kommunen/{slug}/sdg-bericht/")
    table = page.locator("[data-testid=sdg-table]")
    assert table.locator("tbody tr").count() == 17
    assert f"SDG-Bericht {busiest.name}" in page.locator("h1").inner_text()
    # Strategy priorities of the demo: four or five goals and the goals of its targets.
    assert page.locator("tr.prioritised").count() >= 4
    climate = table.locator("tr[data-sdg='13']")
    colour = climate.locator(".bar").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(63, 126, 68)"  # the official colour of SDG 13
    assert climate.locator(".bar").bounding_box()["width"] > 0
    # The printable layout hides the site's navigation and the report's buttons.
    page.emulate_media(media="print")
    assert not page.locator(".report-actions").is_visible()
    assert not page.locator("header.site-header").is_visible()
    assert table.is_visible()
    page.emulate_media(media="screen")

    page.click(f"a[href='/kommunen/{slug}/netzwerk/']")
    page.wait_for_url(f"**/kommunen/{slug}/netzwerk/")
    svg = page.locator("[data-testid=network-svg]")
    assert svg.is_visible()
    assert svg.bounding_box()["width"] > 300
    edges = svg.locator("line").count()
    rows = page.locator("[data-testid=network-table] tbody tr").count()
    assert edges == rows > 0
    assert svg.locator("circle").count() >= 3
    # Every initiative in the table is a node of the picture.
    first_target = page.locator("[data-testid=network-table] tbody tr td:nth-child(2)").first
    assert first_target.inner_text()[:20] in svg.inner_html()
