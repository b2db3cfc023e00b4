"""Registration without an account: double opt-in, capacity, waiting list, tokens."""

import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.db import connection
from django.db.models import Count
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitmachkarte.events import registrations, tokens
from mitmachkarte.events.models import Registration, RegistrationStatus
from mitmachkarte.events.registrations import RegistrationError
from tests.factories import EventFactory

from .conftest import token_from

pytestmark = pytest.mark.usefixtures("reference_data")
S = RegistrationStatus


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def make_occurrence(**changes):
    fields = {
        "registration_enabled": True,
        "capacity": 2,
        "format": "hybrid",
        "online_url": "https://meet.example/geheim",
        **changes,
    }
    return EventFactory(**fields).occurrences.get()


def join(occurrence, name, outbox):
    """Register and click the confirmation link; returns the outcome of confirming."""
    registrations.register(occurrence=occurrence, name=name, email=f"{name.lower()}@example.org")
    return registrations.confirm(token=token_from(outbox[-1], "bestaetigen"))


def statuses(occurrence) -> dict[str, str]:
    return dict(occurrence.registrations.values_list("name", "status"))


def test_registration_needs_confirmation_by_mail(mailoutbox):
    occurrence = make_occurrence()
    outcome = registrations.register(
        occurrence=occurrence, name="  Ada  Lovelace ", email=" Ada@Example.ORG "
    )
    assert outcome.created and outcome.registration.status == S.PENDING
    assert outcome.registration.email == "ada@example.org"
    assert outcome.registration.name == "Ada Lovelace"
    mail = mailoutbox[-1]
    assert mail.to == ["ada@example.org"]
    assert "https://meet.example/geheim" not in mail.body  # only after confirming
    confirmed = registrations.confirm(token=token_from(mail, "bestaetigen"))
    assert confirmed.registration.status == S.CONFIRMED
    assert "https://meet.example/geheim" in mailoutbox[-1].body
    assert "/veranstaltungen/anmeldung/abmelden/" in mailoutbox[-1].body


def test_waiting_list_and_automatic_promotion_on_cancellation(mailoutbox):
    occurrence = make_occurrence(capacity=2)
    join(occurrence, "Ada", mailoutbox)
    join(occurrence, "Bea", mailoutbox)
    third = join(occurrence, "Cem", mailoutbox)
    fourth = join(occurrence, "Dan", mailoutbox)
    assert (third.registration.status, third.position) == (S.WAITLISTED, 1)
    assert (fourth.registration.status, fourth.position) == (S.WAITLISTED, 2)
    ada_cancel = token_from([m for m in mailoutbox if m.to == ["ada@example.org"]][-1], "abmelden")
    sent_before = len(mailoutbox)
    registrations.cancel(token=ada_cancel)
    assert statuses(occurrence) == {
        "Ada": S.CANCELLED,
        "Bea": S.CONFIRMED,
        "Cem": S.CONFIRMED,
        "Dan": S.WAITLISTED,
    }
    [promoted] = mailoutbox[sent_before:]  # only the person moving up is told
    assert promoted.to == ["cem@example.org"]
    assert "https://meet.example/geheim" in promoted.body
    # Cancelling again changes nothing and promotes nobody else.
    registrations.cancel(token=ada_cancel)
    assert statuses(occurrence)["Dan"] == S.WAITLISTED


def test_cancelling_from_the_waiting_list_promotes_nobody(mailoutbox):
    occurrence = make_occurrence(capacity=1)
    join(occurrence, "Ada", mailoutbox)
    join(occurrence, "Bea", mailoutbox)
    bea_cancel = token_from(mailoutbox[-1], "abmelden")
    join(occurrence, "Cem", mailoutbox)
    registrations.cancel(token=bea_cancel)
    assert statuses(occurrence) == {"Ada": S.CONFIRMED, "Bea": S.CANCELLED, "Cem": S.WAITLISTED}


def next_hour():
    """As if an hour had passed since the last mail to an address (the mail limit's window)."""
    return mock.patch.object(registrations, "_mail_allowed", return_value=True)


def test_registering_twice_with_one_address_is_idempotent(mailoutbox):
    occurrence = make_occurrence()
    first = registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    with next_hour():
        again = registrations.register(
            occurrence=occurrence, name="Ada L.", email="ADA@example.org"
        )
    assert again.registration.pk == first.registration.pk and not again.created
    assert Registration.objects.count() == 1 and len(mailoutbox) == 2  # a new link
    registrations.confirm(token=token_from(mailoutbox[-1], "bestaetigen"))
    with next_hour():
        thrice = registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    assert thrice.registration.status == S.CONFIRMED and Registration.objects.count() == 1
    # The mail about the existing registration carries a cancel link, no confirm link.
    assert "/abmelden/" in mailoutbox[-1].body and "/bestaetigen/" not in mailoutbox[-1].body
    # Confirming an old link again is harmless.
    assert (
        registrations.confirm(token=token_from(mailoutbox[0], "bestaetigen")).registration.status
        == S.CONFIRMED
    )


