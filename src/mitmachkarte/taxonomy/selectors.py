from django.db.models import Count, QuerySet

from mitmachkarte.core.params import FilterError, clean_list, parse_int

from .models import SDG, Category, SDGTarget, Tag, TagSynonym
from .reference import CATEGORIES

# The schema of one `category` value in the API (core.openapi): the curated slugs.
CATEGORY_ITEM = {"type": "string", "enum": [c[0] for c in CATEGORIES]}
SDG_ITEM = {"type": "integer", "minimum": 1, "maximum": 17}


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def sdgs() -> QuerySet[SDG]:
    return SDG.objects.all()


def unknown_category_slugs(slugs: list[str]) -> list[str]:
    if not slugs:  # no query (every map request without a category passes here)
        return []
    known = set(Category.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [s for s in slugs if s not in known]


def category_param(values) -> tuple[str, ...]:
    """Category slugs from a query parameter; an unknown one is a FilterError."""
    slugs = [c.lower() for c in clean_list(values)]
    unknown = unknown_category_slugs(slugs)
    if unknown:
        raise FilterError("category", f"unknown category '{unknown[0][:40]}'")
    return tuple(slugs)


def targets(*, goal: int | None = None) -> QuerySet[SDGTarget]:
    found = SDGTarget.objects.all()
    return found.filter(sdg_id=goal) if goal is not None else found


def goal_param(raw) -> int | None:
    """An SDG number 1–17 from a query parameter; anything else is a FilterError."""
    return parse_int("goal", raw, min_value=1, max_value=17)


def target_by_number(number: str) -> SDGTarget | None:
    return SDGTarget.objects.filter(number=str(number).strip().lower()).first()


def canonical_tag_slug(slug: str) -> str:
    """The slug of the tag that `slug` names: itself, or the tag it is a synonym of."""
    if not slug or Tag.objects.filter(slug=slug).exists():
        return slug
    target = TagSynonym.objects.filter(slug=slug).values_list("tag__slug", flat=True).first()
    return target or slug


def synonym_names(tag_ids) -> list[str]:
    """All synonym names of the given tags (for search texts)."""
    return list(TagSynonym.objects.filter(tag_id__in=list(tag_ids)).values_list("name", flat=True))


def tags_with_usage() -> QuerySet[Tag]:
    """Every tag with its number of entries and its synonyms (moderation page)."""
    return (
        Tag.objects.annotate(entry_count=Count("initiatives"))
        .prefetch_related("synonyms")
        .order_by("name")
    )
