"""Export → import into an empty database → the same entries."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mitmachkarte.initiatives.models import DataLicence, Initiative
from mitmachkarte.interop.services import import_entries
from mitmachkarte.taxonomy.models import Tag
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.usefixtures("reference_data")

COMPARED = [
    "slug",
    "name",
    "short_description",
    "description",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "website",
    "meeting_times",
    "how_to_join",
    "founded_year",
    "data_licence",
    "last_confirmed_at",
    "status",
]


def snapshot() -> dict[str, dict]:
    result = {}
    for i in Initiative.objects.prefetch_related("categories", "sdgs", "tags"):
        fields = {f: getattr(i, f) for f in COMPARED}
        fields["categories"] = [c.slug for c in i.categories.all()]
        fields["sdgs"] = sorted(s.number for s in i.sdgs.all())
        fields["tags"] = sorted(t.name for t in i.tags.all())
        fields["municipality"] = i.municipality_id
        result[i.slug] = fields
    return result


@pytest.fixture
def entries(db):
    InitiativeFactory(
        name="Repair Café Köln",
        categories=["repair", "zero-waste"],
        sdgs=[12, 13],
        tags=["Reparatur", "Elektro, Kleingeräte"],
        street="Venloer Str. 1",
        postcode="50825",
        city="Köln",
        website="https://repair.example/",
        meeting_times="Jeden 1. Samstag\n11–15 Uhr",
        how_to_join='Einfach kommen; "Werkzeug" ist da.',
        founded_year=2014,
        description="# Wir reparieren\n\n* Toaster\n* Lampen, Radios",
        last_confirmed_at=timezone.now() - timedelta(days=200),
    )
    InitiativeFactory(
        name="Repair Café Köln",
        city="Bonn",
        categories=["repair"],
        data_licence=DataLicence.CC0,
        latitude=50.73,
        longitude=7.1,
    )
    # Texts a spreadsheet would run as formulas: the CSV escapes them, the import undoes it.
    InitiativeFactory(
        name="Gemeinschaftsgarten",
        categories=["gardening-nature"],
        sdgs=[15],
        description="- Beete\n- Kompost",
        how_to_join="@garten im Fediverse",
    )


@pytest.mark.parametrize(
    "fmt, path", [("csv", "initiatives.csv"), ("geojson", "initiatives.geojson")]
)
def test_export_then_import_into_an_empty_database_gives_the_same_entries(
    entries, tmp_path, fmt, path
):
    before = snapshot()
    response = Client().get(f"/api/v1/export/{path}")
    exported = tmp_path / path
    exported.write_bytes(b"".join(response.streaming_content))

    Initiative.objects.all().delete()
    Tag.objects.all().delete()
    report = import_entries(data=exported, fmt=fmt)

    assert report.counts == {"new": 3, "updated": 0, "unchanged": 0, "duplicates": 0, "rejected": 0}
    assert snapshot() == before
    # And again: nothing changes.
    assert import_entries(data=exported, fmt=fmt).counts["unchanged"] == 3
