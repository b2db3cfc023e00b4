import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from mitmachkarte.municipalities.locator import get_locator
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import (
    municipality_id_at,
    municipality_ids_at,
    resolve_municipality,
)
from mitmachkarte.municipalities.services import ImportFileError, import_municipalities
from tests.conftest import NRW_FILE
from tests.factories import MunicipalityFactory

CSV_HEADER = "ags,name,type,district_ags,district,state,lat,lon,area_km2\n"
DARMSTADT = "06411000,Darmstadt,Stadt,06411,Darmstadt,Hessen,49.87241,8.66118,122.77\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_shipped_nrw_file(nrw_municipalities):
    assert Municipality.objects.count() == 396
    assert Municipality.objects.filter(boundary__isnull=True).count() == 0
    assert not Municipality.objects.exclude(ags__startswith="05").exists()
    assert nrw_municipalities.rejected == []
    bochum = Municipality.objects.get(ags="05911000")
    assert (bochum.name, bochum.slug, bochum.kind) == ("Bochum", "bochum", "Stadt")
    assert bochum.district_ags == "05911"
    assert bochum.bbox_west < 7.2162 < bochum.bbox_east
    assert bochum.bbox_south < 51.4818 < bochum.bbox_north
    assert Municipality.objects.get(ags="05315000").slug == "koeln"
    assert len(set(Municipality.objects.values_list("slug", flat=True))) == 396


@pytest.mark.django_db
def test_reimport_updates_and_never_duplicates(nrw_municipalities):
    slugs = dict(Municipality.objects.values_list("ags", "slug"))
    bochum = Municipality.objects.get(ags="05911000")
    # Changed on the platform: the slug, website and flag are kept; imported data restored.
    bochum.name = "Bochum (alt)"
    bochum.latitude = 40.0
    bochum.slug = "bochum-ruhr"
    bochum.website = "https://www.bochum.de"
    bochum.is_model_municipality = True
    bochum.save()

    report = import_municipalities(path=NRW_FILE)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 395)
    assert report.rejected == []
    assert Municipality.objects.count() == 396
    bochum.refresh_from_db()
    assert bochum.name == "Bochum"
    assert bochum.latitude == pytest.approx(51.47603)
    assert bochum.slug == "bochum-ruhr"
    assert bochum.website == "https://www.bochum.de"
    assert bochum.is_model_municipality
    slugs["05911000"] = "bochum-ruhr"
    assert dict(Municipality.objects.values_list("ags", "slug")) == slugs

    again = import_municipalities(path=NRW_FILE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 396)


@pytest.mark.django_db
def test_csv_after_geojson_keeps_boundaries(nrw_municipalities, tmp_path):
    before = Municipality.objects.get(ags="05911000")
    csv = write(
        tmp_path,
        "de.csv",
        CSV_HEADER
        + "05911000,Bochum,Stadt,05911,Bochum,Nordrhein-Westfalen,51.48,7.22,145.5\n"
        + DARMSTADT,
    )
    report = import_municipalities(path=csv)
    assert (report.created, report.updated, report.rejected) == (1, 1, [])
    assert Municipality.objects.count() == 397
    bochum = Municipality.objects.get(ags="05911000")
    assert bochum.boundary == before.boundary
    assert bochum.bbox == before.bbox
    assert (bochum.latitude, bochum.longitude, bochum.area_km2) == (51.48, 7.22, 145.5)
    assert bochum.slug == "bochum"
    darmstadt = Municipality.objects.get(ags="06411000")
    assert darmstadt.boundary is None and darmstadt.bbox is None
    assert darmstadt.state == "Hessen"
    # Every other municipality still has its boundary.
    assert Municipality.objects.filter(boundary__isnull=True).count() == 1


