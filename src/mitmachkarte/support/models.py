"""The support exchange: needs of initiatives, offers of municipalities and others, and the
message threads between them.

An offer is one table with type-specific fields (room, funding programme, permit guide,
advice); the rules every row must satisfy live in `clean()`, which services and admin run.
No personal e-mail address is stored here: mails go to the members of an organisation.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.text_input import normalise_fields, single_line_errors
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.organisations.models import Organisation

EMAIL_IN_TEXT = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


class NeedType(models.TextChoices):
    ROOM = "room", _("room")
    PERMIT = "permit", _("permit")
    FUNDING = "funding", _("funding")
    PUBLICITY = "publicity", _("publicity")
    VOLUNTEERS = "volunteers", _("volunteers")
    MATERIAL = "material", _("material or equipment")
    EXPERTISE = "expertise", _("expertise")
    OTHER = "other", _("other")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_CONTACT = "in_contact", _("in contact")
    SOLVED = "solved", _("solved")
    WITHDRAWN = "withdrawn", _("withdrawn")


class OfferType(models.TextChoices):
    ROOM = "room", _("room")
    FUNDING = "funding", _("funding programme")
    PERMIT = "permit", _("permit guide")
    ADVICE = "advice", _("advice")
    OTHER = "other", _("other help")


class PermitTopic(models.TextChoices):
    STREET_FESTIVAL = "street_festival", _("street festival")
    INFO_STAND = "info_stand", _("info stand")
    URBAN_GARDENING = "urban_gardening", _("urban gardening on public land")
    REPAIR_EVENT = "repair_event", _("repair event in a public building")
    OTHER = "other", _("other")


class Need(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="needs", verbose_name=_("organisation")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    need_type = models.CharField(_("type"), max_length=12, choices=NeedType.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown"))
    schedule = models.CharField(_("when / how often"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("municipality"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=NeedStatus.choices, default=NeedStatus.OPEN
    )
    expires_on = models.DateField(_("expires on"))
    # The expiry date the "expires soon" mail was sent for: renewing moves expires_on, so the
    # next expiry gets its own reminder.
    expiry_reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = [
            models.Index(
                fields=["status", "need_type", "municipality"], name="need_status_type_muni"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("support:need", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        normalise_fields(self, ["description"])
        errors = single_line_errors(self, ["title"])
        if self.municipality_id is None and (self.latitude is None or self.longitude is None):
            errors["municipality"] = [_("Give a municipality or a location for the need.")]
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = [_("Give both latitude and longitude.")]
        if errors:
            raise ValidationError(errors)

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def is_active(self) -> bool:
        """Shown in lists and matched: open or in contact, and not expired."""
        return self.status in (NeedStatus.OPEN, NeedStatus.IN_CONTACT) and not self.is_expired

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is not None:
            return self.latitude, self.longitude
        if self.municipality_id:
            return self.municipality.latitude, self.municipality.longitude
        return None


class Offer(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    offer_type = models.CharField(_("type"), max_length=12, choices=OfferType.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("municipality"),
        help_text=_("Leave empty for programmes open to the whole state."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    notify_matches = models.BooleanField(
        _("tell me about new matching needs"),
        default=True,
        help_text=_("An e-mail to the members of your organisation for each new need."),
    )
    # Rooms
    capacity = models.PositiveIntegerField(
        _("capacity (people)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    equipment = models.TextField(_("equipment"), blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    availability = models.TextField(_("availability"), blank=True)
    booking_contact = models.CharField(
        _("booking contact"),
        max_length=200,
        blank=True,
        help_text=_(
            "Office, phone number or booking page; shown publicly. No personal "
            "e-mail addresses: requests reach you through the site."
        ),
    )
    # Funding programmes
    funder = models.CharField(_("funder"), max_length=160, blank=True)
    amount_min = models.PositiveIntegerField(_("minimum amount (EUR)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(_("maximum amount (EUR)"), null=True, blank=True)
    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    link = models.URLField(_("link"), blank=True)
    # Permit guides
    topic = models.CharField(_("topic"), max_length=20, choices=PermitTopic.choices, blank=True)
    responsible_office = models.CharField(_("responsible office"), max_length=200, blank=True)
    steps = models.TextField(_("steps"), blank=True, help_text=_("Markdown"))
    documents = models.TextField(_("documents"), blank=True)
    typical_duration = models.CharField(_("typical duration"), max_length=120, blank=True)

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [
            models.Index(
                fields=["is_active", "offer_type", "municipality"], name="offer_active_type_muni"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("support:offer", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        normalise_fields(
            self, ["description", "equipment", "availability", "eligibility", "steps", "documents"]
        )
        errors = single_line_errors(self, ["title"])
        if self.offer_type == OfferType.ROOM and self.capacity is None:
            errors["capacity"] = _("Give the capacity of the room (at least 1).")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("The capacity must be at least 1.")
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            errors["amount_max"] = _("The maximum amount must not be below the minimum.")
        if self.offer_type == OfferType.FUNDING and not self.funder:
            errors["funder"] = _("Name the funder of the programme.")
        if self.offer_type == OfferType.PERMIT and not self.topic:
            errors["topic"] = _("Choose the topic of the permit guide.")
        if self.booking_contact and EMAIL_IN_TEXT.search(self.booking_contact):
            errors["booking_contact"] = _(
                "No e-mail addresses here: requests reach you through the site."
            )
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = _("Give both latitude and longitude.")
        if errors:
            raise ValidationError(errors)

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is not None:
            return self.latitude, self.longitude
        if self.municipality_id:
            return self.municipality.latitude, self.municipality.longitude
        return None

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and self.deadline < timezone.localdate()


class Thread(models.Model):
    """The conversation between the organisation of a need and that of an offer."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="threads")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="threads")
    started_by = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message thread")
        verbose_name_plural = _("message threads")
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="thread_unique_need_offer")
        ]

    def __str__(self) -> str:
        return f"{self.need} ↔ {self.offer}"

    def get_absolute_url(self) -> str:
        return reverse("support:thread", args=[self.pk])

    @property
    def organisations(self) -> tuple[Organisation, Organisation]:
        return self.need.organisation, self.offer.organisation


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sender_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.sender_organisation}: {self.body[:40]}"
