"""Takes the README's screenshots (docs/img/*.png) from a throwaway demo.

    .venv/bin/python scripts/screenshots.py [--out docs/img] [--port 0] [--keep FOLDER]
                                            [--only NAME …]

1. Builds a demo database in a temporary folder: SQLite, `migrate` and the demo loaders that
   `make demo` runs (read from the Makefile, so the two stay alike).
2. Serves it with `mitmachkarte runserver` (DEBUG=1, as `make demo`).
3. Drives Debian's Chromium (/usr/bin/chromium) through Playwright, headless; no browser is
   downloaded. Nothing leaves the machine: the map's background is drawn here from the
   shipped municipality boundaries (one SVG per tile), every other request that is not for
   the local server is aborted.
4. Writes palette PNGs (Pillow, 128 colours, no dithering), each well under 120 KB.

Needs the dev extras (`make .venv/.installed-dev`: Playwright, Pillow) and Debian's chromium.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from map_background import Tiles
from PIL import Image
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BOUNDARIES = ROOT / "src/mitmachkarte/data/nrw-municipalities.geojson"
CHROMIUM = "/usr/bin/chromium"
# A host that cannot exist (RFC 6761): only the route below answers it.
TILE_HOST = "tiles.screenshots.invalid"
TILE_URL = f"https://{TILE_HOST}/{{z}}/{{x}}/{{y}}.svg"
TILE_ATTRIBUTION = "Hintergrund: Gemeindegrenzen (Bildschirmfoto)"
DEMO_PASSWORD = "mitmachen-demo"  # noqa: S105 (organisations/demo.py, published)
COLOURS = 128
MAX_BYTES = 120_000
TIMEOUT_MS = 20_000


# -- the demo -------------------------------------------------------------------------------


def demo_loaders() -> list[str]:
    """The `mitmachkarte load_demo…` commands of the Makefile's demo target, in order."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^demo:.*?(?=\n\s*\n)", text, re.MULTILINE | re.DOTALL)
    loaders = re.findall(r"mitmachkarte (load_demo\w*)", target.group(0) if target else "")
    if not loaders:
        sys.exit("No `mitmachkarte load_demo…` line in the Makefile's demo target.")
    return loaders


def demo_environment(folder: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "TASKS_BACKEND", "EMAIL_BACKEND"}
    }
    env.update(
        DEBUG="1",
        MITMACHKARTE_VAR_DIR=str(folder),
        DATABASE_URL=f"sqlite:///{folder / 'demo.sqlite3'}",
        TILE_URL=TILE_URL,
        TILE_ATTRIBUTION=TILE_ATTRIBUTION,
    )
    return env


def mitmachkarte(*args: str, env: dict[str, str], log) -> None:
    command = [str(Path(sys.executable).with_name("mitmachkarte")), *args]
    print("  mitmachkarte", *args, flush=True)
    subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT, check=True)


