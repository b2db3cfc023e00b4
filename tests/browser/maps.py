"""Waiting for the maps' states (never for time).

map-common.js sets `data-idle` on a map's element while nothing is pending: no request, no
move or zoom, no cluster animation, no reload after a move. A state that starts later than
the action that causes it (Leaflet starts an animated zoom in the next frame) is waited for
first — e.g. the new zoom — and then the idle map.
"""

from playwright.sync_api import expect

# The view the list was last synced for equals the map's current view and the URL's.
LIST_IN_SYNC = """() => {
  const map = window.mitmachkarteMap;
  if (!map || map._animatingZoom) return false;
  const c = map.getCenter();
  const view = map.getZoom() + "/" + c.lat.toFixed(5) + "/" + c.lng.toFixed(5);
  const url = new URLSearchParams(window.location.search).get("map");
  return url === view && window.__mmkSyncedView === view
    && !document.querySelector(".htmx-request");
}"""


def wait_for_map_idle(target, selector: str = "#map"):
    """The map (in a page or a frame) has its markers and stands still."""
    target.wait_for_selector(f"{selector}[data-idle]", state="attached")


def wait_for_list_sync(page):
    """The list beside the main map shows the map's current view (htmx has settled)."""
    page.wait_for_function(LIST_IN_SYNC)


def open_popup(target, marker):
    """Clicks a marker of the idle map and returns its popup once the map is idle again:
    the pan that makes the popup fit, and the reload that follows it, are over."""
    wait_for_map_idle(target)
    marker.click()
    popup = target.locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    wait_for_map_idle(target)
    return popup
