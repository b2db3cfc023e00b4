"""Background tasks (django-tasks): match notices and relayed messages.

ImmediateBackend by default (they run at once, after the commit that enqueued them); the
database backend of django-tasks-db runs them in `db_worker` (README)."""

from django_tasks import task

from . import mails


@task()
def notify_matching_offers(need_id: int) -> int:
    """Tell the owners of matching offers (who did not opt out) about a new need."""
    return mails.send_match_notices(need_id)


@task()
def relay_message(message_id: int) -> int:
    """Deliver a message to the members of the other organisation of its thread."""
    return mails.relay(message_id)
