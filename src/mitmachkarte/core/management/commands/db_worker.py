"""django-tasks-db's worker, which first requeues the tasks of dead workers.

Its worker id names host and process (`core.taskqueue.new_worker_id`), so a restarted worker
recognises tasks its killed predecessor left RUNNING and runs them again. While it runs, a
heartbeat row tells /healthz (and other hosts' recovery) that it is alive; a clean stop
removes it.
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
        worker_id = options["worker_id"]
        stop = taskqueue.start_heartbeat(worker_id)
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            taskqueue.forget(worker_id)
