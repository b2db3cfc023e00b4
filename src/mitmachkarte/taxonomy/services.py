"""Writes for the taxonomy: keeping the curated lists in the database, creating tags."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mitmachkarte.core.text import slugify_de

from . import reference, targets
from .models import SDG, Category, SDGTarget, Tag, TagSynonym
from .signals import tags_merging


def sync_reference_data(*, category_model=Category, sdg_model=SDG) -> None:
    """Insert or update the curated categories, the 17 SDGs and (with the current models)
    their 169 targets (idempotent).

    The model classes are parameters so the data migration can pass its historical models;
    migration 0002 predates the targets, which migration 0003 loads.
    """
    with transaction.atomic():
        for position, (slug, de, en, colour, icon) in enumerate(reference.CATEGORIES):
            category_model.objects.update_or_create(
                slug=slug,
                defaults={
                    "name_de": de,
                    "name_en": en,
                    "colour": colour,
                    "icon": icon,
                    "position": position,
                },
            )
        for number, de, en, colour in reference.SDGS:
            sdg_model.objects.update_or_create(
                number=number, defaults={"name_de": de, "name_en": en, "colour": colour}
            )
        if sdg_model is SDG:
            sync_targets()


def sync_targets(*, target_model=SDGTarget) -> None:
    """Insert or update the 169 SDG targets (idempotent; the SDGs must exist)."""
    with transaction.atomic():
        for number, en, de in targets.TARGETS:
            goal, rest = number.split(".")
            position = int(rest) if rest.isdigit() else 100 + ord(rest) - ord("a")
            target_model.objects.update_or_create(
                number=number,
                defaults={"sdg_id": int(goal), "name_de": de, "name_en": en, "position": position},
            )


def get_or_create_tags(*, names: list[str]) -> list[Tag]:
    tags = []
    with transaction.atomic():
        for raw in names:
            name = " ".join(raw.split())[:60]
            slug = slugify_de(name)[:70]
            if not slug:
                continue
            tag = (
                Tag.objects.filter(slug=slug).first()
                or _synonym_target(slug)
                or Tag.objects.create(name=name, slug=slug)
            )
            if tag not in tags:
                tags.append(tag)
    return tags


def _synonym_target(slug: str) -> Tag | None:
    synonym = TagSynonym.objects.select_related("tag").filter(slug=slug).first()
    return synonym.tag if synonym else None


def _clean_name(raw: str) -> tuple[str, str]:
    name = " ".join((raw or "").split())
    if "\x00" in name:
        raise ValidationError({"name": _("The name contains a NUL character.")})
    if len(name) > 60:
        raise ValidationError({"name": _("A tag name has at most 60 characters.")})
    slug = slugify_de(name)[:70]
    if not slug:
        raise ValidationError({"name": _("Enter a name with letters or digits.")})
    return name, slug


def add_synonym(*, tag: Tag, name: str) -> TagSynonym:
    """Declare `name` another name of `tag`; searches and the tag filter then find its entries.

    A name that is already a tag must be merged instead (merge_tags), so no entry is lost.
    """
    name, slug = _clean_name(name)
    with transaction.atomic():
        if Tag.objects.filter(slug=slug).exists():
            raise ValidationError(
                {"name": _("“%(name)s” is a tag of its own: merge it instead.") % {"name": name}}
            )
        if TagSynonym.objects.filter(slug=slug).exists():
            raise ValidationError({"name": _("“%(name)s” is already a synonym.") % {"name": name}})
        # Its post_save signal refreshes the search texts of the tag's entries.
        return TagSynonym.objects.create(tag=tag, name=name, slug=slug)


def remove_synonym(*, synonym: TagSynonym) -> None:
    synonym.delete()  # post_delete refreshes the search texts


def merge_tags(*, source: Tag, target: Tag) -> Tag:
    """Move every entry of `source` to `target`, delete `source`, keep its name as a synonym.

    Synonyms of `source` move to `target`. Entries keep all their other tags; an entry that
    had both ends up with `target` once. Returns `target`.
    """
    if source.pk == target.pk:
        raise ValidationError({"target": _("A tag cannot be merged into itself.")})
    with transaction.atomic():
        # Lock both rows so two merges of the same tags cannot interleave.
        locked = {
            t.pk: t for t in Tag.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
        }
        if len(locked) != 2:
            raise ValidationError({"source": _("The tag no longer exists.")})
        tags_merging.send(sender=Tag, source_id=source.pk, target_id=target.pk)
        TagSynonym.objects.filter(tag=source).update(tag=target)
        name, slug = source.name, source.slug
        source.delete()  # removes its through rows
        # post_save of the new synonym refreshes every entry of `target`, the moved ones too.
        TagSynonym.objects.create(tag=target, name=name, slug=slug)
    return target
