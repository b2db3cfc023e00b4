"""The database queue (django-tasks-db) with mails: queued with the data, sent by the worker,
retried with backoff, visible when failed, sent once even when a task runs twice."""

import os
import smtplib
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import timedelta
from io import StringIO

import pytest
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker as library_worker
from django_tasks_db.models import DBTaskResult

from mitmachkarte.core import mail, mail_delivery, taskqueue
from mitmachkarte.core.models import SentMail

pytestmark = [pytest.mark.django_db, pytest.mark.task_queue]


class RefusingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")


class GoodbyeRecordingBackend(LocmemBackend):
    """Notes, when the connection is closed (SMTP QUIT), which mails are recorded as sent."""

    recorded_at_close: list[int] = []

    def close(self):
        GoodbyeRecordingBackend.recorded_at_close.append(SentMail.objects.count())
        raise smtplib.SMTPServerDisconnected("no goodbye")


@pytest.fixture(autouse=True)
def database_queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker checks its connection between tasks; the test's transaction must stay.
    monkeypatch.setattr(library_worker, "close_old_connections", lambda: None)


def work():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def mail_tasks():
    return DBTaskResult.objects.filter(task_path=mail_delivery.deliver_mail.module_path)


def queue_report(*args) -> str:
    out = StringIO()
    call_command("mail_queue", *args, stdout=out)
    return out.getvalue()


def test_the_mail_is_queued_with_the_data_and_sent_by_the_worker(mailoutbox):
    with transaction.atomic():
        mail.send(to="a@example.org", subject="kept", body="B")
        assert mail_tasks().count() == 1  # in the same transaction as the caller's data
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send(to="b@example.org", subject="rolled back", body="B")
        raise RuntimeError
    assert mail_tasks().count() == 1 and mailoutbox == []
    assert "pending mails: 1" in queue_report()
    work()
    assert [m.subject for m in mailoutbox] == ["kept"]
    assert mail_tasks().get().status == TaskResultStatus.SUCCESSFUL
    assert "pending mails: 0" in queue_report() and SentMail.objects.count() == 1


def test_the_mail_is_recorded_as_sent_before_the_connection_says_goodbye(settings, mailoutbox):
    # A worker killed between the server's "250 OK" and the record would send it again: the
    # QUIT round trip is kept out of that window, and a failed goodbye fails nothing.
    settings.EMAIL_BACKEND = "tests.core.test_mail_queue.GoodbyeRecordingBackend"
    GoodbyeRecordingBackend.recorded_at_close.clear()
    mail.send(to="a@example.org", subject="Hallo", body="B")
    work()
    assert GoodbyeRecordingBackend.recorded_at_close == [1]
    assert len(mailoutbox) == 1 and mail_tasks().get().status == TaskResultStatus.SUCCESSFUL


