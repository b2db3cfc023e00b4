"""The map page, its synced list, popups, the detail page and the page without JavaScript.

UI wording may change language, so the checks use ids, classes, data attributes and the
names of the entries themselves.
"""

import json
import math
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from mitmachkarte.initiatives import selectors
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.views import DEFAULT_CENTRE
from tests.browser.maps import open_popup, wait_for_list_sync, wait_for_map_idle


def open_map(page, live_server, query: str = ""):
    page.goto(f"{live_server.url}/{query}")
    settle(page)


def settle(page):
    """Markers and list show the map's current view, and nothing moves."""
    wait_for_map_idle(page)
    assert page.get_attribute("#map", "data-error") is None
    wait_for_list_sync(page)


def result_count(page) -> int:
    return int(page.get_attribute("#result-count", "data-count"))


def map_zoom(page) -> int:
    return page.evaluate("window.mitmachkarteMap.getZoom()")


def map_bbox(page):
    return page.evaluate("""() => {
        const b = window.mitmachkarteMap.getBounds();
        return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    }""")


def in_bbox(initiatives, bbox):
    west, south, east, north = bbox
    return initiatives.filter(
        latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
    )


def card_slugs(page) -> list[str]:
    return page.locator(".result-list .card").evaluate_all(
        "cards => cards.map(c => c.dataset.slug)"
    )


def slugs_of(ids) -> list[str]:
    return [i.slug for i in selectors.objects_for_ids(list(ids))]


def view_query(initiative, zoom: int = 16) -> str:
    return f"?map={zoom}/{initiative.latitude}/{initiative.longitude}"


def test_map_shows_clustered_markers(page, live_server, demo_data, tmp_path):
    total = demo_data.count()
    open_map(page, live_server)

    # Leaflet and the cluster plugin come from the live server's static files.
    assert page.evaluate("typeof L !== 'undefined' && L.version") == "1.9.3"
    assert page.evaluate("typeof L.MarkerClusterGroup") == "function"
    assert page.locator("#map.leaflet-container").count() == 1
    cluster_bg = page.eval_on_selector(
        ".marker-cluster", "e => getComputedStyle(e).backgroundColor"
    )
    assert cluster_bg not in ("", "transparent", "rgba(0, 0, 0, 0)"), "MarkerCluster CSS missing"

    assert page.locator(".marker-cluster").count() > 0
    assert int(page.get_attribute("#map", "data-total")) == total
    assert int(page.get_attribute("#map", "data-loaded")) == total
    # Clusters account for every entry: cluster counts plus single markers.
    cluster_sum = sum(int(t) for t in page.locator(".marker-cluster span").all_inner_texts())
    singles = page.locator(".mmk-marker").count()
    assert 0 < cluster_sum + singles <= total

    # Tiles were answered locally; nothing left for the internet.
    page.wait_for_selector(".leaflet-tile-loaded", state="attached")
    assert page.traffic.tiles
    assert not page.traffic.blocked, page.traffic.blocked

    shot = tmp_path / "map.png"
    page.screenshot(path=shot)
    assert shot.stat().st_size > 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_search_narrows_list(page, live_server, demo_data):
    total = demo_data.count()
    open_map(page, live_server)
    assert result_count(page) == total  # the initial view fits all markers

    page.fill("#q", "koln")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert "q=koln" in page.url
    settle(page)

    expected = selectors.filter_initiatives(parse_filter(q="koln")).count()
    assert 0 < expected < total
    assert result_count(page) == expected
    assert int(page.get_attribute("#map", "data-total")) == expected
    assert page.input_value("#q") == "koln"
    cards = page.locator(".result-list .card")
    assert cards.count() == min(expected, 20)
    for text in cards.all_inner_texts():
        assert "Köln" in text, text


def test_marker_popup_links_to_detail(page, live_server, lonely_initiative):
    item = lonely_initiative
    open_map(page, live_server, view_query(item))

    marker = page.locator(f".mmk-marker[title={json.dumps(item.name, ensure_ascii=False)}]")
    popup = open_popup(page, marker)
    expect(popup).to_contain_text(item.name)
    link = popup.locator("h3 a")
    assert link.get_attribute("href").endswith(f"/initiativen/{item.slug}/")

    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text() == item.name


