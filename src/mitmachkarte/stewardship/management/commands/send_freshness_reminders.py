from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from mitmachkarte.stewardship.tasks import send_freshness_reminders


class Command(BaseCommand):
    help = (
        'Enqueue the yearly "Is this still right?" mails (one per entry and year; '
        "safe to run daily from cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        result = send_freshness_reminders.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            report = result.return_value
            self.stdout.write(
                f"freshness reminders: {report['sent']} queued, "
                f"{report['without_address']} without address"
            )
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"failed\n{result.errors[-1].traceback}")
        else:
            self.stdout.write(f"freshness reminders: queued ({result.id})")
