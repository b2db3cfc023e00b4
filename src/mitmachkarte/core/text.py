"""Text folding for search and slugs.

Search must find "Köln" for "koln", "koeln" and "KÖLN", and "Straße" for "strasse".
`fold` lowercases, writes ß as ss and strips diacritics; `search_variants` adds the German
transliteration (ö → oe) so both spellings a user may type are found by a substring match.
"""

import re
import unicodedata

from django.utils.text import slugify as django_slugify

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_SPACES = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lowercase, ß → ss, diacritics removed, whitespace collapsed."""
    # casefold turns ß into ss; it runs after NFKD, which can yield capitals ("ℌ" → "H"),
    # and is followed by a second strip for the marks it can add ("İ" → "i̇").
    text = strip_diacritics(strip_diacritics(text or "").casefold())
    return _SPACES.sub(" ", text).strip()


def search_variants(text: str) -> str:
    """The folded text, plus the German transliteration of the words where it differs.

    Only the differing words are added ("köln" → "koln koeln"), which keeps the search
    column and its index small.
    """
    plain = fold(text)
    german = fold((text or "").translate(_GERMAN))
    if german == plain:
        return plain
    words = set(plain.split(" "))
    extra = [w for w in dict.fromkeys(german.split(" ")) if w not in words]
    return f"{plain} {' '.join(extra)}" if extra else plain


def search_terms(query: str) -> list[str]:
    """The folded words of a user query; each must occur in the entry's search text."""
    return [term for term in fold(query).split(" ") if term]


def slugify_de(text: str) -> str:
    """A URL slug with German transliteration: "Köln-Süd" → "koeln-sued"."""
    return django_slugify((text or "").translate(_GERMAN))
