"""Delivering queued mails: the task, its retries, and what the queue holds.

Each mail is one `deliver_mail` task whose argument carries the whole message (JSON) and a
key. The `SentMail` row with that key is written as soon as the mail server accepted the
mail, and checked first, so a task that runs again sends nothing twice: after a worker was
killed before it could mark the task done (`core.taskqueue.recover_stale_tasks` puts such
tasks back in the queue), or after `mail_queue --retry-failed`. What remains is the moment
between the server's "250 OK" and that row's commit; a mail re-sent from there carries the
same Message-ID, which mail programs use to show it once.

A failed attempt is recorded as a failed task (with its traceback) and, while attempts are
left, the next one is queued with a growing delay; with a backend that cannot defer tasks
(immediate: demo, tests) the failure is only logged.
"""

from contextlib import suppress
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from .models import SentMail

# Waits before attempts 2, 3, 4 and 5: about two and a half hours in all.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


def message_id(key: str) -> str:
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<{key}@{domain}>"


def build_message(message: dict) -> EmailMultiAlternatives:
    """The EmailMessage of a queued mail; all headers come from `core.mail`'s cleaned values."""
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        to=[message["to"]],
        reply_to=[message["reply_to"]] if message.get("reply_to") else None,
        headers={**message.get("headers", {}), "Message-ID": message_id(message["key"])},
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    return email


@task()
def deliver_mail(message: dict, attempt: int = 1) -> str:
    key = message["key"]
    if SentMail.objects.filter(key=key).exists():
        return "already sent"
    # The connection is closed (SMTP QUIT, a round trip) only after the record is written:
    # the window between the server's "250 OK" and the record stays as short as it can be.
    connection = get_connection()
    try:
        try:
            connection.open()  # opened here, so send() leaves it open
            email = build_message(message)
            email.connection = connection
            email.send()
        except Exception:
            _schedule_retry(message, attempt)
            raise
        _record_sent(key)
    finally:
        # A goodbye that fails changes nothing about a mail the server already accepted.
        with suppress(Exception):
            connection.close()
    return "sent"


def _record_sent(key: str) -> None:
    try:
        with transaction.atomic():
            SentMail.objects.create(key=key, sent_at=timezone.now())
    except IntegrityError:  # a second run of the same mail recorded it first
        pass


def _schedule_retry(message: dict, attempt: int) -> None:
    if attempt >= MAX_ATTEMPTS or not deliver_mail.get_backend().supports_defer:
        return
    later = deliver_mail.using(run_after=timezone.now() + RETRY_DELAYS[attempt - 1])
    later.enqueue(message, attempt + 1)


# --- what the queue holds ----------------------------------------------------------------


def _mail_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=deliver_mail.module_path)


def mail_states() -> dict[str, list]:
    """The mails not (yet) sent, by state: "pending" (queued, running or waiting for the
    next attempt) and "failed" (every attempt failed). Each entry is the newest task of
    one mail: its message, attempt, status, times and last error."""
    newest: dict[str, object] = {}
    unfinished = [TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED]
    for result in _mail_tasks().filter(status__in=unfinished).order_by("enqueued_at"):
        newest[_key(result.args_kwargs)] = result  # later attempts replace earlier ones
    sent = set(SentMail.objects.filter(key__in=list(newest)).values_list("key", flat=True))
    states: dict[str, list] = {"pending": [], "failed": []}
    for key, result in newest.items():
        if key in sent:
            continue
        args = result.args_kwargs["args"]
        entry = {
            "key": key,
            "message": args[0],
            "attempt": args[1] if len(args) > 1 else 1,
            "status": result.status,
            "enqueued_at": result.enqueued_at,
            "run_after": _run_after(result),
            "error": result.traceback.strip().splitlines()[-1] if result.traceback else "",
        }
        state = "failed" if result.status == TaskResultStatus.FAILED else "pending"
        states[state].append(entry)
    return states


def _run_after(result) -> datetime | None:
    from django_tasks_db.models import get_date_max

    return None if result.run_after == get_date_max() else result.run_after


def retry_failed() -> int:
    """Queue a fresh round of attempts for every mail whose attempts all failed."""
    failed = mail_states()["failed"]
    for entry in failed:
        deliver_mail.enqueue(entry["message"], 1)
    return len(failed)


def prune(*, keep: timedelta) -> dict[str, int]:
    """Forget sent mails and finished tasks older than `keep` (they hold addresses and
    texts). Failed tasks of a mail that is still failed stay until it is retried."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - keep
    still_failed = {entry["key"] for entry in mail_states()["failed"]}
    old = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=cutoff
    )
    doomed = [
        pk
        for pk, path, args_kwargs in old.values_list("pk", "task_path", "args_kwargs")
        if path != deliver_mail.module_path or _key(args_kwargs) not in still_failed
    ]
    tasks = DBTaskResult.objects.filter(pk__in=doomed).delete()[0] if doomed else 0
    # After the tasks: a failed attempt of a sent mail must not outlive the record of it.
    sent = SentMail.objects.filter(sent_at__lt=cutoff).delete()[0]
    return {"tasks": tasks, "sent_mail_records": sent}


def _key(args_kwargs: dict) -> str:
    args = args_kwargs.get("args") or [{}]
    return args[0].get("key", "") if isinstance(args[0], dict) else ""
