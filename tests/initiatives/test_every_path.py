"""Every door that publishes or archives an entry leaves the same traces.

The doors: the moderation queue, the admin's actions, an import, the editor's archive
button, the archive link of a reminder mail. Each run is compared with the moderation
queue doing the same to an entry of the same shape: one decision in the log (action,
actor, reason), one version in the history (actor, reason, status), the same dates and the
same mails to the same people (the proposer and the entry's editors). The API cannot
publish or archive at all (tested below), so it has no door to compare.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from mitmachkarte.api import api
from mitmachkarte.initiatives.lifecycle import set_status
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.services import create_initiative
from mitmachkarte.interop.services import import_entries
from mitmachkarte.moderation import services as moderation
from mitmachkarte.moderation.models import Action, Decision
from mitmachkarte.stewardship import tokens
from mitmachkarte.stewardship.models import FreshnessReminder
from tests.factories import MembershipFactory, MunicipalityFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

REASON = "Geprüft am Telefon, alles stimmt."
PROPOSER = "paula@example.org"
POINT = (51.0, 7.0)


@pytest.fixture
def scene(reference_data, django_user_model):
    MunicipalityFactory(name="A-Stadt", latitude=POINT[0], longitude=POINT[1], with_boundary=True)
    return {
        "moderator": MembershipFactory(organisation=OrganisationFactory(type="network_team")).user,
        "admin": django_user_model.objects.create_superuser("chef", "chef@example.org", "pw"),
        "editors": {},
    }


def make_entry(scene, name: str, *, status: str, people: bool) -> Initiative:
    """A pending entry like a proposal (with proposer and an editor when `people`),
    published first when `status` says so."""
    if people:
        entry = moderation.propose_initiative(
            proposer_name="Paula",
            proposer_email=PROPOSER,
            name=name,
            short_description="Wir gärtnern zusammen.",
            latitude=POINT[0],
            longitude=POINT[1],
            categories=["gardening-nature"],
            not_a_duplicate=True,
        ).initiative
        editor = UserFactory(email=f"editor-{entry.pk}@example.org")
        org = OrganisationFactory(type="initiative", initiative=entry)
        MembershipFactory(organisation=org, user=editor)
        scene["editors"][entry.pk] = editor
    else:
        entry = create_initiative(
            name=name,
            short_description="Wir gärtnern zusammen.",
            latitude=POINT[0],
            longitude=POINT[1],
            categories=["gardening-nature"],
            status=Status.PENDING,
        )
    if status == Status.PUBLISHED:
        entry = set_status(initiative=entry, status=Status.PUBLISHED, actor=scene["moderator"])
    return entry


# --- the doors: each prepares what it needs and returns (act, actor, reason) ---------------


def by_moderation_approve(scene, entry, client):
    act = lambda: moderation.approve(  # noqa: E731
        initiative=entry, moderator=scene["moderator"], note=REASON
    )
    return act, scene["moderator"], REASON


def by_admin(action: str):
    def door(scene, entry, client):
        client.force_login(scene["admin"])
        url = reverse("admin:initiatives_initiative_changelist")

        def act():
            shown = client.post(url, {"action": action, "_selected_action": [entry.pk]})
            assert REASON not in shown.content.decode() and shown.status_code == 200
            done = client.post(
                url,
                {"action": action, "_selected_action": [entry.pk], "apply": "1", "reason": REASON},
            )
            assert done.status_code == 302

        return act, scene["admin"], REASON

    return door


def by_import(scene, entry, client):
    """Creates its own entry: the file's row (no proposer, no editors yet)."""
    data = (
        "id,name,short_description,latitude,longitude,categories,data_licence\n"
        f'7,"{entry}",Wir gärtnern zusammen.,{POINT[0]},{POINT[1]},gardening-nature,ODbL-1.0\n'
    ).encode()
    act = lambda: import_entries(data=data, fmt="csv", source="probe", actor=scene["admin"])  # noqa: E731
    return act, scene["admin"], "Import (probe)"


def by_moderation_report(scene, entry, client):
    report = moderation.report_problem(initiative=entry, kind="closed", message="zu")
    act = lambda: moderation.archive_reported(  # noqa: E731
        report=report, moderator=scene["moderator"], note=REASON
    )
    return act, scene["moderator"], REASON


def by_editor(scene, entry, client):
    editor = scene["editors"][entry.pk]
    client.force_login(editor)
    url = reverse("stewardship:archive", args=[entry.slug])
    act = lambda: client.post(url, {"reason": REASON})  # noqa: E731
    return act, editor, REASON


def by_reminder_link(scene, entry, client):
    reminder = FreshnessReminder.objects.create(initiative=entry, year=timezone.now().year)
    token = tokens.make_token(purpose=tokens.ARCHIVE, i=entry.pk, r=reminder.pk)
    url = reverse("stewardship:freshness_archive", args=[token])
    act = lambda: client.post(url, {"reason": REASON})  # noqa: E731
    return act, None, REASON  # the link is the permission: nobody is logged in


