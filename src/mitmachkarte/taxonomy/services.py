"""Writes for the taxonomy: keeping the curated lists in the database, creating tags."""

from django.db import transaction

from mitmachkarte.core.text import slugify_de

from . import reference
from .models import SDG, Category, Tag


def sync_reference_data(*, category_model=Category, sdg_model=SDG) -> None:
    """Insert or update the curated categories and the 17 SDGs (idempotent).

    The model classes are parameters so the data migration can pass its historical models.
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
