from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.text import search_variants
from mitmachkarte.core.text_input import normalise_fields, single_line_errors
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.taxonomy.models import SDG, Category, Tag

SHORT_DESCRIPTION_MAX = 250
# An entry nobody confirmed for about 18 months "may be outdated" (list, detail, API).
OUTDATED_AFTER = timedelta(days=548)


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    PENDING = "pending", _("pending review")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


class DataLicence(models.TextChoices):
    ODBL = "ODbL-1.0", "ODbL 1.0"
    CC0 = "CC0-1.0", "CC0 1.0"


def current_year() -> int:
    return timezone.now().year


class Initiative(models.Model):
    # Typed by people, checked and normalised by clean() (so by the services and the admin).
    SINGLE_LINE_FIELDS = (
        "name",
        "street",
        "postcode",
        "city",
        "contact_phone",
        "opening_hours",
        "image_alt",
        "image_credit",
    )
    MULTILINE_FIELDS = ("short_description", "description", "meeting_times", "how_to_join")

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    short_description = models.CharField(
        _("short description"),
        max_length=SHORT_DESCRIPTION_MAX,
        help_text=_("One or two sentences, at most 250 characters."),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown"))
    categories = models.ManyToManyField(
        Category, related_name="initiatives", verbose_name=_("categories")
    )
    sdgs = models.ManyToManyField(
        SDG, related_name="initiatives", blank=True, verbose_name=_("SDGs")
    )
    tags = models.ManyToManyField(
        Tag, related_name="initiatives", blank=True, verbose_name=_("tags")
    )

    street = models.CharField(_("street and number"), max_length=160, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("municipality"),
    )

    # Public contact. The e-mail is used for relaying messages and is never published.
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social media links"), default=list, blank=True)

    meeting_times = models.TextField(_("meeting / opening times"), blank=True)
    # OpenStreetMap's opening_hours syntax, checked and normalised by validation; the free
    # text above stays as a note beside it.
    opening_hours = models.CharField(
        _("opening hours (OpenStreetMap syntax)"), max_length=255, blank=True
    )
    how_to_join = models.TextField(_("how to join in"), blank=True)
    # A picture or logo, stored only as the resized copies made by images.py (WebP, no
    # metadata); set through services.set_image.
    image = models.FileField(_("picture"), max_length=200, blank=True, editable=False)
    image_small = models.FileField(_("picture (small)"), max_length=200, blank=True, editable=False)
    image_alt = models.CharField(_("picture description (alt text)"), max_length=200, blank=True)
    image_credit = models.CharField(_("picture credit and licence"), max_length=200, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    data_licence = models.CharField(
        _("data licence"), max_length=12, choices=DataLicence.choices, default=DataLicence.ODBL
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set on the first publication only: subscriptions and feeds announce an entry by it, so
    # a proposal approved weeks after it was made is still "new" when it appears.
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, db_index=True, editable=False
    )
    last_confirmed_at = models.DateTimeField(_("last confirmed"), default=timezone.now)

    # Folded words of name, texts, tags and place (see core.text); portable substring search.
    search_text = models.TextField(editable=False, default="")
    # The folded name with its variants: "names first" in a search looks here (its own
    # full-text index, small enough to rank), see initiatives/search.py.
    search_name = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        indexes = [
            # Covers the map index's read of all published entries (no table rows read).
            models.Index(
                fields=["status", "latitude", "longitude", "municipality"],
                name="initiative_status_lat_muni",
            ),
            models.Index(fields=["status", "longitude"], name="initiative_status_lon"),
            models.Index(fields=["status", "municipality"], name="initiative_status_muni"),
            models.Index(fields=["status", "name"], name="initiative_status_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.slug])

    def clean(self) -> None:
        super().clean()
        normalise_fields(self, self.MULTILINE_FIELDS)
        errors = single_line_errors(self, self.SINGLE_LINE_FIELDS)
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def may_be_outdated(self) -> bool:
        return self.last_confirmed_at < timezone.now() - OUTDATED_AFTER

    @property
    def address_line(self) -> str:
        place = " ".join(p for p in [self.postcode, self.city] if p)
        return ", ".join(p for p in [self.street, place] if p)

    def build_search_text(self, *, tag_names=(), municipality_name: str = "") -> str:
        parts = [
            self.name,
            self.short_description,
            self.description,
            self.street,
            self.postcode,
            self.city,
            municipality_name,
            *tag_names,
        ]
        return search_variants(" ".join(p for p in parts if p))


class MapChange(models.Model):
    """One entry touched by a map-relevant write, under the map's data version it made.

    Workers whose map index is behind read the rows since their version and re-read only
    those entries (see map_changes). `initiative` is a plain id, so a delete can be logged;
    None means "rebuild everything" (bulk writes that do not know their ids).
    """

    version = models.BigIntegerField(db_index=True)
    initiative_id = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"{self.version}: {self.initiative_id}"
