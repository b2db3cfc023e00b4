"""Bad input never 500s: every GET page and API endpoint that reads query parameters gets
arbitrary Unicode text, huge numbers, NUL, line breaks and look-alike digits ("²", "١").

Only 2xx, 3xx and 4xx are acceptable. The examples per endpoint are few so that the suite
stays quick; MMK_FUZZ_EXAMPLES raises them for a deeper run.
"""

import os
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitmachkarte.api import api
from tests.factories import (
    CampaignFactory,
    EventFactory,
    InitiativeFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    SurveyFactory,
    WorkingGroupFactory,
)

EXAMPLES = int(os.environ.get("MMK_FUZZ_EXAMPLES", "5"))

NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1",
    "17",
    "18",
    "²",
    "١٢",
    "1\n",
    "1\r\n2",
    "\x00",
    "a\x00b",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "9" * 30,
    "9" * 5000,
    "-" + "9" * 25,
    "0x10",
    "1_000",
    "+5",
    "٣,٤",
    "2026-13-45",
    "0001-01-01",
    "0001-01-01T00:00",
    "9999-12-31T23:59:59-23:59",
    "2026-02-30",
    "2026-09",
    "1,2,3,4",
    "5.5,50.2,9.5,52.6",
    "-180,-90,180,90",
    "51.5,7.5",
    "true",
    "ja",
    "%",
    "' OR 1=1 --",
    "<script>",
    "koeln",
    "repair",
    "room",
    "🚲",
    "\u202e",
    "a" * 1000,
]
# Each of these goes into every parameter of every endpoint at once, before the random ones:
# digits str.isdigit() accepts and int() refuses or misreads, sizes beyond every range, NUL,
# line breaks, non-finite floats, dates at the edges of datetime.
CRITICAL = ["²", "١٢", "9" * 5000, "-" + "9" * 25, "\x00", "1\n", "1e309", "nan"]
CRITICAL += ["0001-01-01T00:00", "9999-12-31", "𝟙"]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.integers(-(10**25), 10**25).map(str),
    st.floats().map(repr),
)

FILTERS = ["q", "bbox", "category", "sdg", "municipality", "tag"]
EVENT_FILTERS = ["start_min", "start_max", "type", "municipality", "online", "category"]
EVENT_FILTERS += ["bbox", "campaign"]
EMBED = ["kommune", "bbox", "category", "sdg", "tag", "q", "municipality", "center", "zoom"]
EMBED += ["lang", "color", "list", "search", "title", "height", "page"]
SUPPORT = ["type", "municipality", "bbox", "capacity_min", "step_free", "amount", "topic"]
SUPPORT += ["near", "page"]

PAGES = {
    "/": [*FILTERS, "page", "events"],
    "/kommunen/": ["q", "alle", "page"],
    "/kommunen/{municipality}/": [*FILTERS, "page"],
    "/initiativen/{initiative}/": ["page"],
    "/veranstaltungen/": [*EVENT_FILTERS, "page"],
    "/veranstaltungen/kalender/": [*EVENT_FILTERS, "month"],
    "/veranstaltungen/feed.ics": EVENT_FILTERS,
    "/veranstaltungen/{event}.ics": ["termin"],
    "/veranstaltungen/{event}/": ["termin"],
    "/veranstaltungen/aktionen/{campaign}/": ["page"],
    "/embed/": EMBED,
    "/embed/data.geojson": [*EMBED, "view", "z"],
    "/einbinden/": EMBED,
    "/unterstuetzung/": SUPPORT,
    "/unterstuetzung/bedarfe/": SUPPORT,
    "/unterstuetzung/angebote/": SUPPORT,
    "/unterstuetzung/angebote/{offer}/": ["bedarf"],
    "/unterstuetzung/bedarfe/{need}/": ["page"],
    "/raeume/": SUPPORT,
    "/foerderung/": SUPPORT,
    "/kommunen/{municipality}/genehmigungen/": ["topic"],
    "/kommunen/{municipality}/sdg-bericht/": ["format", "goal"],
    "/kommunen/{municipality}/netzwerk/": ["format"],
    "/kommunen/{municipality}/strategie/prioritaeten/": ["goal"],
    "/kommunen/{municipality}/strategie/bericht/": ["von", "bis", "format"],
    "/kommunen/{municipality}/befragungen/": ["survey", "question", "dimension", "choice"],
    "/befragungen/{survey}/": ["seite", "t"],
    "/befragungen/{survey}/ergebnisse/": ["question", "dimension", "choice", "format"],
    "/arbeitsgruppen/": ["page", "q"],
    "/arbeitsgruppen/{group}/": ["page"],
    "/kooperationen/": ["page"],
    "/opendata/": ["licence"],
    "/api/v1/export/initiatives.csv": [*FILTERS, "licence"],
    "/api/v1/export/initiatives.geojson": [*FILTERS, "licence"],
    "/api/v1/export/initiatives.jsonld": [*FILTERS, "licence"],
    "/api/v1/export/events.jsonld": EVENT_FILTERS,
    "/feeds/initiativen.atom": ["kommune", "category"],
    "/feeds/veranstaltungen.atom": ["kommune", "category"],
    "/abonnieren/": ["kommune", "bbox"],
    "/mitmachen/adresse/": ["street", "postcode", "city"],
    "/mitmachen/eintragen/": ["lat", "lon"],
    "/api/kvm/search": ["bbox", "text", "categories", "tags", "limit"],
    "/healthz": [],
}
# Paths whose last segment is a token, an id list or a slug typed by someone.
SEGMENT_PATHS = [
    "/api/kvm/entries/{}",
    "/veranstaltungen/anmeldung/bestaetigen/{}/",
    "/veranstaltungen/organisation/{}/",
    "/abonnieren/bestaetigen/{}/",
    "/abonnieren/verwalten/{}/",
    "/pflege/{}/bearbeiten/",
    "/konto/uebernehmen/{}/",
    "/arbeitsgruppen/einladung/{}/",
    "/unterstuetzung/angebote/benachrichtigungen-aus/{}/",
    "/api/v1/initiatives/{}",
    "/api/v1/events/{}",
]


