import json

import pytest
from django.test import Client

from tests.factories import InitiativeFactory

pytestmark = pytest.mark.usefixtures("reference_data")


def test_catalog_is_dcat_ap_de_with_a_distribution_per_format_and_licence(db, settings):
    settings.SITE_URL = "https://mitmachkarte.example"
    InitiativeFactory(name="Repair Café")
    response = Client().get("/opendata/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    doc = json.loads(response.content)
    assert doc["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert doc["@context"]["dcatde"] == "http://dcat-ap.de/def/dcatde/"
    assert doc["@type"] == "dcat:Catalog"
    assert doc["dct:publisher"]["foaf:name"]
    datasets = doc["dcat:dataset"]
    assert [d["@type"] for d in datasets] == ["dcat:Dataset", "dcat:Dataset"]
    initiatives = datasets[0]
    assert initiatives["dcatde:contributorID"]["@id"].startswith(
        "http://dcat-ap.de/def/contributors/"
    )
    assert initiatives["dct:modified"]["@value"]
    distributions = initiatives["dcat:distribution"]
    assert len(distributions) == 6
    for d in distributions:
        assert d["@type"] == "dcat:Distribution"
        assert d["dcat:downloadURL"]["@id"].startswith(
            "https://mitmachkarte.example/api/v1/export/"
        )
        assert d["dcat:accessURL"]["@id"] == d["dcat:downloadURL"]["@id"]
        assert d["dct:format"]["@id"].startswith(
            "http://publications.europa.eu/resource/authority/file-type/"
        )
    licences = {d["dct:license"]["@id"] for d in distributions}
    assert licences == {
        "http://dcat-ap.de/def/licenses/odbl",
        "http://dcat-ap.de/def/licenses/cc-zero",
    }
    cc0 = [d for d in distributions if d["dct:license"]["@id"].endswith("cc-zero")]
    assert all(d["dcat:downloadURL"]["@id"].endswith("?licence=cc0") for d in cc0)
    # Every download URL answers.
    for d in distributions + datasets[1]["dcat:distribution"]:
        path = d["dcat:downloadURL"]["@id"].removeprefix("https://mitmachkarte.example")
        assert Client().get(path).status_code == 200, path


def test_opendata_page_documents_fields_and_licences_in_german(db):
    InitiativeFactory(name="Repair Café")
    response = Client().get("/opendata/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Offene Daten" in text
    for word in (
        "ODbL",
        "CC0",
        "DCAT-AP.de",
        "municipality_ags",
        "data_licence",
        "/api/v1/export/initiatives.csv",
        "/opendata/catalog.jsonld",
        "BKG",
    ):
        assert word in text


def test_catalog_supports_conditional_get(db):
    first = Client().get("/opendata/catalog.jsonld")
    assert (
        Client().get("/opendata/catalog.jsonld", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )
