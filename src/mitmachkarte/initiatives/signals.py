"""Every change to initiatives bumps their data version (see core.versions).

Bulk writes that bypass model signals (QuerySet.update, bulk_create) call
`mark_changed()` themselves: services.refresh_derived_fields and demo.generator.save do.

Two signals let other apps record their part of a write without this app knowing them
(moderation and stewardship depend on initiatives, never the reverse):

- `before_write(initiative, actor, reason)`: inside the writing transaction, the row locked,
  before anything of the entry changes (stewardship records a first version of entries that
  have none yet);
- `status_changed(initiative, old_status, new_status, actor, reason, via)`: inside the
  transaction, after `lifecycle.set_status` saved the new status (moderation logs the
  decision and queues its mails, which leave on commit).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from mitmachkarte.core.versions import bump_version

from .models import Initiative

VERSION_NAME = "initiatives"

before_write = Signal()
status_changed = Signal()


def mark_changed(**_kwargs) -> None:
    bump_version(VERSION_NAME)


def _on_m2m(action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        mark_changed()


def _on_tags_changed(*, initiative_ids, **_kwargs) -> None:
    from .services import refresh_tagged

    refresh_tagged(initiative_ids=initiative_ids)


def _on_tags_merging(**kwargs) -> None:
    from .services import move_tag

    move_tag(**kwargs)


def connect() -> None:
    from mitmachkarte.taxonomy.signals import tags_changed, tags_merging

    tags_changed.connect(_on_tags_changed, dispatch_uid="initiatives-tags-changed")
    tags_merging.connect(_on_tags_merging, dispatch_uid="initiatives-tags-merging")
    post_save.connect(mark_changed, sender=Initiative, dispatch_uid="initiatives-version-save")
    post_delete.connect(mark_changed, sender=Initiative, dispatch_uid="initiatives-version-del")
    for field in ("categories", "sdgs", "tags"):
        m2m_changed.connect(
            _on_m2m,
            sender=getattr(Initiative, field).through,
            dispatch_uid=f"initiatives-version-{field}",
        )