# --- what a door leaves behind -----------------------------------------------------------


def traces(scene, door, name: str, *, status: str, people: bool, client, mailoutbox) -> dict:
    """Run `door` on a new entry called `name` (or let it create one) and return what it
    left, with the entry's name, slug and the reason replaced by placeholders."""
    entry = None if door is by_import else make_entry(scene, name, status=status, people=people)
    act, actor, reason = door(scene, entry or name, client)
    decisions_before = Decision.objects.count()
    mailoutbox.clear()
    started = timezone.now()
    act()
    entry = Initiative.objects.get(name=name)
    decisions = list(Decision.objects.filter(initiative=entry, created_at__gte=started))
    assert Decision.objects.count() == decisions_before + 1 == decisions_before + len(decisions)
    version = entry.history.order_by("-history_id").first()
    roles = {PROPOSER: "proposer"}
    if entry.pk in scene["editors"]:
        roles[scene["editors"][entry.pk].email] = "editor"

    def plain(text: str) -> str:
        return (
            text.replace(reason, "<reason>").replace(entry.slug, "<slug>").replace(name, "<entry>")
        )

    return {
        "status": entry.status,
        "decision": (
            decisions[0].action,
            decisions[0].moderator == actor,
            decisions[0].reason == reason,
        ),
        "history": (
            version.status,
            version.history_user == actor,
            version.history_change_reason == reason[:100],
        ),
        "published_at": entry.published_at is not None,
        "confirmed_now": entry.last_confirmed_at >= started,
        "mails": sorted(
            (tuple(roles.get(to, to) for to in m.to), plain(m.subject), plain(m.body))
            for m in mailoutbox
        ),
    }


PUBLISH = [
    pytest.param(by_admin("publish"), True, id="admin"),
    pytest.param(by_import, False, id="import"),
]
ARCHIVE = [
    pytest.param(by_admin("archive"), id="admin"),
    pytest.param(by_editor, id="stewardship"),
    pytest.param(by_reminder_link, id="reminder-link"),
]


@pytest.mark.parametrize(("door", "people"), PUBLISH)
def test_every_way_to_publish_leaves_the_same_traces(scene, door, people, client, mailoutbox):
    run = dict(status=Status.PENDING, people=people, client=client, mailoutbox=mailoutbox)
    expected = traces(scene, by_moderation_approve, "Garten Referenz", **run)
    found = traces(scene, door, "Garten Probe", **run)
    assert found == expected
    assert expected["status"] == Status.PUBLISHED
    assert expected["decision"] == (Action.APPROVE, True, True)
    assert expected["history"] == (Status.PUBLISHED, True, True)
    assert expected["published_at"] and expected["confirmed_now"]
    if people:  # the proposer hears of the decision, the editors of the change
        assert [to for to, _s, _b in expected["mails"]] == [("editor",), ("proposer",)]
        assert all("<reason>" in body and "<slug>" in body for _t, _s, body in expected["mails"])
    else:  # nobody to tell: an imported entry has neither proposer nor editors yet
        assert expected["mails"] == []


@pytest.mark.parametrize("door", ARCHIVE)
def test_every_way_to_archive_leaves_the_same_traces(scene, door, client, mailoutbox):
    run = dict(status=Status.PUBLISHED, people=True, client=client, mailoutbox=mailoutbox)
    expected = traces(scene, by_moderation_report, "Garten Referenz", **run)
    found = traces(scene, door, "Garten Probe", **run)
    assert found == expected
    assert expected["status"] == Status.ARCHIVED
    assert expected["decision"] == (Action.ARCHIVE, True, True)
    assert expected["history"] == (Status.ARCHIVED, True, True)
    assert [to for to, _s, _b in expected["mails"]] == [("editor",), ("proposer",)]
    assert all("<reason>" in body for _t, _s, body in expected["mails"])


def test_the_admin_cannot_change_the_status_in_the_form(scene, client):
    entry = make_entry(scene, "Garten", status=Status.PENDING, people=False)
    client.force_login(scene["admin"])
    page = client.get(reverse("admin:initiatives_initiative_change", args=[entry.pk]))
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()


def test_the_api_has_no_door_to_publish_or_archive():
    methods = {
        method
        for path in api.get_openapi_schema()["paths"].values()
        for method in path
        if method in {"get", "post", "put", "patch", "delete"}
    }
    assert methods == {"get"}


def test_an_anonymous_actor_is_logged_as_nobody(scene):
    entry = make_entry(scene, "Garten", status=Status.PUBLISHED, people=False)
    set_status(initiative=entry, status=Status.ARCHIVED, actor=AnonymousUser(), reason="weg")
    decision = Decision.objects.filter(initiative=entry).first()
    assert (decision.action, decision.moderator, decision.reason) == (Action.ARCHIVE, None, "weg")
    assert entry.history.order_by("-history_id").first().history_user is None
