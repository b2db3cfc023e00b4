"""Keyboard only, at a phone's and a laptop's size: Tab reaches the map page's filters,
its map controls and its list, and every field of the propose form, each with a visible
focus, and leaves the page at its end (no trap)."""

import pytest

from tests.browser.conftest import SYNC_PROBE
from tests.browser.maps import wait_for_list_sync, wait_for_map_idle

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
MAX_TABS = 400

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    if (!el.dataset.kbd) el.dataset.kbd = String(++window.__kbd || (window.__kbd = 1));
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const box = el.getBoundingClientRect();
    return {
        id: el.dataset.kbd,
        what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (el.name ? "[name=" + el.name + "]" : "")
            + (el.className && typeof el.className === "string"
               ? "." + el.className.trim().split(/\\s+/).join(".") : ""),
        text: (el.getAttribute("aria-label") || el.textContent || el.value || "")
            .trim().slice(0, 40),
        visible: outline || shadow,
        outline: style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor,
        shadow: style.boxShadow,
        onScreen: box.width > 0 && box.height > 0,
        where: el.closest("#filter-form") ? "filters" : el.closest("#map") ? "map"
            : el.closest(".result-list") ? "list" : el.closest(".site-footer") ? "footer" : "",
    };
}"""


def tab_through(page, *, until=None) -> list[dict]:
    """Press Tab until focus leaves the document (or `until` matches the focused
    element); every step must move focus on to an element not focused before."""
    seen: list[dict] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            return seen
        seen.append(focused)
        if until and until(focused):
            return seen
    raise AssertionError(f"focus still on the page after {MAX_TABS} tabs: {seen[-5:]}")


def check_focus(stops: list[dict]) -> None:
    """Each Tab moved on to an element not focused before in this walk, shown with a
    visible focus indicator."""
    ids = [s["id"] for s in stops]
    assert len(ids) == len(set(ids)), [s["what"] for s in stops]
    hidden = [s for s in stops if not (s["visible"] and s["onScreen"])]
    assert not hidden, hidden


def is_(text: str):
    return lambda focused: focused["text"] == text


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_map_page_by_keyboard(new_context, live_server, demo_data, viewport):
    page = new_context(viewport=viewport).new_page()
    page.add_init_script(SYNC_PROBE)
    page.goto(live_server.url + "/")
    wait_for_map_idle(page)
    wait_for_list_sync(page)
    stops = tab_through(page, until=lambda f: f["what"] == "summary")
    page.keyboard.press("Enter")  # opens the filters
    stops += tab_through(page)  # on to the end of the page: focus leaves it
    check_focus(stops)
    reached = {s["what"] for s in stops}
    assert {"input#q[name=q]", "button#locate.locate-button"} <= reached
    filters = [s["what"] for s in stops if s["where"] == "filters"]
    assert "input#municipality[name=municipality]" in filters, filters
    assert any(w.startswith("input[name=category]") for w in filters)
    assert filters.count("summary") == 2, filters  # "Filters", and the SDGs folded inside
    assert any(s["text"] == "Filter anwenden" for s in stops)
    on_map = [s["what"] for s in stops if s["where"] == "map"]
    assert on_map[0].startswith("div#map"), on_map  # the map itself: arrows pan, +/- zoom
    assert any("leaflet-marker-icon" in w for w in on_map)
    assert {"a.leaflet-control-zoom-in", "a.leaflet-control-zoom-out"} <= set(on_map)
    assert stops[-1]["where"] == "footer"
    list_links = [s for s in stops if s["where"] == "list"]
    if viewport is PHONE:
        assert not list_links  # the map is shown; the list is one switch away
        page.goto(live_server.url + "/")
        wait_for_map_idle(page)
        wait_for_list_sync(page)
        tab_through(page, until=is_("Liste"))
        page.keyboard.press("Enter")
        stops = tab_through(page)
        check_focus(stops)
        list_links = [s for s in stops if s["where"] == "list"]
        assert not any(s["where"] == "map" for s in stops)  # hidden behind the list
        assert stops[-1]["where"] == "footer"
    assert len(list_links) >= 10, list_links


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_propose_form_by_keyboard(new_context, live_server, reference_data, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(live_server.url + "/mitmachen/eintragen/")
    stops = tab_through(page)
    check_focus(stops)
    assert stops[-1]["where"] == "footer"
    # every control a person can see and reach was reached (one per radio group)
    missed = page.evaluate("""() => {
        const form = document.querySelector("main form[method=post]");
        const radios = new Set();
        return [...form.elements].filter((e) => {
            if (e.type === "hidden" || e.disabled || e.tabIndex < 0) return false;
            if (!e.checkVisibility()) return false;
            if (e.type === "radio") {
                if (radios.has(e.name)) return false;
                radios.add(e.name);
                return !document.querySelector(`[name="${e.name}"][data-kbd]`);
            }
            return !e.dataset.kbd;
        }).map((e) => e.name || e.id || e.outerHTML.slice(0, 80));
    }""")
    assert missed == []
    names = {s["what"].split("[name=")[-1].rstrip("]") for s in stops if "[name=" in s["what"]}
    assert {"name", "postcode", "opening_hours", "image", "image_alt", "consent"} <= names
