"""Text as people type it, cleaned once at the door (models' `clean`, so services and admin).

One-line fields (names, titles, address lines) end up in mail subjects and headers, CSV rows
and headings, where a line break or another control character breaks things: they are
refused, with one message. Multi-line texts arrive from browsers with CRLF line endings and
stray trailing spaces: they are stored with LF and without trailing spaces, so saving an
unchanged text is no change (history, suggestions, import hashes).
"""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (line feed, carriage return, tab, NUL …) and the Unicode
# line and paragraph separators.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SINGLE_LINE_MESSAGE = _(
    "Please write this on one line, without line breaks or other control characters."
)

_LINE_END = re.compile(r"\r\n?")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
# Control characters other than tab and line feed (those are kept in multi-line text).
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r" {2,}")


def is_single_line(value) -> bool:
    return not _NOT_ONE_LINE.search(str(value or ""))


def validate_single_line(value) -> None:
    """A validator for form fields: ValidationError with the one message."""
    if not is_single_line(value):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="single_line")


def single_line_errors(instance, fields: Iterable[str]) -> dict[str, list]:
    """{field: [message]} for each one-line field of `instance` that is not, for `clean()`."""
    return {
        name: [ValidationError(SINGLE_LINE_MESSAGE, code="single_line")]
        for name in fields
        if not is_single_line(getattr(instance, name))
    }


def one_line(text) -> str:
    """Trimmed, runs of spaces made one; control characters are left for the check to refuse."""
    return _SPACES.sub(" ", str(text or "").strip())


def normalise_multiline(text) -> str:
    """LF line endings, no trailing spaces or tabs on any line, no control characters other
    than tab and line feed, trimmed like Django's form fields trim."""
    text = _LINE_END.sub("\n", str(text or ""))
    text = _STRAY_CONTROL.sub("", text)
    return _TRAILING_SPACE.sub("", text).strip()


def normalise_fields(instance, fields: Iterable[str]) -> None:
    """`normalise_multiline` on each of the fields of `instance`, in place."""
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, str):
            setattr(instance, name, normalise_multiline(value))
