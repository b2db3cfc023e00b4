from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from mitmachkarte.stewardship import freshness
from mitmachkarte.stewardship.tasks import send_freshness_reminders


class Command(BaseCommand):
    help = (
        'Enqueue the yearly "Is this still right?" mails (one per entry and year; '
        "safe to run daily; the scheduler does, with --inline)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--inline", action="store_true", help="run in this process instead of queueing"
        )

    def handle(self, *args, inline: bool = False, **options):
        if inline:
            return self.report(asdict(freshness.send_reminders()))
        result = send_freshness_reminders.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.report(result.return_value)
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"failed\n{result.errors[-1].traceback}")
        else:
            self.stdout.write(f"freshness reminders: queued ({result.id})")
        return None

    def report(self, report: dict) -> None:
        self.stdout.write(
            f"freshness reminders: {report['sent']} queued, "
            f"{report['without_address']} without address"
        )
