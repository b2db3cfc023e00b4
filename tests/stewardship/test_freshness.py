"""The yearly "Is this still right?" mails end to end: task, links, idempotence, SMTP."""

import re
import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.stewardship import freshness, tokens
from mitmachkarte.stewardship.models import FreshnessReminder

pytestmark = pytest.mark.django_db


def age(initiative, **delta):
    Initiative.objects.filter(pk=initiative.pk).update(
        last_confirmed_at=timezone.now() - timedelta(**delta)
    )


def links(body: str) -> dict:
    return {
        action: re.search(rf"(/pflege/[^/\s]+/{word}/)", body).group(1)
        for action, word in [
            ("confirm", "bestaetigen"),
            ("edit", "bearbeiten"),
            ("archive", "archivieren"),
        ]
    }


@pytest.fixture
def due(world):
    age(world["a"], days=400)  # has an editor
    age(world["b"], days=380)  # has none: the contact e-mail is asked
    return world


def test_command_mails_editors_or_contact_once_a_year(due, mailoutbox, capsys):
    call_command("send_freshness_reminders")
    assert "2 queued" in capsys.readouterr().out
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {due["users"]["editor_a"].email, "repair-b@initiative.example"}
    mail = by_address[due["users"]["editor_a"].email]
    assert "Stimmt das noch?" in mail.subject and "Garten A" in mail.subject
    assert set(links(mail.body)) == {"confirm", "edit", "archive"}
    reminders = FreshnessReminder.objects.order_by("initiative__name")
    assert [(r.initiative.name, r.to_contact) for r in reminders] == [
        ("Garten A", False),
        ("Repair B", True),
    ]
    # Idempotent: running again (the same day or month) sends nothing.
    call_command("send_freshness_reminders")
    assert "0 queued" in capsys.readouterr().out
    assert len(mailoutbox) == 2


def test_recently_confirmed_and_unpublished_entries_are_not_due(due, mailoutbox):
    age(due["a"], days=200)
    Initiative.objects.filter(pk=due["b"].pk).update(status=Status.ARCHIVED)
    assert freshness.send_reminders().sent == 0
    assert mailoutbox == []


def test_next_year_asks_again(due, mailoutbox):
    freshness.send_reminders()
    later = timezone.now() + timedelta(days=366)
    assert list(freshness.due_for_reminder(now=later)) == list(
        Initiative.objects.filter(pk__in=[due["a"].pk, due["b"].pk]).order_by("pk")
    )
    assert freshness.send_reminders(now=later).sent == 2


def test_confirm_link_shows_a_button_and_confirms_on_post(due, mailoutbox, client):
    freshness.send_reminders()
    url = links(mailoutbox[0].body)["confirm"]
    initiative = Initiative.objects.get(
        pk=due["a"].pk if "Garten" in mailoutbox[0].subject else due["b"].pk
    )
    before = initiative.last_confirmed_at
    response = client.get(url)  # what a mail scanner does
    assert response.status_code == 200 and "<form" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.last_confirmed_at == before
    response = client.post(url)
    assert response.status_code == 200
    initiative.refresh_from_db()
    assert initiative.last_confirmed_at > timezone.now() - timedelta(minutes=1)
    assert initiative.history.order_by("-history_id").first().history_change_reason == (
        "Als aktuell bestätigt"
    )


def test_archive_link_archives_on_post_only(due, mailoutbox, client):
    freshness.send_reminders()
    mail = next(m for m in mailoutbox if "Repair B" in m.subject)
    url = links(mail.body)["archive"]
    client.get(url)
    assert Initiative.objects.get(pk=due["b"].pk).status == Status.PUBLISHED
    client.post(url)
    assert Initiative.objects.get(pk=due["b"].pk).status == Status.ARCHIVED
    assert client.get(due["b"].get_absolute_url()).status_code == 404


def test_edit_link_leads_editors_to_the_form_and_contacts_to_the_claim(due, mailoutbox, client):
    freshness.send_reminders()
    mails = {("Garten A" in m.subject): m for m in mailoutbox}
    response = client.get(links(mails[True].body)["edit"])
    assert response["Location"] == reverse("stewardship:edit", args=[due["a"].slug])
    response = client.get(links(mails[False].body)["edit"])
    assert response["Location"] == reverse("stewardship:claim", args=[due["b"].slug])


def test_tampered_expired_and_crossed_links_change_nothing(due, mailoutbox, client, monkeypatch):
    freshness.send_reminders()
    mail = next(m for m in mailoutbox if "Repair B" in m.subject)
    found = links(mail.body)
    token = found["archive"].split("/")[2]
    confirm_token = found["confirm"].split("/")[2]
    bad_urls = [
        reverse("stewardship:freshness_archive", args=[token[:-2] + "xy"]),
        reverse("stewardship:freshness_archive", args=[confirm_token]),  # wrong purpose
        reverse("stewardship:freshness_archive", args=["nonsense"]),
    ]
    for url in bad_urls:
        response = client.post(url)
        assert response.status_code == 400
        assert "ungültig" in response.content.decode()
    monkeypatch.setitem(tokens.MAX_AGES, tokens.ARCHIVE, timedelta(seconds=-1))
    response = client.post(found["archive"])
    assert response.status_code == 400 and "abgelaufen" in response.content.decode()
    assert Initiative.objects.get(pk=due["b"].pk).status == Status.PUBLISHED


def test_freshness_mail_through_a_real_smtp_server(due, settings):
    """The reminder goes through Django's SMTP backend to aiosmtpd on loopback."""
    from aiosmtpd.controller import Controller

    class Collect:
        def __init__(self):
            self.envelopes = []

        async def handle_DATA(self, server, session, envelope):
            self.envelopes.append(envelope)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        age(due["b"], days=10)  # only entry A is due
        report = freshness.send_reminders()
    finally:
        controller.stop()
    assert report.sent == 1
    assert [e.rcpt_tos for e in handler.envelopes] == [[due["users"]["editor_a"].email]]
    raw = handler.envelopes[0].content.decode()
    assert "Garten A" in raw or "=?utf-8?" in raw
    assert "/pflege/" in raw and "/bestaetigen/" in raw
