"""Editing, suggestions, history and revert through the services, as a permission matrix."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.initiatives import versions
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.stewardship import edits, freshness, history, suggestions
from mitmachkarte.stewardship.models import Suggestion, SuggestionStatus

pytestmark = pytest.mark.django_db

# role: may publish directly on entry A (in A-Stadt), on entry B (in B-Dorf)
PUBLISH = {
    "network": (True, True),
    "municipal_a": (True, False),
    "municipal_b": (False, True),
    "editor_a": (True, False),
    "plain": (False, False),
    "anonymous": (False, False),
}


@pytest.mark.parametrize("role", PUBLISH)
@pytest.mark.parametrize("entry", ["a", "b"])
def test_update_matrix(world, role, entry):
    user, initiative = world["users"][role], world[entry]
    allowed = PUBLISH[role][0 if entry == "a" else 1]
    if allowed:
        edits.update_initiative(initiative=initiative, changes={"city": "Neustadt"}, user=user)
        assert Initiative.objects.get(pk=initiative.pk).city == "Neustadt"
        assert initiative.history.first().history_user == user
    else:
        with pytest.raises(PermissionDenied):
            edits.update_initiative(initiative=initiative, changes={"city": "Neustadt"}, user=user)
        assert Initiative.objects.get(pk=initiative.pk).city != "Neustadt"


@pytest.mark.parametrize("role", PUBLISH)
def test_accept_revert_archive_matrix(world, role):
    """Accepting suggestions, reverting and archiving follow the same rule as editing."""
    user, initiative = world["users"][role], world["a"]
    allowed = PUBLISH[role][0]
    edits.update_initiative(
        initiative=initiative, changes={"city": "Erst"}, user=world["users"]["network"]
    )
    first = initiative.history.order_by("-history_id").first()
    edits.update_initiative(
        initiative=initiative, changes={"city": "Zweit"}, user=world["users"]["network"]
    )
    suggestion = suggestions.suggest_changes(
        initiative=initiative, changes={"city": "Dritt"}, user=world["users"]["plain"]
    )
    for action in (
        lambda: suggestions.accept_suggestion(suggestion=suggestion, user=user),
        lambda: history.revert_initiative(
            initiative=initiative, history_id=first.history_id, user=user
        ),
        lambda: freshness.archive_initiative(initiative=initiative, user=user),
    ):
        if allowed:
            action()
        else:
            with pytest.raises(PermissionDenied):
                action()
    initiative.refresh_from_db()
    if allowed:
        assert initiative.status == Status.ARCHIVED and initiative.city == "Erst"
        assert Suggestion.objects.get().status == SuggestionStatus.ACCEPTED
    else:
        assert initiative.status == Status.PUBLISHED and initiative.city == "Zweit"
        assert Suggestion.objects.get().status == SuggestionStatus.PENDING


def test_update_keeps_m2m_and_derives_municipality(world):
    initiative, editor = world["a"], world["users"]["editor_a"]
    edits.update_initiative(
        initiative=initiative,
        user=editor,
        changes={
            "categories": ["gardening-nature", "repair"],
            "sdgs": [11, 12],
            "tags": ["Saatgut", "Bienen"],
            "latitude": 52.0,
            "longitude": 8.0,
        },
    )
    initiative = Initiative.objects.get(pk=initiative.pk)
    assert initiative.municipality == world["town_b"]
    assert sorted(initiative.categories.values_list("slug", flat=True)) == [
        "gardening-nature",
        "repair",
    ]
    assert sorted(initiative.sdgs.values_list("number", flat=True)) == [11, 12]
    assert "saatgut" in initiative.search_text
    # Only the text fields changed: the m2m stay.
    edits.update_initiative(initiative=initiative, user=editor, changes={"name": "Neu"})
    assert initiative.tags.count() == 2
    # One version per change (plus the creation and its m2m records from the factory).
    latest = initiative.history.order_by("-history_id").first()
    assert latest.name == "Neu"
    assert sorted(latest.tags.values_list("tag__name", flat=True)) == ["Bienen", "Saatgut"]


@pytest.mark.parametrize(
    "changes",
    [
        {"description": "x" * 10_001},
        {"name": ""},
        {"latitude": 200.0},
        {"categories": []},
        {"categories": ["no-such-category"]},
        {"website": "javascript:alert(1)"},
        {"slug": "hijack"},
        {"status": "published"},
        {"tags": ["x" * 61]},
    ],
)
def test_bad_changes_change_nothing(world, changes):
    initiative = world["a"]
    before = versions.snapshot(initiative)
    count = initiative.history.count()
    with pytest.raises(ValidationError):
        edits.update_initiative(
            initiative=initiative, changes=changes, user=world["users"]["editor_a"]
        )
    initiative = Initiative.objects.get(pk=initiative.pk)
    assert versions.snapshot(initiative) == before
    assert initiative.history.count() == count


def test_suggestion_needs_login_and_a_change(world):
    initiative = world["a"]
    with pytest.raises(PermissionDenied):
        suggestions.suggest_changes(
            initiative=initiative, changes={"city": "X"}, user=world["users"]["anonymous"]
        )
    with pytest.raises(ValidationError):
        suggestions.suggest_changes(
            initiative=initiative, changes={"city": initiative.city}, user=world["users"]["plain"]
        )
    assert not Suggestion.objects.exists()


def test_reject_needs_reason_and_mails_author(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    initiative, author = world["a"], world["users"]["plain"]
    suggestion = suggestions.suggest_changes(
        initiative=initiative, changes={"city": "X"}, user=author, comment="Umgezogen"
    )
    with pytest.raises(ValidationError):
        suggestions.reject_suggestion(
            suggestion=suggestion, user=world["users"]["editor_a"], reason="  "
        )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        suggestions.reject_suggestion(
            suggestion=suggestion, user=world["users"]["editor_a"], reason="Stimmt nicht"
        )
    assert [m.to for m in mailoutbox] == [[author.email]]
    assert "Stimmt nicht" in mailoutbox[0].body
    with pytest.raises(ValidationError):  # decided once
        suggestions.accept_suggestion(suggestion=suggestion, user=world["users"]["editor_a"])
    assert Initiative.objects.get(pk=initiative.pk).city != "X"


def test_revert_creates_a_new_version(world):
    initiative, editor = world["a"], world["users"]["editor_a"]
    edits.update_initiative(
        initiative=initiative, user=editor, changes={"name": "Erster Name", "tags": ["eins"]}
    )
    good = initiative.history.order_by("-history_id").first()
    edits.update_initiative(
        initiative=initiative,
        user=editor,
        changes={"name": "Vandalismus", "tags": ["zwei", "drei"]},
    )
    count = initiative.history.count()
    history.revert_initiative(initiative=initiative, history_id=good.history_id, user=editor)
    initiative = Initiative.objects.get(pk=initiative.pk)
    assert initiative.name == "Erster Name"
    assert list(initiative.tags.values_list("name", flat=True)) == ["eins"]
    assert initiative.history.count() == count + 1
    assert (
        "Zurückgesetzt" in initiative.history.order_by("-history_id").first().history_change_reason
    )
    with pytest.raises(ValidationError):
        history.revert_initiative(initiative=initiative, history_id=999_999, user=editor)


def test_bulk_created_entry_gets_a_baseline_version(world):
    initiative = world["b"]
    initiative.history.all().delete()  # as after the demo's bulk_create
    edits.update_initiative(
        initiative=initiative, changes={"city": "Später"}, user=world["users"]["network"]
    )
    versions = list(initiative.history.order_by("history_id"))
    assert len(versions) == 2 and versions[0].city != "Später" and versions[1].city == "Später"
