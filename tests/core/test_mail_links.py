"""Every kind of mail links to SITE_URL, also when the request came in on another host, and
`make demo` sets SITE_URL from PORT."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail

from mitmachkarte.core.links import rebase
from mitmachkarte.subscriptions import services as subscriptions
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SITE = "http://127.0.0.1:8123"
LINK = re.compile(r"https?://[^/\s]+/[^\s]*")


def _links(message) -> list[str]:
    links = LINK.findall(message.body)
    assert links, message.body
    return links


def test_account_mail_links_to_site_url_not_to_the_request_host(client, settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["proxy.internal"]
    UserFactory(email="vergesslich@example.org")
    client.post(
        "/konto/password/reset/", {"email": "vergesslich@example.org"}, HTTP_HOST="proxy.internal"
    )
    [message] = mail.outbox
    assert all(link.startswith(SITE + "/") for link in _links(message)), message.body
    assert "proxy.internal" not in message.body
    assert "127.0.0.1:8123" in message.body  # allauth's site line names the same host


def test_subscription_mail_links_to_site_url(settings):
    settings.SITE_URL = SITE
    subscriptions.subscribe(email="leser@example.org", municipality=MunicipalityFactory())
    [message] = mail.outbox
    links = _links(message)
    assert all(link.startswith(SITE + "/") for link in links), links
    assert any("/abonnieren/bestaetigen/" in link for link in links)


def test_rebase_keeps_path_query_and_fragment(settings):
    settings.SITE_URL = "https://karte.example/"
    assert rebase("http://10.0.0.5:8000/konto/x/?a=1#f") == "https://karte.example/konto/x/?a=1#f"
    assert rebase("/pfad/") == "https://karte.example/pfad/"
    assert rebase("mailto:a@b.de") == "mailto:a@b.de"


def _demo_site_urls(tmp_path, **environment) -> set[str]:
    """Runs the demo recipe with stand-ins for the Python tools that print SITE_URL."""
    for tool in ("python", "mitmachkarte", "pip"):
        script = tmp_path / tool
        script.write_text('#!/bin/sh\necho "SITE_URL=$SITE_URL"\n')
        script.chmod(0o755)
    stamp = tmp_path / "stamp"
    stamp.touch()
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "MAKEFLAGS"}}
    run = subprocess.run(
        [shutil.which("make"), "-s", "demo", "PORT=8123", f"BIN={tmp_path}", f"STAMP={stamp}"],
        cwd=ROOT,
        env=env | environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(re.findall(r"SITE_URL=(\S*)", run.stdout))


def test_make_demo_sets_site_url_from_port(tmp_path):
    assert _demo_site_urls(tmp_path) == {SITE}
    assert _demo_site_urls(tmp_path, SITE_URL="https://karte.example") == {"https://karte.example"}
