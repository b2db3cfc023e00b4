"""Embed benchmark: transferred bytes and time to first visible markers, 10,000 initiatives.

    .venv/bin/python benchmarks/embed.py [--count 10000] [--runs 5] [--keep DIR]

Builds a temporary SQLite database (NRW boundaries + all German municipalities, then
`generate_entries --count N --seed 1`), collects the static files as in production
(STATIC_MANIFEST=1: hashed names, pre-compressed by WhiteNoise), serves the app with
`runserver` on loopback (DEBUG off) and a plain host page on another port, and opens the
one-line script snippet in headless Chromium, each run in a fresh browser context (cold
cache). Tiles (a blank PNG) come from the host page's server and are not counted.

Bytes: what came over the wire for embed.js, the frame, its CSS/JS and data (the server
compresses: WhiteNoise for static files, gzip_page for the embed views); the gzip size of
each decoded body is printed beside it as a cross-check. Time: from the host page's
navigation start to the frame's first marker in view (recorded in the frame on the next
animation frame after the marker is added).
"""

import argparse
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "mitmachkarte.cli"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
GOAL_BYTES, GOAL_MS = 120 * 1024, 500
HOST_PAGE = "<!DOCTYPE html><meta charset=utf-8><title>Gemeinde</title><h1>Gemeinde</h1>"
SCENARIOS = [
    ("Köln (boundary)", 'data-kommune="05315000"'),
    ("Köln, 2 categories", 'data-kommune="05315000" data-category="repair,gardening-nature"'),
    ("München (no boundary: by link)", 'data-kommune="09162000"'),
    ("all of Germany (server cells)", ""),
    ("all, list=0 search=0", 'data-list="0" data-search="0"'),
]
FIRST_MARKER = """
(() => {
  const seen = () => {
    for (const el of document.querySelectorAll(".leaflet-marker-icon")) {
      const r = el.getBoundingClientRect();
      if (r.width && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth)
        return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (window.__firstMarker || !seen()) return;
    requestAnimationFrame(() => {
      window.__firstMarker = performance.timeOrigin + performance.now();
    });
    observer.disconnect();
  });
  document.addEventListener("DOMContentLoaded", () =>
    observer.observe(document.body, { childList: true, subtree: true }));
})();
"""
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def serve_app(port: int) -> None:
    """The app's WSGI handler on loopback, threaded, with TCP_NODELAY on each connection.

    `runserver` (wsgiref) writes headers and body in separate small packets; on a kept-alive
    connection Nagle's algorithm then waits for the browser's delayed ACK, about 40 ms per
    response, which no production server (or proxy) does."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mitmachkarte.settings")
    import django
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.servers.basehttp import WSGIServer
    from django.core.servers.basehttp import run as run_server

    django.setup()

    class NoDelayServer(WSGIServer):
        def get_request(self):
            connection, address = super().get_request()
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return connection, address

    run_server("127.0.0.1", port, WSGIHandler(), threading=True, server_cls=NoDelayServer)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, env, **kwargs):
    subprocess.run(CLI + args, env=env, check=True, cwd=ROOT, **kwargs)


def prepare(var_dir: Path, count: int) -> dict:
    env = {
        **os.environ,
        "MITMACHKARTE_VAR_DIR": str(var_dir),
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "SECURE_COOKIES": "0",
    }
    env.pop("DATABASE_URL", None)
    if not (var_dir / "mitmachkarte.sqlite3").exists():
        print(f"Preparing {count} initiatives in {var_dir} …", flush=True)
        run(["migrate", "-v0"], env)
        data = ROOT / "src" / "mitmachkarte" / "data"
        run(
            ["import_municipalities", str(data / "nrw-municipalities.geojson")],
            env,
            stdout=subprocess.DEVNULL,
        )
        run(["generate_entries", "--count", str(count), "--seed", "1"], env)
    run(["collectstatic", "--noinput", "-v0"], env)
    # Pre-compressed copies next to the files, which WhiteNoise then serves (as its
    # CompressedManifest storage would; STATIC_MANIFEST=1 currently fails on a source map
    # reference in leaflet.markercluster.js).
    subprocess.run(
        [sys.executable, "-m", "whitenoise.compress", "-q", str(var_dir / "static")], check=True
    )
    return env


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_host(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def load(page, host_url: str, platform: str) -> dict:
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(host_url)
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_function("() => window.__firstMarker", timeout=30_000)
    ms = frame.evaluate("() => window.__firstMarker") - page.evaluate("performance.timeOrigin")
    page.wait_for_load_state("networkidle")
    rows = []
    for request in responses:
        if not request.url.startswith(platform):
            continue
        response = request.response()
        body = response.body() if response and response.status == 200 else b""
        on_wire = max(request.sizes()["responseBodySize"], 0)  # -1: from the cache
        rows.append(
            (
                request.url[len(platform) :],
                on_wire,
                len(gzip.compress(body, 6)) if body and on_wire else 0,
                len(body),
            )
        )
    return {"ms": ms, "rows": rows}


def measure(browser, host_url: str, platform: str, *, repeat: bool = False) -> dict:
    """One cold load in a fresh context; with `repeat`, the second load (browser cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.add_init_script(FIRST_MARKER)
    result = load(context.new_page(), host_url, platform)
    if repeat:
        result = load(context.new_page(), host_url, platform)
    context.close()
    return result


def report(name: str, results: list[dict], *, detail: bool = False) -> None:
    wire = statistics.median(sum(r[1] for r in res["rows"]) for res in results)
    gz = statistics.median(sum(r[2] for r in res["rows"]) for res in results)
    ms = statistics.median(res["ms"] for res in results)
    ok = "OK  " if wire < GOAL_BYTES and ms < GOAL_MS else "MISS"
    print(
        f"{ok} {name:34} {wire / 1024:6.1f} KB on the wire ({gz / 1024:5.1f} KB gzip -6)  "
        f"first markers {ms:5.0f} ms (min {min(r['ms'] for r in results):.0f}, "
        f"max {max(r['ms'] for r in results):.0f})",
        flush=True,
    )
    if detail:
        for path, on_wire, gzipped, raw in results[-1]["rows"]:
            short = path.split("?")[0] + ("?…" if "?" in path else "")
            print(
                f"       {on_wire / 1024:6.1f} KB  gzip {gzipped / 1024:5.1f} KB  "
                f"raw {raw / 1024:6.1f} KB  {short}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse/keep this var dir (database)")
    parser.add_argument(
        "--runserver",
        action="store_true",
        help="serve with `runserver` instead (adds ~40 ms per response)",
    )
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # internal: the server
    args = parser.parse_args()
    if args.serve:
        serve_app(args.serve)
        return
    var_dir = args.keep or Path(tempfile.mkdtemp(prefix="mmk-embed-bench-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    env = prepare(var_dir, args.count)
    pages_dir = Path(tempfile.mkdtemp(prefix="mmk-host-"))
    (pages_dir / "tile.png").write_bytes(BLANK_PNG)
    host, host_base = serve_host(pages_dir)
    # Tiles from the host's server: no request interception in the browser (it would
    # route every request through this process and distort the times); not counted.
    env["TILE_URL"] = f"{host_base}/tile.png?{{z}}/{{x}}/{{y}}"
    port = free_port()
    platform = f"http://localhost:{port}"
    command = (
        CLI + ["runserver", f"127.0.0.1:{port}", "--noreload"]
        if args.runserver
        else [sys.executable, __file__, "--serve", str(port)]
    )
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{platform}/embed/embed.js", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        print(
            f"\n{args.count} initiatives; {args.runs} cold runs each (median); "
            f"{'runserver' if args.runserver else 'WSGI server with TCP_NODELAY'}; "
            f"goals < {GOAL_BYTES // 1024} KB, < {GOAL_MS} ms; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for number, (name, attrs) in enumerate(SCENARIOS):
                snippet = f'<script src="{platform}/embed/embed.js" {attrs} async></script>'
                (pages_dir / f"{number}.html").write_text(HOST_PAGE + snippet, encoding="utf-8")
                url = f"{host_base}/{number}.html"
                measure(browser, url, platform)  # warm the server (first query, templates)
                results = [measure(browser, url, platform) for _ in range(args.runs)]
                report(name, results, detail=True)
                report(
                    "  repeat view (browser cache)",
                    [measure(browser, url, platform, repeat=True) for _ in range(3)],
                )
            browser.close()
    finally:
        host.shutdown()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(pages_dir, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
