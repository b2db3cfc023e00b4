"""No lost updates on entries: edit form, suggestions, review, revert (core.concurrency)."""

import pytest
from django.test import Client
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.stewardship import edits, freshness, suggestions
from mitmachkarte.stewardship.models import Suggestion, SuggestionStatus
from tests.factories import MembershipFactory
from tests.page_forms import form_in, version_in

pytestmark = pytest.mark.django_db


def edit_url(initiative) -> str:
    return reverse("stewardship:edit", args=[initiative.slug])


def edit_form(response) -> dict:
    return form_in(response, form_id="edit-form")


def fresh(initiative) -> Initiative:
    return Initiative.objects.get(pk=initiative.pk)


@pytest.fixture
def two_editors(world):
    """Two browsers logged in as two editors of entry A."""
    first, second = Client(), Client()
    other = MembershipFactory(
        organisation=world["users"]["editor_a"].memberships.first().organisation, role="editor"
    ).user
    other.first_name = "Zweite"
    other.save()
    world["users"]["editor_a"].first_name = "Erste"
    world["users"]["editor_a"].save()
    first.force_login(world["users"]["editor_a"])
    second.force_login(other)
    return first, second


def test_the_second_save_of_a_stale_form_is_refused_and_merged(world, two_editors):
    initiative, (first, second) = world["a"], two_editors
    form_1 = edit_form(first.get(edit_url(initiative)))
    form_2 = edit_form(second.get(edit_url(initiative)))
    assert first.post(edit_url(initiative), {**form_1, "city": "Erststadt"}).status_code == 302

    response = second.post(edit_url(initiative), {**form_2, "meeting_times": "Dienstags"})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Jemand anderes hat in der Zwischenzeit" in page and "Erste" in page
    assert "Erststadt" in page  # the other change, old → new
    assert fresh(initiative).city == "Erststadt"  # the first save survives
    assert fresh(initiative).meeting_times != "Dienstags"  # nothing of the second is saved
    # The form keeps what the second editor typed and shows the first's change elsewhere.
    again = edit_form(response)
    assert again["meeting_times"] == "Dienstags" and again["city"] == "Erststadt"
    assert second.post(edit_url(initiative), again).status_code == 302
    assert (fresh(initiative).city, fresh(initiative).meeting_times) == ("Erststadt", "Dienstags")


def test_both_changed_the_same_field_keeps_the_own_value_and_says_so(world, two_editors):
    initiative, (first, second) = world["a"], two_editors
    form_1 = edit_form(first.get(edit_url(initiative)))
    form_2 = edit_form(second.get(edit_url(initiative)))
    first.post(edit_url(initiative), {**form_1, "name": "Garten Eins"})

    response = second.post(edit_url(initiative), {**form_2, "name": "Garten Zwei"})

    assert response.status_code == 409
    assert "Das hast du auch geändert" in response.content.decode()
    assert edit_form(response)["name"] == "Garten Zwei"
    assert fresh(initiative).name == "Garten Eins"


def test_an_up_to_date_form_saves_and_unrelated_changes_do_not_block(world, two_editors):
    initiative, (first, _second) = world["a"], two_editors
    form = edit_form(first.get(edit_url(initiative)))
    # A confirmation changes the entry, but no field of the form.
    freshness.confirm_initiative(initiative=initiative, user=world["users"]["network"])
    assert first.post(edit_url(initiative), {**form, "city": "Aktuell"}).status_code == 302
    assert fresh(initiative).city == "Aktuell"


@pytest.mark.parametrize("token", ["", "kaputt", "forged:abc"])
def test_a_missing_or_forged_version_saves_nothing_and_keeps_the_values(world, client, token):
    initiative = world["a"]
    client.force_login(world["users"]["editor_a"])
    form = edit_form(client.get(edit_url(initiative)))
    response = client.post(edit_url(initiative), {**form, "version": token, "city": "Ohne"})
    assert response.status_code == 409
    assert "konnte nicht mit dem aktuellen Stand" in response.content.decode()
    assert fresh(initiative).city != "Ohne"
    again = edit_form(response)
    assert again["city"] == "Ohne"
    assert client.post(edit_url(initiative), again).status_code == 302
    assert fresh(initiative).city == "Ohne"


