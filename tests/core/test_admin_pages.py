"""Every model in the admin: list (with a search and each filter) and add pages render."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import EventFactory, InitiativeFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model, reference_data):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-123456")
    client.force_login(user)
    town = MunicipalityFactory(with_boundary=True)
    InitiativeFactory(latitude=town.latitude, longitude=town.longitude, tags=["Reparatur"])
    EventFactory()
    return client


def test_every_admin_list_and_add_page_renders(staff_client):
    checked = 0
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        assert staff_client.get(changelist).status_code == 200, changelist
        if model_admin.search_fields:
            assert staff_client.get(changelist, {"q": "test"}).status_code == 200, changelist
        response = staff_client.get(reverse("admin:{}_{}_add".format(*info)))
        assert response.status_code in (200, 403), info  # 403: admins that forbid adding
        obj = model._default_manager.first()
        if obj is not None:
            change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            assert staff_client.get(change).status_code == 200, change
        checked += 1
    assert checked >= 8
