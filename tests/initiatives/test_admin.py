"""The admin writes entries through the services: a field edit becomes one version with the
admin as actor, its topics included; adding an entry creates a draft."""

import pytest
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.versions import snapshot
from mitmachkarte.taxonomy.models import Category
from tests.factories import InitiativeFactory
from tests.page_forms import form_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "pw")
    client.force_login(user)
    client.user = user
    return client


def test_a_field_edit_in_the_admin_is_one_version_by_the_admin(reference_data, admin_client):
    entry = InitiativeFactory(name="Garten", description="alt")
    url = reverse("admin:initiatives_initiative_change", args=[entry.pk])
    data = form_in(admin_client.get(url), form_id="initiative_form")
    garden = Category.objects.get(slug="gardening-nature")
    data.update(description="neu\r\n", categories=[str(garden.pk)])
    versions = entry.history.count()
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert snapshot(entry, ["description", "categories"]) == {
        "description": "neu",
        "categories": ["gardening-nature"],
    }
    assert entry.history.count() == versions + 1
    version = entry.history.order_by("-history_id").first()
    assert (version.history_user, version.history_change_reason) == (admin_client.user, "Admin")
    assert "neu" in entry.search_text.split()  # derived fields refreshed


def test_an_entry_added_in_the_admin_is_a_draft_until_published(reference_data, admin_client):
    url = reverse("admin:initiatives_initiative_add")
    data = form_in(admin_client.get(url), form_id="initiative_form")
    data.update(
        name="Neuer Garten",
        slug="neuer-garten",
        short_description="Kurz",
        latitude="51.0",
        longitude="7.0",
        categories=[str(Category.objects.get(slug="repair").pk)],
        last_confirmed_at_0="2026-01-01",
        last_confirmed_at_1="10:00",
        social_links="[]",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = Initiative.objects.get(slug="neuer-garten")
    assert entry.status == Status.DRAFT and entry.published_at is None
    assert list(entry.categories.values_list("slug", flat=True)) == ["repair"]
    assert entry.history.first().history_user == admin_client.user
