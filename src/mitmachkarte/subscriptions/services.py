"""Writes for subscriptions: subscribe (double opt-in), confirm, change, unsubscribe, purge,
and the sending of one subscription's mail. Each is one transaction and enforces the rules.

Nothing but the confirmation request is mailed before a subscription is confirmed; sending
locks the subscription row and records what was sent in the same transaction as the mail, so
a repeated or concurrent run never mails the same window twice.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.core.geo import BBox, GeoInputError, parse_bbox
from mitmachkarte.events.recurrence import EVENT_TZ
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import SDG, Category

from . import collectors, mails, selectors, tokens
from .models import Frequency, Subscription, email_key, normalise_email

MAX_PER_EMAIL = 20
UNCONFIRMED_MAX_AGE = tokens.CONFIRM_MAX_AGE
DIGEST_DAYS = 7
# An immediate subscription whose mails stopped for long does not get months at once.
MAX_WINDOW = timedelta(days=DIGEST_DAYS)


def _topics(categories: Iterable, sdgs: Iterable) -> tuple[list[Category], list[SDG]]:
    slugs = [c.slug if isinstance(c, Category) else str(c) for c in categories or ()]
    category_objs = list(Category.objects.filter(slug__in=slugs))
    if len(category_objs) != len(set(slugs)):
        raise ValidationError({"categories": _("Unknown category.")})
    numbers = []
    for s in sdgs or ():
        number = s.number if isinstance(s, SDG) else s
        try:
            numbers.append(int(number))
        except (TypeError, ValueError):
            raise ValidationError({"sdgs": _("Unknown SDG.")}) from None
    sdg_objs = list(SDG.objects.filter(number__in=numbers))
    if len(sdg_objs) != len(set(numbers)):
        raise ValidationError({"sdgs": _("Unknown SDG.")})
    return category_objs, sdg_objs


def _apply(
    subscription: Subscription,
    *,
    municipality: Municipality | None,
    bbox: BBox | None,
    kinds: Iterable[str],
    frequency: str,
) -> None:
    """Set area, kinds and frequency on an unsaved or locked subscription, checking them."""
    if municipality is None and bbox is None:
        raise ValidationError(
            {"area": _("Choose an area: a municipality or a section of the map.")}
        )
    if municipality is not None and bbox is not None:
        raise ValidationError(
            {"area": _("Choose either a municipality or a section of the map, not both.")}
        )
    if bbox is not None:
        try:  # the same rules as every bbox parameter (ranges, west ≤ east, south ≤ north)
            bbox = parse_bbox(",".join(repr(float(v)) for v in bbox.as_list()))
        except GeoInputError as exc:
            raise ValidationError({"bbox": str(exc)}) from None
    kinds = list(dict.fromkeys(kinds or ()))
    available = {value for value, _label in collectors.available_kinds()}
    if not kinds:
        raise ValidationError({"kinds": _("Choose at least one kind of news.")})
    if any(k not in available for k in kinds):
        raise ValidationError({"kinds": _("Unknown kind of news.")})
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Unknown frequency.")})
    subscription.municipality = municipality
    subscription.west, subscription.south, subscription.east, subscription.north = (
        bbox.as_list() if bbox else (None, None, None, None)
    )
    subscription.kinds = kinds
    subscription.frequency = frequency


@transaction.atomic
def subscribe(
    *,
    email: str,
    municipality: Municipality | None = None,
    bbox: BBox | None = None,
    categories: Iterable = (),
    sdgs: Iterable = (),
    kinds: Iterable[str] = ("initiatives",),
    frequency: str = Frequency.WEEKLY,
    language: str = "de",
    consent_text: str = "",
    now: datetime | None = None,
) -> Subscription:
    """A pending subscription and the confirmation mail (double opt-in); nothing else is
    mailed until `confirm`. Categories by slug, SDGs by number; none means all topics.

    Raises ValidationError (by field: email, area, kinds, frequency, categories, sdgs).
    """
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    if Subscription.objects.filter(email_key=email_key(email)).count() >= MAX_PER_EMAIL:
        raise ValidationError(
            {
                "email": _(
                    "This address already has the maximum number of "
                    "subscriptions. Please change an existing one."
                )
            }
        )
    subscription = Subscription(
        email=email,
        language=(language or "de")[:8],
        consent_text=consent_text,
        created_at=now or timezone.now(),
    )
    _apply(subscription, municipality=municipality, bbox=bbox, kinds=kinds, frequency=frequency)
    category_objs, sdg_objs = _topics(categories, sdgs)
    subscription.full_clean(exclude=["categories", "sdgs", "email_key"])
    subscription.save()
    subscription.categories.set(category_objs)
    subscription.sdgs.set(sdg_objs)
    mails.send_confirm_request(subscription=subscription)
    return subscription


def _for_token(token: str, purpose: str, *, lock: bool = False) -> Subscription:
    subscription_id, key = tokens.read_token(token, purpose=purpose)
    qs = Subscription.objects.select_for_update() if lock else Subscription.objects
    subscription = qs.filter(pk=subscription_id).first()
    if subscription is None or not tokens.key_matches(subscription.email_key, key):
        raise tokens.TokenError("invalid")
    return subscription


def subscription_for_token(*, token: str, purpose: str) -> Subscription:
    """The subscription a confirm/unsubscribe token names; TokenError if forged or gone."""
    return _for_token(token, purpose)


@transaction.atomic
def confirm(*, token: str, now: datetime | None = None) -> Subscription:
    """Confirm by the mailed token (idempotent). Immediate mails start from this moment."""
    subscription = _for_token(token, tokens.CONFIRM, lock=True)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.last_sent_at = subscription.confirmed_at
        subscription.save(update_fields=["confirmed_at", "last_sent_at"])
    return subscription


@transaction.atomic
def unsubscribe(*, token: str) -> bool:
    """Delete the subscription an unsubscribe token names. True if it existed; a valid token
    of an already deleted subscription is not an error (one-click clients retry)."""
    subscription_id, key = tokens.read_token(token, purpose=tokens.UNSUBSCRIBE)
    subscription = Subscription.objects.select_for_update().filter(pk=subscription_id).first()
    if subscription is None:
        return False
    if not tokens.key_matches(subscription.email_key, key):
        raise tokens.TokenError("invalid")
    subscription.delete()
    return True


@transaction.atomic
def update_subscription(
    *,
    subscription: Subscription,
    municipality: Municipality | None = None,
    bbox: BBox | None = None,
    categories: Iterable = (),
    sdgs: Iterable = (),
    kinds: Iterable[str] = ("initiatives",),
    frequency: str = Frequency.WEEKLY,
) -> Subscription:
    """Change area, topics, kinds and frequency (from the manage page); all or nothing."""
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    _apply(locked, municipality=municipality, bbox=bbox, kinds=kinds, frequency=frequency)
    category_objs, sdg_objs = _topics(categories, sdgs)
    locked.full_clean(exclude=["categories", "sdgs", "email_key"])
    locked.save()
    locked.categories.set(category_objs)
    locked.sdgs.set(sdg_objs)
    return locked


@transaction.atomic
def purge_unconfirmed(*, now: datetime | None = None) -> int:
    """Delete subscriptions left unconfirmed for longer than the confirm link lives."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_MAX_AGE
    _total, per_model = selectors.unconfirmed_before(cutoff).delete()
    return per_model.get(Subscription._meta.label, 0)


