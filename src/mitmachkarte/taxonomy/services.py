"""Writes for the taxonomy: keeping the curated lists in the database, creating tags."""

from django.db import transaction

from mitmachkarte.core.text import slugify_de

from . import reference, targets
from .models import SDG, Category, SDGTarget, Tag


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
                    "name_de": de, "name_en": en, "colour": colour, "icon": icon,
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
                defaults={"sdg_id": int(goal), "name_de": de, "name_en": en,
                          "position": position},
            )


def get_or_create_tags(*, names: list[str]) -> list[Tag]:
    tags = []
    with transaction.atomic():
        for raw in names:
            name = " ".join(raw.split())[:60]
            slug = slugify_de(name)[:70]
            if not slug:
                continue
            tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)
            tags.append(tag)
    return tags
