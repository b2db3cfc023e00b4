"""The rules for an entry's fields, each once with one message.

Used by the services of this app (every write of an entry passes here) and by the forms of
the apps that edit entries (their limits come from here). Messages are English msgids.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mitmachkarte.core.geo import validate_lat_lon
from mitmachkarte.taxonomy.models import SDG, Category

from . import opening_hours as oh

# TextFields have no length in the database; these limits keep pages and mails sane.
TEXT_LIMITS = {"description": 10_000, "meeting_times": 2_000, "how_to_join": 2_000}
MAX_TAGS, MAX_TAG_LENGTH = 20, 60
MAX_SOCIAL_LINKS = 10
# Pictures: what people upload from phones and cameras, refused beyond these.
IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000  # also guards against decompression bombs
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
IMAGE_TEXT_MAX = 200


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
    """Length errors of the long texts, the social links and the opening hours among
    `values`."""
    errors: dict[str, list[str]] = {}
    for field, limit in TEXT_LIMITS.items():
        if len(str(values.get(field) or "")) > limit:
            errors[field] = [_("At most %(limit)s characters.") % {"limit": limit}]
    hours = values.get("opening_hours")
    if hours:
        message = opening_hours_error(str(hours))
        if message:
            errors["opening_hours"] = [message]
    links = values.get("social_links")
    if links is not None and (not isinstance(links, list) or len(links) > MAX_SOCIAL_LINKS):
        errors["social_links"] = [links_message()]
    return errors


def opening_hours_error(value: str) -> str:
    """Why `value` is no valid OpenStreetMap opening_hours rule, or ""."""
    try:
        oh.parse(value)
    except oh.OpeningHoursError as exc:
        example = "Mo-Fr 10:00-18:00; Sa 10:00-14:00"
        if exc.column:
            return _(
                "Not in OpenStreetMap's opening hours syntax: check character %(column)s. "
                "Example: %(example)s"
            ) % {"column": exc.column, "example": example}
        return _("Not in OpenStreetMap's opening hours syntax. Example: %(example)s") % {
            "example": example
        }
    return ""


def links_message() -> str:
    return _("At most %(n)s links.") % {"n": MAX_SOCIAL_LINKS}


def point(latitude, longitude) -> tuple[float, float]:
    try:
        lat, lon = float(latitude), float(longitude)
        validate_lat_lon(lat, lon)
    except (TypeError, ValueError) as exc:
        raise ValidationError({"latitude": [str(exc)]}) from exc
    return lat, lon


def image_size_message() -> str:
    return _("The picture is larger than %(mb)s MB. Please choose a smaller file.") % {
        "mb": IMAGE_MAX_BYTES // (1024 * 1024)
    }


def image_type_message() -> str:
    return _("This file is not a picture in JPEG, PNG or WebP format.")


def image_pixels_message() -> str:
    return _("The picture has too many pixels (at most %(mp)s megapixels).") % {
        "mp": IMAGE_MAX_PIXELS // 1_000_000
    }


def image_text_errors(*, has_image: bool, alt: str, credit: str) -> dict[str, list[str]]:
    """A picture needs a description for people who cannot see it; both texts are short."""
    errors: dict[str, list[str]] = {}
    if has_image and not (alt or "").strip():
        errors["image_alt"] = [
            _("Describe the picture in a few words for people who cannot see it.")
        ]
    for field, value in (("image_alt", alt), ("image_credit", credit)):
        if len(value or "") > IMAGE_TEXT_MAX and field not in errors:
            errors[field] = [_("At most %(limit)s characters.") % {"limit": IMAGE_TEXT_MAX}]
    return errors
