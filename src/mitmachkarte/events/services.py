"""Writes for events and campaigns. Each function is one transaction and enforces the rules.

Registrations have their own module (registrations.py) with the same conventions.
"""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mitmachkarte.core.slugs import RESERVED_SLUGS, unique_slug
from mitmachkarte.core.text import slugify_de
from mitmachkarte.core.text_input import one_line
from mitmachkarte.municipalities.selectors import municipality_id_at
from mitmachkarte.taxonomy.models import SDG, Category

from . import mails, organiser_links
from .models import Campaign, Event, EventStatus, EventType, Occurrence
from .recurrence import EVENT_TZ, HORIZON, MAX_OCCURRENCES, expand

# Past dates of a recurring event are history: a changed rule leaves them alone.
LOOKBACK = timedelta(days=1)
M2M_FIELDS = ("municipalities", "categories", "sdgs")


def as_aware(value: datetime) -> datetime:
    """Naive date-times are Europe/Berlin wall-clock times."""
    if timezone.is_naive(value):
        return value.replace(tzinfo=EVENT_TZ)
    return value


def _set_topics_and_organisers(event: Event, *, categories, sdgs, co_organisers) -> None:
    category_objs = list(Category.objects.filter(slug__in=list(categories)))
    if len(category_objs) != len(set(categories)):
        raise ValidationError({"categories": _("Unknown category.")})
    event.categories.set(category_objs)
    event.sdgs.set(SDG.objects.filter(number__in=list(sdgs)))
    event.co_organisers.set([o for o in co_organisers if o != event.organisation])


def create_event(
    *,
    title: str,
    event_type: str,
    start: datetime,
    end: datetime,
    organiser_name: str,
    status: str = EventStatus.PUBLISHED,
    municipalities=None,
    categories=(),
    sdgs=(),
    slug: str = "",
    co_organisers=(),
    now: datetime | None = None,
    **fields,
) -> Event:
    """Create an event and its dates.

    `municipalities` are Municipality objects (or ids); without them, the municipality at
    the venue is used. `categories` are slugs, `sdgs` numbers, `co_organisers`
    Organisation objects. Raises ValidationError on invalid data; nothing is saved then.
    """
    if status == EventStatus.PENDING and fields.get("campaign") is not None:
        check_campaign_submission(campaign=fields["campaign"], start=start)
    with transaction.atomic():
        event = Event(
            title=one_line(title),
            event_type=event_type,
            start=as_aware(start),
            end=as_aware(end),
            organiser_name=organiser_name.strip(),
            status=status,
            **fields,
        )
        if event.registration_deadline:
            event.registration_deadline = as_aware(event.registration_deadline)
        if slug and (slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exists()):
            raise ValidationError({"slug": _("This address is taken.")})
        event.slug = slug or unique_slug(event.title, taken=Event.objects, default="veranstaltung")
        event.full_clean(exclude=list(M2M_FIELDS))
        event.save()
        _set_topics_and_organisers(
            event, categories=categories, sdgs=sdgs, co_organisers=co_organisers
        )
        if municipalities is None:
            municipalities = place_municipalities(event)
        event.municipalities.set(municipalities)
        sync_occurrences(event=event, now=now)
    return event


def place_municipalities(event: Event) -> list[int]:
    """The municipality at the venue's point (none for an event without a point)."""
    if event.latitude is None or event.longitude is None:
        return []
    found = municipality_id_at(event.latitude, event.longitude)
    return [found] if found else []


def derive_municipalities(*, event: Event) -> bool:
    """Link an event without municipalities to the one at its venue (admin, imports, edits
    that moved the venue); returns whether one was found."""
    with transaction.atomic():
        found = place_municipalities(event)
        if found:
            event.municipalities.set(found)
    return bool(found)


def update_event(
    *,
    event: Event,
    categories=(),
    sdgs=(),
    co_organisers=(),
    now: datetime | None = None,
    **fields,
) -> Event:
    """Change an event (its organisers' edit form): the municipality follows the venue, the
    dates follow start, end and rule, and a larger capacity moves people up."""
    from . import registrations

    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        for name, value in fields.items():
            setattr(event, name, value)
        event.title = one_line(event.title)
        event.start, event.end = as_aware(event.start), as_aware(event.end)
        if event.registration_deadline:
            event.registration_deadline = as_aware(event.registration_deadline)
        if not event.is_in_person:
            event.latitude = event.longitude = None
        event.full_clean(exclude=[*M2M_FIELDS, "slug"])
        event.save()
        _set_topics_and_organisers(
            event, categories=categories, sdgs=sdgs, co_organisers=co_organisers
        )
        event.municipalities.set(place_municipalities(event))
        sync_occurrences(event=event, now=now)
    registrations.fill_from_waiting_list(event=event, now=now)
    return event