def test_a_refused_mail_is_retried_with_growing_delays_then_shown_as_failed(settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.core.test_mail_queue.RefusingBackend"
    mail.send(to="a@example.org", subject="Hallo", body="B")
    delays = []
    for _attempt in range(mail_delivery.MAX_ATTEMPTS):
        work()
        waiting = mail_tasks().filter(status=TaskResultStatus.READY).first()
        if waiting is None:
            break
        delays.append(waiting.run_after - timezone.now())
        waiting.run_after = timezone.now()  # as if the delay had passed
        waiting.save(update_fields=["run_after"])
    assert mail_tasks().filter(status=TaskResultStatus.FAILED).count() == 5
    assert [round(d / timedelta(minutes=1)) for d in delays] == [1, 5, 30, 120]
    report = queue_report()
    assert "pending mails: 0" in report and "failed mails: 1" in report
    assert "a@example.org" in report and "5 attempts" in report
    assert "SMTPServerDisconnected" in report
    # The server is back: one more round, sent once, no longer listed as failed.
    settings.EMAIL_BACKEND = "tests.mail_guard.GuardedOutboxBackend"
    assert "failed mails queued again: 1" in queue_report("--retry-failed")
    work()
    assert [m.to for m in mailoutbox] == [["a@example.org"]]
    assert "failed mails: 0" in queue_report()


def test_a_mail_task_that_runs_again_sends_nothing_twice(mailoutbox):
    mail.send(to="a@example.org", subject="einmal", body="B")
    work()
    # A worker killed after the send but before marking the task done leaves it RUNNING;
    # recovered, the task runs again.
    mail_tasks().update(status=TaskResultStatus.READY)
    work()
    assert len(mailoutbox) == 1
    assert mail_tasks().get().return_value == "already sent"


def test_stale_running_tasks_go_back_to_the_queue(mailoutbox):
    mail.send(to="a@example.org", subject="S", body="B")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    host = taskqueue._host()
    now = timezone.now()
    task = mail_tasks().get()
    cases = {
        "dead process here": ([f"{host}:{dead}:x"], now, True),
        "live process here": ([f"{host}:{os.getppid()}:x"], now, False),
        "other host, fresh": (["elsewhere:1:x"], now, False),
        "other host, silent": (["elsewhere:1:x"], now - taskqueue.STALE_AFTER * 2, True),
        "other host, beating": (["busy:1:x"], now - timedelta(minutes=5), False),
        "other host, no heartbeat": (["elsewhere:1:x"], now - timedelta(minutes=5), True),
    }
    taskqueue.beat("busy:1:x", started_at=now - timedelta(minutes=6))
    for name, (worker_ids, started_at, recovered) in cases.items():
        DBTaskResult.objects.filter(pk=task.pk).update(
            status=TaskResultStatus.RUNNING, worker_ids=worker_ids, started_at=started_at
        )
        assert taskqueue.recover_stale_tasks() == int(recovered), name
    assert "stale tasks requeued: 0" in queue_report("--recover-stale")


def test_prune_forgets_old_sent_mails_but_keeps_failed_ones(settings, mailoutbox):
    mail.send(to="a@example.org", subject="sent", body="B")
    work()
    settings.EMAIL_BACKEND = "tests.core.test_mail_queue.RefusingBackend"
    mail.send(to="b@example.org", subject="failing", body="B")
    work()
    mail_tasks().filter(status=TaskResultStatus.READY).delete()  # as if all attempts failed
    long_ago = timezone.now() - timedelta(days=30)
    mail_tasks().update(finished_at=long_ago)
    SentMail.objects.update(sent_at=long_ago)
    assert "pruned: 1 finished tasks, 1 sent-mail records" in queue_report("--prune")
    assert "failed mails: 1" in queue_report()


def test_backlog_counts_waiting_tasks_and_the_oldest_age():
    assert taskqueue.backlog()["ready"] == 0
    mail.send(to=["a@example.org", "b@example.org"], subject="S", body="B")
    mail_tasks().update(enqueued_at=timezone.now() - timedelta(minutes=3))
    found = taskqueue.backlog()
    assert found["ready"] == 2 and found["running"] == 0
    assert 170 < found["oldest_age_seconds"] < 200


@pytest.mark.django_db(transaction=True)  # the copy below needs no open transaction
def test_a_killed_and_restarted_worker_sends_each_queued_mail_once(tmp_path):
    """Two real processes on an SQLite file: the worker is killed (SIGKILL) while sending
    the third of eight mails; the restarted worker requeues that task and sends the rest."""
    mails = tmp_path / "mails"
    mails.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        MITMACHKARTE_VAR_DIR=str(tmp_path),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="tests.core.slow_mail.HoldingFileBackend",
        EMAIL_FILE_PATH=str(mails),
    )

    def command(*args, **extra):
        return [sys.executable, "-m", "mitmachkarte.cli", *args], {**env, **extra}

    def run(*args):
        argv, environment = command(*args)
        subprocess.run(argv, env=environment, check=True, timeout=120, capture_output=True)

    if connection.vendor == "sqlite":  # a copy of the migrated test database is quicker
        connection.ensure_connection()
        with closing(sqlite3.connect(tmp_path / "mitmachkarte.sqlite3")) as copy:
            connection.connection.backup(copy)
    else:
        run("migrate", "-v", "0")
    addresses = [f"p{i}@example.org" for i in range(8)]
    run(
        "shell",
        "-c",
        f"from mitmachkarte.core import mail; mail.send(to={addresses!r}, "
        "subject='Hallo', body='B')",
    )
    argv, environment = command(
        "db_worker", "--no-startup-delay", "--interval", "0.1", HOLD_MAIL_TO=addresses[2]
    )
    worker = subprocess.Popen(
        argv, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = timezone.now() + timedelta(seconds=60)
        while not (mails / f"sending-{addresses[2]}").exists():
            assert timezone.now() < deadline and worker.poll() is None, "worker did not start"
            time.sleep(0.05)
    finally:
        worker.kill()
        worker.wait()
    assert len(list(mails.glob("mail-*"))) == 2
    run("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    sent = sorted(path.name.split("-")[1] for path in mails.glob("mail-*"))
    assert sent == addresses  # every mail, each exactly once


def test_the_admin_shows_mail_tasks_and_queues_failed_ones_again(settings, admin_client):
    settings.EMAIL_BACKEND = "tests.core.test_mail_queue.RefusingBackend"
    mail.send(to="a@example.org", subject="Hallo Admin", body="B")
    work()
    mail_tasks().filter(status=TaskResultStatus.READY).delete()  # as if all attempts failed
    changelist = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    page = admin_client.get(changelist, {"status__exact": "FAILED"}).content.decode()
    assert "a@example.org: Hallo Admin (1)" in page
    response = admin_client.post(
        changelist,
        {"action": "retry_failed_mails", "_selected_action": [str(mail_tasks().get().pk)]},
        follow=True,
    )
    assert "1 fehlgeschlagene E-Mails werden erneut gesendet." in response.content.decode()
    assert mail_tasks().filter(status=TaskResultStatus.READY).count() == 1
