"""An entry's name (and address, phone) is one line: refused with line breaks or other
control characters through every door — service, proposal, revision, edit form, admin,
import — with one German message shown at the field."""

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.versions import snapshot
from mitmachkarte.interop.services import import_entries
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    OrganisationFactory,
)
from tests.moderation.conftest import A
from tests.moderation.test_propose_views import URL, form_data
from tests.stewardship.test_views import form_data as edit_data

pytestmark = pytest.mark.usefixtures("reference_data")

MESSAGE = "Bitte schreib das in eine Zeile, ohne Zeilenumbrüche oder andere Steuerzeichen."
BAD_NAMES = ["Repair\nCafé", "Repair\r\nCafé", "Repair\rCafé", "Repair\x00Café", "Repair\u2028Café"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_the_service_refuses_a_name_with_a_line_break(db, name):
    with pytest.raises(ValidationError) as caught:
        InitiativeFactory(name=name)
    assert caught.value.message_dict["name"] == [MESSAGE]
    assert not Initiative.objects.exists()


@pytest.mark.parametrize("field", ["street", "postcode", "city", "contact_phone"])
def test_other_one_line_fields_too(db, field):
    with pytest.raises(ValidationError) as caught:
        InitiativeFactory(**{field: "1\n2"})
    assert list(caught.value.message_dict) == [field]


def test_a_trailing_line_break_is_just_trimmed(db):
    assert InitiativeFactory(name="Repair Café\n").name == "Repair Café"


def test_the_proposal_form_shows_it_at_the_name(client, db):
    MunicipalityFactory(latitude=A[0], longitude=A[1], with_boundary=True)
    response = client.post(URL, form_data(name="Foodsharing\r\nNeustadt"))
    assert response.status_code == 200
    html = response.content.decode()
    assert MESSAGE in html
    assert not Initiative.objects.exists()


def test_the_proposers_name_is_one_line_too(client, db):
    MunicipalityFactory(latitude=A[0], longitude=A[1], with_boundary=True)
    response = client.post(URL, form_data(proposer_name="Paula\nBcc: x@example.org"))
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Initiative.objects.exists()


def test_the_edit_form_shows_it_at_the_name(client, db):
    entry = InitiativeFactory(name="Garten", latitude=51.0, longitude=7.0)
    editor = MembershipFactory(organisation=OrganisationFactory(initiative=entry)).user
    client.force_login(editor)
    before = snapshot(entry)
    response = client.post(
        reverse("stewardship:edit", args=[entry.slug]), edit_data(entry, name="Gar\nten")
    )
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert snapshot(Initiative.objects.get(pk=entry.pk)) == before


def test_the_admin_form_refuses_it(db, django_user_model):
    entry = InitiativeFactory(name="Garten")
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.create_superuser("a", "a@example.org", "pw")
    form_class = admin.site._registry[Initiative].get_form(request, entry)
    data = {
        **{f: getattr(entry, f) for f in ("short_description", "latitude", "longitude")},
        "name": "Gar\nten",
        "slug": entry.slug,
        "status": entry.status,
        "data_licence": entry.data_licence,
        "categories": list(entry.categories.values_list("pk", flat=True)),
        "last_confirmed_at_0": "2026-01-01",
        "last_confirmed_at_1": "10:00",
        "social_links": "[]",
    }
    form = form_class(data, instance=entry)
    assert not form.is_valid()
    assert form.errors["name"] == [MESSAGE]


def test_an_imported_row_with_a_control_character_in_the_name_is_rejected(db):
    header = "id,name,short_description,latitude,longitude,categories,data_licence\n"
    rows = (
        "1,Repair\x1bCafé,Kurz,51.0,7.0,repair,ODbL-1.0\n2,Garten,Kurz,51.5,7.5,repair,ODbL-1.0\n"
    )
    report = import_entries(data=(header + rows).encode(), fmt="csv")
    assert [line for line, _reason in report.rejected] == [2]
    assert MESSAGE in report.rejected[0][1]
    assert list(Initiative.objects.values_list("name", flat=True)) == ["Garten"]
