"""Organisations (initiative, municipality, advice centre, network team) and their members.

Organisations link to municipalities and initiatives; those apps never import this one.
Deleting a user deletes their memberships only, never an organisation or an initiative.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.text_input import single_line_errors
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.municipalities.models import Municipality


class OrganisationType(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    MUNICIPALITY = "municipality", _("Municipality")
    ADVICE_CENTRE = "advice_centre", _("Advice centre")
    NETWORK_TEAM = "network_team", _("Network team")


class Role(models.TextChoices):
    OWNER = "owner", _("owner")
    EDITOR = "editor", _("editor")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(max_length=180, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices)
    initiative = models.OneToOneField(
        Initiative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("initiative"),
        help_text=_("Only for organisations of the type initiative."),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
        help_text=_("Only for organisations of the type municipality."),
    )
    served_municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="advice_centres",
        verbose_name=_("served municipalities"),
        help_text=_("Only for advice centres: the municipalities they serve."),
    )
    website = models.URLField(_("website"), blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = single_line_errors(self, ["name"])
        if self.initiative_id and self.type != OrganisationType.INITIATIVE:
            errors["initiative"] = _("Only an initiative organisation links to an initiative.")
        if self.municipality_id and self.type != OrganisationType.MUNICIPALITY:
            errors["municipality"] = _("Only a municipality organisation links to a municipality.")
        if errors:
            raise ValidationError(errors)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["organisation__name", "user_id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"
