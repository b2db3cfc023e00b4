"""Subscriptions without an account: an area, topics and kinds, mailed at once or weekly."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.geo import BBox
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import SDG, Category


class Kind(models.TextChoices):
    INITIATIVES = "initiatives", _("new initiatives")
    EVENTS = "events", _("new events")
    NEEDS = "needs", _("new needs")
    OFFERS = "offers", _("new offers")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("immediately (at most once per run, usually hourly)")
    WEEKLY = "weekly", _("weekly digest")


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def email_key(email: str) -> str:
    """A keyed digest of the address: manage links name it without putting it in a URL."""
    return salted_hmac(
        "mitmachkarte.subscriptions.email", normalise_email(email), algorithm="sha256"
    ).hexdigest()


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"))
    email_key = models.CharField(max_length=64, db_index=True, editable=False)
    # The area: a municipality, or a box of four WGS84 degrees (exactly one of both).
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("municipality"),
    )
    west = models.FloatField(_("west"), null=True, blank=True)
    south = models.FloatField(_("south"), null=True, blank=True)
    east = models.FloatField(_("east"), null=True, blank=True)
    north = models.FloatField(_("north"), null=True, blank=True)
    # Topics; none of both means all topics.
    categories = models.ManyToManyField(Category, blank=True, verbose_name=_("categories"))
    sdgs = models.ManyToManyField(SDG, blank=True, verbose_name=_("SDGs"))
    kinds = models.JSONField(_("kinds"), default=list)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    language = models.CharField(_("language"), max_length=8, default="de")
    consent_text = models.TextField(_("consent given"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # Immediate: the end of the last window mailed. Weekly: the ISO week last mailed.
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    last_digest_week = models.CharField(_("last weekly digest"), max_length=8, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(
                name="subscription_has_area",
                condition=Q(municipality__isnull=False, west__isnull=True)
                | Q(
                    municipality__isnull=True,
                    west__isnull=False,
                    south__isnull=False,
                    east__isnull=False,
                    north__isnull=False,
                ),
            ),
        ]
        indexes = [models.Index(fields=["frequency", "confirmed_at"], name="subscription_due")]

    def __str__(self) -> str:
        return f"{self.area_label} ({self.get_frequency_display()})"

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        self.email_key = email_key(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def bbox(self) -> BBox | None:
        if self.west is None:
            return None
        return BBox(self.west, self.south, self.east, self.north)

    @property
    def area_label(self) -> str:
        if self.municipality_id:
            return self.municipality.name
        b = self.bbox
        return _("map section %(south).3f–%(north).3f° N, %(west).3f–%(east).3f° E") % {
            "south": b.south,
            "north": b.north,
            "west": b.west,
            "east": b.east,
        }

    def kind_labels(self) -> list[str]:
        labels = dict(Kind.choices)
        return [str(labels[k]) for k in self.kinds if k in labels]