@pytest.mark.django_db
def test_bad_rows_are_rejected_not_fatal(tmp_path):
    csv = write(
        tmp_path,
        "bad.csv",
        CSV_HEADER
        + "05911000,Bochum,Stadt,05911,Bochum,Nordrhein-Westfalen,51.48,7.22,145.5\n"
        + "5911000,Kurz,Stadt,,,,51.4,7.2,\n"
        + "99000000,Nirgendwo,Stadt,,,,51.4,7.2,\n"
        + "05913000,,Stadt,,,,51.5,7.4,\n"
        + "05914000,Hagen,Stadt,,,,abc,7.4,\n"
        + "05915000,Hamm,Stadt,,,,151.0,7.8,\n"
        + "05916000,Herne,Stadt,,,,,,\n",
    )
    with translation.override("en"):
        report = import_municipalities(path=csv)
    assert report.created == 1
    assert [r.split(":")[0] for r in report.rejected] == [
        "record 2", "record 3", "record 4", "record 5", "record 6", "record 7",
    ]  # fmt: skip
    assert "8 digits" in report.rejected[0]
    assert "01 to 16" in report.rejected[1]
    assert "name" in report.rejected[2]
    assert list(Municipality.objects.values_list("ags", flat=True)) == ["05911000"]


@pytest.mark.django_db
def test_slugs_of_ambiguous_names_get_the_district(tmp_path):
    csv = write(
        tmp_path,
        "twins.csv",
        CSV_HEADER
        + "05334004,Neustadt,Stadt,05334,Aachen,Nordrhein-Westfalen,50.8,6.1,\n"
        + "06411999,Neustadt,Stadt,06411,Darmstadt,Hessen,49.9,8.7,\n"
        + "05554004,Billerbeck,Stadt,05558,Coesfeld,Nordrhein-Westfalen,51.9,7.3,\n",
    )
    import_municipalities(path=csv)
    assert set(Municipality.objects.values_list("slug", flat=True)) == {
        "neustadt-aachen", "neustadt-darmstadt", "billerbeck",
    }  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("x.txt", "ags\n05911000\n", "unsupported file type"),
        ("x.geojson", "{not json", "not valid JSON"),
        ("x.geojson", json.dumps({"type": "Feature"}), "FeatureCollection"),
        ("x.csv", "gemeinde,name\n05911000,Bochum\n", "no 'ags' column"),
        ("x.geojson", "[]", "FeatureCollection"),
        ("x.geojson", '{"type": "FeatureCollection", "features": [null]}', "features"),
        ("x.geojson", '{"type": "FeatureCollection", "features": {}}', "features"),
    ],
)
def test_unreadable_files_raise_import_file_error(tmp_path, name, text, message):
    with pytest.raises(ImportFileError, match=message):
        import_municipalities(path=write(tmp_path, name, text))
    assert Municipality.objects.count() == 0


@pytest.mark.django_db
def test_command_imports_and_reports(tmp_path):
    out, err = StringIO(), StringIO()
    call_command("import_municipalities", str(NRW_FILE), stdout=out, stderr=err)
    assert "396 created, 0 updated, 0 unchanged, 0 rejected" in out.getvalue()
    assert err.getvalue() == ""

    out = StringIO()
    call_command("import_municipalities", str(NRW_FILE), stdout=out)
    assert "0 created, 0 updated, 396 unchanged, 0 rejected" in out.getvalue()
    assert Municipality.objects.count() == 396


@pytest.mark.django_db
def test_command_reports_rejected_rows(tmp_path):
    csv = write(tmp_path, "bad.csv", CSV_HEADER + DARMSTADT + "123,Kaputt,,,,,1,1,\n")
    out, err = StringIO(), StringIO()
    call_command("import_municipalities", str(csv), stdout=out, stderr=err)
    assert "1 created, 0 updated, 0 unchanged, 1 rejected" in out.getvalue()
    assert "rejected record 2" in err.getvalue()


@pytest.mark.django_db
def test_command_missing_file(tmp_path):
    with pytest.raises(CommandError, match="File not found"):
        call_command("import_municipalities", str(tmp_path / "gibt-es-nicht.geojson"))


