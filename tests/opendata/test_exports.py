import csv
import io
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from mitmachkarte.initiatives.models import DataLicence, Status
from mitmachkarte.opendata import selectors
from mitmachkarte.opendata.selectors import INITIATIVE_FIELDS
from tests.factories import EventFactory, InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("reference_data")

EXPORT = "/api/v1/export"
SECRET_EMAIL = "geheim-kontakt@repair.example"
PHONE = "0221 987654321"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]")


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def entries(db):
    koeln = MunicipalityFactory(
        name="Köln",
        slug="koeln",
        ags="05315000",
        latitude=50.94,
        longitude=6.96,
        with_boundary=True,
    )
    repair = InitiativeFactory(
        name="Repair Café Ehrenfeld",
        latitude=50.94,
        longitude=6.96,
        categories=["repair"],
        sdgs=[12],
        tags=["Reparatur", "Elektro"],
        street="Venloer Str. 1",
        postcode="50825",
        city="Köln",
        website="https://repair.example",
        contact_email=SECRET_EMAIL,
        contact_phone=PHONE,
        meeting_times="Jeden 1. Samstag",
        how_to_join="Einfach kommen",
        founded_year=2014,
        description='Wir **reparieren**.\n\nMit Zeilenumbruch, "Zitat".',
    )
    garden = InitiativeFactory(
        name="Gemeinschaftsgarten",
        categories=["gardening-nature"],
        data_licence=DataLicence.CC0,
        contact_phone=PHONE,
        contact_email="garten-geheim@example.org",
    )
    InitiativeFactory(name="Entwurf", status=Status.DRAFT)
    return {"koeln": koeln, "repair": repair, "garden": garden}