def sync_occurrences(*, event: Event, now: datetime | None = None) -> int:
    """Make the stored dates match the event's start, end and rule; returns their number.

    A single event keeps its one occurrence (moved in place, registrations stay). For a rule,
    dates from yesterday up to one year ahead (at most 500) are created; future dates the
    rule no longer produces are deleted, or cancelled when people registered for them.
    """
    now = now or timezone.now()
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        existing = list(event.occurrences.all())
        if not event.recurrence:
            keep = next((o for o in existing if o.registrations.exists()), None) or (
                existing[0] if existing else Occurrence(event=event)
            )
            for other in existing:
                if other is not keep:
                    _drop(other)
            keep.start, keep.end, keep.is_cancelled = event.start, event.end, False
            keep.save()
            return 1
        after = max(event.start, now - LOOKBACK)
        wanted = dict(
            expand(
                start=event.start,
                end=event.end,
                rule_text=event.recurrence,
                after=after,
                until=now + HORIZON,
                limit=MAX_OCCURRENCES,
            )
        )
        for occurrence in existing:
            in_window = occurrence.start >= now - LOOKBACK or occurrence.start < event.start
            if occurrence.start in wanted:
                end = wanted.pop(occurrence.start)
                if occurrence.end != end or occurrence.is_cancelled:
                    occurrence.end, occurrence.is_cancelled = end, False
                    occurrence.save(update_fields=["end", "is_cancelled"])
            elif in_window:
                _drop(occurrence)
        Occurrence.objects.bulk_create(
            [Occurrence(event=event, start=s, end=e) for s, e in wanted.items()]
        )
        return event.occurrences.filter(is_cancelled=False).count()


def _drop(occurrence: Occurrence) -> None:
    if occurrence.registrations.exists():
        if not occurrence.is_cancelled:
            occurrence.is_cancelled = True
            occurrence.save(update_fields=["is_cancelled"])
    else:
        occurrence.delete()


def extend_recurring_events(*, now: datetime | None = None) -> int:
    """Roll the one-year window of every recurring published event forward (daily task)."""
    count = 0
    for event in Event.objects.filter(status=EventStatus.PUBLISHED).exclude(recurrence=""):
        sync_occurrences(event=event, now=now)
        count += 1
    return count


def publish_event(*, event: Event, notify: bool = True) -> Event:
    """Approve an event; a submitter with an e-mail address gets the organiser link."""
    with transaction.atomic():
        was_pending = event.status == EventStatus.PENDING
        event.status = EventStatus.PUBLISHED
        event.save(update_fields=["status", "updated_at"])
        sync_occurrences(event=event)
        if notify and was_pending and event.organiser_email:
            organiser_links.renew(event=event, notify=True, approved=True)
    return event


def reject_event(*, event: Event) -> Event:
    with transaction.atomic():
        event.status = EventStatus.REJECTED
        event.save(update_fields=["status", "updated_at"])
    return event


def submit_campaign_action(
    *,
    campaign: Campaign,
    title: str,
    start: datetime,
    end: datetime,
    organiser_name: str,
    organiser_email: str,
    categories=(),
    **fields,
) -> Event:
    """An initiative's own action for a campaign: saved as pending until a moderator
    approves it in the admin. It must take place within the campaign days."""
    start, end = as_aware(start), as_aware(end)
    check_campaign_submission(campaign=campaign, start=start)
    if not organiser_email:
        raise ValidationError({"organiser_email": _("We need an e-mail address to reply.")})
    fields.setdefault("event_type", EventType.ACTION_DAY)
    fields.pop("recurrence", None)  # actions are single dates
    with transaction.atomic():
        event = create_event(
            title=title,
            start=start,
            end=end,
            organiser_name=organiser_name,
            organiser_email=organiser_email,
            categories=categories,
            campaign=campaign,
            status=EventStatus.PENDING,
            **fields,
        )
        mails.send_submission_received(event=event)
    return event


def check_campaign_submission(*, campaign: Campaign, start: datetime) -> None:
    """An action submitted to a campaign: submissions open, within the campaign days."""
    if not campaign.submissions_open:
        raise ValidationError(_("This campaign does not accept submissions any more."))
    first = datetime.combine(campaign.starts_on, time.min, tzinfo=EVENT_TZ)
    after_last = datetime.combine(campaign.ends_on + timedelta(days=1), time.min, tzinfo=EVENT_TZ)
    if not first <= as_aware(start) < after_last:
        raise ValidationError(
            {
                "start": _(
                    "The action must take place during the campaign (%(first)s to %(last)s)."
                )
                % {"first": _date(campaign.starts_on), "last": _date(campaign.ends_on)}
            }
        )


def _date(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def create_campaign(
    *,
    name: str,
    starts_on: date,
    ends_on: date,
    description: str = "",
    slug: str = "",
    submissions_open: bool = True,
) -> Campaign:
    with transaction.atomic():
        campaign = Campaign(
            name=name.strip(),
            slug=slug or slugify_de(name)[:180],
            starts_on=starts_on,
            ends_on=ends_on,
            description=description,
            submissions_open=submissions_open,
        )
        campaign.full_clean()
        campaign.save()
    return campaign
