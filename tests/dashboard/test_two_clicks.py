"""No role needs the admin: for each logged-in role of the demo, every page the README's role
section names is reachable from “Mein Bereich” within two clicks and opens for that role.

The world below has the demo's names and slugs (the demo itself takes minutes to load), so
the README's paths are used as they are written.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.surveys.models import Response
from tests.factories import (
    CampaignFactory,
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
    StrategyFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[2] / "README.md"
SECTIONS = {
    "municipality": "**As a municipality (sustainability manager)**",
    "initiative": "**As an initiative (volunteer)**",
    "network": "**As the network team**",
}
# Not pages one clicks to: the API, the admin of operators, placeholders.
NOT_PAGES = re.compile(r"^/(api|admin)/|<")
SKIP_CRAWL = re.compile(r"^/(konto/logout|i18n|admin|api)/|\.(csv|ics|json|geojson)$")


def readme_paths(role: str) -> set[str]:
    text = README.read_text(encoding="utf-8")
    start = text.index(SECTIONS[role])
    end = min(
        (
            text.index(marker, start + 1)
            for marker in ("\n**As ", "\nOperators ")
            if marker in text[start + 1 :]
        ),
        default=len(text),
    )
    paths = {urlsplit(p).path for p in re.findall(r"`(/[^`\s]*)`", text[start:end])}
    return {p for p in paths if not NOT_PAGES.search(p)}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and href.startswith("/"):
            self.hrefs.add(href)


def links_of(client, url: str) -> set[str]:
    response = client.get(url)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return set()
    parser = Links()
    parser.feed(response.content.decode())
    return parser.hrefs


def within_two_clicks(client) -> set[str]:
    first = links_of(client, "/konto/")
    second = set()
    for href in first:
        if not SKIP_CRAWL.search(urlsplit(href).path):
            second |= links_of(client, href)
    return {urlsplit(h).path for h in first | second}


@pytest.fixture
def demo(reference_data):
    bochum = MunicipalityFactory(
        name="Bochum", slug="bochum", ags="05911000", latitude=51.48, longitude=7.22,
        with_boundary=True,
    )  # fmt: skip
    entry = InitiativeFactory(name="Clean-up-Gruppe Bochum", latitude=51.48, longitude=7.22)
    assert entry.slug == "clean-up-gruppe-bochum"
    city = OrganisationFactory(
        type="municipality", municipality=bochum,
        name="Stadt Bochum – Nachhaltigkeitsmanagement",
        slug="stadt-bochum-nachhaltigkeitsmanagement",
    )  # fmt: skip
    group = OrganisationFactory(type="initiative", initiative=entry, name=entry.name)
    network = OrganisationFactory(type="network_team", name="Netzwerkteam")
    StrategyFactory(municipality=bochum, published=True)  # the demo's Bochum has one
    survey = SurveyFactory(slug="befragung-initiativen-demo")
    Response.objects.create(survey=survey, status="submitted", municipality=bochum)
    today = timezone.localdate()
    CampaignFactory(starts_on=today, ends_on=today + timedelta(days=6))
    return {
        "municipality": MembershipFactory(organisation=city).user,
        "initiative": MembershipFactory(organisation=group).user,
        "network": MembershipFactory(organisation=network).user,
    }


@pytest.mark.parametrize("role", list(SECTIONS))
def test_every_readme_task_is_within_two_clicks_of_mein_bereich(demo, role):
    client = Client()
    client.force_login(demo[role])
    tasks = readme_paths(role)
    assert len(tasks) >= 6, tasks  # the section names its tasks
    reachable = within_two_clicks(client)
    assert sorted(tasks - reachable) == []
    refused = {path: client.get(path).status_code for path in tasks}
    assert {path: code for path, code in refused.items() if code != 200} == {}
