"""Writes for initiatives. Each function is one transaction and enforces the rules."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mitmachkarte.core.geo import validate_lat_lon
from mitmachkarte.core.slugs import unique_slug
from mitmachkarte.municipalities.models import Municipality
from mitmachkarte.municipalities.selectors import municipality_id_at
from mitmachkarte.taxonomy.models import SDG, Category
from mitmachkarte.taxonomy.selectors import synonym_names
from mitmachkarte.taxonomy.services import get_or_create_tags

from .models import Initiative, Status
from .signals import mark_changed


def refresh_derived_fields(*, initiative: Initiative, relocate: bool = True) -> Initiative:
    """Recompute municipality (from the point) and the search text after any change."""
    with transaction.atomic():
        if relocate:
            initiative.municipality_id = municipality_id_at(
                initiative.latitude, initiative.longitude
            )
        muni_name = (
            Municipality.objects.filter(pk=initiative.municipality_id)
            .values_list("name", flat=True)
            .first()
            or ""
        )
        tags = dict(initiative.tags.values_list("pk", "name"))
        # Synonyms go into the search text too: a search for "Repaircafe" finds "Repair-Café".
        initiative.search_text = initiative.build_search_text(
            tag_names=[*tags.values(), *synonym_names(tags)],
            municipality_name=muni_name,
        )
        Initiative.objects.filter(pk=initiative.pk).update(
            municipality_id=initiative.municipality_id, search_text=initiative.search_text
        )
        mark_changed()
    return initiative


def refresh_tagged(*, initiative_ids) -> int:
    """Refresh the search texts of entries whose tags changed (merge, synonyms)."""
    count = 0
    with transaction.atomic():
        for initiative in Initiative.objects.filter(pk__in=list(initiative_ids)):
            refresh_derived_fields(initiative=initiative, relocate=False)
            count += 1
        mark_changed()  # the tag filter may resolve differently even without entries
    return count


def create_initiative(
    *,
    name: str,
    short_description: str,
    latitude: float,
    longitude: float,
    categories: list[str],
    sdgs: list[int] = (),
    tags: list[str] = (),
    status: str = Status.DRAFT,
    **fields,
) -> Initiative:
    """Create an initiative; its municipality is derived from the point.

    Raises django.core.exceptions.ValidationError on invalid data; nothing is saved then.
    """
    validate_lat_lon(float(latitude), float(longitude))
    with transaction.atomic():
        initiative = Initiative(
            name=name.strip(),
            short_description=short_description.strip(),
            latitude=float(latitude),
            longitude=float(longitude),
            status=status,
            **fields,
        )
        if status == Status.PUBLISHED and initiative.published_at is None:
            initiative.published_at = initiative.created_at
        initiative.slug = unique_slug(
            initiative.name,
            taken=Initiative.objects,
            default="initiative",
            variants=[initiative.city],
        )
        initiative.full_clean(exclude=["categories", "sdgs", "tags"])
        initiative.save()
        if not categories:
            raise ValidationError({"categories": "choose at least one category"})
        category_objs = list(Category.objects.filter(slug__in=categories))
        if len(category_objs) != len(set(categories)):
            raise ValidationError({"categories": "unknown category"})
        initiative.categories.set(category_objs)
        initiative.sdgs.set(SDG.objects.filter(number__in=list(sdgs)))
        initiative.tags.set(get_or_create_tags(names=list(tags)))
        refresh_derived_fields(initiative=initiative)
    return initiative


def publish_initiative(*, initiative: Initiative) -> Initiative:
    """Publish; `published_at` keeps the first publication (an entry archived and published
    again is not announced as new a second time)."""
    with transaction.atomic():
        now = timezone.now()
        initiative.status = Status.PUBLISHED
        initiative.last_confirmed_at = now
        if initiative.published_at is None:
            initiative.published_at = now
        initiative.save(update_fields=["status", "last_confirmed_at", "published_at", "updated_at"])
    return initiative
