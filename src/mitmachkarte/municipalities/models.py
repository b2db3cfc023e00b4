from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def validate_ags(value: str) -> None:
    """The Amtlicher Gemeindeschlüssel: 8 digits, starting with a state code 01–16."""
    if not (len(value) == 8 and value.isascii() and value.isdigit()):
        raise ValidationError(_("The AGS must be exactly 8 digits."), code="ags_format")
    if not 1 <= int(value[:2]) <= 16:
        raise ValidationError(
            _("The AGS must start with a state code from 01 to 16."), code="ags_state"
        )


class Municipality(models.Model):
    ags = models.CharField(
        _("AGS"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_ags],
        help_text=_("8-digit official municipality key (Amtlicher Gemeindeschlüssel)"),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    kind = models.CharField(_("type"), max_length=60, blank=True)
    district = models.CharField(_("district"), max_length=120, blank=True)
    district_ags = models.CharField(_("district key"), max_length=5, blank=True)
    state = models.CharField(_("state"), max_length=60, blank=True)
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    area_km2 = models.FloatField(_("area in km²"), null=True, blank=True)
    boundary = models.JSONField(
        _("boundary"), null=True, blank=True, help_text=_("GeoJSON Polygon or MultiPolygon")
    )
    # Bounding box of the boundary, so a map can fit to it and queries can pre-filter.
    bbox_west = models.FloatField(null=True, blank=True, editable=False)
    bbox_south = models.FloatField(null=True, blank=True, editable=False)
    bbox_east = models.FloatField(null=True, blank=True, editable=False)
    bbox_north = models.FloatField(null=True, blank=True, editable=False)
    website = models.URLField(_("website"), blank=True)
    sustainability_contact = models.TextField(
        _("sustainability contact"),
        blank=True,
        help_text=_("Office or person for sustainability management, shown publicly"),
    )
    is_model_municipality = models.BooleanField(
        _("model municipality (Global Nachhaltige Kommune)"), default=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="municipality_latlon"),
            models.Index(fields=["state", "district"], name="municipality_state_district"),
            # The search box's place lookup (places._municipality): a name in any case.
            models.Index(Lower("name"), name="municipality_lower_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.set_bbox_from_boundary()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("initiatives:municipality", args=[self.slug])

    @property
    def bbox(self) -> list[float] | None:
        if self.bbox_west is None:
            return None
        return [self.bbox_west, self.bbox_south, self.bbox_east, self.bbox_north]

    def clean(self) -> None:
        super().clean()
        if self.boundary:
            from mitmachkarte.core.geo import Area, GeoInputError

            try:
                Area(self.boundary)
            except (GeoInputError, ValueError, TypeError, KeyError, AttributeError) as exc:
                raise ValidationError({"boundary": str(exc)}) from exc

    def set_bbox_from_boundary(self) -> None:
        if self.boundary:
            from mitmachkarte.core.geo import Area

            box = Area(self.boundary).bbox
            self.bbox_west, self.bbox_south = box.west, box.south
            self.bbox_east, self.bbox_north = box.east, box.north
        else:
            self.bbox_west = self.bbox_south = self.bbox_east = self.bbox_north = None
