"""Every change to initiatives bumps their data version (see core.versions); map-relevant
changes also log the entries they touched for the map index (map_changes).

Bulk writes that bypass model signals (QuerySet.update, bulk_create) call
`mark_changed()` themselves: services.refresh_derived_fields and demo.generator.save do.
Without `map_ids` that counts as a change of unknown entries (the map index rebuilds).

Two signals let other apps record their part of a write without this app knowing them
(moderation and stewardship depend on initiatives, never the reverse):

- `before_write(initiative, actor, reason)`: inside the writing transaction, the row locked,
  before anything of the entry changes (stewardship records a first version of entries that
  have none yet);
- `status_changed(initiative, old_status, new_status, actor, reason, via)`: inside the
  transaction, after `lifecycle.set_status` saved the new status (moderation logs the
  decision and queues its mails, which leave on commit).
"""

from collections.abc import Iterable

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.dispatch import Signal

from mitmachkarte.core.versions import bump_version

from . import map_changes
from .models import Initiative

VERSION_NAME = "initiatives"

before_write = Signal()
status_changed = Signal()


# What the map index holds of a row itself (m2m fields are logged by _on_m2m).
MAP_FIELDS = ("status", "latitude", "longitude", "name", "municipality_id")
_UNKNOWN = object()


def mark_changed(*, map_ids: Iterable[int] | None = None) -> None:
    """Bump the entries' version; `map_ids`: the entries whose map data changed ([] for
    none, None for unknown ones)."""
    bump_version(VERSION_NAME)
    map_changes.record(map_ids)


def _map_state(instance: Initiative) -> tuple:
    # __dict__, not getattr: a deferred field must not cost a query per loaded row.
    return tuple(instance.__dict__.get(f, _UNKNOWN) for f in MAP_FIELDS)


def _on_init(instance: Initiative, **_kwargs) -> None:
    instance._map_state = _map_state(instance)


def _on_save(instance: Initiative, created: bool, update_fields=None, **_kwargs) -> None:
    state = _map_state(instance)
    saved = {f if f != "municipality" else "municipality_id" for f in update_fields or ()}
    if created or getattr(instance, "_map_state", None) != state:
        relevant = update_fields is None or bool(saved & set(MAP_FIELDS))
    else:
        relevant = False
    instance._map_state = state
    mark_changed(map_ids=[instance.pk] if relevant else [])


def _on_delete(instance: Initiative, **_kwargs) -> None:
    mark_changed(map_ids=[instance.pk])


def _on_m2m(action: str, instance, reverse: bool, pk_set, **_kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        mark_changed(map_ids=[instance.pk] if pk_set or action == "post_clear" else [])
    else:  # a category, SDG or tag gained or lost entries; a clear does not say which
        mark_changed(map_ids=pk_set if action != "post_clear" else None)


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
    map_changes.connect()
    post_init.connect(_on_init, sender=Initiative, dispatch_uid="initiatives-map-state")
    post_save.connect(_on_save, sender=Initiative, dispatch_uid="initiatives-version-save")
    post_delete.connect(_on_delete, sender=Initiative, dispatch_uid="initiatives-version-del")
    for field in ("categories", "sdgs", "tags"):
        m2m_changed.connect(
            _on_m2m,
            sender=getattr(Initiative, field).through,
            dispatch_uid=f"initiatives-version-{field}",
        )
