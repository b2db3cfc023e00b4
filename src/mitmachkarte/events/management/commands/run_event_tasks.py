from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from mitmachkarte.events.tasks import extend_recurring_events, send_event_reminders


class Command(BaseCommand):
    help = ("Enqueue the periodic event tasks: reminder mails for dates within the next 24 "
            "hours and the rolling window of recurring events. Run it hourly (cron/systemd).")

    def handle(self, *args, **options):
        failed = []
        for task in (extend_recurring_events, send_event_reminders):
            result = task.enqueue()
            if result.status == TaskResultStatus.SUCCESSFUL:
                self.stdout.write(f"{task.name}: done ({result.return_value})")
            elif result.status == TaskResultStatus.FAILED:
                failed.append(task.name)
                self.stderr.write(f"{task.name}: failed\n{result.errors[-1].traceback}")
            else:
                self.stdout.write(f"{task.name}: queued ({result.id})")
        if failed:
            raise CommandError(f"failed: {', '.join(failed)}")
