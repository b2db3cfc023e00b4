"""Sent when tags or their synonyms change, so apps that copy tag names (search text) refresh.

taxonomy never imports the apps that use it; they connect a receiver instead. Saving or
deleting a synonym (service or admin) and renaming a tag send it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

# kwargs: initiative_ids (list[int]) – the entries whose tags or tag names changed.
tags_changed = Signal()
# kwargs: source_id, target_id – sent inside merge_tags before `source` is deleted: the apps
# whose objects carry tags move them from source to target (initiatives moves its entries).
tags_merging = Signal()


def entries_of(tag_id: int) -> list[int]:
    from .models import Tag

    return list(
        Tag.initiatives.through.objects.filter(tag_id=tag_id).values_list(
            "initiative_id", flat=True
        )
    )


def _synonym_changed(sender, instance, **_kwargs) -> None:
    tags_changed.send(sender=sender, initiative_ids=entries_of(instance.tag_id))


def _tag_saved(sender, instance, created: bool = False, raw: bool = False, **_kwargs) -> None:
    if not created and not raw:
        tags_changed.send(sender=sender, initiative_ids=entries_of(instance.pk))


def connect() -> None:
    from .models import Tag, TagSynonym

    post_save.connect(_synonym_changed, sender=TagSynonym, dispatch_uid="taxonomy-syn-save")
    post_delete.connect(_synonym_changed, sender=TagSynonym, dispatch_uid="taxonomy-syn-del")
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid="taxonomy-tag-save")