def test_registering_again_mails_at_most_once_per_date_and_hour(mailoutbox):
    """500 posts with someone else's address must not flood their mailbox (issue 14)."""
    occurrence = make_occurrence()
    other_date = make_occurrence()
    outcomes = [
        registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
        for _ in range(5)
    ]
    assert [o.mailed for o in outcomes] == [True, False, False, False, False]
    assert len(mailoutbox) == 1 and Registration.objects.count() == 1
    registrations.confirm(token=token_from(mailoutbox[-1], "bestaetigen"))
    confirmed_again = registrations.register(
        occurrence=occurrence, name="Ada", email="ada@example.org"
    )
    assert not confirmed_again.mailed  # "you are already registered" counts too
    assert confirmed_again.registration.status == S.CONFIRMED
    # Other dates and other addresses have their own allowance.
    registrations.register(occurrence=other_date, name="Ada", email="ada@example.org")
    registrations.register(occurrence=occurrence, name="Bea", email="bea@example.org")
    assert sorted(m.to[0] for m in mailoutbox[-2:]) == ["ada@example.org", "bea@example.org"]
    assert len(mailoutbox) == 4  # confirmation request, confirmed, and these two


def test_a_cancelled_registration_can_start_over(mailoutbox):
    occurrence = make_occurrence()
    join(occurrence, "Ada", mailoutbox)
    registrations.cancel(token=token_from(mailoutbox[-1], "abmelden"))
    again = registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    assert again.registration.status == S.PENDING and Registration.objects.count() == 1


def test_full_date_without_waiting_list_is_refused(mailoutbox):
    occurrence = make_occurrence(capacity=1, waiting_list=False)
    join(occurrence, "Ada", mailoutbox)
    with pytest.raises(RegistrationError, match="fully booked"):
        registrations.register(occurrence=occurrence, name="Bea", email="bea@example.org")
    assert Registration.objects.count() == 1


def test_place_taken_between_registering_and_confirming(mailoutbox):
    occurrence = make_occurrence(capacity=1, waiting_list=False)
    registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    ada_link = token_from(mailoutbox[-1], "bestaetigen")
    join(occurrence, "Bea", mailoutbox)
    with pytest.raises(RegistrationError, match="fully booked"):
        registrations.confirm(token=ada_link)
    assert statuses(occurrence) == {"Ada": S.PENDING, "Bea": S.CONFIRMED}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"registration_enabled": False}, "not possible"),
        ({"status": "pending"}, "not possible"),
    ],
)
def test_closed_registration(changes, message):
    occurrence = make_occurrence(**changes)
    with pytest.raises(RegistrationError, match=message):
        registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")


def test_registration_after_the_deadline_is_refused():
    deadline = timezone.now() + timedelta(days=1)
    occurrence = make_occurrence(registration_deadline=deadline)
    registrations.register(
        occurrence=occurrence,
        name="Ada",
        email="ada@example.org",
        now=deadline - timedelta(seconds=1),
    )
    with pytest.raises(RegistrationError, match="deadline has passed") as exc:
        registrations.register(
            occurrence=occurrence,
            name="Bea",
            email="bea@example.org",
            now=deadline + timedelta(seconds=1),
        )
    assert exc.value.code == "deadline" and Registration.objects.count() == 1


def test_no_registration_once_the_date_has_begun():
    occurrence = make_occurrence()
    with pytest.raises(RegistrationError, match="already begun"):
        registrations.register(
            occurrence=occurrence, name="Ada", email="ada@example.org", now=occurrence.start
        )


@pytest.mark.parametrize(
    "name, email, field",
    [
        ("", "ada@example.org", "name"),
        ("x" * 121, "ada@example.org", "name"),
        ("Ada", "not-an-address", "email"),
        ("Ada", "", "email"),
    ],
)
def test_name_and_address_are_required(name, email, field):
    occurrence = make_occurrence()
    with pytest.raises(RegistrationError) as exc:
        registrations.register(occurrence=occurrence, name=name, email=email)
    assert field in exc.value.message_dict


