import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mitmachkarte.core.text import (
    _GERMAN,
    fold,
    joined_search_variants,
    search_terms,
    search_variants,
    slugify_de,
    strip_diacritics,
)


def finds(query: str, text: str) -> bool:
    """The search rule of the selectors: every folded query word occurs in the text."""
    haystack = search_variants(text)
    terms = search_terms(query)
    return bool(terms) and all(term in haystack for term in terms)


@pytest.mark.parametrize("query", ["koln", "Köln", "KÖLN", "koeln", "Koeln", "KOELN", "köln"])
def test_all_spellings_of_koeln_find_koeln(query):
    assert finds(query, "Repair-Café Köln-Ehrenfeld")


@pytest.mark.parametrize("query", ["strasse", "Straße", "STRASSE", "straße"])
def test_strasse_finds_eszett(query):
    assert finds(query, "Treffpunkt Musterstraße 5")


def test_umlaut_query_finds_transliterated_text():
    # Someone typed the name without umlauts; the umlaut query must still find it.
    assert finds("Düsseldorf", "Tauschring Duesseldorf") is False  # "dusseldorf" ≠ "duesseldorf"
    assert finds("duesseldorf", "Tauschring Düsseldorf")
    assert finds("dusseldorf", "Tauschring Düsseldorf")


def test_unrelated_words_are_not_found():
    assert not finds("bonn", "Repair-Café Köln")
    assert not finds("koln bonn", "Repair-Café Köln")  # every word must match
    assert not finds("", "Repair-Café Köln")


def test_fold_details():
    assert fold("  Grüne   Straße\n") == "grune strasse"
    assert fold("ÉCOLE") == "ecole"
    assert fold(None) == ""
    assert search_variants("Köln") == "koln koeln"
    assert search_variants("Bonn") == "bonn"
    assert search_terms("  Köln   Süd ") == ["koln", "sud"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Köln-Süd", "koeln-sued"),
        ("Straßenfest Münster", "strassenfest-muenster"),
        ("ÖKO Ärger Übel", "oeko-aerger-uebel"),
        ("  Repair Café!  ", "repair-cafe"),
        ("", ""),
    ],
)
def test_slugify_de(text, slug):
    assert slugify_de(text) == slug


def test_compatibility_characters_fold_to_lowercase():
    # NFKD turns some characters into capitals ("ℌ" → "H", "℃" → "°C"); fold must still
    # lowercase them, or a query could not find the stored text on case-sensitive backends.
    assert fold("ℌ") == "h"
    assert fold("20 ℃") == "20 °c"


@given(st.text())
@example("ℌ℃ᴬϒ")  # compatibility characters that NFKD turns into capitals
@example("İstanbul ß ẞ ﬁ")
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
@example("Köln ℌ ÄÖÜ ẞ")
def test_folded_text_finds_itself(text):
    variants = search_variants(text)
    for term in search_terms(fold(text)):
        assert term in variants


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_query_of_the_original_text_finds_it(text):
    # Typing exactly what is stored always finds the entry.
    variants = search_variants(text)
    for term in search_terms(text):
        assert term in variants


def _fold_whole_text(text: str) -> str:
    """The definition of fold, over the whole text at once (fold works word by word)."""
    text = strip_diacritics(strip_diacritics(text or "").casefold())
    return re.sub(r"\s+", " ", text).strip()


def _variants_whole_text(text: str) -> str:
    plain, german = _fold_whole_text(text), _fold_whole_text((text or "").translate(_GERMAN))
    words = set(plain.split(" "))
    extra = [w for w in dict.fromkeys(german.split(" ")) if w not in words]
    return f"{plain} {' '.join(extra)}" if german != plain and extra else plain


@given(st.text())
@example("a \u0301b ¨x \u00a0 Straße\u2028ÄÖ")  # a mark after a space; "¨" folds to a space
@example("x\u0301 \u0327y İ ℌ ẞ")
def test_folding_word_by_word_equals_folding_the_whole_text(text):
    assert fold(text) == _fold_whole_text(text)
    assert search_variants(text) == _variants_whole_text(text)


# Words that fold to something else, to nothing, to spaces, or transliterate.
PIECES = ["Köln", "koeln", "Straße", "strasse", "Übung", "ueber", "¨", "ℌ", "İ", "Garten", "-", ""]


@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=4).map(" ".join), max_size=6))
@example(["Köln", "koeln Köln"])
@example(["koeln", "Köln"])
@example(["Köln", "", "¨ Straße"])
def test_joined_search_variants_is_search_variants_of_the_joined_text(parts):
    assert joined_search_variants(parts) == search_variants(" ".join(p for p in parts if p))
