"""A database that accepts connections but never answers, behind a real gunicorn.

Every request is answered within 5 s: static files and embed.js as usual, the rest with a
503 (German page, JSON under /api/, frameable under /embed/), instead of every worker
hanging until the worker timeout.
"""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings

LIMIT_SECONDS = 5


@pytest.fixture
def silent_database():
    """A TCP server that accepts every connection and never sends a byte."""
    server = socket.create_server(("127.0.0.1", 0), backlog=64)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for conn in held:
        conn.close()


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


@pytest.fixture
def server(silent_database, tmp_path):
    static = tmp_path / "static" / "mitmachkarte"
    static.mkdir(parents=True)
    shutil.copy(settings.PACKAGE_DIR / "core" / "static" / "mitmachkarte" / "site.css", static)
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE", "REDIS", "DJANGO", "DEBUG", "PYTEST"))
    }
    env.update(
        DATABASE_URL=f"postgres://mmk@127.0.0.1:{silent_database}/mmk",
        DATABASE_CONNECT_TIMEOUT="2",
        SECRET_KEY="hung-database-test-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        MITMACHKARTE_VAR_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mitmachkarte.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--timeout", "60", "--graceful-timeout", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
        base = f"http://127.0.0.1:{port}"
        # The port is open before the workers have loaded the app: warm both up first, with
        # a page that needs no database, so that the timings below measure the database.
        with ThreadPoolExecutor(max_workers=4) as pool:
            assert all(r[0] == 200 for r in pool.map(fetch, [base + "/embed/embed.js"] * 4))
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str):
    """(status, headers, body, seconds) of a GET."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body.decode(), time.monotonic() - start


def test_every_request_is_answered_within_five_seconds(server):
    status, headers, body, seconds = fetch(server + "/")
    assert status == 503 and seconds < LIMIT_SECONDS
    assert "Vorübergehend nicht erreichbar" in body and int(headers["Retry-After"]) >= 1

    # A burst on both workers: none waits for the database (or behind a request that does).
    urls = [server + path for path in ("/", "/veranstaltungen/", "/api/v1/events") * 4]
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        results = list(pool.map(fetch, urls))
    assert all(status == 503 for status, *_ in results)
    assert max(seconds for *_, seconds in results) < LIMIT_SECONDS

    status, _headers, body, seconds = fetch(server + "/static/mitmachkarte/site.css")
    assert status == 200 and seconds < LIMIT_SECONDS
    status, _headers, body, seconds = fetch(server + "/embed/embed.js")
    assert status == 200 and "script" in body and seconds < LIMIT_SECONDS

    status, headers, body, seconds = fetch(server + "/embed/")
    assert status == 503 and seconds < LIMIT_SECONDS
    assert "X-Frame-Options" not in headers
    assert "frame-ancestors *" in headers["Content-Security-Policy"]
    status, headers, body, seconds = fetch(server + "/api/v1/initiatives")
    assert status == 503 and '"detail"' in body and seconds < LIMIT_SECONDS
    status, headers, body, seconds = fetch(server + "/healthz")
    assert status == 503 and '"database": {"ok": false' in body and seconds < LIMIT_SECONDS
