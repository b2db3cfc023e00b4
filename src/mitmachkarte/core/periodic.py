"""A management command that runs periodic django-tasks and reports each result.

Apps subclass it with their `tasks`; `mitmachkarte scheduler` runs the commands at their
times with `--inline`: the tasks run in the scheduler's process, so the recorded job run
says whether they worked. Without it they are enqueued (with the database queue for
`db_worker`; with the immediate backend they run at once). A failure makes the command fail
(exit 1) after the other tasks ran.
"""

import traceback

from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus


class PeriodicTasksCommand(BaseCommand):
    tasks: tuple = ()

    def add_arguments(self, parser):
        parser.add_argument(
            "--inline",
            action="store_true",
            help="run the tasks in this process (as the scheduler does) instead of queueing them",
        )

    def handle(self, *args, inline: bool = False, **options):
        failed = []
        for task in self.tasks:
            if inline:
                try:
                    self.stdout.write(f"{task.name}: done ({task.call()})")
                except Exception:
                    failed.append(task.name)
                    self.stderr.write(f"{task.name}: failed\n{traceback.format_exc()}")
                continue
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
