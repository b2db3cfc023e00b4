from django.db.models import QuerySet

from mitmachkarte.core.params import FilterError, clean_list

from .models import SDG, Category, SDGTarget


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


def targets(*, goal: int | None = None) -> QuerySet[SDGTarget]:
    found = SDGTarget.objects.all()
    return found.filter(sdg_id=goal) if goal is not None else found


def goal_param(raw) -> int | None:
    """An SDG number 1–17 from a query parameter; anything else is a FilterError."""
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 17):
        raise FilterError("goal", "must be a goal number from 1 to 17")
    return int(text)


def target_by_number(number: str) -> SDGTarget | None:
    return SDGTarget.objects.filter(number=str(number).strip().lower()).first()
