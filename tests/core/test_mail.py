"""core.mail: the one mail path — headers that cannot break, one mail per recipient, queued
after the commit, HTML alternative and List-Unsubscribe kept."""

import pytest
from django.db import transaction
from django.urls import reverse

from mitmachkarte.core import mail
from mitmachkarte.core.models import SentMail
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_one_mail_per_recipient_each_sees_only_its_own_address(mailoutbox):
    queued = mail.send(
        to=["a@example.org", "b@example.org", "a@example.org", ""], subject="Hallo", body="Text"
    )
    assert queued == 2
    assert [m.to for m in mailoutbox] == [["a@example.org"], ["b@example.org"]]
    assert all(not m.cc and not m.bcc for m in mailoutbox)
    assert SentMail.objects.count() == 2  # each recorded as sent


@pytest.mark.parametrize(
    "subject",
    ["Garten\nBcc: victim@example.org", "Garten\r\nX-Evil: 1", "Garten\x00\x0b\x85\u2028Süd"],
)
def test_subjects_with_line_breaks_and_control_characters_cannot_break_a_header(
    mailoutbox, subject
):
    mail.send(to="a@example.org", subject=subject, body="Text")
    [message] = mailoutbox
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.subject.startswith("Garten ")
    raw = message.message().as_string()
    assert "\nBcc:" not in raw and "\nX-Evil" not in raw


def test_display_names_are_cleaned_and_an_invalid_reply_to_is_left_out(mailoutbox):
    reply_to = mail.named_address("Erika\r\nBcc: victim@example.org Muster", "erika@example.org")
    assert reply_to == '"Erika Bcc: victim@example.org Muster" <erika@example.org>'
    mail.send(to="a@example.org", subject="S", body="B", reply_to=reply_to)
    mail.send(to="b@example.org", subject="S", body="B", reply_to="not an address\n")
    first, second = mailoutbox
    assert first.reply_to == [reply_to]
    assert "\nBcc:" not in first.message().as_string()
    assert second.reply_to == []


def test_invalid_recipients_are_skipped_not_raised(mailoutbox):
    assert mail.send(to=["kein@", "a@example.org\nBcc: b@example.org"], subject="S", body="B") == 0
    assert mailoutbox == []


def test_extra_headers_are_single_lines_and_cannot_replace_the_mail_path_s_own():
    with pytest.raises(ValueError):
        mail.send(to="a@example.org", subject="S", body="B", headers={"Reply-To": "x@y.de"})
    with pytest.raises(ValueError):
        mail.send(to="a@example.org", subject="S", body="B", headers={"Bad\nName": "x"})


def test_html_alternative_list_unsubscribe_and_message_id(mailoutbox):
    mail.send(
        to="a@example.org",
        subject="News",
        body="plain",
        html="<p>html</p>",
        headers={
            "List-Unsubscribe": "<https://example.org/abmelden/x/>\n",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    [message] = mailoutbox
    assert message.body == "plain" and message.alternatives[0][0] == "<p>html</p>"
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/abmelden/x/>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    key = SentMail.objects.get().key
    assert message.extra_headers["Message-ID"] == f"<{key}@127.0.0.1>"


def test_mail_leaves_after_the_commit_and_not_at_all_after_a_rollback(mailoutbox):
    with transaction.atomic():
        mail.send(to="a@example.org", subject="kept", body="B")
        assert mailoutbox == []  # not while the transaction is open
    assert [m.subject for m in mailoutbox] == ["kept"]
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send(to="b@example.org", subject="rolled back", body="B")
        raise RuntimeError
    assert [m.subject for m in mailoutbox] == ["kept"]


def test_compose_renders_language_and_site_name():
    composed = mail.compose(
        "events/email/waitlisted",
        subject=lambda: "Betreff",
        context={"registration": None, "event": None, "occurrence": None, "position": 3},
        language="en",
    )
    assert composed.subject == "Betreff – Mitmachkarte"
    assert composed.html == ""


def test_managers_get_one_mail_each_in_german(settings, mailoutbox):
    settings.MANAGERS = [("Moderation", "mod1@example.org"), ("Moderation", "mod2@example.org")]
    mail.send_to_managers(subject="Neu\nda", body="https://example.org/")
    assert [m.to for m in mailoutbox] == [["mod1@example.org"], ["mod2@example.org"]]
    assert mailoutbox[0].subject == "[Mitmachkarte] Neu da"


def test_suppressed_queues_nothing(mailoutbox):
    with mail.suppressed():
        assert mail.send(to="a@example.org", subject="S", body="B") == 0
    assert mailoutbox == []


def test_entry_name_with_a_line_break_does_not_break_the_contact_relay(
    reference_data, client, mailoutbox
):
    """Issue 14: such a name (or a sender's name with a line break) made every mail about
    the entry raise BadHeaderError, a 500."""
    entry = InitiativeFactory(contact_email="garten@initiative.example")
    Initiative.objects.filter(pk=entry.pk).update(name="Garten\r\nBcc: victim@example.org")
    response = client.post(
        reverse("stewardship:contact", args=[entry.slug]),
        {
            "name": "Erika\nMuster",
            "email": "erika@example.org",
            "message": "Hallo",
            "consent": "on",
            "homepage": "",
        },
    )
    assert response.status_code == 200
    [message] = mailoutbox
    assert message.to == ["garten@initiative.example"]
    assert "\n" not in message.subject and "Garten Bcc" in message.subject
    assert message.reply_to == ["Erika Muster <erika@example.org>"]


def test_account_mails_go_through_the_mail_path(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "neu@example.org",
            "password1": "ein-langes-Passwort-1",
            "password2": "ein-langes-Passwort-1",
        },
    )
    assert response.status_code == 302
    [message] = mailoutbox
    assert message.to == ["neu@example.org"]
    assert message.extra_headers["Message-ID"] == f"<{SentMail.objects.get().key}@127.0.0.1>"
