from django.db.models import QuerySet

from mitmachkarte.core.params import FilterError, clean_list

from .models import SDG, Category


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def sdgs() -> QuerySet[SDG]:
    return SDG.objects.all()


def unknown_category_slugs(slugs: list[str]) -> list[str]:
    known = set(Category.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [s for s in slugs if s not in known]


def category_param(values) -> tuple[str, ...]:
    """Category slugs from a query parameter; an unknown one is a FilterError."""
    slugs = [c.lower() for c in clean_list(values)]
    unknown = unknown_category_slugs(slugs)
    if unknown:
        raise FilterError("category", f"unknown category '{unknown[0][:40]}'")
    return tuple(slugs)