def test_clicking_clusters_zooms_in_to_single_markers(page, live_server, demo_data):
    open_map(page, live_server)
    map_box = page.locator("#map").bounding_box()
    start_zoom = map_zoom(page)

    def inside(box, margin=40):
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        return (
            map_box["x"] + margin < cx < map_box["x"] + map_box["width"] - margin
            and map_box["y"] + margin < cy < map_box["y"] + map_box["height"] - margin
        )

    def marker_titles():
        return set(page.locator(".mmk-marker").evaluate_all("ms => ms.map(m => m.title)"))

    before = marker_titles()
    for _ in range(12):
        clusters = [c for c in page.locator(".marker-cluster").all() if inside(c.bounding_box())]
        assert clusters, "no cluster left inside the map"
        # The smallest cluster splits up soonest.
        smallest = min(clusters, key=lambda c: int(c.inner_text()))
        zoom = map_zoom(page)
        smallest.click()
        page.wait_for_function("z => window.mitmachkarteMap.getZoom() > z", arg=zoom)
        settle(page)
        if marker_titles() - before:
            break
    new = marker_titles() - before
    assert new, "clicking clusters never revealed a single marker"
    assert map_zoom(page) > start_zoom

    # The new marker nearest the map's middle: its popup opens without panning the map (a
    # pan near the edge may bring more of its cell into view and make it a cluster).
    mx, my = map_box["x"] + map_box["width"] / 2, map_box["y"] + map_box["height"] / 2

    def off_middle(m):
        box = m.bounding_box()
        return math.hypot(box["x"] + box["width"] / 2 - mx, box["y"] + box["height"] / 2 - my)

    marker = min(
        (m for m in page.locator(".mmk-marker").all() if m.get_attribute("title") in new),
        key=off_middle,
    )
    name = marker.get_attribute("title")
    expect(open_popup(page, marker)).to_contain_text(name)
    assert demo_data.filter(name=name).exists()


def test_detail_page(page, live_server, demo_data):
    item = demo_data.order_by("name").first()
    page.goto(f"{live_server.url}/initiativen/{item.slug}/")
    assert page.locator("h1").inner_text() == item.name

    raw = page.locator('script[type="application/ld+json"]').text_content()
    data = json.loads(raw)
    assert data["@context"] == "https://schema.org"
    assert data["name"] == item.name
    assert data["url"] == f"{live_server.url}/initiativen/{item.slug}/"
    assert data["geo"]["latitude"] == item.latitude

    # The small map shows the entry with Leaflet's default marker image (a static file).
    marker = page.locator(
        f"img.leaflet-marker-icon[title={json.dumps(item.name, ensure_ascii=False)}]"
    )
    marker.wait_for()
    page.wait_for_function("m => m.complete && m.naturalWidth > 0", arg=marker.element_handle())
    assert not page.traffic.blocked, page.traffic.blocked


def test_unknown_detail_page_is_404(page, live_server, demo_data):
    response = page.goto(f"{live_server.url}/initiativen/gibt-es-nicht/")
    assert response.status == 404


def test_list_follows_the_map(page, live_server, demo_data):
    total = demo_data.count()
    open_map(page, live_server, "?map=12/50.9375/6.9603")  # Köln

    count = result_count(page)
    expected = in_bbox(demo_data, map_bbox(page))
    assert 0 < count < total
    assert count == expected.count()
    assert set(card_slugs(page)) <= set(expected.values_list("slug", flat=True))
    assert re.search(r"visible map area|Kartenausschnitt", page.inner_text("#result-count"))

    # Zooming out with the map control widens the list; the URL keeps the view.
    for _ in range(3):
        zoom = map_zoom(page)
        page.click(".leaflet-control-zoom-out")
        page.wait_for_function("z => window.mitmachkarteMap.getZoom() < z", arg=zoom)
        settle(page)
    assert map_zoom(page) == 9
    wider = result_count(page)
    assert count < wider == in_bbox(demo_data, map_bbox(page)).count()
    view = parse_qs(urlsplit(page.url).query)["map"][0]
    assert view.startswith("9/50.93"), page.url


def test_pager_in_synced_list_keeps_page(page, live_server, demo_data):
    open_map(page, live_server)
    first_page = card_slugs(page)
    assert len(first_page) == 20

    with page.expect_navigation():
        page.click(".pager a[rel=next]")
    settle(page)
    second_page = card_slugs(page)
    assert second_page, "second page is empty"
    assert not set(second_page) & set(first_page), "the list jumped back to page 1"
    assert page.locator(".pager a[rel=prev]").count() == 1
    assert parse_qs(urlsplit(page.url).query)["page"] == ["2"]

    # Moving the map shows another area, starting again at its first page.
    zoom = map_zoom(page)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("z => window.mitmachkarteMap.getZoom() > z", arg=zoom)
    settle(page)
    assert "page" not in parse_qs(urlsplit(page.url).query)
    assert page.locator(".pager a[rel=prev]").count() == 0
    # Nearest to the middle of the view first (categories mixed), not alphabetical.
    west, south, east, north = map_bbox(page)
    flt = parse_filter(bbox=",".join(f"{v:.5f}" for v in (west, south, east, north)))
    ordered = selectors.ordered_matches(flt, centre=((south + north) / 2, (west + east) / 2))
    assert card_slugs(page) == slugs_of(ordered.ids[:20])


