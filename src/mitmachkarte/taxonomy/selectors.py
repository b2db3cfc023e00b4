from django.db.models import QuerySet

from .models import SDG, Category


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def sdgs() -> QuerySet[SDG]:
    return SDG.objects.all()


def unknown_category_slugs(slugs: list[str]) -> list[str]:
    known = set(Category.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [s for s in slugs if s not in known]
