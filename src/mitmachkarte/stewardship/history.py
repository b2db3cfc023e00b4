"""The entry history: its first version, reading a version, reverting to one.

The versions themselves are written by django-simple-history (registered in models.py) on
each save of initiatives' services, with the actor and reason they pass along.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.services import record_version, update_initiative_fields
from mitmachkarte.initiatives.signals import before_write
from mitmachkarte.initiatives.versions import EDITABLE_FIELDS, SCALAR_FIELDS
from mitmachkarte.taxonomy.models import SDG, Category

from .edits import changed_fields, locked_at_version, may_publish

BASELINE_REASON = "Stand vor der ersten Änderung"


def record_snapshot(record) -> dict:
    """A historical version (a HistoricalInitiative row) in the format of versions.snapshot."""
    data = {f: getattr(record, f) for f in SCALAR_FIELDS}
    data["social_links"] = list(data["social_links"] or [])
    data["categories"] = sorted(
        Category.objects.filter(pk__in=record.categories.values("category_id")).values_list(
            "slug", flat=True
        )
    )
    data["sdgs"] = sorted(
        SDG.objects.filter(pk__in=record.sdgs.values("sdg_id")).values_list("number", flat=True)
    )
    data["tags"] = sorted(record.tags.values_list("tag__name", flat=True))
    return data


def ensure_baseline(*, initiative: Initiative, **_kwargs) -> None:
    """Entries made in bulk (demo, import) have no version yet: record the state first,
    so that the first change has something to compare with and to revert to."""
    if not initiative.history.exists():
        record_version(initiative=initiative, reason=BASELINE_REASON)


@transaction.atomic
def revert_initiative(
    *, initiative: Initiative, history_id: int, user, expected_version: str | None = None
) -> Initiative:
    """Bring the entry back to an earlier version; the revert is a new version.
    `expected_version`: the token of the history page (all editable fields)."""
    record = initiative.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(_("This version does not exist."))
    if not may_publish(user, initiative):
        raise PermissionDenied(
            _("Only the editors of this entry and its moderators may revert it.")
        )
    initiative = locked_at_version(initiative, expected_version, covering=EDITABLE_FIELDS)
    diff = changed_fields(initiative, record_snapshot(record))
    if not diff:
        raise ValidationError(_("The entry already looks like this version."))
    when = timezone.localtime(record.history_date).strftime("%d.%m.%Y %H:%M")
    return update_initiative_fields(
        initiative=initiative,
        changes=diff,
        actor=user,
        reason=f"Zurückgesetzt auf die Fassung vom {when}",
    )


def connect() -> None:
    before_write.connect(ensure_baseline, sender=Initiative, dispatch_uid="stewardship-baseline")
