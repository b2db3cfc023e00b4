"""The pages: edit or suggest, CSRF, inert HTML, history, suggestions, stale list, API flag."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitmachkarte.initiatives import versions
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.versions import version_token
from mitmachkarte.stewardship import edits, suggestions
from mitmachkarte.stewardship.models import Suggestion, SuggestionStatus
from tests.page_forms import version_in

pytestmark = pytest.mark.django_db


def form_data(initiative, **overrides) -> dict:
    """The edit form as a browser sends it, opened just now."""
    initiative = Initiative.objects.get(pk=initiative.pk)
    snap = versions.snapshot(initiative)
    data = {
        **snap,
        "version": version_token(initiative),
        "tags": ", ".join(snap["tags"]),
        "social_links": "\n".join(snap["social_links"]),
        "founded_year": snap["founded_year"] or "",
    }
    data = {k: v for k, v in data.items() if v is not None}
    data.update(overrides)
    return data


def edit_url(initiative) -> str:
    return reverse("stewardship:edit", args=[initiative.slug])


def test_anonymous_edit_redirects_to_login_and_saves_nothing(world, client):
    initiative = world["a"]
    for response in (
        client.get(edit_url(initiative)),
        client.post(edit_url(initiative), form_data(initiative, city="Hack")),
    ):
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")
    assert Initiative.objects.get(pk=initiative.pk).city != "Hack"
    assert not Suggestion.objects.exists()


def test_editor_publishes_directly(world, client):
    initiative = world["a"]
    client.force_login(world["users"]["editor_a"])
    response = client.post(edit_url(initiative), form_data(initiative, city="Neuhausen"))
    assert response.status_code == 302
    assert "Neuhausen" in client.get(initiative.get_absolute_url()).content.decode()


def test_other_user_only_suggests_and_never_sees_the_contact_address(world, client):
    initiative = world["a"]
    client.force_login(world["users"]["plain"])
    page = client.get(edit_url(initiative)).content.decode()
    assert "garten-a@initiative.example" not in page and 'name="contact_email"' not in page
    data = form_data(
        initiative, city="Vorschlagsstadt", comment="umgezogen", contact_email="evil@example.org"
    )
    response = client.post(edit_url(initiative), data)
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.city != "Vorschlagsstadt"
    assert initiative.contact_email == "garten-a@initiative.example"
    suggestion = Suggestion.objects.get()
    assert suggestion.changes == {"city": "Vorschlagsstadt"} and suggestion.comment == "umgezogen"


def test_suggestion_review_by_editor_but_not_by_others(world, client):
    initiative = world["a"]
    suggestion = suggestions.suggest_changes(
        initiative=initiative, changes={"city": "Neustadt-Vorschlag"}, user=world["users"]["plain"]
    )
    accept = reverse("stewardship:accept_suggestion", args=[suggestion.pk])
    for role in ("plain", "municipal_b"):
        client.force_login(world["users"][role])
        assert client.post(accept).status_code == 403
        page = client.get(reverse("stewardship:suggestions")).content.decode()
        assert "Neustadt-Vorschlag" not in page
    client.force_login(world["users"]["editor_a"])
    page = client.get(reverse("stewardship:suggestions")).content.decode()
    assert "Garten A" in page and "Neustadt-Vorschlag" in page
    version = version_in(client.get(reverse("stewardship:suggestions")))
    assert client.post(accept, {"version": version}).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).city == "Neustadt-Vorschlag"
    assert Suggestion.objects.get().status == SuggestionStatus.ACCEPTED


def test_missing_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["editor_a"])
    initiative = world["a"]
    response = client.post(edit_url(initiative), form_data(initiative, city="Ohne Token"))
    assert response.status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).city != "Ohne Token"


def test_html_is_rendered_inert(world, client):
    initiative = world["a"]
    client.force_login(world["users"]["editor_a"])
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = client.post(
        edit_url(initiative),
        form_data(
            initiative, name=f"Garten {evil}"[:160], description=f"Text {evil}", meeting_times=evil
        ),
    )
    assert response.status_code == 302
    for url in (
        initiative.get_absolute_url(),
        reverse("stewardship:history", args=[initiative.slug]),
    ):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page


def test_oversized_and_invalid_input_is_a_form_error(world, client):
    initiative = world["a"]
    client.force_login(world["users"]["editor_a"])
    for overrides in (
        {"description": "x" * 10_001},
        {"latitude": "95"},
        {"website": "javascript:alert(1)"},
        {"categories": []},
    ):
        response = client.post(edit_url(initiative), form_data(initiative, **overrides))
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
    assert versions.snapshot(Initiative.objects.get(pk=initiative.pk)) == versions.snapshot(
        initiative
    )


@pytest.mark.parametrize(
    "role, status",
    [
        ("editor_a", 200),
        ("municipal_a", 200),
        ("network", 200),
        ("municipal_b", 403),
        ("plain", 403),
    ],
)
def test_history_page_and_revert(world, client, role, status):
    initiative = world["a"]
    edits.update_initiative(
        initiative=initiative, changes={"city": "Alt"}, user=world["users"]["network"]
    )
    old = initiative.history.order_by("-history_id").first()
    edits.update_initiative(
        initiative=initiative, changes={"city": "Kaputt"}, user=world["users"]["network"]
    )
    client.force_login(world["users"][role])
    url = reverse("stewardship:history", args=[initiative.slug])
    response = client.get(url)
    assert response.status_code == status
    revert = reverse("stewardship:revert", args=[initiative.slug, old.history_id])
    response = client.post(
        revert, {"version": version_token(Initiative.objects.get(pk=initiative.pk))}
    )
    if status == 200:
        page = client.get(url).content.decode()
        assert "Kaputt" in page and "Alt" in page and "Zurückgesetzt" in page
        assert Initiative.objects.get(pk=initiative.pk).city == "Alt"
    else:
        assert response.status_code == 403
        assert Initiative.objects.get(pk=initiative.pk).city == "Kaputt"


def test_history_needs_login(world, client):
    response = client.get(reverse("stewardship:history", args=[world["a"].slug]))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_outdated_flag_on_detail_list_and_api_but_not_map(world, client):
    Initiative.objects.filter(pk=world["a"].pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=600)
    )
    assert "möglicherweise veraltet" in client.get(world["a"].get_absolute_url()).content.decode()
    assert (
        "möglicherweise veraltet" not in client.get(world["b"].get_absolute_url()).content.decode()
    )
    assert "möglicherweise veraltet" in client.get("/").content.decode()
    items = {i["slug"]: i for i in client.get("/api/v1/initiatives").json()["items"]}
    assert items[world["a"].slug]["may_be_outdated"] is True
    assert items[world["b"].slug]["may_be_outdated"] is False
    assert client.get(f"/api/v1/initiatives/{world['a'].slug}").json()["may_be_outdated"]
    features = client.get("/api/v1/map?zoom=8&bbox=5,50,10,53").json()["features"]
    assert features and all("may_be_outdated" not in f["properties"] for f in features)


@pytest.mark.parametrize(
    "role, expected",
    [
        ("network", {"Garten A", "Repair B"}),
        ("municipal_a", {"Garten A"}),
        ("municipal_b", {"Repair B"}),
        ("editor_a", None),
        ("plain", None),
    ],
)
def test_stale_list_is_scoped_to_the_moderators_municipalities(world, client, role, expected):
    Initiative.objects.filter(pk__in=[world["a"].pk, world["b"].pk]).update(
        last_confirmed_at=timezone.now() - timedelta(days=600)
    )
    client.force_login(world["users"][role])
    response = client.get(reverse("stewardship:stale"))
    if expected is None:
        assert response.status_code == 403
        return
    names = {i.name for i in response.context["page"].object_list}
    assert names == expected


def test_privacy_page_is_linked_in_the_footer(client, db):
    page = client.get(reverse("stewardship:privacy")).content.decode()
    assert "Datenschutz" in page and "Deine Rechte" in page
    assert 'href="/datenschutz/"' in client.get("/veranstaltungen/").content.decode()


def test_api_never_contains_contact_addresses(world, client):
    for url in (
        "/api/v1/initiatives",
        f"/api/v1/initiatives/{world['a'].slug}",
        "/api/v1/initiatives.geojson",
    ):
        assert "initiative.example" not in json.dumps(client.get(url).json())


@pytest.mark.parametrize(
    "role, entry, outcome",
    [
        ("network", "a", "published"),
        ("network", "b", "published"),
        ("municipal_a", "a", "published"),
        ("municipal_a", "b", "suggested"),
        ("municipal_b", "a", "suggested"),
        ("editor_a", "a", "published"),
        ("editor_a", "b", "suggested"),
        ("plain", "a", "suggested"),
        ("anonymous", "a", "login"),
    ],
)
def test_edit_form_matrix(world, client, role, entry, outcome):
    initiative, user = world[entry], world["users"][role]
    if user.is_authenticated:
        client.force_login(user)
    data = form_data(initiative, city="Matrixstadt")
    if outcome != "published":
        data.pop("contact_email")
    response = client.post(edit_url(initiative), data)
    assert response.status_code == 302
    city = Initiative.objects.get(pk=initiative.pk).city
    assert (city == "Matrixstadt") == (outcome == "published")
    assert Suggestion.objects.exists() == (outcome == "suggested")
    if outcome == "login":
        assert response["Location"].startswith("/konto/login/")