def test_tampered_tokens_are_refused(mailoutbox):
    occurrence = make_occurrence()
    registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    token = token_from(mailoutbox[-1], "bestaetigen")
    flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    with pytest.raises(tokens.TokenError):
        registrations.confirm(token=flipped)
    with pytest.raises(tokens.TokenError):  # a confirmation link cannot cancel
        registrations.cancel(token=token)
    registration = Registration.objects.get()
    forged = tokens.make_token(
        registration_id=registration.pk, email="eve@example.org", purpose=tokens.CONFIRM
    )
    with pytest.raises(tokens.TokenError):  # signed, but for another address
        registrations.confirm(token=forged)
    unsigned = signing.dumps({"r": registration.pk, "e": "x"}, salt="another salt")
    with pytest.raises(tokens.TokenError):
        registrations.confirm(token=unsigned)
    assert Registration.objects.get().status == S.PENDING


def test_confirmation_link_expires_after_a_week(mailoutbox, monkeypatch):
    occurrence = make_occurrence(
        start=timezone.now() + timedelta(days=30), end=timezone.now() + timedelta(days=30, hours=2)
    )
    registrations.register(occurrence=occurrence, name="Ada", email="ada@example.org")
    token = token_from(mailoutbox[-1], "bestaetigen")
    cancel_token = tokens.make_token(
        registration_id=Registration.objects.get().pk,
        email="ada@example.org",
        purpose=tokens.CANCEL,
    )
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 8 * 24 * 3600)
    with pytest.raises(tokens.TokenError) as exc:
        registrations.confirm(token=token)
    assert exc.value.expired
    registrations.cancel(token=cancel_token)  # cancellation links do not expire
    assert Registration.objects.get().status == S.CANCELLED


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    capacity=st.integers(min_value=1, max_value=4),
    steps=st.lists(
        st.tuples(st.booleans(), st.integers(min_value=0, max_value=7)), min_size=1, max_size=14
    ),
)
def test_capacity_is_never_exceeded_and_the_queue_is_first_come_first_served(
    mailoutbox, capacity, steps
):
    """Random joins (True) and cancellations (False) of eight people."""
    with next_hour():  # each join mails its confirmation link
        _random_joins_and_cancellations(mailoutbox, capacity, steps)


def _random_joins_and_cancellations(mailoutbox, capacity, steps):
    occurrence = make_occurrence(capacity=capacity)
    cancel_links = {}
    queue: list[int] = []
    for joining, person in steps:
        if joining and person in cancel_links:  # already in: registering again is a no-op
            before = statuses(occurrence)
            registrations.register(
                occurrence=occurrence, name=f"P{person}", email=f"p{person}@example.org"
            )
            assert statuses(occurrence) == before
        elif joining:
            outcome = join(occurrence, f"P{person}", mailoutbox)
            cancel_links[person] = token_from(mailoutbox[-1], "abmelden")
            if outcome.registration.status == S.WAITLISTED and person not in queue:
                queue.append(person)
        elif person in cancel_links:
            registrations.cancel(token=cancel_links.pop(person))
            if person in queue:
                queue.remove(person)
        current = statuses(occurrence)
        confirmed = [n for n, s in current.items() if s == S.CONFIRMED]
        waiting = [int(n[1:]) for n, s in current.items() if s == S.WAITLISTED]
        assert len(confirmed) <= capacity
        assert not waiting or len(confirmed) == capacity
        queue = [p for p in queue if p in waiting]
        assert sorted(waiting) == sorted(queue)
        in_line = list(
            occurrence.registrations.filter(status=S.WAITLISTED)
            .order_by("queued_at", "pk")
            .values_list("name", flat=True)
        )
        assert in_line == [f"P{p}" for p in queue]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="threads need a shared server database (run on PostgreSQL)",
)
def test_concurrent_confirmations_never_exceed_capacity(reference_data):
    occurrence = make_occurrence(capacity=5)
    links = []
    for n in range(20):
        registrations.register(occurrence=occurrence, name=f"P{n}", email=f"p{n}@example.org")
        registration = Registration.objects.get(email=f"p{n}@example.org")
        links.append(
            tokens.make_token(
                registration_id=registration.pk, email=registration.email, purpose=tokens.CONFIRM
            )
        )
    barrier, errors = threading.Barrier(len(links)), []

    def confirm(link):
        try:
            barrier.wait()
            registrations.confirm(token=link)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(link,)) for link in links]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = dict(occurrence.registrations.values_list("status").annotate(n=Count("pk")))
    assert counts == {S.CONFIRMED: 5, S.WAITLISTED: 15}
