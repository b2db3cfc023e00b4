"""An entry's picture or logo: checked, turned upright, resized and stored without metadata.

An upload is read with Pillow only after the size check; it must really be a JPEG, PNG or
WebP (by its content, not its name). It is turned by its EXIF orientation and then written
anew as WebP in two sizes (no EXIF, no GPS position, no camera data survives: nothing of the
original file is kept). Files go through Django's default storage (MEDIA_ROOT).
"""

import secrets
from dataclasses import dataclass
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

from . import validation

# Longest side in pixels: the list card and the detail page (about twice their CSS size).
SIZES = {"small": 320, "large": 800}
FOLDER = "initiatives"
QUALITY = 82


@dataclass(frozen=True)
class Renditions:
    small: ContentFile
    large: ContentFile


def _error(message: str) -> ValidationError:
    return ValidationError({"image": [message]})


def _open(upload) -> Image.Image:
    if upload.size > validation.IMAGE_MAX_BYTES:
        raise _error(validation.image_size_message())
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            kind = probe.format
            width, height = probe.size
        if kind not in validation.IMAGE_FORMATS:
            raise _error(validation.image_type_message())
        if width * height > validation.IMAGE_MAX_PIXELS:
            raise _error(validation.image_pixels_message())
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _error(validation.image_type_message()) from None
    return image


def _webp(image: Image.Image, longest: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    out = BytesIO()
    # No exif= and no icc_profile=: the new file carries pixels only.
    copy.save(out, format="WEBP", quality=QUALITY, method=4)
    return out.getvalue()


def renditions(upload) -> Renditions:
    """The two sizes of an uploaded picture; ValidationError({"image": ...}) if refused."""
    image = _open(upload)
    try:
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
        return Renditions(
            small=ContentFile(_webp(image, SIZES["small"])),
            large=ContentFile(_webp(image, SIZES["large"])),
        )
    finally:
        image.close()


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info


def store(found: Renditions, *, slug: str) -> tuple[str, str]:
    """Save both sizes under fresh names (so caches never show an old picture)."""
    stem = f"{FOLDER}/{slug[:60]}-{secrets.token_hex(4)}"
    small = default_storage.save(f"{stem}-{SIZES['small']}.webp", found.small)
    large = default_storage.save(f"{stem}-{SIZES['large']}.webp", found.large)
    return small, large


def delete(*names: str) -> None:
    for name in names:
        if name:
            default_storage.delete(name)
