"""Form fields of an entry that several apps' forms share (proposal, revision, edit), so
that label, help and limits are said once; the rules stay in `validation`."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from . import images, opening_hours, validation

OPENING_HOURS_EXAMPLES = (
    "Mo-Fr 10:00-18:00",
    "Mo-Fr 10:00-18:00; Sa 10:00-14:00",
    "Tu 18:00-21:00",
    "We,Fr 15:00-19:00",
    "Sa 10:00-13:00",
    "24/7",
)


def _check_opening_hours(value: str) -> None:
    message = validation.opening_hours_error(value) if value else ""
    if message:
        raise ValidationError(message)


def opening_hours_field() -> forms.CharField:
    return forms.CharField(
        label=_("Regular opening hours"),
        required=False,
        max_length=opening_hours.MAX_LENGTH,
        validators=[_check_opening_hours],
        help_text=_(
            "In OpenStreetMap's syntax, so the map can say “open now”: days Mo Tu We "
            "Th Fr Sa Su, times 24-hour, rules separated by a semicolon, e.g. "
            "“Mo-Fr 10:00-18:00; Sa 10:00-14:00”. Irregular times (“every 2nd "
            "Saturday”) go into the free text."
        ),
        widget=forms.TextInput(
            attrs={
                "list": "opening-hours-examples",
                "placeholder": OPENING_HOURS_EXAMPLES[1],
                "autocomplete": "off",
                "spellcheck": "false",
                # Live help where htmx is loaded (proposal, revision, edit forms).
                "hx-get": reverse_lazy("initiatives:opening_hours_check"),
                "hx-trigger": "input changed delay:500ms, change",
                "hx-target": "#opening-hours-check",
            }
        ),
    )


def _check_image(upload) -> None:
    if upload:
        try:
            images.renditions(upload)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict["image"]) from None


def image_field() -> forms.FileField:
    """The upload; checked here already, so that a bad file stops the form before any
    write (the services check it again)."""
    return forms.FileField(
        label=_("Picture or logo"),
        required=False,
        validators=[_check_image],
        help_text=_(
            "JPEG, PNG or WebP, at most %(mb)s MB. Shown on the map's list and the entry's page."
        )
        % {"mb": validation.IMAGE_MAX_BYTES // (1024 * 1024)},
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )


def image_alt_field() -> forms.CharField:
    return forms.CharField(
        label=_("Picture description (alt text)"),
        required=False,
        max_length=validation.IMAGE_TEXT_MAX,
        help_text=_("Required with a picture: what it shows, for people who cannot see it."),
    )


def image_credit_field() -> forms.CharField:
    return forms.CharField(
        label=_("Picture credit and licence"),
        required=False,
        max_length=validation.IMAGE_TEXT_MAX,
        help_text=_("Who made it and under which licence, e.g. “Foto: A. Muster, CC BY 4.0”."),
    )
