"""An entry's picture: refused when it is no picture or too big, resized and stripped of
EXIF when it is one, required alt text, and shown on pages, API, exports and KVM."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mitmachkarte.initiatives import services, validation
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.interop.kvm import kvm_id
from tests.factories import InitiativeFactory, MembershipFactory, OrganisationFactory
from tests.moderation.test_propose_views import URL as PROPOSE_URL
from tests.moderation.test_propose_views import form_data as proposal_form
from tests.stewardship.test_views import edit_url
from tests.stewardship.test_views import form_data as edit_form

pytestmark = pytest.mark.django_db

GPS_IFD, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F


def photo(width=1600, height=1000, *, fmt="JPEG", orientation=None, name="foto.jpg"):
    """A camera-like picture with EXIF: camera make, GPS position, optional orientation."""
    image = Image.new("RGB", (width, height), (200, 80, 40))
    exif = Image.Exif()
    exif[MAKE] = "Kamera GmbH"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 28.0, 12.5), 3: "E", 4: (7.0, 13.0, 1.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    out = BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes()) if fmt != "GIF" else image.save(out, fmt)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def stored(name: str) -> Image.Image:
    with default_storage.open(name) as f:
        image = Image.open(BytesIO(f.read()))
        image.load()
    return image


@pytest.fixture
def entry(reference_data):
    return InitiativeFactory(name="Repair Café Ehrenfeld", latitude=50.95, longitude=6.92)


def test_a_good_picture_is_resized_to_two_sizes_without_exif(entry):
    services.set_image(
        initiative=entry, upload=photo(), alt="Menschen reparieren", credit="Foto: A. Muster"
    )
    entry.refresh_from_db()
    large, small = stored(entry.image.name), stored(entry.image_small.name)
    assert (large.format, large.size) == ("WEBP", (800, 500))
    assert (small.format, small.size) == ("WEBP", (320, 200))
    for image in (large, small):
        assert not image.getexif()  # no camera, no GPS position
        assert "exif" not in image.info and "icc_profile" not in image.info
    with default_storage.open(entry.image.name) as f:
        raw = f.read()
    assert b"Kamera GmbH" not in raw and b"Exif" not in raw
    assert (entry.image_alt, entry.image_credit) == ("Menschen reparieren", "Foto: A. Muster")


def test_the_exif_orientation_is_applied_before_it_is_dropped(entry):
    # Orientation 6: the camera was turned; the stored picture stands upright.
    services.set_image(initiative=entry, upload=photo(1600, 1000, orientation=6), alt="Turm")
    entry.refresh_from_db()
    assert stored(entry.image.name).size == (500, 800)


def test_a_logo_keeps_its_transparency(entry):
    logo = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    out = BytesIO()
    logo.save(out, format="PNG")
    upload = SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")
    services.set_image(initiative=entry, upload=upload, alt="Logo")
    entry.refresh_from_db()
    assert stored(entry.image.name).mode == "RGBA"


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("x.jpg", b"not a picture at all", "image/jpeg"), "JPEG, PNG oder WebP"),
        (photo(fmt="GIF", name="x.gif"), "JPEG, PNG oder WebP"),
        (SimpleUploadedFile("x.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100, "image/jpeg"), "JPEG"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(entry, upload, message):
    with pytest.raises(ValidationError) as err:
        services.set_image(initiative=entry, upload=upload, alt="x")
    assert message in err.value.message_dict["image"][0]
    entry.refresh_from_db()
    assert not entry.image


def test_a_too_big_file_is_refused_before_it_is_read(entry, monkeypatch):
    monkeypatch.setattr(validation, "IMAGE_MAX_BYTES", 1000)
    with pytest.raises(ValidationError) as err:
        services.set_image(initiative=entry, upload=photo(), alt="x")
    assert "größer als" in err.value.message_dict["image"][0]


def test_alt_text_is_required_with_a_picture(entry):
    with pytest.raises(ValidationError) as err:
        services.set_image(initiative=entry, upload=photo(), alt="  ")
    assert "image_alt" in err.value.message_dict
    services.set_image(initiative=entry, upload=photo(), alt="Werkbank")
    with pytest.raises(ValidationError):
        services.update_initiative_fields(initiative=entry, changes={"image_alt": ""})
    services.remove_image(initiative=entry)
    entry.refresh_from_db()
    assert not entry.image and entry.image_alt == ""


def test_propose_form_refuses_a_bad_file_and_saves_nothing(client, reference_data):
    from tests.factories import MunicipalityFactory
    from tests.moderation.conftest import A

    MunicipalityFactory(name="A-Stadt", latitude=A[0], longitude=A[1], with_boundary=True)
    bad = SimpleUploadedFile("bild.jpg", b"<html>no</html>", "image/jpeg")
    data = proposal_form(image=bad, image_alt="Unser Garten")
    response = client.post(PROPOSE_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "kein Bild im Format JPEG, PNG oder WebP" in html
    assert not Initiative.objects.filter(name="Foodsharing Neustadt").exists()
    response = client.post(PROPOSE_URL, proposal_form(image=photo()))
    assert "Beschreibe das Bild" in response.content.decode()  # alt text missing
    response = client.post(PROPOSE_URL, proposal_form(image=photo(), image_alt="Unser Garten"))
    assert response.status_code == 302
    saved = Initiative.objects.get(name="Foodsharing Neustadt")
    assert saved.image_alt == "Unser Garten"
    assert stored(saved.image.name).size == (800, 500)


def test_editor_uploads_and_the_picture_shows_everywhere(client, entry):
    editor = MembershipFactory(
        organisation=OrganisationFactory(type="initiative", initiative=entry), role="owner"
    ).user
    client.force_login(editor)
    data = edit_form(entry, image=photo(), image_alt="Werkbank", image_credit="CC BY 4.0")
    assert client.post(edit_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert entry.image and entry.image_small
    client.logout()
    page = client.get(entry.get_absolute_url()).content.decode()
    assert f'src="/media/{entry.image.name}"' in page and 'alt="Werkbank"' in page
    assert "CC BY 4.0" in page
    card = client.get("/").content.decode()
    assert f"/media/{entry.image_small.name}" in card
    item = client.get(f"/api/v1/initiatives/{entry.slug}").json()["image"]
    assert item == {
        "url": f"http://testserver/media/{entry.image.name}",
        "small_url": f"http://testserver/media/{entry.image_small.name}",
        "alt": "Werkbank",
        "credit": "CC BY 4.0",
    }
    listed = client.get("/api/v1/initiatives").json()["items"][0]
    assert listed["image"]["small_url"].endswith(entry.image_small.name)
    csv = b"".join(client.get("/api/v1/export/initiatives.csv").streaming_content).decode()
    assert f"/media/{entry.image.name}" in csv
    kvm = client.get(f"/api/kvm/entries/{kvm_id(entry.pk)}").json()[0]
    assert kvm["image_url"] == f"http://testserver/media/{entry.image.name}"


def test_suggesters_get_no_upload_field(client, entry):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    page = client.get(edit_url(entry)).content.decode()
    assert 'name="image"' not in page and 'name="image_alt"' in page
