"""The pages: posting, finders, permit guides, workspace and its CSV, permissions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mitmachkarte.support.models import Need, Offer
from tests.factories import NeedFactory, OfferFactory, UserFactory
from tests.page_forms import form_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(city, towns):
    return OfferFactory(
        title="Bürgerhaus Langendreer, Saal 2",
        organisation=city,
        municipality=towns["bochum"],
        capacity=40,
        step_free=True,
    )


def test_post_a_room_need_and_reach_the_city_room_in_one_click(client, repair_cafe, room):
    client.force_login(repair_cafe.member)
    form = client.get("/unterstuetzung/bedarfe/neu/")
    assert form.status_code == 200
    assert 'value="Bochum"' in form.content.decode()  # the initiative's municipality
    response = client.post(
        "/unterstuetzung/bedarfe/neu/",
        {
            "need_type": "room",
            "title": "Raum für monatliches Repair Café",
            "description": "20 Leute, Werkbänke",
            "schedule": "monatlich, 2. Samstag",
            "municipality": "Bochum",
        },
        follow=True,
    )
    need = Need.objects.get()
    assert response.redirect_chain[-1][0] == need.get_absolute_url()
    page = response.content.decode()
    assert f'href="{room.get_absolute_url()}?bedarf={need.pk}"' in page
    offer_page = client.get(f"{room.get_absolute_url()}?bedarf={need.pk}").content.decode()
    assert "Bürgerhaus Langendreer" in offer_page
    assert f'<option value="{need.pk}" selected>' in offer_page


def test_a_need_form_without_municipality_shows_the_error_and_saves_nothing(client, repair_cafe):
    client.force_login(repair_cafe.member)
    response = client.post(
        "/unterstuetzung/bedarfe/neu/", {"need_type": "room", "title": "Raum", "municipality": ""}
    )
    assert response.status_code == 400
    assert "Gib eine Kommune oder einen Ort für den Bedarf an." in response.content.decode()
    assert not Need.objects.exists()


def test_a_need_title_with_a_line_break_is_a_form_error(client, repair_cafe):
    client.force_login(repair_cafe.member)
    response = client.post(
        "/unterstuetzung/bedarfe/neu/",
        {"need_type": "room", "title": "Raum\r\ngesucht", "municipality": "Bochum"},
    )
    assert response.status_code == 400
    assert "Bitte schreib das in eine Zeile" in response.content.decode()
    assert not Need.objects.exists()


def test_an_offer_form_with_bad_input_saves_nothing(client, city):
    client.force_login(city.member)
    response = client.post(
        "/unterstuetzung/angebote/neu/?typ=room",
        {"offer_type": "room", "title": "Saal", "capacity": "0"},
    )
    assert response.status_code == 400
    response = client.post(
        "/unterstuetzung/angebote/neu/?typ=room",
        {"offer_type": "room", "title": "Saal\nim Rathaus", "capacity": "40"},
    )
    assert response.status_code == 400
    assert "Bitte schreib das in eine Zeile" in response.content.decode()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        "/unterstuetzung/angebote/neu/?typ=funding",
        {"offer_type": "funding", "title": "Programm", "funder": "Stadt", "deadline": past},
    )
    assert response.status_code == 400
    assert not Offer.objects.exists()
    response = client.post(
        "/unterstuetzung/angebote/neu/?typ=funding",
        {
            "offer_type": "funding",
            "title": "Programm",
            "funder": "Stadt",
            "deadline": (timezone.localdate() + timedelta(days=9)).isoformat(),
            "notify_matches": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Offer.objects.get().municipality.slug == "bochum"


def test_editing_another_organisations_offer_is_forbidden(client, room, herne_city):
    client.force_login(herne_city.member)
    assert client.get(f"/unterstuetzung/angebote/{room.pk}/bearbeiten/").status_code == 403
    response = client.post(
        f"/unterstuetzung/angebote/{room.pk}/bearbeiten/", {"title": "Gekapert", "capacity": "1"}
    )
    assert response.status_code == 403
    room.refresh_from_db()
    assert room.title == "Bürgerhaus Langendreer, Saal 2"


def test_the_owner_edits_the_offer(client, room, city):
    client.force_login(city.member)
    url = f"/unterstuetzung/angebote/{room.pk}/bearbeiten/"
    form = form_in(client.get(url), form_id="offer-form")
    response = client.post(url, {**form, "title": "Saal 3", "capacity": "25"})
    assert response.status_code == 302
    room.refresh_from_db()
    assert (room.title, room.capacity) == ("Saal 3", 25)


def test_an_initiative_member_cannot_change_another_initiatives_need(client, towns, repair_cafe):
    need = NeedFactory(municipality=towns["bochum"])
    client.force_login(repair_cafe.member)
    assert (
        client.post(
            f"/unterstuetzung/bedarfe/{need.pk}/status/", {"status": "withdrawn"}
        ).status_code
        == 403
    )
    assert client.post(f"/unterstuetzung/bedarfe/{need.pk}/verlaengern/").status_code == 403
    need.refresh_from_db()
    assert need.status == "open"


def test_room_finder_filters_and_ranks(client, room, towns):
    OfferFactory(title="Herne klein", municipality=towns["herne"], capacity=8)
    page = client.get("/raeume/?municipality=Bochum").content.decode()
    assert page.index("Bürgerhaus Langendreer") < page.index("Herne klein")
    assert "near=1" in page and 'id="map"' in page
    page = client.get("/raeume/?capacity_min=20&step_free=1").content.decode()
    assert "Bürgerhaus" in page and "Herne klein" not in page
    bad = client.get("/raeume/?capacity_min=viele")
    assert bad.status_code == 200 and "capacity_min" in bad.content.decode()


def test_funding_finder_hides_passed_deadlines(client, city, towns):
    OfferFactory(
        title="Klimafonds",
        organisation=city,
        offer_type="funding",
        funder="Stadt",
        capacity=None,
        municipality=towns["bochum"],
        deadline=timezone.localdate() + timedelta(days=5),
    )
    OfferFactory(
        title="Alter Fonds",
        organisation=city,
        offer_type="funding",
        funder="Stadt",
        capacity=None,
        municipality=towns["bochum"],
        deadline=timezone.localdate() - timedelta(days=5),
    )
    page = client.get("/foerderung/").content.decode()
    assert "Klimafonds" in page and "Alter Fonds" not in page


def test_permit_guides_per_municipality(client, city, towns):
    OfferFactory(
        title="Straßenfest anmelden",
        organisation=city,
        offer_type="permit",
        topic="street_festival",
        capacity=None,
        municipality=towns["bochum"],
        steps="1. Antrag\n2. Gebühr",
    )
    assert "Straßenfest anmelden" in client.get("/kommunen/bochum/genehmigungen/").content.decode()
    assert (
        "Straßenfest anmelden" not in client.get("/kommunen/herne/genehmigungen/").content.decode()
    )
    assert client.get("/kommunen/atlantis/genehmigungen/").status_code == 404


def test_the_workspace_shows_the_need_to_the_city_only(
    client, city, herne_city, repair_cafe, towns
):
    NeedFactory(
        title="Raum für monatliches Repair Café",
        organisation=repair_cafe,
        municipality=towns["bochum"],
    )
    url = f"/konto/arbeitsbereich/{city.slug}/"
    assert client.get(url).status_code == 302  # login first
    for user in (herne_city.member, repair_cafe.member, UserFactory()):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(url + "export.csv").status_code == 403
    client.force_login(city.member)
    page = client.get(url).content.decode()
    assert "Raum für monatliches Repair Café" in page
    assert 'id="count-initiatives">1<' in page
    csv = client.get(url + "export.csv").content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("name;url;")
    assert "Repair Café Bochum-Mitte" in csv and "Raum für monatliches Repair Café" in csv
    assert "@" not in csv


def test_stale_initiatives_in_the_workspace(client, city, repair_cafe):
    initiative = repair_cafe.initiative
    initiative.last_confirmed_at = timezone.now() - timedelta(days=600)
    initiative.save()
    client.force_login(city.member)
    page = client.get(f"/konto/arbeitsbereich/{city.slug}/")
    assert initiative in page.context["stale_initiatives"]
    assert page.context["stale_count"] == 1


def test_public_pages_render_without_login(client, room, towns, repair_cafe):
    need = NeedFactory(organisation=repair_cafe, municipality=towns["bochum"])
    for url in (
        "/unterstuetzung/",
        "/unterstuetzung/bedarfe/",
        "/unterstuetzung/angebote/",
        need.get_absolute_url(),
        room.get_absolute_url(),
        "/unterstuetzung/bedarfe/?type=nope",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "team@repaircafe.example" not in response.content.decode()
    assert client.get("/unterstuetzung/bedarfe/neu/").status_code == 302


def test_a_withdrawn_need_is_gone_for_the_public(client, towns, repair_cafe):
    need = NeedFactory(organisation=repair_cafe, municipality=towns["bochum"], status="withdrawn")
    assert client.get(need.get_absolute_url()).status_code == 410
    client.force_login(repair_cafe.member)
    assert client.get(need.get_absolute_url()).status_code == 200


def test_a_refusal_says_why_in_german(client, room, herne_city):
    client.force_login(herne_city.member)
    response = client.get(f"/unterstuetzung/angebote/{room.pk}/bearbeiten/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "Du kannst nur die Angebote deiner eigenen Organisation bearbeiten." in text
    assert "Es wurde nichts geändert." in text
