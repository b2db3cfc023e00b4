from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Enter a colour as #RRGGBB."))


class Bilingual:
    """German and English names; `name` follows the active language (German first)."""

    @property
    def name(self) -> str:
        lang = (get_language() or "de")[:2]
        return (self.name_en if lang == "en" else None) or self.name_de


class Category(Bilingual, models.Model):
    slug = models.SlugField(unique=True)
    name_de = models.CharField(_("name (German)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    colour = models.CharField(_("colour"), max_length=7, validators=[hex_colour])
    icon = models.CharField(_("icon"), max_length=8, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name_de


class SDG(Bilingual, models.Model):
    number = models.PositiveSmallIntegerField(
        primary_key=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name_de = models.CharField(_("short title (German)"), max_length=120)
    name_en = models.CharField(_("short title (English)"), max_length=120)
    colour = models.CharField(_("colour"), max_length=7, validators=[hex_colour])

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG")
        verbose_name_plural = _("SDGs")

    def __str__(self) -> str:
        return f"{self.number}. {self.name_de}"


class Tag(models.Model):
    """A free tag; other names of it are `TagSynonym`s (merged tags leave theirs there)."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(max_length=70, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class SDGTarget(Bilingual, models.Model):
    """One of the 169 targets, by its official number (1.1 … 17.19, incl. 1.a, 1.b, …)."""

    number = models.CharField(_("number"), max_length=6, unique=True)
    sdg = models.ForeignKey(
        SDG, on_delete=models.CASCADE, related_name="targets", verbose_name=_("SDG")
    )
    position = models.PositiveSmallIntegerField(default=0, editable=False)
    name_de = models.CharField(_("short title (German)"), max_length=160)
    name_en = models.CharField(_("short title (English)"), max_length=160)

    class Meta:
        ordering = ["sdg_id", "position"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"{self.number} {self.name_de}"


class TagSynonym(models.Model):
    """Another name of a tag: searches and filters treat it as the tag itself.

    Merging tag A into B leaves A's name here, so old links (?tag=a) and searches still work.
    """

    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="synonyms", verbose_name=_("tag")
    )
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(max_length=70, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag synonym")
        verbose_name_plural = _("tag synonyms")

    def __str__(self) -> str:
        return f"{self.name} → {self.tag.name}"
