"""The contact relay: the message reaches the entry, the entry's address never shows."""

import pytest
from django.urls import reverse

from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

ADDRESS = "garten-a@initiative.example"


def post(client, initiative, **overrides):
    data = {
        "name": "Erika Muster",
        "email": "erika@example.org",
        "message": "Wann trefft ihr euch?",
        "consent": "on",
        "homepage": "",
    }
    data.update(overrides)
    return client.post(reverse("stewardship:contact", args=[initiative.slug]), data)


def test_message_is_relayed_with_reply_to_the_sender(world, client, mailoutbox):
    response = post(client, world["a"])
    assert response.status_code == 200
    page = response.content.decode()
    assert "weitergeleitet" in page and ADDRESS not in page
    [mail] = mailoutbox
    assert mail.to == [ADDRESS] and mail.reply_to == ["Erika Muster <erika@example.org>"]
    assert "Wann trefft ihr euch?" in mail.body and "Erika Muster" in mail.body


def test_the_address_is_in_no_page(world, client):
    for url in (
        world["a"].get_absolute_url(),
        reverse("stewardship:contact", args=[world["a"].slug]),
        reverse("stewardship:claim", args=[world["a"].slug]),
    ):
        assert ADDRESS not in client.get(url).content.decode()
    page = client.get(world["a"].get_absolute_url()).content.decode()
    assert 'id="kontakt"' in page  # the form is there, the address is not


@pytest.mark.parametrize(
    "overrides",
    [
        {"consent": ""},
        {"email": "not-an-address"},
        {"message": ""},
        {"message": "x" * 5001},
        {"name": ""},
    ],
)
def test_bad_input_sends_nothing(world, client, mailoutbox, overrides):
    response = post(client, world["a"], **overrides)
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert mailoutbox == []


def test_honeypot_sends_nothing_but_looks_fine(world, client, mailoutbox):
    response = post(client, world["a"], homepage="https://spam.example")
    assert response.status_code == 200
    assert mailoutbox == []


def test_rate_limit(world, client, mailoutbox):
    statuses = [post(client, world["a"]).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert len(mailoutbox) == 5


def test_script_in_message_stays_text(world, client, mailoutbox):
    post(client, world["a"], message="<script>alert(1)</script>", name="<b>Bot</b>")
    assert "<script>alert(1)</script>" in mailoutbox[0].body  # plain text mail, not HTML
    assert mailoutbox[0].content_subtype == "plain"


def test_entry_without_address_has_no_form(world, client):
    entry = InitiativeFactory(name="Stumm", latitude=51.0, longitude=7.0, contact_email="")
    assert 'id="kontakt"' not in client.get(entry.get_absolute_url()).content.decode()
    assert post(client, entry).status_code == 404


def test_an_entry_gets_a_bounded_number_of_messages_from_all_clients(world, set_rate, mailoutbox):
    from django.test import Client

    set_rate("contact.entry", "2/d")
    statuses = [
        post(Client(REMOTE_ADDR=f"198.51.100.{n}"), world["a"], email=f"p{n}@example.org")
        for n in range(3)
    ]
    assert [r.status_code for r in statuses] == [200, 200, 429]
    assert "Wann trefft ihr euch?" in statuses[-1].content.decode()  # the message is kept
    assert len(mailoutbox) == 2


def test_one_sender_address_is_limited_across_clients(world, set_rate, mailoutbox):
    from django.test import Client

    set_rate("contact.email", "1/d")
    assert post(Client(REMOTE_ADDR="198.51.100.1"), world["a"]).status_code == 200
    assert post(Client(REMOTE_ADDR="198.51.100.2"), world["a"]).status_code == 429
    assert len(mailoutbox) == 1