@pytest.mark.django_db
def test_command_unreadable_file(tmp_path):
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_municipalities", str(write(tmp_path, "x.geojson", "[")))


# The locator


@pytest.mark.django_db
def test_locator_finds_bochum_by_boundary(nrw_municipalities):
    bochum = Municipality.objects.get(ags="05911000")
    assert municipality_id_at(51.4818, 7.2162) == bochum.pk
    # Köln cathedral and Münster Prinzipalmarkt.
    assert municipality_id_at(50.9413, 6.9583) == Municipality.objects.get(ags="05315000").pk
    assert municipality_id_at(51.9625, 7.6256) == Municipality.objects.get(ags="05515000").pk


@pytest.mark.django_db
def test_locator_outside_germany_is_none(nrw_municipalities):
    assert municipality_id_at(48.8566, 2.3522) is None  # Paris
    assert municipality_id_at(54.5, 5.0) is None  # North Sea
    assert municipality_ids_at([48.8566, 51.4818], [2.3522, 7.2162]) == [
        None, Municipality.objects.get(ags="05911000").pk,
    ]  # fmt: skip
    assert municipality_ids_at([], []) == []


@pytest.mark.django_db
def test_locator_nearest_point_without_boundary(nrw_municipalities, tmp_path):
    import_municipalities(path=write(tmp_path, "hessen.csv", CSV_HEADER + DARMSTADT))
    darmstadt = Municipality.objects.get(ags="06411000")
    assert darmstadt.boundary is None
    # A few km outside the centre of Darmstadt, far from every NRW boundary.
    assert municipality_id_at(49.90, 8.70) == darmstadt.pk
    # More than 25 km from it: nothing.
    assert municipality_id_at(49.50, 8.66) is None
    # In Bochum the boundary wins, though Darmstadt is a candidate of the nearest search.
    assert municipality_id_at(51.4818, 7.2162) == Municipality.objects.get(ags="05911000").pk


@pytest.mark.django_db
def test_locator_follows_saves_and_deletes():
    assert municipality_id_at(51.5, 7.5) is None
    m = MunicipalityFactory(latitude=51.5, longitude=7.5)
    assert municipality_id_at(51.52, 7.5) == m.pk
    m.delete()
    assert municipality_id_at(51.52, 7.5) is None


@pytest.mark.django_db
def test_locator_is_built_once():
    MunicipalityFactory()
    assert get_locator() is get_locator()


@pytest.mark.django_db
def test_resolve_municipality(nrw_municipalities):
    koeln = Municipality.objects.get(ags="05315000")
    assert resolve_municipality("koeln") == koeln
    assert resolve_municipality("05315000") == koeln
    assert resolve_municipality("Köln") == koeln
    assert resolve_municipality(" KOELN ") == koeln
    assert resolve_municipality("05315999") is None
    assert resolve_municipality("atlantis") is None
    assert resolve_municipality("") is None


@pytest.mark.django_db
def test_non_utf8_csv_is_a_file_error(tmp_path):
    # Official German lists often come as Windows-1252.
    path = tmp_path / "latin1.csv"
    path.write_bytes((CSV_HEADER + "05315000,Köln,Stadt,,,,50.9,6.9,\n").encode("cp1252"))
    with pytest.raises(ImportFileError, match="UTF-8"):
        import_municipalities(path=path)
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_municipalities", str(path))


def feature(ags: str, geometry) -> dict:
    return {
        "type": "Feature",
        "properties": {"ags": ags, "name": f"Ort {ags}"},
        "geometry": geometry,
    }


@pytest.mark.django_db
def test_features_with_broken_geometry_are_rejected(tmp_path):
    good = {"type": "Polygon", "coordinates": [[[7, 51], [7.1, 51], [7.1, 51.1], [7, 51]]]}
    collection = {
        "type": "FeatureCollection",
        "features": [
            feature("05911000", good),
            feature("05913000", {"type": "Polygon", "coordinates": [[1, 2]]}),
            feature("05914000", {"type": "Polygon", "coordinates": []}),
            feature("05915000", {"type": "Polygon"}),
            feature("05916000", {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}),
            feature("05917000", "kein Objekt"),
            feature("05918000", None),
        ],
    }
    report = import_municipalities(path=write(tmp_path, "broken.geojson", json.dumps(collection)))
    assert report.created == 1
    assert [r.split(":")[0] for r in report.rejected] == [f"record {n}" for n in range(2, 8)]
    assert all("boundary" in r for r in report.rejected[:4])
    made = Municipality.objects.get()
    assert made.ags == "05911000" and made.bbox == [7, 51, 7.1, 51.1]
