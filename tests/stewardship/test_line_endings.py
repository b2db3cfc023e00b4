"""Browsers send text areas with CRLF line endings: saving an unchanged text is no change —
no new version in the history, no suggestion, no "change" shown with identical text."""

import pytest
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.stewardship import diff
from mitmachkarte.stewardship.models import Suggestion

from .test_views import edit_url, form_data

pytestmark = pytest.mark.django_db

DESCRIPTION = "# Wir reparieren\n\n- Toaster\n- Lampen\n\nJeden Samstag."
AS_TYPED = "# Wir reparieren  \r\n\r\n- Toaster\r\n- Lampen \r\n\r\nJeden Samstag.\r\n"


def crlf_form(initiative, **overrides) -> dict:
    """The edit form as a browser sends it back: every line break of a text area as CRLF
    (the HTML parser reads CRLF in the page as LF, the form sends each LF as CRLF)."""
    data = form_data(initiative, **overrides)
    for field in ("description", "meeting_times", "how_to_join", "short_description"):
        data[field] = data[field].replace("\r\n", "\n").replace("\n", "\r\n")
    return data


@pytest.fixture
def entry(world):
    initiative = world["a"]
    Initiative.objects.filter(pk=initiative.pk).update(
        description=DESCRIPTION, meeting_times="Samstags\n10–14 Uhr"
    )
    initiative.refresh_from_db()
    return initiative


def test_an_unchanged_save_with_crlf_adds_no_version(world, entry, client):
    client.force_login(world["users"]["editor_a"])
    client.post(edit_url(entry), form_data(entry, city="Neustadt"))  # a first real change
    versions = entry.history.count()
    response = client.post(edit_url(entry), crlf_form(Initiative.objects.get(pk=entry.pk)))
    assert response.status_code == 302
    assert entry.history.count() == versions
    assert Initiative.objects.get(pk=entry.pk).description == DESCRIPTION


def test_typed_crlf_and_trailing_spaces_are_stored_normalised(world, entry, client):
    client.force_login(world["users"]["editor_a"])
    versions = entry.history.count()
    client.post(edit_url(entry), form_data(entry, description=AS_TYPED))
    assert Initiative.objects.get(pk=entry.pk).description == DESCRIPTION
    assert entry.history.count() == versions
    client.post(edit_url(entry), form_data(entry, description=AS_TYPED + "Neu."))
    assert Initiative.objects.get(pk=entry.pk).description == DESCRIPTION + "\nNeu."


def test_a_suggestion_with_only_line_ending_changes_is_no_suggestion(world, entry, client):
    client.force_login(world["users"]["plain"])
    response = client.post(edit_url(entry), crlf_form(entry, comment="nichts"))
    assert response.status_code == 400
    assert "Du hast nichts geändert." in response.content.decode()
    assert not Suggestion.objects.exists()
    client.post(edit_url(entry), crlf_form(entry, city="Neustadt"))
    assert Suggestion.objects.get().changes == {"city": "Neustadt"}


def test_stored_crlf_text_shows_no_change_when_another_field_changes(world, client):
    """Text saved before normalisation keeps CRLF until edited; other edits don't show it."""
    initiative = world["a"]
    Initiative.objects.filter(pk=initiative.pk).update(description=AS_TYPED)
    initiative.history.update(description=AS_TYPED)  # as saved by an older version
    initiative.refresh_from_db()
    client.force_login(world["users"]["editor_a"])
    versions = initiative.history.count()
    assert client.post(edit_url(initiative), crlf_form(initiative)).status_code == 302
    assert initiative.history.count() == versions  # nothing changed: nothing written
    client.post(edit_url(initiative), crlf_form(initiative, city="Neustadt"))
    rows = diff.version_rows(list(initiative.history.order_by("-history_id")), initiative)
    assert [c.label for c in rows[0].changes] == ["Ort"]
    history = client.get(reverse("stewardship:history", args=[initiative.slug])).content.decode()
    assert "Neustadt" in history and "Beschreibung" not in history
