import re

import pytest
from django.test import Client

from mitmachkarte.initiatives.models import Status
from mitmachkarte.interop.kvm import kvm_id
from mitmachkarte.interop.mapping import KVM_COMPANY, KVM_INITIATIVE
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.usefixtures("reference_data")

KVM = "/api/kvm"
SEARCH_KEYS = {
    "id",
    "status",
    "lat",
    "lng",
    "title",
    "description",
    "categories",
    "tags",
    "ratings",
}
BONN_BOX = "50.70,7.05,50.76,7.15"  # south,west,north,east (lat1,lng1,lat2,lng2)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]")


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def entries(db):
    return {
        "repair": InitiativeFactory(
            name="Repair Café Bonn",
            latitude=50.73,
            longitude=7.10,
            categories=["repair"],
            tags=["Elektro"],
            website="https://repair.example",
            street="Markt 1",
            postcode="53111",
            city="Bonn",
            contact_email="geheim@repair.example",
            contact_phone="0228 123456",
            description="Lange **Beschreibung**.",
            opening_hours="Sa 11:00-15:00",
        ),
        "garden": InitiativeFactory(
            name="Garten Bonn", latitude=50.74, longitude=7.12, categories=["gardening-nature"]
        ),
        "outside": InitiativeFactory(
            name="Repair Café Siegburg", latitude=50.80, longitude=7.20, categories=["repair"]
        ),
        "draft": InitiativeFactory(
            name="Entwurf Bonn", latitude=50.73, longitude=7.11, status=Status.DRAFT
        ),
    }


def test_search_answers_in_openfairdb_shape(client, entries):
    response = client.get(f"{KVM}/search", {"bbox": BONN_BOX})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert set(body) == {"visible", "invisible"}
    assert [e["title"] for e in body["visible"]] == ["Garten Bonn", "Repair Café Bonn"]
    for entry in body["visible"] + body["invisible"]:
        assert set(entry) == SEARCH_KEYS
        assert len(entry["id"]) == 32
        assert entry["categories"] == [KVM_INITIATIVE]
        assert entry["ratings"]["total"] == 0
    assert [e["title"] for e in body["invisible"]] == ["Repair Café Siegburg"]
    repair = next(e for e in body["visible"] if e["title"] == "Repair Café Bonn")
    assert repair["id"] == kvm_id(entries["repair"].pk)
    assert (repair["lat"], repair["lng"]) == (50.73, 7.10)
    assert repair["tags"] == ["repaircafe", "elektro"]


def test_search_filters_by_text_tags_and_categories(client, entries):
    def titles(**params):
        return [
            e["title"]
            for e in client.get(f"{KVM}/search", {"bbox": BONN_BOX, **params}).json()["visible"]
        ]

    assert titles(text="garten") == ["Garten Bonn"]
    assert titles(tags="repaircafe") == ["Repair Café Bonn"]  # a KVM tag mapped to repair
    assert titles(tags="elektro") == ["Repair Café Bonn"]
    assert titles(text="#elektro") == ["Repair Café Bonn"]
    assert titles(categories="gardening-nature") == ["Garten Bonn"]
    assert titles(categories=KVM_INITIATIVE) == ["Garten Bonn", "Repair Café Bonn"]
    assert titles(categories=KVM_COMPANY) == []
    assert titles(limit="1") == ["Garten Bonn"]


def test_entries_are_full_but_without_contact_data(client, entries):
    ids = ",".join(kvm_id(entries[k].pk) for k in ("repair", "garden", "draft"))
    response = client.get(f"{KVM}/entries/{ids}")
    assert response.status_code == 200
    body = response.json()
    assert [e["title"] for e in body] == ["Repair Café Bonn", "Garten Bonn"]  # no draft
    repair = body[0]
    assert repair["description"] == "Lange **Beschreibung**."
    assert (repair["street"], repair["zip"], repair["city"]) == ("Markt 1", "53111", "Bonn")
    assert repair["homepage"] == "https://repair.example"
    assert repair["license"] == "ODbL-1.0"
    assert repair["opening_hours"] == "Sa 11:00-15:00"
    assert "opening_hours" not in body[1]  # none given
    for key in ("email", "telephone", "contact_name"):
        assert key not in repair
    text = response.content.decode()
    assert not EMAIL.search(text)
    assert "0228 123456" not in text


@pytest.mark.parametrize(
    "params, param",
    [
        ({"bbox": "50,7,51"}, "bbox"),
        ({"bbox": "100,7,101,8"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": BONN_BOX, "limit": "0"}, "limit"),
        ({"bbox": BONN_BOX, "limit": "5000"}, "limit"),
        ({"bbox": BONN_BOX, "limit": "x"}, "limit"),
        ({"bbox": BONN_BOX, "categories": "unknown"}, "category"),
    ],
)
def test_bad_search_parameters_get_400(client, db, params, param):
    response = client.get(f"{KVM}/search", params)
    assert response.status_code == 400
    assert response.json()["param"] == param
    assert response.json()["detail"]


def test_a_search_without_a_box_is_refused_naming_it(client, db):
    response = client.get(f"{KVM}/search")
    assert response.status_code == 422  # a required parameter, as in the schema
    assert response.json()["detail"].startswith("bbox: ")


def test_the_kvm_api_has_its_own_schema(client, db):
    schema = client.get(f"{KVM}/openapi.json").json()
    assert set(schema["paths"]) == {f"{KVM}/search", f"{KVM}/entries/{{ids}}"}
    search = schema["paths"][f"{KVM}/search"]["get"]
    assert {p["name"]: p["required"] for p in search["parameters"]}["bbox"] is True
    assert set(search["responses"]) >= {"200", "400", "404", "422", "429", "503"}


@pytest.mark.parametrize("ids", ["abc", "1,2", ",".join(f"{n:032x}" for n in range(101))])
def test_bad_ids_get_400(client, db, ids):
    response = client.get(f"{KVM}/entries/{ids}")
    assert response.status_code == 400
    assert response.json()["param"] == "ids"


def test_entries_imported_from_kvm_answer_to_their_kvm_id(client, db):
    from pathlib import Path

    from mitmachkarte.interop.services import import_entries

    import_entries(data=Path(__file__).with_name("fixtures") / "kvm-sample.csv", fmt="kvm-csv")
    kvm_original = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    body = client.get(f"{KVM}/entries/{kvm_original},{'f' * 32}").json()
    assert [(e["id"], e["title"]) for e in body] == [(kvm_original, "Repair Café Ehrenfeld")]
    assert "email" not in body[0] and "anna@example.org" not in str(body)
