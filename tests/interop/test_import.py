import csv
import io
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from mitmachkarte.initiatives.models import DataLicence, Initiative
from mitmachkarte.interop.mapping import MappingError, load_mapping
from mitmachkarte.interop.models import ImportedEntry
from mitmachkarte.interop.readers import KVM_COLUMNS
from mitmachkarte.interop.services import ImportFileError, import_entries
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.usefixtures("reference_data")

FIXTURE = Path(__file__).with_name("fixtures") / "kvm-sample.csv"


def kvm_import(**kwargs):
    return import_entries(**{"data": FIXTURE, "fmt": "kvm-csv", **kwargs})


def test_kvm_sample_import_report(db):
    report = kvm_import()
    assert report.counts == {"new": 7, "updated": 0, "unchanged": 0, "duplicates": 1, "rejected": 2}
    # Line numbers are the file's: the first row spans lines 2–4 (a multi-line description).
    assert [(line, name) for line, name, _slug, _why in report.duplicates] == [
        (8, "Repair Cafe Ehrenfeld")
    ]
    rejected = dict(report.rejected)
    assert "latitude 200 is out of range" in rejected[9]
    assert "company" in rejected[11]
    assert any(line == 10 and "postcode area 52062" in text for line, text in report.warnings)
    assert Initiative.objects.filter(status="published").count() == 7
    assert ImportedEntry.objects.filter(source="kvm").count() == 7


def test_kvm_rows_are_mapped_onto_the_platforms_fields(db):
    kvm_import()
    repair = Initiative.objects.get(name="Repair Café Ehrenfeld")
    assert [c.slug for c in repair.categories.all()] == ["repair"]
    assert [s.number for s in repair.sdgs.all()] == [12]
    assert {t.name for t in repair.tags.all()} == {"repaircafe", "reparatur", "nachhaltigkeit"}
    assert repair.website == "https://repaircafe-ehrenfeld.de"
    assert repair.founded_year == 2014
    assert repair.opening_hours == "Sa 11:00-15:00"  # KVM's opening_hours: OSM syntax
    assert repair.meeting_times == ""
    assert repair.short_description.startswith("Jeden ersten Samstag")
    assert "Bring dein kaputtes Gerät mit!" in repair.description
    assert repair.contact_email == "anna@example.org"  # kept for the relay, never published
    foodsharing = Initiative.objects.get(name__startswith="Foodsharing")
    assert foodsharing.data_licence == DataLicence.CC0
    assert [c.slug for c in foodsharing.categories.all()] == ["food"]
    aachen = Initiative.objects.get(name="Lastenrad Aachen")
    assert 50.7 < aachen.latitude < 50.8 and 6.0 < aachen.longitude < 6.2
    unmapped = Initiative.objects.get(name="Nachbarschaftstreff Bielefeld")
    assert [c.slug for c in unmapped.categories.all()] == ["neighbourhood-social"]


def test_reimport_is_idempotent_and_updates_changed_rows(db, tmp_path):
    kvm_import()
    again = kvm_import()
    assert again.counts == {"new": 0, "updated": 0, "unchanged": 7, "duplicates": 1, "rejected": 2}
    assert Initiative.objects.count() == 7
    changed = tmp_path / "changed.csv"
    changed.write_text(
        FIXTURE.read_text().replace(
            "Ein öffentlicher Kühlschrank", "Ein öffentlicher Kühlschrank am Campus"
        )
    )
    report = kvm_import(data=changed)
    assert [name for _line, name, _slug in report.updated] == ["Foodsharing Bochum Fairteiler Uni"]
    assert report.counts["unchanged"] == 6
    assert "am Campus" in Initiative.objects.get(name__startswith="Foodsharing").description
    assert Initiative.objects.count() == 7


def test_dry_run_reports_the_same_and_saves_nothing(db):
    report = kvm_import(dry_run=True)
    assert report.dry_run and report.counts["new"] == 7
    assert "DRY RUN" in report.as_text()
    assert Initiative.objects.count() == 0
    assert ImportedEntry.objects.count() == 0


def test_existing_entries_are_duplicates_not_created(db):
    InitiativeFactory(name="Unverpackt Essen", latitude=51.4334, longitude=7.0045)
    report = kvm_import()
    assert ("Unverpackt Essen", "name") in [(n, why) for _l, n, _s, why in report.duplicates]
    assert Initiative.objects.filter(name="Unverpackt Essen").count() == 1


