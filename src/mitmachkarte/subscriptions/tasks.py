"""Background tasks (django-tasks), enqueued by `send_subscription_mails`: one task per
subscription, so a database-backed worker sends them independently and a failing address
does not stop the others. Arguments are JSON: the run's end as an ISO string."""

from datetime import datetime

from django_tasks import task

from . import services


@task()
def send_subscription_mail(subscription_id: int, weekly: bool, until: str) -> int:
    return services.send_subscription_mail(
        subscription_id=subscription_id, weekly=weekly, until=datetime.fromisoformat(until)
    )


@task()
def purge_unconfirmed_subscriptions() -> int:
    return services.purge_unconfirmed()
