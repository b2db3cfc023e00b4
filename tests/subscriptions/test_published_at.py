"""Initiative.published_at: an entry is "new" when it is first published, not when it was
proposed (subscription mails and the Atom feed)."""

import importlib
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mitmachkarte.initiatives.lifecycle import set_status
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.moderation import services as moderation
from tests.factories import InitiativeFactory, MembershipFactory, OrganisationFactory

from .conftest import confirmed, days_ago

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
IN_MUENSTER = {"latitude": 51.961, "longitude": 7.631}


@pytest.fixture
def moderator(db):
    return MembershipFactory(organisation=OrganisationFactory(type="network_team")).user


def test_created_published_takes_its_creation_time_and_a_draft_has_none(reference_data):
    published = InitiativeFactory(created_at=days_ago(3))
    draft = InitiativeFactory(status=Status.DRAFT)
    assert published.published_at == published.created_at
    assert draft.published_at is None


def test_approval_sets_published_at_once(reference_data, moderator):
    proposal = InitiativeFactory(status=Status.PENDING, created_at=days_ago(40))
    assert proposal.published_at is None
    before = timezone.now()
    moderation.approve(initiative=proposal, moderator=moderator)
    proposal.refresh_from_db()
    first = proposal.published_at
    assert first is not None and first >= before
    assert proposal.created_at < before - timedelta(days=39)

    # Archived and published again: still announced by its first publication.
    Initiative.objects.filter(pk=proposal.pk).update(status=Status.ARCHIVED)
    proposal.refresh_from_db()
    set_status(initiative=proposal, status=Status.PUBLISHED, actor=moderator)
    proposal.refresh_from_db()
    assert proposal.status == Status.PUBLISHED and proposal.published_at == first


def test_digest_announces_a_late_approval_not_an_old_entry(towns, moderator):
    confirmed(email="anna@example.org", municipality=towns["muenster"])
    late = InitiativeFactory(
        name="Spät freigegeben", status=Status.PENDING, created_at=days_ago(30), **IN_MUENSTER
    )
    moderation.approve(initiative=late, moderator=moderator)
    old = InitiativeFactory(name="Lange bekannt", created_at=days_ago(30), **IN_MUENSTER)
    assert old.published_at == old.created_at
    mail.outbox.clear()  # the proposer's approval mail

    call_command("send_subscription_mails", "--weekly", stdout=StringIO())
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Spät freigegeben" in body
    assert "Lange bekannt" not in body


def test_feed_orders_and_dates_by_first_publication(client, towns, moderator):
    InitiativeFactory(name="Gestern", created_at=days_ago(1), **IN_MUENSTER)
    late = InitiativeFactory(
        name="Vorschlag", status=Status.PENDING, created_at=days_ago(30), **IN_MUENSTER
    )
    moderation.approve(initiative=late, moderator=moderator)
    late.refresh_from_db()

    response = client.get("/feeds/initiativen.atom")
    root = ET.fromstring(response.content)  # noqa: S314  (our own output)
    found = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in found] == [
        "Vorschlag (Münster)",
        "Gestern (Münster)",
    ]
    published = datetime.fromisoformat(found[0].find(f"{ATOM}published").text)
    assert abs(published - late.published_at) < timedelta(seconds=1)
    assert late.published_at - late.created_at > timedelta(days=29)


def test_data_migration_backfills_published_rows_only(reference_data):
    published = InitiativeFactory(created_at=days_ago(100))
    draft = InitiativeFactory(status=Status.DRAFT)
    Initiative.objects.update(published_at=None)
    migration = importlib.import_module("mitmachkarte.initiatives.migrations.0004_published_at")
    migration.backfill(apps, None)
    published.refresh_from_db()
    draft.refresh_from_db()
    assert published.published_at == published.created_at
    assert draft.published_at is None
