"""Get in touch: threads relayed by e-mail without revealing addresses; match notices."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from mitmachkarte.organisations.services import add_member
from mitmachkarte.support import services
from mitmachkarte.support.models import NeedStatus, Offer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


@pytest.fixture
def offer(city, towns):
    return services.create_offer(
        organisation=city,
        user=city.member,
        offer_type="room",
        title="Bürgerhaus, Saal 2",
        capacity=40,
    )


@pytest.fixture
def need(repair_cafe, towns, offer):
    mail.outbox.clear()
    return services.create_need(
        organisation=repair_cafe,
        user=repair_cafe.member,
        need_type="room",
        title="Raum für Repair Café",
        description="monatlich",
        municipality=towns["bochum"],
    )


def all_text(message) -> str:
    return "\n".join(
        [
            message.subject,
            message.body,
            message.from_email,
            *message.to,
            *message.cc,
            *message.bcc,
            *message.reply_to,
            # The Message-ID (<random key@site host>) has an address's shape but names nobody.
            *[f"{k}: {v}" for k, v in message.extra_headers.items() if k != "Message-ID"],
        ]
    )


def test_offer_owners_are_told_of_a_new_matching_need_and_can_opt_out(city, offer, need, client):
    assert [m.to for m in mail.outbox] == [["manager@bochum.example"]]
    body = mail.outbox[0].body
    assert "Raum für Repair Café" in body and "team@repaircafe.example" not in body
    link = re.search(
        r"https?://\S+(/unterstuetzung/angebote/benachrichtigungen-aus/\S+/)", body
    ).group(1)
    assert client.get(link).status_code == 200
    assert Offer.objects.get(pk=offer.pk).notify_matches  # a GET changes nothing
    client.post(link)
    assert not Offer.objects.get(pk=offer.pk).notify_matches
    assert client.get("/unterstuetzung/angebote/benachrichtigungen-aus/kaputt/").status_code == 400


def test_no_notice_after_opting_out(repair_cafe, towns, offer):
    services.set_offer_notifications(offer=offer, enabled=False)
    mail.outbox.clear()
    services.create_need(
        organisation=repair_cafe,
        user=repair_cafe.member,
        need_type="room",
        title="Noch ein Raum",
        description="",
        municipality=towns["bochum"],
    )
    assert mail.outbox == []


def test_get_in_touch_relays_without_any_address_and_sets_in_contact(
    repair_cafe, city, offer, need
):
    colleague = UserFactory(email="kollegin@bochum.example")
    add_member(organisation=city, user=colleague)
    mail.outbox.clear()
    thread = services.get_in_touch(
        need=need, offer=offer, user=repair_cafe.member, body="Hallo, passt der Saal am 2. Samstag?"
    )
    need.refresh_from_db()
    assert need.status == NeedStatus.IN_CONTACT
    # One mail per member of the city, each addressed only to that member.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "kollegin@bochum.example",
        "manager@bochum.example",
    ]
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert set(ADDRESS.findall(all_text(message))) <= {message.to[0], "noreply@localhost"}
        assert "passt der Saal" in message.body and thread.get_absolute_url() in message.body

    mail.outbox.clear()
    services.post_message(thread=thread, user=city.member, body="Ja, gerne!")
    assert [m.to for m in mail.outbox] == [["team@repaircafe.example"]]
    assert set(ADDRESS.findall(all_text(mail.outbox[0]))) <= {
        "team@repaircafe.example",
        "noreply@localhost",
    }


def test_only_the_two_organisations_write_and_empty_messages_fail(
    herne_city, repair_cafe, offer, need
):
    with pytest.raises(PermissionDenied):
        services.get_in_touch(need=need, offer=offer, user=herne_city.member, body="Hallo")
    with pytest.raises(ValidationError):
        services.get_in_touch(need=need, offer=offer, user=repair_cafe.member, body="  ")
    need.refresh_from_db()
    assert need.status == NeedStatus.OPEN and not need.threads.exists()


def test_a_closed_need_cannot_be_contacted(repair_cafe, city, offer, need):
    services.set_need_status(need=need, user=repair_cafe.member, status="withdrawn")
    with pytest.raises(ValidationError):
        services.get_in_touch(need=need, offer=offer, user=city.member, body="Hallo")


def test_thread_pages_only_for_the_two_organisations(
    client, repair_cafe, city, herne_city, offer, need
):
    thread = services.get_in_touch(need=need, offer=offer, user=repair_cafe.member, body="Hallo")
    client.force_login(herne_city.member)
    assert client.get(thread.get_absolute_url()).status_code == 403
    client.force_login(city.member)
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Hallo" in text
    assert "team@repaircafe.example" not in text
    response = client.post(thread.get_absolute_url(), {"body": "Antwort"})
    assert response.status_code == 302
    assert thread.messages.count() == 2
