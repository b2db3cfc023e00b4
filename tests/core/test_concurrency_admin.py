"""The admin's change forms refuse a save based on a stale version (ConflictCheckedAdmin)."""

import pytest
from django.test import Client

from mitmachkarte.groups import services as group_services
from tests.factories import (
    EventFactory,
    InitiativeFactory,
    MunicipalityFactory,
    NeedFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.groups.conftest import schedule
from tests.page_forms import form_in

pytestmark = pytest.mark.django_db


def initiative():
    town = MunicipalityFactory(with_boundary=True)
    return InitiativeFactory(latitude=town.latitude, longitude=town.longitude, tags=["Garten"])


def need(**fields):
    return NeedFactory(municipality=MunicipalityFactory(), **fields)


def meeting():
    chair = UserFactory()
    group = group_services.create_group(name="AG Klima", created_by=chair, region="Ruhr")
    occurrence = schedule(group, chair).event.occurrences.first()
    return group_services.meeting_for(occurrence=occurrence)


# (make an object, a field the first admin changes, a field the second admin changes)
CASES = {
    "initiative": (initiative, "city", "meeting_times"),
    "event": (EventFactory, "venue_name", "description"),
    "need": (need, "title", "schedule"),
    "workinggroup": (WorkingGroupFactory, "region", "purpose"),
    "meeting": (meeting, "agenda", "minutes"),
}


@pytest.fixture
def admins(django_user_model, reference_data):
    clients = []
    for name in ("erste", "zweite"):
        user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def change_url(obj) -> str:
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def change_form(client, obj) -> dict:
    return form_in(client.get(change_url(obj)), form_id=f"{obj._meta.model_name}_form")


@pytest.mark.parametrize("case", CASES)
def test_the_second_admin_save_is_refused_and_the_first_survives(admins, case):
    make, theirs, mine = CASES[case]
    obj = make()
    first, second = admins
    form_1, form_2 = change_form(first, obj), change_form(second, obj)
    response = first.post(change_url(obj), {**form_1, theirs: "Von der Ersten"})
    assert response.status_code == 302, response.context["adminform"].form.errors

    response = second.post(change_url(obj), {**form_2, mine: "Von der Zweiten"})

    assert response.status_code == 200  # the form again, with the error on top
    page = response.content.decode()
    assert "Jemand anderes hat in der Zwischenzeit" in page and "Von der Ersten" in page
    saved = type(obj).objects.get(pk=obj.pk)
    assert getattr(saved, theirs) == "Von der Ersten"
    assert getattr(saved, mine) != "Von der Zweiten"
    # The typed value stays; saving again (now with the current version) is deliberate.
    again = form_in(response, form_id=f"{obj._meta.model_name}_form")
    assert again[mine] == "Von der Zweiten"
    assert second.post(change_url(obj), again).status_code == 302
    saved = type(obj).objects.get(pk=obj.pk)
    assert getattr(saved, mine) == "Von der Zweiten"


def test_an_up_to_date_admin_save_passes_and_a_missing_version_is_refused(admins):
    obj = need(title="Alt")
    first, _second = admins
    form = change_form(first, obj)
    stripped = {k: v for k, v in form.items() if k != "_version"}
    response = first.post(change_url(obj), {**stripped, "title": "Ohne Version"})
    assert response.status_code == 200
    assert type(obj).objects.get(pk=obj.pk).title == "Alt"
    assert first.post(change_url(obj), {**form, "title": "Neu"}).status_code == 302
    assert type(obj).objects.get(pk=obj.pk).title == "Neu"


def test_the_admin_names_who_changed_an_entry(admins):
    obj = initiative()
    first, second = admins
    form_1, form_2 = change_form(first, obj), change_form(second, obj)
    first.post(change_url(obj), {**form_1, "city": "Erststadt"})
    response = second.post(change_url(obj), {**form_2, "city": "Zweitstadt"})
    assert "Geändert von erste" in response.content.decode()
