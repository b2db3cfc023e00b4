"""Two gunicorn instances (two hosts behind a balancer, two workers each) share one limit.

A burst of registrations for one victim address, each from another client address (so only
the per-address limit applies), spread over both instances at once: exactly `register.email`
confirmation mails leave, the rest answer 429 — with the database cache on a file SQLite
database, and with Redis.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from aiosmtpd.controller import Controller

from tests.services import redis_reachable, require

REDIS_URL = "redis://127.0.0.1:6379/15"  # fresh victim addresses: no keys to clean up
ATTEMPTS = 12
EMAIL_LIMIT = 3
SECRET_KEY = "cross-process-test-key-0123456789-abcdefghijklmnopqrstuvwxyz-XYZ"
EVENT_SCRIPT = """
from datetime import timedelta
from django.utils import timezone
from mitmachkarte.events.services import create_event
start = timezone.now() + timedelta(days=7)
event = create_event(title="Limit-Probe", event_type="workshop", start=start,
    end=start + timedelta(hours=2), organiser_name="Test", format="online",
    online_url="https://meet.example/x", registration_enabled=True)
print(event.slug, event.occurrences.get().pk)
"""


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, smtp):
    """A migrated file SQLite database with one event, and the environment to serve it."""
    controller, _inbox = smtp
    var = tmp_path_factory.mktemp("var")
    keep = {"PATH", "HOME", "LANG", "VIRTUAL_ENV", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        MITMACHKARTE_VAR_DIR=str(var),
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_COOKIES="0",
        TRUSTED_PROXY_COUNT="1",  # the test is the proxy: X-Forwarded-For names the client
        RATE_LIMITS=f"register.email={EMAIL_LIMIT}/h",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(controller.port),
        SITE_URL="http://127.0.0.1",
        # Mails at once, without a worker: the queue's path is the production smoke test's.
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
    )
    cli = [sys.executable, "-m", "mitmachkarte.cli"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, check=True, timeout=600)
    created = subprocess.run(
        [*cli, "shell", "-c", EVENT_SCRIPT],
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    slug, occurrence = created.stdout.split()[-2:]  # after any warnings
    return env, slug, occurrence


def serve(env: dict) -> tuple[str, subprocess.Popen]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mitmachkarte.wsgi", "-w", "2"]
        + ["-b", f"127.0.0.1:{port}", "--timeout", "60"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {server.stderr.read()}")
        try:
            urllib.request.urlopen(base + "/veranstaltungen/", timeout=5).close()  # noqa: S310
            return base, server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.terminate()
    raise AssertionError("gunicorn did not answer within 90 s")


def register(base: str, slug: str, occurrence: str, email: str, n: int) -> int:
    """GET the event page for a CSRF token, then POST the registration as client n."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/veranstaltungen/{slug}/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "occurrence": occurrence, "name": f"P{n}", "email": email}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 (http on loopback)
        f"{base}/veranstaltungen/{slug}/anmelden/",
        data=data,
        headers={"X-Forwarded-For": f"198.51.100.{n}", "Referer": base + "/"},
    )
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("store", ["database", "redis"])
def test_two_instances_share_the_per_address_limit(site, smtp, store):
    env, slug, occurrence = site
    _controller, inbox = smtp
    if store == "redis":
        require("Redis on 127.0.0.1:6379", redis_reachable())  # fails under CI=true
        env = {**env, "REDIS_URL": REDIS_URL}
    victim = f"opfer-{uuid.uuid4().hex[:8]}@example.org"  # fresh counters on every run
    servers = [serve(env), serve(env)]
    try:
        bases = [base for base, _server in servers]
        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(
                pool.map(
                    lambda n: register(bases[n % 2], slug, occurrence, victim, n),
                    range(1, ATTEMPTS + 1),
                )
            )
    finally:
        for _base, server in servers:
            server.terminate()
            server.wait(timeout=30)
    assert sorted(statuses) == [200] * EMAIL_LIMIT + [429] * (ATTEMPTS - EMAIL_LIMIT)
    # The immediate backend sent each mail before its response ended. Of the three accepted
    # registrations of one address for one date only the first mails: at most one
    # confirmation per address, date and hour, counted in the same shared store.
    assert len(_mails_to(inbox, victim)) == 1


def _mails_to(inbox: Inbox, address: str) -> list:
    return [m for m in inbox.messages if address in m.rcpt_tos]