def _api_endpoints() -> dict[str, list[str]]:
    """Every GET endpoint of the JSON API with its query parameters, from its schema."""
    endpoints = {}
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" in operations:
            params = operations["get"].get("parameters", [])
            endpoints[path] = [p["name"] for p in params if p["in"] == "query"]
    return endpoints


API = _api_endpoints()
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def world(db, reference_data):
    municipality = MunicipalityFactory(slug="testort")
    initiative = InitiativeFactory(name="Repair Café Fuzz", municipality=municipality)
    event = EventFactory()
    return {
        "municipality": municipality.slug,
        "initiative": initiative.slug,
        "event": event.slug,
        "campaign": CampaignFactory().slug,
        "offer": OfferFactory().pk,
        "need": NeedFactory().pk,
        "survey": SurveyFactory(open_link=True).slug,
        "group": WorkingGroupFactory().slug,
        "slug": initiative.slug,
    }


def _query(params: list[str]):
    if not params:
        return st.just({})
    return st.dictionaries(
        st.sampled_from(params), st.lists(VALUES, min_size=1, max_size=2), max_size=3
    )


def assert_no_server_error(response, url, query):
    assert response.status_code < 500, (url, query, response.content[:300])


def check_critical_values(client, url: str, params: list[str]) -> None:
    """Each critical value in all parameters at once, then the worst two one by one (a
    parameter refused first, e.g. a typed `limit`, must not hide a crash in another)."""
    queries = [dict.fromkeys(params, value) for value in CRITICAL if params]
    queries += [{param: value} for param in params for value in ("²", "9" * 5000)]
    for query in queries:
        assert_no_server_error(client.get(url, query), url, query)


@pytest.mark.parametrize("template", sorted(PAGES))
def test_pages_never_answer_a_server_error(template, world):
    client = Client(raise_request_exception=False)
    url = template.format(**world)
    check_critical_values(client, url, PAGES[template])

    @fuzz
    @given(query=_query(PAGES[template]))
    def check(query):
        assert_no_server_error(client.get(url, query), url, query)
        if template == "/":
            htmx = client.get(url, query, HTTP_HX_REQUEST="true")
            assert_no_server_error(htmx, url, query)

    check()


@pytest.mark.parametrize("template", sorted(API))
def test_api_endpoints_never_answer_a_server_error(template, world):
    client = Client(raise_request_exception=False)
    url = template.replace("{slug}", world["event"] if "/events/" in template else world["slug"])
    check_critical_values(client, url, API[template])

    @fuzz
    @given(query=_query(API[template]))
    def check(query):
        response = client.get(url, query)
        assert_no_server_error(response, url, query)
        if response.status_code >= 400:
            assert response.json()["detail"]

    check()


@pytest.mark.parametrize("template", SEGMENT_PATHS)
def test_path_segments_never_answer_a_server_error(template, world):
    client = Client(raise_request_exception=False)
    for value in CRITICAL:
        url = template.format(quote(value, safe=""))
        assert_no_server_error(client.get(url), url, value)

    @fuzz
    @given(segment=VALUES.filter(lambda v: v.strip(" ./") != ""))
    def check(segment):
        url = template.format(quote(segment, safe=""))
        assert_no_server_error(client.get(url), url, segment)

    check()