def test_a_version_of_another_entry_is_refused(world, client):
    client.force_login(world["users"]["network"])
    form_a = edit_form(client.get(edit_url(world["a"])))
    form_b = edit_form(client.get(edit_url(world["b"])))
    response = client.post(edit_url(world["a"]), {**form_a, "version": form_b["version"]})
    assert response.status_code == 409


def test_a_stale_suggestion_is_refused_and_names_no_editor(world, two_editors):
    initiative, (editor, _second) = world["a"], two_editors
    suggester = Client()
    suggester.force_login(world["users"]["plain"])
    suggestion_form = edit_form(suggester.get(edit_url(initiative)))
    form = edit_form(editor.get(edit_url(initiative)))
    editor.post(edit_url(initiative), {**form, "city": "Redaktionsstadt"})

    response = suggester.post(
        edit_url(initiative), {**suggestion_form, "how_to_join": "Einfach vorbeikommen"}
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "Redaktionsstadt" in page and "Erste" not in page
    assert not Suggestion.objects.exists()
    again = edit_form(response)
    assert again["city"] == "Redaktionsstadt" and again["how_to_join"] == "Einfach vorbeikommen"
    assert suggester.post(edit_url(initiative), again).status_code == 302
    # Only what the suggester changed, not a revert of the editor's city.
    assert Suggestion.objects.get().changes == {"how_to_join": "Einfach vorbeikommen"}


def test_accepting_over_a_change_not_seen_is_refused(world, two_editors):
    initiative, (reviewer, other) = world["a"], two_editors
    suggestion = suggestions.suggest_changes(
        initiative=initiative, changes={"city": "Vorschlagsstadt"}, user=world["users"]["plain"]
    )
    accept = reverse("stewardship:accept_suggestion", args=[suggestion.pk])
    version = version_in(reviewer.get(reverse("stewardship:suggestions")))
    form = edit_form(other.get(edit_url(initiative)))
    other.post(edit_url(initiative), {**form, "city": "Neuerstadt"})

    response = reviewer.post(accept, {"version": version})

    assert response.status_code == 409
    page = response.content.decode()
    assert "Neuerstadt" in page and "Zweite" in page
    # The page now says the entry changed since the suggestion was made.
    assert "Seit diesem Vorschlag wurde der Eintrag geändert" in page
    assert fresh(initiative).city == "Neuerstadt"
    assert Suggestion.objects.get().status == SuggestionStatus.PENDING
    assert reviewer.post(accept, {"version": version_in(response)}).status_code == 302
    assert fresh(initiative).city == "Vorschlagsstadt"


def test_reverting_from_a_stale_history_page_is_refused(world, two_editors):
    initiative, (first, second) = world["a"], two_editors
    edits.update_initiative(
        initiative=initiative, changes={"city": "Alt"}, user=world["users"]["network"]
    )
    old = initiative.history.order_by("-history_id").first()
    edits.update_initiative(
        initiative=initiative, changes={"city": "Mitte"}, user=world["users"]["network"]
    )
    history = reverse("stewardship:history", args=[initiative.slug])
    revert = reverse("stewardship:revert", args=[initiative.slug, old.history_id])
    version = version_in(first.get(history))
    form = edit_form(second.get(edit_url(initiative)))
    second.post(edit_url(initiative), {**form, "description": "Neu geschrieben"})

    response = first.post(revert, {"version": version})

    assert response.status_code == 409
    assert "Neu geschrieben" in response.content.decode()
    assert fresh(initiative).description == "Neu geschrieben" and fresh(initiative).city == "Mitte"
    assert first.post(revert, {"version": version_in(response)}).status_code == 302
    assert fresh(initiative).city == "Alt"
