"""The order of a search (search_order): names first, then the rest; exact counts under
every filter; the index of the names follows every write."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitmachkarte.core.text import search_variants
from mitmachkarte.initiatives import lifecycle, search, search_order, selectors, services
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.models import Initiative, Status
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _names(ids):
    by_id = dict(Initiative.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[i] for i in ids]


def _named(word: str) -> set[int]:
    return set(search.name_matches([word]).tolist())


@pytest.fixture
def mixed(reference_data):
    # Names holding "garten", out of name order; texts holding it; one unpublished.
    for name in ["Zgarten", "Garten Am Bach", "Gartenfreunde"]:
        InitiativeFactory(name=name, short_description="Beete")
    for name in ["Beta", "Alpha", "Gamma"]:
        InitiativeFactory(name=name, short_description="Wir pflegen einen Gemeinschaftsgarten")
    InitiativeFactory(name="Garten Entwurf", status=Status.DRAFT)


def test_few_matches_names_first_then_by_relevance_then_by_name(reference_data):
    for name, text in [
        ("Gartenfreunde", "Beete"),
        ("Garten am Garten", "Beete"),  # the word twice
        ("Bert", "Ein Garten"),
        ("Anna", "Ein Garten"),  # as relevant as Bert: by name
        ("Omar", "Garten, Garten, Garten"),
    ]:
        InitiativeFactory(name=name, short_description=text, latitude=51.5, longitude=7.5)
    count, ids = search_order.ranked(parse_filter(q="garten"), None)
    assert count == 5
    assert _names(ids) == ["Garten am Garten", "Gartenfreunde", "Omar", "Anna", "Bert"]


def test_relevance_favours_more_occurrences_and_shorter_texts():
    assert search.relevance(["rad"], "rad rad", 10) > search.relevance(["rad"], "rad", 10)
    assert search.relevance(["rad"], "rad", 10) > search.relevance(["rad"], "rad " + "x" * 40, 10)
    assert search.relevance(["rad"], "nichts", 10) == 0


def test_many_matches_names_first_each_group_by_name(mixed, monkeypatch):
    monkeypatch.setattr(search, "RANK_AT_MOST", 2)
    count, ids = search_order.ranked(parse_filter(q="garten"), None)
    assert count == 6
    assert _names(ids) == ["Garten Am Bach", "Gartenfreunde", "Zgarten", "Alpha", "Beta", "Gamma"]
    # A slice orders only as far as it reaches, and agrees with the whole list.
    for stop in range(7):
        assert search_order.ranked(parse_filter(q="garten"), stop) == (6, ids[:stop])


def test_a_transliterated_word_finds_the_name(reference_data):
    InitiativeFactory(name="Köln hilft", short_description="Nachbarschaft")
    InitiativeFactory(name="Nachbarn", short_description="In Köln unterwegs")
    for word in ("koeln", "koln"):
        assert _names(search_order.ranked(parse_filter(q=word), None)[1])[0] == "Köln hilft"


WORDS = ["garten", "repair", "rad"]
entry = st.tuples(
    st.sampled_from(["Garten", "Repair", "Rad", "Treff"]),  # in the name
    st.sampled_from(["garten", "repair", "fahrrad", "nichts"]),  # in the text
    st.sampled_from(list(Status.values)),
    st.sampled_from([["repair"], ["food"], ["repair", "food"]]),
    st.sampled_from([(51.0, 7.0), (52.0, 8.0)]),
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(entry, min_size=1, max_size=10),
    word=st.sampled_from(WORDS),
    categories=st.sampled_from([[], ["repair"]]),
    bbox=st.sampled_from(["", "7.9,51.9,8.1,52.1"]),
    few=st.booleans(),
)
def test_counts_and_lists_are_exact_under_filters(
    reference_data, monkeypatch, entries, word, categories, bbox, few
):
    Initiative.objects.all().delete()
    for k, (name, text, status, cats, (lat, lon)) in enumerate(entries):
        InitiativeFactory(
            name=f"{name} {k}",
            short_description=f"Wir {text} hier",
            status=status,
            categories=cats,
            latitude=lat,
            longitude=lon,
        )
    monkeypatch.setattr(search, "RANK_AT_MOST", 500 if few else 0)
    flt = parse_filter(q=word, categories=categories, bbox=bbox or None)
    expected = set(selectors.filter_initiatives(flt).values_list("pk", flat=True))
    count, ids = search_order.ranked(flt, None)
    matches = selectors.RankedMatches(flt)
    assert count == len(ids) == len(expected) == len(matches)
    assert set(ids) == expected and len(set(ids)) == len(ids)
    assert list(matches) == ids
    # Names first: once an entry without the word in its name comes, no name follows.
    in_name = [word in search_variants(n) for n in _names(ids)]
    assert in_name == sorted(in_name, reverse=True)


def test_the_names_index_follows_every_write(reference_data):
    entry = InitiativeFactory(name="Gartenzwerge")
    assert _named("gartenzwerg") == {entry.pk}
    services.update_initiative_fields(initiative=entry, changes={"name": "Werkstatt Süd"})
    assert _named("gartenzwerg") == set()
    assert _named("sued") == {entry.pk} == _named("werkstatt")
    lifecycle.set_status(initiative=entry, status=Status.ARCHIVED)
    assert _named("werkstatt") == {entry.pk}  # any status: the list filters the status
    assert search_order.ranked(parse_filter(q="werkstatt"), None) == (0, [])
    lifecycle.set_status(initiative=entry, status=Status.PUBLISHED)
    assert search_order.ranked(parse_filter(q="werkstatt"), None) == (1, [entry.pk])
    other = InitiativeFactory(name="Werkstatt Nord")
    assert _named("werkstatt") == {entry.pk, other.pk}
    Initiative.objects.get(pk=entry.pk).delete()
    assert _named("werkstatt") == {other.pk}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5: SQLite")
def test_the_names_table_agrees_with_its_content_and_rebuilds(reference_data):
    entry = InitiativeFactory(name="Repair-Café")
    services.update_initiative_fields(initiative=entry, changes={"name": "Repaircafé Ost"})
    InitiativeFactory(name="Foodsharing")
    with connection.cursor() as cursor:
        assert search.NAMES_TABLE == "initiatives_search_names"
        # FTS5 compares its index with the content table (an error when out of step).
        cursor.execute(
            "INSERT INTO initiatives_search_names(initiatives_search_names, rank) "
            "VALUES ('integrity-check', 1)"
        )
        before = _named("repaircafe")
        cursor.execute(
            "INSERT INTO initiatives_search_names(initiatives_search_names) VALUES ('rebuild')"
        )
    assert _named("repaircafe") == before == {entry.pk}
