"""Typed text: one-line fields refuse control characters, multi-line text is normalised."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from mitmachkarte.core.text_input import (
    is_single_line,
    normalise_multiline,
    one_line,
    validate_single_line,
)


@pytest.mark.parametrize(
    "text", ["a\nb", "a\rb", "a\r\nb", "a\tb", "a\x00b", "a\x1bb", "a\x85b", "a\u2028b", "a\u2029b"]
)
def test_line_breaks_and_control_characters_are_not_one_line(text):
    assert not is_single_line(text)
    with pytest.raises(ValidationError) as caught:
        validate_single_line(text)
    assert caught.value.code == "single_line"


@pytest.mark.parametrize("text", ["Repair Café Köln", "", None, "Ä–ß 😀 e.\u00a0V.", "a\u200db"])
def test_ordinary_text_is_one_line(text):
    assert is_single_line(text)
    validate_single_line(text)


def test_one_line_trims_and_joins_spaces_but_leaves_line_breaks_to_the_check():
    assert one_line("  Repair   Café  ") == "Repair Café"
    assert one_line("Repair\nCafé") == "Repair\nCafé"
    assert one_line(None) == ""


def test_multiline_text_gets_lf_and_no_trailing_spaces():
    typed = "  # Wir  \r\n\r\nJeden Samstag \t\r- Toaster\r\n- Lampen\x00\x0b  \r\n\r\n"
    assert normalise_multiline(typed) == "# Wir\n\nJeden Samstag\n- Toaster\n- Lampen"
    assert normalise_multiline("a\tb  c") == "a\tb  c"  # tabs and spaces inside a line stay
    assert normalise_multiline(None) == ""


@given(st.text())
def test_normalising_is_idempotent_and_a_browsers_crlf_changes_nothing(text):
    once = normalise_multiline(text)
    assert normalise_multiline(once) == once
    assert normalise_multiline(once.replace("\n", "\r\n")) == once
    assert "\r" not in once
