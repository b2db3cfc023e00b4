"""Issue 4's "done when", through the pages only: a volunteer proposes an entry, a municipal
moderator approves it, the initiative claims it, edits it, and a year later confirms it by one
click in the reminder mail."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mitmachkarte.initiatives import versions
from mitmachkarte.initiatives.models import Initiative, Status
from tests.factories import MembershipFactory, MunicipalityFactory, OrganisationFactory, UserFactory
from tests.page_forms import version_in

pytestmark = pytest.mark.django_db
LAT, LON = 51.0, 7.0


def last_link(mailoutbox, pattern: str) -> str:
    return re.search(pattern, mailoutbox[-1].body).group(0)


def test_propose_approve_claim_edit_and_confirm_a_year_later(
    reference_data, mailoutbox, django_capture_on_commit_callbacks
):
    town = MunicipalityFactory(name="Neustadt", latitude=LAT, longitude=LON, with_boundary=True)
    moderator = MembershipFactory(
        organisation=OrganisationFactory(type="municipality", municipality=town)
    ).user
    volunteer, moderator_client, initiative_client = Client(), Client(), Client()

    # 1. A volunteer proposes the entry without an account.
    response = volunteer.post(
        reverse("moderation:propose"),
        {
            "name": "Repair-Café Neustadt",
            "short_description": "Wir reparieren zusammen.",
            "description": "Jeden **Samstag**.",
            "categories": ["repair"],
            "sdgs": ["12"],
            "tags": "Reparieren",
            "street": "Marktplatz 1",
            "postcode": "",
            "city": "Neustadt",
            "latitude": str(LAT),
            "longitude": str(LON),
            "contact_email": "team@repair.example",
            "website": "",
            "meeting_times": "",
            "how_to_join": "",
            "data_licence": "ODbL-1.0",
            "proposer_name": "Paula",
            "proposer_email": "paula@example.org",
            "consent": "on",
            "homepage": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = Initiative.objects.get(name="Repair-Café Neustadt")
    assert entry.status == Status.PENDING and entry.municipality == town

    # 2. The municipal moderator approves it from the queue.
    moderator_client.force_login(moderator)
    assert (
        "Repair-Café Neustadt" in moderator_client.get(reverse("moderation:queue")).content.decode()
    )
    moderator_client.post(reverse("moderation:decide", args=[entry.pk]), {"action": "approve"})
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED
    assert volunteer.get(entry.get_absolute_url()).status_code == 200

    # 3. The initiative claims it through the link mailed to the entry's contact address.
    member = UserFactory()
    initiative_client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        initiative_client.post(reverse("stewardship:claim", args=[entry.slug]))
    assert mailoutbox[-1].to == ["team@repair.example"]
    claim_url = last_link(mailoutbox, r"/konto/uebernehmen/[^/\s]+/")
    initiative_client.post(claim_url)

    # 4. As its editor the member changes the entry directly.
    edit_page = initiative_client.get(reverse("stewardship:edit", args=[entry.slug]))
    data = {**versions.snapshot(entry), "version": version_in(edit_page)}
    data.update(
        tags=", ".join(data["tags"]),
        social_links="",
        founded_year="",
        meeting_times="Samstags 10–14 Uhr",
    )
    data = {k: v for k, v in data.items() if v is not None}
    response = initiative_client.post(reverse("stewardship:edit", args=[entry.slug]), data)
    assert response.status_code == 302
    assert "Samstags 10–14 Uhr" in volunteer.get(entry.get_absolute_url()).content.decode()

    # 5. A year later the reminder goes to the editor; one click (a POST) confirms.
    Initiative.objects.filter(pk=entry.pk).update(
        last_confirmed_at=timezone.now() - timedelta(days=370)
    )
    call_command("send_freshness_reminders")
    assert mailoutbox[-1].to == [member.email]
    confirm_url = last_link(mailoutbox, r"/pflege/[^/\s]+/bestaetigen/")
    assert Client().post(confirm_url).status_code == 200
    entry.refresh_from_db()
    assert entry.last_confirmed_at > timezone.now() - timedelta(minutes=1)
    assert not entry.may_be_outdated