def test_page_works_without_javascript(new_context, live_server, demo_data):
    total = demo_data.count()
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/")
    assert page.get_attribute("#map", "data-loaded") is None  # no script ran
    assert result_count(page) == total
    first = card_slugs(page)
    assert len(first) == 20

    with page.expect_navigation():
        page.click(".pager a[rel=next]")
    assert re.search(r"[?&]page=2\b", page.url)
    second = card_slugs(page)
    assert len(second) == 20
    assert not set(first) & set(second)
    ordered = selectors.ordered_matches(parse_filter(), centre=DEFAULT_CENTRE)
    assert second == slugs_of(ordered.ids[20:40])

    page.fill("#q", "koln")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=koln"))
    expected = selectors.filter_initiatives(parse_filter(q="koln")).count()
    assert result_count(page) == expected < total
    for text in page.locator(".result-list .card").all_inner_texts():
        assert "Köln" in text, text


def test_keyboard_reaches_search_and_marker(page, live_server, lonely_initiative):
    item = lonely_initiative
    open_map(page, live_server, view_query(item))

    reached_search = reached_marker = False
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            return {id: e.id, marker: e.classList.contains("mmk-marker"), title: e.title};
        }""")
        reached_search = reached_search or focused["id"] == "q"
        if focused["marker"]:
            reached_marker = True
            break
    assert reached_search, "Tab never reached the search box"
    assert reached_marker, "Tab never reached a marker"
    assert focused["title"] == item.name

    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text(item.name)


MARKUP = '<img src="x" onerror="window.__xss = 1"> </script><script>window.__xss = 2</script>'


def test_markup_in_names_stays_text_on_the_map(page, live_server, lonely_initiative):
    item = lonely_initiative
    item.name = f"Repair-Café {MARKUP}"
    item.save(update_fields=["name"])
    open_map(page, live_server, view_query(item))

    popup = open_popup(page, page.locator(".mmk-marker").first)
    expect(popup).to_contain_text(item.name)
    assert popup.locator("img").count() == 0
    assert item.name in page.locator(".result-list .card").first.inner_text()
    assert page.evaluate("window.__xss") is None


def test_markup_in_names_cannot_break_out_of_json_ld(page, live_server, lonely_initiative):
    item = lonely_initiative
    item.name = f"Repair-Café {MARKUP}"
    item.save(update_fields=["name"])
    page.goto(f"{live_server.url}/initiativen/{item.slug}/")

    assert page.evaluate("window.__xss") is None
    assert page.locator("h1").inner_text() == item.name
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["name"] == item.name


def test_popup_stays_open_when_the_map_pans_to_fit_it(page, live_server, lonely_initiative):
    """The popup of a marker near the top edge does not fit: the map pans, and the pan
    reloads the markers. The popup stays open on the reloaded marker."""
    item = lonely_initiative
    open_map(page, live_server, view_query(item))
    # The view that puts the marker 40 px below the map's top edge.
    lat, lon = page.evaluate("""() => {
        const map = window.mitmachkarteMap, size = map.getSize();
        const c = map.containerPointToLatLng([size.x / 2, size.y - 40]);
        return [c.lat, c.lng];
    }""")
    open_map(page, live_server, f"?map=16/{lat:.5f}/{lon:.5f}")
    synced_before = page.evaluate("window.__mmkSyncedView")

    marker = page.locator(f".mmk-marker[title={json.dumps(item.name, ensure_ascii=False)}]")
    popup = open_popup(page, marker)
    wait_for_list_sync(page)
    assert page.evaluate("window.__mmkSyncedView") != synced_before, "the map did not pan"
    expect(popup).to_contain_text(item.name)
    assert page.locator(".leaflet-popup").count() == 1


def test_a_marker_scrolled_into_view_leaves_the_map_in_place(page, live_server, lonely_initiative):
    """Browsers scroll the box of a map to show a focused or clicked marker, and Leaflet
    scrolls it back a frame later: a click in between lands beside the marker (the room
    finder's flaky test). The map's box never scrolls."""
    open_map(page, live_server, view_query(lonely_initiative))
    scrolled = page.locator(".mmk-marker").first.evaluate("""m => {
        m.scrollIntoView({block: "start", inline: "start"});
        const box = document.getElementById("map");
        return [box.scrollLeft, box.scrollTop];
    }""")
    assert scrolled == [0, 0]


def test_the_map_is_idle_only_when_its_markers_show_the_view(page, live_server, demo_data):
    open_map(page, live_server, "?map=12/50.9375/6.9603")  # Köln
    idle_after_move = page.evaluate("""() => {
        window.mitmachkarteMap.setView([51.9607, 7.6261], 12, {animate: false});  // Münster
        return document.getElementById("map").hasAttribute("data-idle");
    }""")
    assert not idle_after_move
    settle(page)
    expected = in_bbox(demo_data, map_bbox(page)).count()
    assert int(page.get_attribute("#map", "data-total")) == expected > 0
