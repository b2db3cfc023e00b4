"""The map page `/` on a phone: bytes before the first markers and the time to them.

    .venv/bin/python benchmarks/phone_map.py [--count 10000] [--runs 5] [--keep DIR]

Prepares the database and static files like `benchmarks/embed.py` (whose helpers it uses),
serves the app on loopback and opens `/` and `/?q=repair+44801` at 390×844 in headless
Chromium, each run in a fresh context (cold cache). Bytes: the transfer sizes (compressed,
with headers) of the page and every resource whose response ended before the first marker
was in view, tiles excluded; time: navigation start to that marker. Then the zoom click
(issue 19): from the click on "+" at a region view to the first marker of the new zoom in the
page and to the map at rest, on a phone and a laptop.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from embed import (
    BLANK_PNG,
    CHROMIUM,
    CHROMIUM_ARGS,
    FIRST_MARKER,
    ROOT,
    free_port,
    prepare,
    serve_app,
    serve_host,
)

GOAL_BYTES, GOAL_MS = 150 * 1024, 1000
PHONE = {"width": 390, "height": 844}
SCENARIOS = [("/ (no search)", "/"), ("/?q=repair 44801", "/?q=repair+44801")]
BUDGET = """() => {
  const until = window.__firstMarker - performance.timeOrigin;
  const nav = performance.getEntriesByType("navigation")[0];
  let bytes = nav.transferSize, count = 1;
  const parts = [[nav.transferSize, "page"]];
  for (const r of performance.getEntriesByType("resource")) {
    if (r.name.includes("tile.png") || r.responseEnd > until) continue;
    bytes += r.transferSize; count += 1;
    parts.push([r.transferSize, new URL(r.name).pathname]);
  }
  return {bytes, count, ms: until, parts};
}"""


def measure(browser, url: str) -> dict:
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    context.add_init_script(FIRST_MARKER)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => window.__firstMarker", timeout=30_000)
    result = page.evaluate(BUDGET)
    context.close()
    return result


GOAL_ZOOM_MS = 300
LAPTOP = {"width": 1366, "height": 900}
# After the click on "+": when the first marker of the new zoom is in the DOM, and when the
# map is at rest again (no request pending, no animation: map-common.js's data-idle).
ZOOM_WATCH = """() => {
  const map = document.querySelector("[data-idle]");
  const pane = document.querySelector(".leaflet-marker-pane");
  const before = new Set(pane.children);
  window.__zoom = {};
  document.querySelector(".leaflet-control-zoom-in").addEventListener("pointerdown", () => {
    window.__zoom.t0 = performance.now();
  }, {once: true});
  new MutationObserver((records) => {
    if (!window.__zoom.t0 || window.__zoom.marker) return;
    for (const r of records) for (const n of r.addedNodes)
      if (!before.has(n)) { window.__zoom.marker = performance.now(); return; }
  }).observe(pane, {childList: true});
  new MutationObserver(() => {
    if (window.__zoom.t0 && window.__zoom.marker && map.hasAttribute("data-idle"))
      window.__zoom.idle = window.__zoom.idle || performance.now();
  }).observe(map, {attributes: true, attributeFilter: ["data-idle"]});
}"""


def zoom_click(browser, url: str, viewport: dict) -> dict:
    """Milliseconds from the click on "+" to the first new marker and to rest."""
    context = browser.new_context(viewport=viewport, locale="de-DE")
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("[data-idle] .leaflet-marker-icon", state="attached")
    page.wait_for_selector("[data-idle]", state="attached")
    page.wait_for_timeout(300)
    page.evaluate(ZOOM_WATCH)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("() => window.__zoom.idle", timeout=30_000)
    zoom = page.evaluate("window.__zoom")
    context.close()
    return {"marker": zoom["marker"] - zoom["t0"], "idle": zoom["idle"] - zoom["t0"]}


def report_zoom(browser, platform: str, runs: int) -> None:
    for label, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        url = f"{platform}/?map=9/51.45/7.25"  # a region: clusters that split on zoom
        zoom_click(browser, url, viewport)  # warm
        results = [zoom_click(browser, url, viewport) for _ in range(runs)]
        marker = statistics.median(r["marker"] for r in results)
        idle = statistics.median(r["idle"] for r in results)
        ok = "OK  " if marker < GOAL_ZOOM_MS else "MISS"
        print(
            f"{ok} zoom click ({label:6}) new clusters {marker:5.0f} ms, at rest {idle:5.0f} ms "
            f"(min {min(r['marker'] for r in results):.0f}, "
            f"max {max(r['marker'] for r in results):.0f})",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse/keep this var dir (database)")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # internal: the server
    args = parser.parse_args()
    if args.serve:
        serve_app(args.serve)
        return
    var_dir = args.keep or Path(tempfile.mkdtemp(prefix="mmk-phone-bench-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    env = prepare(var_dir, args.count)
    tiles = Path(tempfile.mkdtemp(prefix="mmk-tiles-"))
    (tiles / "tile.png").write_bytes(BLANK_PNG)
    _host, tile_base = serve_host(tiles)
    env["TILE_URL"] = f"{tile_base}/tile.png?{{z}}/{{x}}/{{y}}"
    port = free_port()
    platform = f"http://localhost:{port}"
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{platform}/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        print(
            f"\n{args.count} initiatives; {args.runs} cold runs each (median) at 390×844; "
            f"goals ≤ {GOAL_BYTES // 1024} KB before the first markers, < {GOAL_MS} ms; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in SCENARIOS:
                measure(browser, platform + path)  # warm the server (index, templates)
                results = [measure(browser, platform + path) for _ in range(args.runs)]
                kb = statistics.median(r["bytes"] for r in results) / 1024
                ms = statistics.median(r["ms"] for r in results)
                ok = "OK  " if kb * 1024 <= GOAL_BYTES and ms < GOAL_MS else "MISS"
                print(
                    f"{ok} {name:20} {kb:6.1f} KB in {results[-1]['count']} responses before "
                    f"the first markers; first markers {ms:5.0f} ms "
                    f"(min {min(r['ms'] for r in results):.0f}, "
                    f"max {max(r['ms'] for r in results):.0f})",
                    flush=True,
                )
                for size, path in sorted(results[-1]["parts"], reverse=True)[:6]:
                    print(f"       {size / 1024:6.1f} KB  {path}")
            report_zoom(browser, platform, args.runs)
            browser.close()
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
