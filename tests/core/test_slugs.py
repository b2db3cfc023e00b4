import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from mitmachkarte.core import slugs
from mitmachkarte.core.slugs import RESERVED_SLUGS, unique_slug
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory

SLUG = "<slug:slug>"


def slug_in(text, *, max_length=50, **kwargs):
    return unique_slug(text, max_length=max_length, **kwargs)


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def test_no_slug_can_take_a_fixed_word_beside_a_slug_segment():
    """ "/veranstaltungen/kalender/" beside "/veranstaltungen/<slug>/": "kalender" is reserved."""
    routes = list(_routes(get_resolver().url_patterns))
    prefixes = {route[: route.index(SLUG)] for route in routes if SLUG in route}
    fixed = set()
    for prefix in prefixes:
        for route in routes:
            rest = route[len(prefix) :]
            if route.startswith(prefix) and rest and not rest.startswith("<"):
                fixed.add(re.split(r"[/.]", rest)[0])
    assert fixed - {""} <= RESERVED_SLUGS
    assert {"kalender", "feed", "verwalten", "einladung"} <= fixed


def test_names_variants_and_numbers_in_order():
    taken = {"repair-cafe", "repair-cafe-bochum", "repair-cafe-2"}
    assert slug_in("Repair Café", taken=set(), default="x") == "repair-cafe"
    assert slug_in("Repair Café", taken=taken, default="x", variants=["Bochum"]) == (
        "repair-cafe-3"
    )
    assert slug_in("Repair Café", taken={"repair-cafe"}, default="x", variants=["Bochum"]) == (
        "repair-cafe-bochum"
    )
    assert slug_in("!!!", taken=set(), default="initiative") == "initiative"


def test_reserved_words_get_a_number():
    assert slug_in("Kalender", taken=set(), default="x") == "kalender-2"
    assert slug_in("Einladung", taken={"einladung-2"}, default="x") == ("einladung-3")


def test_the_slug_fits_the_column_with_any_suffix():
    long_name = "Sehr langer Name " * 30
    taken = {f"{slug_in(long_name, taken=set(), default='x', max_length=40)}"}
    taken |= {f"{next(iter(taken))}-{n}" for n in slugs.NUMBERED}
    slug = slug_in(long_name, taken=taken, default="x", max_length=40)
    assert len(slug) <= 40 and slug not in taken
    assert not next(iter(taken)).endswith("-")


def test_after_the_numbers_a_random_suffix_and_then_an_error(monkeypatch):
    taken = {"garten"} | {f"garten-{n}" for n in slugs.NUMBERED}
    slug = slug_in("Garten", taken=taken, default="x")
    assert re.fullmatch(r"garten-[0-9a-f]{6}", slug)
    monkeypatch.setattr(slugs.secrets, "token_hex", lambda n: "abcdef")
    with pytest.raises(RuntimeError):
        slug_in("Garten", taken=taken | {"garten-abcdef"}, default="x")


@pytest.mark.django_db
def test_a_bounded_number_of_queries(reference_data, django_assert_max_num_queries):
    assert InitiativeFactory(name="Garten").slug == "garten"
    with django_assert_max_num_queries(1):
        assert unique_slug("Garten", taken=Initiative.objects, default="x") == "garten-2"
