"""The search engines (FTS5 trigram on SQLite, pg_trgm + tsvector on PostgreSQL)."""

import pytest
from django.db import connection

from mitmachkarte.core.text import search_terms
from mitmachkarte.initiatives import search
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def names(query: str) -> list[str]:
    ids = search.ranked_ids(search_terms(query), query)
    by_id = dict(Initiative.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [by_id[i] for i in ids]


@pytest.fixture
def entries(reference_data):
    InitiativeFactory(
        name="Repair Café Köln",
        short_description="Reparieren in Köln-Sülz",
        street="Zülpicher Straße 1",
    )
    InitiativeFactory(
        name="Gemeinschaftsgarten Essen", short_description="Gärtnern; auch Reparatur von Werkzeug"
    )
    InitiativeFactory(name="Foodsharing Münster", short_description="Lebensmittel retten")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("koln", {"Repair Café Köln"}),
        ("KÖLN", {"Repair Café Köln"}),
        ("koeln", {"Repair Café Köln"}),
        ("strasse", {"Repair Café Köln"}),
        ("zulpicher", {"Repair Café Köln"}),
        ("garten", {"Gemeinschaftsgarten Essen"}),
        ("muenster lebensmittel", {"Foodsharing Münster"}),
        ("mu", {"Foodsharing Münster"}),
        ("repar", {"Repair Café Köln", "Gemeinschaftsgarten Essen"}),
        ("zzzz", set()),
    ],
)
def test_folding_and_substrings(entries, query, expected):
    assert set(names(query)) == expected


def test_name_match_ranks_first(entries):
    # "repair" is in the first entry's name; the second only mentions "Reparatur".
    assert names("repa")[0] == "Repair Café Köln"


def test_search_index_follows_updates_and_deletes(entries):
    entry = Initiative.objects.get(name="Foodsharing Münster")
    entry.search_text = "ganz anderer text"
    entry.save()
    # (Not the name: PostgreSQL's typo fallback looks for close names.)
    assert names("lebensmittel") == []
    assert names("anderer") == ["Foodsharing Münster"]
    entry.delete()
    assert names("anderer") == []


def test_special_characters_are_plain_text(entries):
    for query in ['"', "a OR b", "NEAR(", "%", "_", "*", "'; drop table x; --"]:
        names(query)  # must not raise
    assert names("%") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram typos: PostgreSQL")
def test_typo_finds_the_entry_on_postgresql(entries):
    assert names("foodsharinq") == ["Foodsharing Münster"]
    # The lists' way (search_order): the word index finds no word, then the typos.
    entry = Initiative.objects.get(name="Foodsharing Münster")
    found = search.find(search_terms("foodsharinq"))
    assert found.typos and found.ids.tolist() == [entry.pk]
    assert search.matching_ids(search_terms("foodsharinq")).tolist() == [entry.pk]


def test_name_matches_come_first_at_every_size(entries):
    from mitmachkarte.initiatives import selectors
    from mitmachkarte.initiatives.filters import parse_filter

    InitiativeFactory(name="Zukunftswerkstatt", short_description="Reparatur-Treff im Garten")
    InitiativeFactory(name="Reparatur-Café Aachen", short_description="Wir helfen")
    ordered = selectors.ranked_ids(parse_filter(q="repar"))
    by_id = {pk: i.name for pk, i in Initiative.objects.in_bulk(ordered).items()}
    names_ = [by_id[i] for i in ordered]
    assert names_[0] == "Reparatur-Café Aachen"  # the name holds "repar"
    # only the texts do ("Reparieren", "Reparatur")
    assert set(names_[1:]) == {"Gemeinschaftsgarten Essen", "Repair Café Köln", "Zukunftswerkstatt"}
