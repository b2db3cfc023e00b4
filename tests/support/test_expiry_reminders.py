"""The "expires soon" mail: once per expiry date, to the initiative's members only."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from mitmachkarte.support import services
from mitmachkarte.support.models import Need, NeedStatus

from .test_services import room_need

pytestmark = pytest.mark.django_db


def expire_in(need, days: int) -> None:
    Need.objects.filter(pk=need.pk).update(expires_on=timezone.localdate() + timedelta(days=days))
    need.refresh_from_db()


def test_reminder_once_per_expiry_and_again_after_renewal(repair_cafe, towns, mailoutbox, capsys):
    need = room_need(repair_cafe, municipality=towns["bochum"])
    mailoutbox.clear()  # notices of matching offers, if any
    call_command("send_need_reminders")  # expires in three months: nothing yet
    assert "0 mails sent" in capsys.readouterr().out and mailoutbox == []

    expire_in(need, 5)
    call_command("send_need_reminders")
    assert "1 mails sent" in capsys.readouterr().out
    assert [m.to for m in mailoutbox] == [["team@repaircafe.example"]]
    assert need.title in mailoutbox[0].body and need.get_absolute_url() in mailoutbox[0].body
    assert "läuft am" in mailoutbox[0].body and "bald ab" in mailoutbox[0].subject
    call_command("send_need_reminders")  # the next day: not twice
    assert "0 mails sent" in capsys.readouterr().out and len(mailoutbox) == 1

    services.renew_need(need=need, user=repair_cafe.member)
    expire_in(Need.objects.get(pk=need.pk), 3)  # the renewed period runs out in turn
    call_command("send_need_reminders")
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("status", [NeedStatus.SOLVED, NeedStatus.WITHDRAWN])
def test_closed_and_expired_needs_get_no_reminder(repair_cafe, towns, mailoutbox, status):
    closed = room_need(repair_cafe, municipality=towns["bochum"])
    expire_in(closed, 2)
    Need.objects.filter(pk=closed.pk).update(status=status)
    expired = room_need(repair_cafe, municipality=towns["bochum"])
    expire_in(expired, -1)
    mailoutbox.clear()
    call_command("send_need_reminders")
    assert mailoutbox == []
