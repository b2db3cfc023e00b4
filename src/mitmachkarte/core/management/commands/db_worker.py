"""django-tasks-db's worker, which first requeues the tasks of dead workers.

Its worker id names host and process (`core.taskqueue.new_worker_id`), so a restarted worker
recognises tasks its killed predecessor left RUNNING and runs them again.
"""

from django_tasks_db.management.commands import db_worker

from mitmachkarte.core import taskqueue


class Command(db_worker.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=taskqueue.new_worker_id())

    def handle(self, *args, **options):
        recovered = taskqueue.recover_stale_tasks()
        if recovered:
            self.stdout.write(f"requeued {recovered} tasks of stopped workers")
        return super().handle(*args, **options)
