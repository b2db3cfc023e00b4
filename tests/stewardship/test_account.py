"""GDPR: download the account data, delete the account; entries and history stay."""

import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.stewardship import edits, suggestions
from mitmachkarte.stewardship.models import Suggestion
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_export_contains_the_account_data(world, client):
    editor = world["users"]["editor_a"]
    suggestions.suggest_changes(initiative=world["b"], changes={"city": "Y"}, user=editor)
    client.force_login(editor)
    response = client.get(reverse("stewardship:account_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["user"]["email"] == editor.email
    assert [e["email"] for e in data["email_addresses"]] == [editor.email]
    assert data["memberships"][0]["role"] == "owner"
    assert data["suggestions"][0]["changes"] == {"city": "Y"}
    assert "password" not in json.dumps(data)


def test_export_needs_login(client, db):
    response = client.get(reverse("stewardship:account_export"))
    assert response.status_code == 302


def test_wrong_password_deletes_nothing(world, client):
    editor = world["users"]["editor_a"]
    client.force_login(editor)
    response = client.post(reverse("stewardship:account_delete"), {"password": "falsch"})
    assert response.status_code == 400
    assert User.objects.filter(pk=editor.pk).exists()


def test_deleting_an_account_keeps_entries_and_history(world, client):
    editor, initiative = world["users"]["editor_a"], world["a"]
    edits.update_initiative(initiative=initiative, changes={"city": "Bleibt"}, user=editor)
    suggestions.suggest_changes(initiative=world["b"], changes={"city": "Z"}, user=editor)
    versions = initiative.history.count()
    client.force_login(editor)
    response = client.post(reverse("stewardship:account_delete"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=editor.pk).exists()
    initiative = Initiative.objects.get(pk=initiative.pk)
    assert initiative.city == "Bleibt"
    assert initiative.history.count() == versions
    assert initiative.history.order_by("-history_id").first().history_user is None
    assert Suggestion.objects.get().author is None
    # logged out
    assert client.get(reverse("stewardship:account_data")).status_code == 302
