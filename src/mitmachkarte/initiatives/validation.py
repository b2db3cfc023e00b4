"""The rules for an entry's fields, each once with one message.

Used by the services of this app (every write of an entry passes here) and by the forms of
the apps that edit entries (their limits come from here). Messages are English msgids.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitmachkarte.core.geo import validate_lat_lon
from mitmachkarte.taxonomy.models import SDG, Category

# TextFields have no length in the database; these limits keep pages and mails sane.
TEXT_LIMITS = {"description": 10_000, "meeting_times": 2_000, "how_to_join": 2_000}
MAX_TAGS, MAX_TAG_LENGTH = 20, 60
MAX_SOCIAL_LINKS = 10


# Lazy: forms use it as their error message too (required, invalid choice).
CATEGORY_MESSAGE = gettext_lazy("Choose at least one known category.")


def categories(slugs) -> list[Category]:
    """The categories of `slugs`: at least one, all known."""
    slugs = [str(s) for s in slugs or []]
    objs = list(Category.objects.filter(slug__in=slugs))
    if not slugs or len(objs) != len(set(slugs)):
        raise ValidationError({"categories": [str(CATEGORY_MESSAGE)]})
    return objs


def sdgs(numbers) -> list[SDG]:
    try:
        numbers = [int(n) for n in numbers or []]
    except (TypeError, ValueError):
        numbers = [0]
    objs = list(SDG.objects.filter(number__in=numbers))
    if len(objs) != len(set(numbers)):
        raise ValidationError({"sdgs": [_("Unknown goal.")]})
    return objs


def tag_names(names) -> list[str]:
    names = [str(n).strip() for n in names or [] if str(n).strip()]
    if len(names) > MAX_TAGS or any(len(n) > MAX_TAG_LENGTH for n in names):
        raise ValidationError({"tags": [tags_message()]})
    return names


def tags_message() -> str:
    return _("At most %(n)s tags of up to %(length)s characters.") % {
        "n": MAX_TAGS,
        "length": MAX_TAG_LENGTH,
    }


def text_errors(values: dict) -> dict[str, list[str]]:
    """Length errors of the long texts and the social links among `values`."""
    errors: dict[str, list[str]] = {}
    for field, limit in TEXT_LIMITS.items():
        if len(str(values.get(field) or "")) > limit:
            errors[field] = [_("At most %(limit)s characters.") % {"limit": limit}]
    links = values.get("social_links")
    if links is not None and (not isinstance(links, list) or len(links) > MAX_SOCIAL_LINKS):
        errors["social_links"] = [links_message()]
    return errors


def links_message() -> str:
    return _("At most %(n)s links.") % {"n": MAX_SOCIAL_LINKS}


def point(latitude, longitude) -> tuple[float, float]:
    try:
        lat, lon = float(latitude), float(longitude)
        validate_lat_lon(lat, lon)
    except (TypeError, ValueError) as exc:
        raise ValidationError({"latitude": [str(exc)]}) from exc
    return lat, lon
