"""Text folding for search and slugs.

Search must find "Köln" for "koln", "koeln" and "KÖLN", and "Straße" for "strasse".
`fold` lowercases, writes ß as ss and strips diacritics; `search_variants` adds the German
transliteration (ö → oe) so both spellings a user may type are found by a substring match.
"""

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from django.utils.text import slugify as django_slugify

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def transliterate_de(text: str) -> str:
    """Umlauts and ß as written without them: "Hörde" → "Hoerde"."""
    return text.translate(_GERMAN)


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    # casefold turns ß into ss; it runs after NFKD, which can yield capitals ("ℌ" → "H"),
    # and is followed by a second strip for the marks it can add ("İ" → "i̇").
    return strip_diacritics(strip_diacritics(word).casefold())


def fold(text: str) -> str:
    """Lowercase, ß → ss, diacritics removed, whitespace collapsed."""
    # Word by word, because folding is per character and never crosses whitespace, and
    # texts repeat their words: a million descriptions fold in seconds, not minutes. A word
    # may fold to spaces ("¨" → " ") or to nothing, hence the second split.
    return _join([_fold_word(word) for word in (text or "").split()])


def _join(words: list[str]) -> str:
    return " ".join(" ".join(words).split())


@lru_cache(maxsize=100_000)
def _word_variants(word: str) -> tuple[str, str]:
    return _fold_word(word), _fold_word(word.translate(_GERMAN))


def search_variants(text: str) -> str:
    """The folded text, plus the German transliteration of the words where it differs.

    Only the differing words are added ("köln" → "koln koeln"), which keeps the search
    column and its index small.
    """
    # The transliteration adds letters only, never whitespace: word by word as in fold.
    pairs = [_word_variants(word) for word in (text or "").split()]
    plain = _join([p for p, _ in pairs])
    german = _join([g for _, g in pairs])
    if german == plain:
        return plain
    words = set(plain.split(" "))
    extra = [w for w in dict.fromkeys(german.split(" ")) if w not in words]
    return f"{plain} {' '.join(extra)}" if extra else plain


@lru_cache(maxsize=200_000)
def _part_variants(part: str) -> tuple[str, str, frozenset, tuple]:
    pairs = [_word_variants(word) for word in part.split()]
    plain = _join([p for p, _ in pairs])
    german = _join([g for _, g in pairs])
    words = frozenset(plain.split(" "))
    candidates = tuple(w for w in dict.fromkeys(german.split(" ")) if w not in words)
    return plain, german, words, candidates


def joined_search_variants(parts: Iterable[str]) -> str:
    """`search_variants(" ".join(parts))`, part by part with each part's result cached: for
    many texts made of the same pieces (generated entries). Parts are whole words.
    """
    # Folding never crosses whitespace, so the whole folds as its parts do; a transliterated
    # word the whole adds is one that its own part adds (and no other part holds plainly).
    folded = [_part_variants(part) for part in parts if part]
    plain = " ".join(f[0] for f in folded if f[0])
    candidates = [w for f in folded for w in f[3]]
    if not candidates:
        return plain
    sets = [f[2] for f in folded]
    extra = [w for w in dict.fromkeys(candidates) if not any(w in s for s in sets)]
    return f"{plain} {' '.join(extra)}" if extra else plain


def search_terms(query: str) -> list[str]:
    """The folded words of a user query; each must occur in the entry's search text."""
    return [term for term in fold(query).split(" ") if term]


def slugify_de(text: str) -> str:
    """A URL slug with German transliteration: "Köln-Süd" → "koeln-sued"."""
    return django_slugify((text or "").translate(_GERMAN))
