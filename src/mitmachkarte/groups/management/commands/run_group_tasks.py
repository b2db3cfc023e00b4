from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from mitmachkarte.groups.tasks import extend_private_meeting_series, send_action_item_reminders


class Command(BaseCommand):
    help = ("Enqueue the periodic working-group tasks: reminders for action items due within "
            "two days and the rolling window of members-only meeting series. Run it hourly.")

    def handle(self, *args, **options):
        failed = []
        for task in (extend_private_meeting_series, send_action_item_reminders):
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
