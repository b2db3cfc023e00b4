"""Unique URL slugs for every model that has one (entries, events, surveys, groups, …).

A slug never takes a fixed word of the site's URLs that stands where a slug may stand
("/veranstaltungen/kalender/" beside "/veranstaltungen/<slug>/"), so a page can never hide
behind a fixed one; tests/core/test_slugs.py walks the URL patterns to keep the list complete.
Looking for a free slug costs a bounded number of queries: the name, its variants and the
numbered candidates are checked in one query, then a few random suffixes.
"""

import secrets
from collections.abc import Collection, Iterable

from django.db.models import Manager, QuerySet

from .text import slugify_de

RESERVED_SLUGS = frozenset(
    {
        "aktionen",
        "anmeldung",
        "einladung",
        "feed",
        "kalender",
        "neu",
        "organisation",
        "verwalten",
        "vorschlaege",
    }
)
NUMBERED = range(2, 100)  # "name-2" … "name-99", checked in one query
RANDOM_ATTEMPTS = 5
_RANDOM_LENGTH = 7  # "-" and six hex digits


def unique_slug(
    text: str,
    *,
    taken: QuerySet | Manager | Collection[str],
    default: str,
    variants: Iterable[str] = (),
    max_length: int | None = None,
    reserved: Collection[str] = RESERVED_SLUGS,
) -> str:
    """A slug for `text` that `taken` does not hold and that is no reserved word.

    `taken` is the queryset whose `slug` column must stay unique (exclude the object itself
    when renaming) or, for bulk creation, a set of slugs. Tried in order: the name, the name
    with each variant ("repair-cafe-bochum"), the name numbered 2–99, then a random suffix.
    `max_length` defaults to the model's slug length.
    """
    if isinstance(taken, Manager):
        taken = taken.all()
    if max_length is None:
        max_length = taken.model._meta.get_field("slug").max_length
    base = slugify_de(text)[: max_length - _RANDOM_LENGTH].strip("-") or default
    candidates = [base]
    for variant in variants:
        extra = slugify_de(variant)
        if extra and extra not in base:
            candidates.append(f"{base}-{extra}"[:max_length].strip("-"))
    candidates += [f"{base}-{number}" for number in NUMBERED]
    candidates = [c for c in dict.fromkeys(candidates) if c not in reserved]
    used = _used(taken, candidates)
    for candidate in candidates:
        if candidate not in used:
            return candidate
    for _attempt in range(RANDOM_ATTEMPTS):
        candidate = f"{base}-{secrets.token_hex(3)}"
        if not _used(taken, [candidate]):
            return candidate
    raise RuntimeError(f"No free slug for {text!r} after {RANDOM_ATTEMPTS} random attempts.")


def _used(taken: QuerySet | Collection[str], candidates: list[str]) -> set[str]:
    if isinstance(taken, QuerySet):
        return set(taken.filter(slug__in=candidates).values_list("slug", flat=True))
    return {c for c in candidates if c in taken}
