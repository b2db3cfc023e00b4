"""A management command that enqueues periodic django-tasks and reports each result.

Apps subclass it with their `tasks`; cron or a systemd timer runs the command hourly. With the
immediate backend a task runs at once and a failure makes the command fail (exit 1).
"""

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus


class PeriodicTasksCommand(BaseCommand):
    tasks: tuple = ()

    def handle(self, *args, **options):
        failed = []
        for task in self.tasks:
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
