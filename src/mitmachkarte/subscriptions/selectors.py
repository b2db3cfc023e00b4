"""Reads for subscriptions: the subscriptions of one address, and those due for a run."""

from datetime import datetime

from django.db.models import QuerySet

from . import tokens
from .models import Frequency, Subscription


def subscriptions_of(email_key: str) -> QuerySet[Subscription]:
    return (
        Subscription.objects.filter(email_key=email_key)
        .select_related("municipality")
        .prefetch_related("categories", "sdgs")
        .order_by("created_at", "pk")
    )


def subscription_with_key(subscription_id: int, key: str) -> Subscription | None:
    subscription = (
        Subscription.objects.select_related("municipality").filter(pk=subscription_id).first()
    )
    if subscription is None or not tokens.key_matches(subscription.email_key, key):
        return None
    return subscription


def due_subscription_ids(*, weekly: bool, week: str = "") -> list[int]:
    """Confirmed subscriptions of the run's frequency (weekly: not yet mailed in `week`)."""
    qs = Subscription.objects.filter(
        confirmed_at__isnull=False, frequency=Frequency.WEEKLY if weekly else Frequency.IMMEDIATE
    )
    if weekly:
        qs = qs.exclude(last_digest_week=week)
    return list(qs.order_by("pk").values_list("pk", flat=True))


def unconfirmed_before(cutoff: datetime) -> QuerySet[Subscription]:
    return Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff)