def test_wrong_header_names_the_missing_columns(db, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("id,name,lat\n1,Test,51\n")
    with pytest.raises(ImportFileError, match="missing columns: title, description, lng"):
        kvm_import(data=path)
    assert Initiative.objects.count() == 0


def test_broken_encoding_is_a_clear_error_and_bom_is_fine(db, tmp_path):
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(FIXTURE.read_text().encode("cp1252"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        kvm_import(data=latin1)
    assert Initiative.objects.count() == 0
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert kvm_import(data=bom).counts["new"] == 7


def test_semicolon_separated_spreadsheets_are_read(db, tmp_path):
    rows = list(csv.reader(io.StringIO(FIXTURE.read_text())))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path = tmp_path / "excel.csv"
    path.write_text(out.getvalue())
    assert kvm_import(data=path).counts["new"] == 7


def test_files_above_the_size_limit_are_refused_before_reading(db, tmp_path):
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    assert os.path.getsize(huge) == 200 * 1024 * 1024
    with pytest.raises(ImportFileError, match=r"209\.7 MB; at most 52 MB"):
        kvm_import(data=huge)


def test_geojson_that_is_not_a_feature_collection_is_refused(db, tmp_path):
    path = tmp_path / "point.geojson"
    path.write_text('{"type": "Point", "coordinates": [7, 51]}')
    with pytest.raises(ImportFileError, match="expected a GeoJSON FeatureCollection"):
        import_entries(data=path, fmt="geojson")
    path.write_text("not json")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        import_entries(data=path, fmt="geojson")


def test_rows_with_bad_values_are_rejected_with_reasons(db, tmp_path):
    header = ",".join(KVM_COLUMNS)
    blank = dict.fromkeys(KVM_COLUMNS, "")
    lines = [header]
    for change in [
        {"id": "x1", "title": "Ohne Ort", "license": "ODbL-1.0"},
        {"id": "x2", "title": "Komisch", "lat": "abc", "lng": "7", "license": "ODbL-1.0"},
        {"id": "x3", "title": "Lizenzlos", "lat": "51", "lng": "7", "license": "CC-BY-4.0"},
        {"id": "x4", "title": "", "lat": "51", "lng": "7", "license": "ODbL-1.0"},
        {"id": "x5", "title": "Gut", "lat": "51.1", "lng": "7.1", "license": "ODbL-1.0"},
        {"id": "x5", "title": "Nochmal", "lat": "52.1", "lng": "8.1", "license": "ODbL-1.0"},
    ]:
        lines.append(",".join({**blank, **change}[c] for c in KVM_COLUMNS))
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n")
    report = kvm_import(data=path)
    reasons = dict(report.rejected)
    assert "could not be located" in reasons[2]
    assert "latitude “abc” is not a number" in reasons[3]
    assert "unknown data licence CC-BY-4.0" in reasons[4]
    assert "title is empty" in reasons[5]
    assert "appears twice" in reasons[7]
    assert report.counts["new"] == 1


def test_mapping_file_is_validated(db, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('default_category = "repair"\n[tags]\nfoo = { categories = ["nope"] }\n')
    with pytest.raises(MappingError, match="unknown category slugs: nope"):
        load_mapping(bad)
    custom = tmp_path / "custom.toml"
    custom.write_text(
        'default_category = "housing"\n[tags]\ntreffpunkt = '
        '{ categories = ["education-culture"], sdgs = [4] }\n'
    )
    kvm_import(mapping=custom)
    treff = Initiative.objects.get(name="Nachbarschaftstreff Bielefeld")
    assert [c.slug for c in treff.categories.all()] == ["education-culture"]
    repair = Initiative.objects.get(name="Repair Café Ehrenfeld")
    assert [c.slug for c in repair.categories.all()] == ["housing"]


def test_command_prints_the_report_and_fails_clearly(db, tmp_path):
    out = io.StringIO()
    call_command("import_entries", str(FIXTURE), "--format", "kvm-csv", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "DRY RUN" in text and "7 new" in text and "line 9: latitude 200" in text
    assert Initiative.objects.count() == 0
    wrong = tmp_path / "x.geojson"
    wrong.write_text("[]")
    with pytest.raises(CommandError, match="FeatureCollection"):
        call_command("import_entries", str(wrong), "--format", "geojson")


def test_admin_upload_shows_the_report_and_respects_dry_run(db, admin_client):
    url = "/admin/interop/importedentry/upload/"
    assert admin_client.get(url).status_code == 200
    with open(FIXTURE, "rb") as handle:
        response = admin_client.post(url, {"file": handle, "fmt": "kvm-csv", "dry_run": "on"})
    assert response.status_code == 200
    assert response.context["report"].counts["new"] == 7
    assert Initiative.objects.count() == 0
    with open(FIXTURE, "rb") as handle:
        response = admin_client.post(url, {"file": handle, "fmt": "kvm-csv"})
    assert response.context["report"].counts["new"] == 7
    assert Initiative.objects.count() == 7
    assert "Repair Café Ehrenfeld" in response.content.decode()


def test_admin_upload_refuses_large_files(db, admin_client, settings):
    settings.IMPORT_MAX_BYTES = 100
    with open(FIXTURE, "rb") as handle:
        response = admin_client.post(
            "/admin/interop/importedentry/upload/", {"file": handle, "fmt": "kvm-csv"}
        )
    assert response.context["report"] is None
    assert response.context["form"].errors["file"]
    assert Initiative.objects.count() == 0


def test_admin_upload_needs_staff(db):
    response = Client().get("/admin/interop/importedentry/upload/")
    assert response.status_code == 302


def test_the_report_speaks_german_in_the_german_interface(db):
    from django.utils import translation

    with translation.override("de"):
        report = kvm_import(dry_run=True)
        text = report.as_text()
    assert "Breitengrad 200 liegt außerhalb des Bereichs" in dict(report.rejected)[9]
    assert "PROBELAUF" in text and "7 neu" in text and "Zeile 8" in text


def test_a_row_placed_from_its_postcode_is_checked_for_duplicates_in_that_postcode(db):
    existing = InitiativeFactory(
        name="Repair Café Bochum-Mitte", postcode="44787", latitude=51.4866, longitude=7.2171
    )
    header = "id,name,short_description,latitude,longitude,postcode,categories,data_licence\n"
    row = "7,Repair Cafe Bochum Mitte,Kurz,,,44787,repair,ODbL-1.0\n"
    report = import_entries(data=(header + row).encode(), fmt="csv")
    assert [(name, slug) for _line, name, slug, _why in report.duplicates] == [
        ("Repair Cafe Bochum Mitte", existing.slug)
    ]
