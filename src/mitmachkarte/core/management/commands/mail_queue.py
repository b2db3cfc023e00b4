from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mitmachkarte.core import mail_delivery, taskqueue


class Command(BaseCommand):
    help = (
        "Show the mails waiting in the task queue and those whose every attempt failed; "
        "--retry-failed queues them again, --recover-stale requeues tasks of dead workers, "
        "--prune forgets sent mails and finished tasks older than --keep-days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--retry-failed", action="store_true")
        parser.add_argument("--recover-stale", action="store_true")
        parser.add_argument("--prune", action="store_true")
        parser.add_argument("--keep-days", type=int, default=14)

    def handle(self, *args, retry_failed, recover_stale, prune, keep_days, **options):
        if keep_days < 1:
            raise CommandError("--keep-days must be at least 1")
        if recover_stale:
            self.stdout.write(f"stale tasks requeued: {taskqueue.recover_stale_tasks()}")
        if retry_failed:
            self.stdout.write(f"failed mails queued again: {mail_delivery.retry_failed()}")
        if prune:
            pruned = mail_delivery.prune(keep=timedelta(days=keep_days))
            self.stdout.write(
                f"pruned: {pruned['tasks']} finished tasks, "
                f"{pruned['sent_mail_records']} sent-mail records"
            )
        states = mail_delivery.mail_states()
        now = timezone.now()
        pending = states["pending"]
        oldest = min((entry["enqueued_at"] for entry in pending), default=None)
        age = (
            f", oldest queued {int((now - oldest).total_seconds() // 60)} min ago" if oldest else ""
        )
        self.stdout.write(f"pending mails: {len(pending)}{age}")
        self.stdout.write(f"failed mails: {len(states['failed'])}")
        for entry in states["failed"]:
            message = entry["message"]
            self.stdout.write(
                f"  {entry['key']}  to {message['to']}  “{message['subject']}”  "
                f"{entry['attempt']} attempts, last: {entry['error']}"
            )