def build_demo(env: dict[str, str], log) -> None:
    mitmachkarte("migrate", "--no-input", env=env, log=log)
    for loader in demo_loaders():
        mitmachkarte(loader, env=env, log=log)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(env: dict[str, str], port: int, log) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).with_name("mitmachkarte")),
        "runserver",
        f"127.0.0.1:{port}",
        "--noreload",
    ]
    server = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"runserver stopped (exit {server.returncode}); see {log.name}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return server
        except urllib.error.HTTPError:
            return server  # it answers; /healthz may judge a check down, the pages still work
        except OSError:
            time.sleep(0.5)
    stop(server)
    sys.exit("runserver did not answer within 60 s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# -- the browser ----------------------------------------------------------------------------


@dataclass
class Shot:
    """One picture: a page at a viewport, optionally logged in, cut to the viewport."""

    name: str
    path: str
    width: int
    height: int
    login: str | None = None
    follow: str | None = None  # then open the link with this text (ids differ between runs)
    mobile: bool = False
    ready: Callable[[Page], None] = field(default=lambda page: None)


def wait_for_map(page: Page) -> None:
    # map-common.js sets data-idle once the markers are drawn and nothing moves or loads.
    page.wait_for_selector("#map[data-idle]", state="attached")
    page.wait_for_load_state("networkidle")


def scroll_to_map(page: Page) -> None:
    """On a phone the map follows the result list: show its last entries and the map."""
    wait_for_map(page)
    page.locator("#map").evaluate(
        "map => window.scrollBy(0, map.getBoundingClientRect().bottom - window.innerHeight)"
    )
    wait_for_map(page)


SHOTS = [
    # The Ruhr area at zoom 10: clusters over the municipality borders.
    Shot("map-phone", "/?map=10/51.4800/7.2300", 390, 844, mobile=True, ready=scroll_to_map),
    Shot(
        "municipal-workspace",
        "/konto/arbeitsbereich/stadt-bochum-nachhaltigkeitsmanagement/",
        1200,
        800,
        login="bochum@demo.example",
    ),
    # A need of the demo editor's initiative with the rooms of the city that could meet it.
    Shot(
        "initiative-need",
        "/unterstuetzung/bedarfe/",
        1200,
        800,
        login="initiative@demo.example",
        follow="Raum für unser monatliches Repair Café",
    ),
]


class Browser:
    def __init__(self, playwright, base_url: str, tiles: Tiles):
        self.base_url = base_url
        self.tiles = tiles
        self.browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        self.blocked: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.hostname == TILE_HOST:
            z, x, y = (int(n) for n in re.findall(r"\d+", parts.path)[:3])
            route.fulfill(
                status=200,
                content_type="image/svg+xml",
                body=self.tiles.svg(z, x, y),
                headers={"Access-Control-Allow-Origin": "*"},
            )
        elif url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def take(self, shot: Shot, target: Path) -> int:
        context = self.browser.new_context(
            viewport={"width": shot.width, "height": shot.height},
            device_scale_factor=1,
            is_mobile=shot.mobile,
            has_touch=shot.mobile,
            locale="de-DE",
            timezone_id="Europe/Berlin",
            base_url=self.base_url,
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route("**/*", self.route)
        try:
            page = context.new_page()
            if shot.login:
                log_in(page, shot.login)
            page.goto(shot.path)
            if shot.follow:
                page.get_by_role("link", name=shot.follow, exact=True).first.click()
            page.wait_for_load_state("networkidle")
            shot.ready(page)
            return save_small(page.screenshot(animations="disabled"), target)
        finally:
            context.close()

    def close(self) -> None:
        self.browser.close()


def log_in(page: Page, email: str) -> None:
    page.goto("/konto/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form[action$='/konto/login/'] [type=submit]").first.click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)


def save_small(png: bytes, target: Path) -> int:
    """A palette PNG: screenshots hold few colours, so 128 without dithering look the same."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(
        colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    small.save(target, optimize=True)
    return target.stat().st_size


def emoji_font() -> bool:
    """The category icons are emoji; without a colour emoji font Chromium draws boxes."""
    try:
        fonts = subprocess.run(
            ["fc-list", ":charset=1f331"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    except OSError:
        return True  # no fontconfig to ask: assume the fonts are there
    return bool(fonts.strip())


# -- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs/img", help="folder of the PNGs")
    parser.add_argument("--port", type=int, default=0, help="port of the demo server (0: any)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="FOLDER",
        help="build the demo in FOLDER and keep it; a later run with the same FOLDER reuses it",
    )
    parser.add_argument("--only", nargs="*", help="take only these shots (by name)")
    args = parser.parse_args()
    unknown = set(args.only or []) - {shot.name for shot in SHOTS}
    if unknown:
        parser.error(f"no such shot: {', '.join(sorted(unknown))}")
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    if not emoji_font():
        print("No emoji font: the category icons will show as boxes (fonts-noto-color-emoji).")

    with tempfile.TemporaryDirectory(prefix="mitmachkarte-shots-") as scratch:
        folder = (args.keep or Path(scratch)).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        env = demo_environment(folder)
        with open(folder / "demo.log", "ab") as log:
            if not (folder / "demo.sqlite3").exists():
                print(f"Building the demo in {folder} (log: demo.log) …", flush=True)
                build_demo(env, log)
            port = args.port or free_port()
            server = serve(env, port, log)
            try:
                take_all(f"http://127.0.0.1:{port}", args.out, args.only)
            finally:
                stop(server)


def take_all(base_url: str, out: Path, only: list[str] | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    tiles = Tiles(BOUNDARIES)
    with sync_playwright() as playwright:
        browser = Browser(playwright, base_url, tiles)
        try:
            for shot in SHOTS:
                if only and shot.name not in only:
                    continue
                target = out / f"{shot.name}.png"
                size = browser.take(shot, target)
                note = "" if size <= MAX_BYTES else f"  (over {MAX_BYTES // 1000} KB!)"
                print(
                    f"  {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
                    f"  {shot.width}×{shot.height}  {size / 1000:.0f} KB{note}"
                )
        finally:
            browser.close()
    if browser.blocked:
        print(f"  blocked {len(browser.blocked)} requests that would have left the machine")


if __name__ == "__main__":
    main()
