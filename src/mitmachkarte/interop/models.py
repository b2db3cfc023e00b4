from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mitmachkarte.initiatives.models import Initiative


class ImportedEntry(models.Model):
    """Which initiative a row of an external source became, for idempotent re-imports.

    A re-import of the same (source, source_id) updates that initiative when the row's
    content hash changed and skips it otherwise.
    """

    source = models.CharField(_("source"), max_length=80)
    source_id = models.CharField(_("id in the source"), max_length=120)
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="imports", verbose_name=_("initiative")
    )
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    content_hash = models.CharField(_("content hash"), max_length=64)

    class Meta:
        verbose_name = _("imported entry")
        verbose_name_plural = _("imported entries")
        ordering = ["-imported_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="imported_entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id}"