def _body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_csv_has_the_documented_header_and_one_row_per_published_entry(client, entries):
    response = client.get(f"{EXPORT}/initiatives.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert list(rows[0]) == INITIATIVE_FIELDS
    assert {r["name"] for r in rows} == {"Repair Café Ehrenfeld", "Gemeinschaftsgarten"}
    repair = next(r for r in rows if r["slug"] == entries["repair"].slug)
    assert repair["categories"] == "repair"
    assert repair["sdgs"] == "12"
    assert repair["tags"] == "Elektro|Reparatur"
    assert repair["municipality_ags"] == "05315000"
    assert repair["municipality_name"] == "Köln"
    assert repair["description"] == 'Wir **reparieren**.\n\nMit Zeilenumbruch, "Zitat".'
    assert repair["data_licence"] == "ODbL-1.0"
    assert repair["url"].endswith(f"/initiativen/{entries['repair'].slug}/")
    assert repair["url"].startswith("http")


def test_geojson_is_a_feature_collection_of_points(client, entries):
    response = client.get(f"{EXPORT}/initiatives.geojson")
    assert response["Content-Type"] == "application/geo+json"
    doc = json.loads(_body(response))
    assert doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == 2
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(feature["properties"]) == set(INITIATIVE_FIELDS) - {"latitude", "longitude"}
    repair = next(f for f in doc["features"] if f["id"] == entries["repair"].pk)
    assert repair["geometry"]["coordinates"] == [6.96, 50.94]


def test_jsonld_is_a_schema_org_graph_of_organizations(client, entries):
    response = client.get(f"{EXPORT}/initiatives.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    doc = json.loads(_body(response))
    assert doc["@context"] == {"@vocab": "https://schema.org/"}
    assert {n["@type"] for n in doc["@graph"]} == {"Organization"}
    repair = next(n for n in doc["@graph"] if n["name"] == "Repair Café Ehrenfeld")
    assert repair["location"]["@type"] == "Place"
    assert repair["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 50.94,
        "longitude": 6.96,
    }
    assert repair["address"]["postalCode"] == "50825"
    assert repair["license"] == "https://opendatacommons.org/licenses/odbl/1-0/"
    assert repair["areaServed"]["identifier"] == "05315000"
    assert "https://sdgs.un.org/goals/goal12" in repair["knowsAbout"]
    assert repair["foundingDate"] == "2014"


def test_events_jsonld_lists_published_events_as_schema_org_events(client, entries):
    EventFactory(title="Reparaturtag", organiser_email="orga-geheim@example.org")
    doc = json.loads(_body(client.get(f"{EXPORT}/events.jsonld")))
    assert [n["@type"] for n in doc["@graph"]] == ["Event"]
    event = doc["@graph"][0]
    assert event["name"] == "Reparaturtag"
    assert event["startDate"] and event["location"][0]["@type"] == "Place"
    assert "orga-geheim" not in json.dumps(doc)


@pytest.mark.parametrize("path", ["initiatives.csv", "initiatives.geojson", "initiatives.jsonld"])
def test_no_email_or_phone_in_any_export(client, entries, path):
    body = _body(client.get(f"{EXPORT}/{path}"))
    assert "Repair Café Ehrenfeld" in body
    for secret in (SECRET_EMAIL, "garten-geheim", PHONE):
        assert secret not in body
    assert not EMAIL.search(body)


def test_licence_filter_and_api_filters(client, entries):
    cc0 = list(
        csv.DictReader(
            io.StringIO(_body(client.get(f"{EXPORT}/initiatives.csv", {"licence": "cc0"})))
        )
    )
    assert [r["name"] for r in cc0] == ["Gemeinschaftsgarten"]
    by_category = list(
        csv.DictReader(
            io.StringIO(_body(client.get(f"{EXPORT}/initiatives.csv", {"category": "repair"})))
        )
    )
    assert [r["name"] for r in by_category] == ["Repair Café Ehrenfeld"]


@pytest.mark.parametrize(
    "query, param",
    [
        ({"licence": "cc-by"}, "licence"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"category": "nope"}, "category"),
        ({"sdg": "18"}, "sdg"),
    ],
)
def test_bad_filters_get_a_400_naming_the_parameter(client, entries, query, param):
    response = client.get(f"{EXPORT}/initiatives.csv", query)
    assert response.status_code == 400
    assert response.json()["param"] == param


def test_conditional_get_answers_304_until_the_data_changes(client, entries):
    first = client.get(f"{EXPORT}/initiatives.geojson")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(f"{EXPORT}/initiatives.geojson", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert (
        client.get(f"{EXPORT}/initiatives.geojson", HTTP_IF_MODIFIED_SINCE=modified).status_code
        == 304
    )
    # Another query is another document.
    assert (
        client.get(
            f"{EXPORT}/initiatives.geojson", {"licence": "cc0"}, HTTP_IF_NONE_MATCH=etag
        ).status_code
        == 200
    )
    InitiativeFactory(name="Neu dabei")
    again = client.get(f"{EXPORT}/initiatives.geojson", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again["ETag"] != etag


def test_rows_come_in_chunks_without_repeats(entries):
    for n in range(5):
        InitiativeFactory(name=f"Extra {n}")
    rows = list(selectors.initiative_rows(chunk_size=2))
    assert len(rows) == 7
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)


def test_empty_exports_are_still_valid(client, db):
    assert json.loads(_body(client.get(f"{EXPORT}/initiatives.geojson")))["features"] == []
    assert json.loads(_body(client.get(f"{EXPORT}/initiatives.jsonld")))["@graph"] == []
    assert _body(client.get(f"{EXPORT}/initiatives.csv")).startswith("id,slug,name")


def test_csv_cells_never_start_a_formula(client, db):
    formula = '=HYPERLINK("https://evil.example","Klick")'
    InitiativeFactory(name="@Repair", short_description=formula, description="- Punkt 1\n- Punkt 2")
    rows = list(csv.DictReader(io.StringIO(_body(client.get(f"{EXPORT}/initiatives.csv")))))
    (row,) = rows
    assert row["name"] == "'@Repair"
    assert row["short_description"] == "'" + formula
    assert row["description"] == "'- Punkt 1\n- Punkt 2"
    assert row["latitude"] and not row["latitude"].startswith("'")


@pytest.mark.parametrize(
    "name", ["initiatives.csv", "initiatives.geojson", "initiatives.jsonld", "events.jsonld"]
)
def test_the_exports_answer_head_and_get_under_their_names(client, entries, name):
    url = reverse("api:export_" + name.replace(".", "_"))
    assert url == f"/api/v1/export/{name}"
    head = client.head(url)
    assert head.status_code == 200 and head["ETag"]
    assert not b"".join(head.streaming_content)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405
