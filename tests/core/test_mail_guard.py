"""The suite-wide guard (tests/mail_guard.py): a mail sent inside a transaction fails the
test, a mail queued through core.mail leaves after the commit."""

import pytest
from django.core.mail import EmailMessage
from django.db import transaction

from mitmachkarte.core import mail
from tests import mail_guard

pytestmark = pytest.mark.django_db


def test_a_mail_sent_inside_a_transaction_is_a_violation(mailoutbox):
    with transaction.atomic():
        EmailMessage(subject="inside", body="B", to=["a@example.org"]).send()
    found = list(mail_guard.violations)
    mail_guard.violations.clear()  # this test wanted it; every other test would now fail
    assert len(found) == 1 and "inside" in found[0]


def test_a_mail_sent_under_a_row_lock_is_a_violation(mailoutbox, django_user_model):
    user = django_user_model.objects.create(username="u", email="u@example.org")
    with transaction.atomic():
        django_user_model.objects.select_for_update().get(pk=user.pk)
        EmailMessage(subject="locked", body="B", to=["a@example.org"]).send()
    found = list(mail_guard.violations)
    mail_guard.violations.clear()
    assert len(found) == 1


def test_the_test_s_own_transaction_is_not_a_violation(mailoutbox):
    EmailMessage(subject="outside", body="B", to=["a@example.org"]).send()
    with transaction.atomic():
        mail.send(to="a@example.org", subject="queued", body="B")
    assert mail_guard.violations == []
    assert [m.subject for m in mailoutbox] == ["outside", "queued"]


def test_nested_blocks_run_their_callbacks_when_the_outermost_one_ends(mailoutbox):
    with transaction.atomic():
        with transaction.atomic():
            mail.send(to="a@example.org", subject="inner", body="B")
        assert mailoutbox == []  # the inner block released a savepoint, nothing committed
    assert [m.subject for m in mailoutbox] == ["inner"]
