import pytest
from django.core.exceptions import ValidationError

from mitmachkarte.municipalities.models import Municipality, validate_ags
from tests.factories import MunicipalityFactory, square


@pytest.mark.parametrize("ags", ["05911000", "01001000", "16077052", "05315000"])
def test_valid_ags(ags):
    validate_ags(ags)


@pytest.mark.parametrize(
    ("ags", "code"),
    [
        ("5911000", "ags_format"),  # 7 digits (leading zero lost, as spreadsheets do)
        ("059110000", "ags_format"),
        ("0591100a", "ags_format"),
        ("05 91100", "ags_format"),
        ("", "ags_format"),
        ("０５９１１０００", "ags_format"),  # full-width digits are isdigit() but not ASCII
        ("00000000", "ags_state"),
        ("17000000", "ags_state"),
        ("99123456", "ags_state"),
    ],
)
def test_invalid_ags(ags, code):
    with pytest.raises(ValidationError) as info:
        validate_ags(ags)
    assert info.value.code == code


@pytest.mark.django_db
def test_full_clean_rejects_bad_ags_and_boundary():
    m = MunicipalityFactory.build(ags="1234")
    with pytest.raises(ValidationError) as info:
        m.full_clean()
    assert "ags" in info.value.message_dict

    m = MunicipalityFactory.build(boundary={"type": "Point", "coordinates": [7, 51]})
    with pytest.raises(ValidationError) as info:
        m.full_clean()
    assert "boundary" in info.value.message_dict


@pytest.mark.django_db
def test_save_keeps_bbox_in_step_with_boundary():
    m = MunicipalityFactory(latitude=51.5, longitude=7.5, boundary=square(51.5, 7.5, 0.1))
    m.refresh_from_db()
    assert m.bbox == pytest.approx([7.4, 51.4, 7.6, 51.6])
    m.boundary = None
    m.save()
    m.refresh_from_db()
    assert m.bbox is None
    assert m.bbox_west is None


@pytest.mark.django_db
def test_factory_makes_valid_unique_nrw_municipalities():
    made = MunicipalityFactory.create_batch(5)
    for m in made:
        m.full_clean()
        assert m.ags.startswith("05") and len(m.ags) == 8
        assert 50.3 < m.latitude < 52.6 and 5.8 < m.longitude < 9.5
    assert Municipality.objects.values("slug").distinct().count() == 5
    assert MunicipalityFactory(with_boundary=True).bbox is not None
