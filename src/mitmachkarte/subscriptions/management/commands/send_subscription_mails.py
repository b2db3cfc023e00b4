from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus

from mitmachkarte.subscriptions import selectors, services
from mitmachkarte.subscriptions.tasks import (
    purge_unconfirmed_subscriptions,
    send_subscription_mail,
)


class Command(BaseCommand):
    help = (
        "Send the subscription mails: without --weekly the immediate ones (new items since "
        "the last run; run hourly), with --weekly the weekly digests (once per ISO week, "
        "safe to repeat). Also deletes subscriptions left unconfirmed for 7 days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--weekly",
            action="store_true",
            help="send the weekly digests instead of the immediate mails",
        )

    def handle(self, *args, weekly: bool = False, **options):
        until = timezone.now()
        purged = purge_unconfirmed_subscriptions.enqueue()
        if purged.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"unconfirmed subscriptions deleted: {purged.return_value}")
        ids = selectors.due_subscription_ids(weekly=weekly, week=services.iso_week(until))
        sent = items = queued = 0
        failed = []
        for subscription_id in ids:
            result = send_subscription_mail.enqueue(subscription_id, weekly, until.isoformat())
            if result.status == TaskResultStatus.SUCCESSFUL:
                sent += bool(result.return_value)
                items += result.return_value
            elif result.status == TaskResultStatus.FAILED:
                failed.append(subscription_id)
                self.stderr.write(
                    f"subscription {subscription_id}: failed\n{result.errors[-1].traceback}"
                )
            else:
                queued += 1
        kind = "weekly digests" if weekly else "immediate mails"
        self.stdout.write(
            f"{kind}: {len(ids)} due, {sent} mails sent with {items} items, "
            f"{queued} queued, {len(failed)} failed"
        )
        if failed:
            raise CommandError(f"failed subscriptions: {', '.join(map(str, failed))}")