def iso_week(moment: datetime) -> str:
    year, week, _day = timezone.localtime(moment, EVENT_TZ).isocalendar()
    return f"{year}-W{week:02d}"


@transaction.atomic
def send_subscription_mail(*, subscription_id: int, weekly: bool, until: datetime) -> int:
    """Mail one subscription what is new up to `until`; returns the number of items mailed.

    Immediate: the items since the last send (one mail per run at most). Weekly: the last
    seven days, once per ISO week. Empty windows are recorded but not mailed.
    """
    # No select_related: PostgreSQL cannot lock the nullable side of an outer join.
    subscription = (
        Subscription.objects.select_for_update()
        .filter(pk=subscription_id, confirmed_at__isnull=False)
        .first()
    )
    if subscription is None:
        return 0  # unsubscribed or purged since the run began
    frequency = Frequency.WEEKLY if weekly else Frequency.IMMEDIATE
    if subscription.frequency != frequency:
        return 0
    if weekly:
        week = iso_week(until)
        if subscription.last_digest_week == week:
            return 0
        since = until - timedelta(days=DIGEST_DAYS)
    else:
        since = max(subscription.last_sent_at or subscription.confirmed_at, until - MAX_WINDOW)
        if since >= until:
            return 0
    sections = collectors.collect(subscription, since=since, until=until)
    count = sum(len(items) for items in sections.values())
    if count:
        mails.send_digest(subscription=subscription, sections=sections, weekly=weekly)
    subscription.last_sent_at = until
    fields = ["last_sent_at"]
    if weekly:
        subscription.last_digest_week = week
        fields.append("last_digest_week")
    subscription.save(update_fields=fields)
    return count
