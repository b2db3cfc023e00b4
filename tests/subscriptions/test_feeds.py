import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import EventFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
IN_MUENSTER = {"latitude": 51.961, "longitude": 7.631}
IN_GREVEN = {"latitude": 52.091, "longitude": 7.611}
FOOD = "Lebensmittel & Ernährung"


def entries(client, url: str) -> tuple[ET.Element, list[ET.Element]]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314  (our own output)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def titles(found) -> list[str]:
    return [e.find(f"{ATOM}title").text for e in found]


def test_initiatives_feed_newest_first_and_filtered(client, towns):
    now = timezone.now()
    InitiativeFactory(name="Alt", created_at=now - timedelta(days=3), **IN_MUENSTER)
    InitiativeFactory(name="Neu", categories=["food"], **IN_MUENSTER)
    InitiativeFactory(name="Greven-Garten", **IN_GREVEN)
    InitiativeFactory(name="Entwurf", status="draft", **IN_MUENSTER)

    root, found = entries(client, "/feeds/initiativen.atom")
    assert titles(found) == ["Greven-Garten (Greven)", "Neu (Münster)", "Alt (Münster)"]
    assert root.find(f"{ATOM}title").text.startswith("Neue Initiativen")
    entry = found[1]
    # "neu" is a reserved URL word (core.slugs), so the entry "Neu" lives at "neu-2".
    assert entry.find(f"{ATOM}link").get("href").endswith("/initiativen/neu-2/")
    assert entry.find(f"{ATOM}summary").text == "Wir reparieren gemeinsam, was kaputt ist."
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == [FOOD]

    _root, found = entries(client, "/feeds/initiativen.atom?kommune=05515000")
    assert titles(found) == ["Neu (Münster)", "Alt (Münster)"]
    _root, found = entries(client, "/feeds/initiativen.atom?kommune=muenster&category=food")
    assert titles(found) == ["Neu (Münster)"]
    body = client.get("/feeds/initiativen.atom").content.decode()
    assert "kontakt" not in body  # no contact e-mail addresses


def test_events_feed_lists_upcoming_events(client, towns):
    EventFactory(title="Reparaturtreff", city="Münster", categories=["repair"], **IN_MUENSTER)
    EventFactory(title="Gartentag", city="Greven", **IN_GREVEN)
    past = timezone.now() - timedelta(days=2)
    EventFactory(title="Vorbei", start=past, end=past + timedelta(hours=1), **IN_MUENSTER)

    _root, found = entries(client, "/feeds/veranstaltungen.atom")
    names = titles(found)
    assert len(names) == 2 and not any("Vorbei" in n for n in names)
    _root, found = entries(client, "/feeds/veranstaltungen.atom?kommune=muenster")
    assert len(found) == 1 and "Reparaturtreff" in titles(found)[0]
    _root, found = entries(client, "/feeds/veranstaltungen.atom?category=food")
    assert found == []


@pytest.mark.parametrize(
    "url, message",
    [
        ("/feeds/initiativen.atom?kommune=atlantis", "kommune: unknown municipality"),
        ("/feeds/initiativen.atom?category=nope", "category: unknown category"),
        ("/feeds/veranstaltungen.atom?kommune=99999999", "kommune: unknown municipality"),
        ("/feeds/veranstaltungen.atom?kommune=a%00b", "kommune: must not contain NUL"),
    ],
)
def test_bad_feed_filters_are_a_400_naming_the_parameter(client, towns, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_pages_announce_the_feeds(client, towns):
    link = 'rel="alternate" type="application/atom+xml"'
    assert link in client.get("/").content.decode()
    municipality = client.get("/kommunen/muenster/").content.decode()
    assert link in municipality and "/feeds/initiativen.atom?kommune=muenster" in municipality
    assert "/feeds/veranstaltungen.atom" in client.get("/veranstaltungen/").content.decode()
