"""SQLite's word index and vocabulary (search_words, migration 0011) find exactly what a
substring search of the folded text finds, and stay in step with every write."""

import pytest
from django.db import connection

from mitmachkarte.core.text import search_terms
from mitmachkarte.initiatives import search, search_words
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'sqlite'", reason="word index: SQLite"),
]

TEXTS = [
    "offene selbsthilfewerkstatt: werkzeug, ersatzteile",
    "gemeinschaftsgarten an der goethestrasse 12 e.v.",
    'das "cafe" im hof (seit 1999) \\ leingarten',
    "zeichen\x01mitten im wort und ende\x7f",
    "ein wort",
    "stern*chen ^hut {a:b} near(x)",
]
TERMS = [
    "hilfe",
    "selbsthilfewerkstatt:",
    "werkstatt",
    "garten",
    "strasse",
    "e.v.",
    "e.v",
    '"cafe"',
    "cafe",
    "(seit",
    "1999)",
    "\\",
    "leingarten",
    "chen\x01mit",
    "ende\x7f",
    "wort",
    "ein",
    "nirgends",
    "garten hilfe",
    "ten",
    "wort ein",
]


def _expected(terms):
    texts = dict(Initiative.objects.values_list("pk", "search_text"))
    return sorted(pk for pk, text in texts.items() if all(t in text for t in terms))


@pytest.fixture
def entries():
    made = [InitiativeFactory(name=f"Eintrag {i}") for i in range(len(TEXTS))]
    for entry, text in zip(made, TEXTS, strict=True):  # the triggers of an update
        Initiative.objects.filter(pk=entry.pk).update(search_text=text)
    return made


@pytest.mark.parametrize("max_words", [search_words.MAX_WORDS, 1])
def test_the_words_find_exactly_what_the_substring_finds(entries, monkeypatch, max_words):
    monkeypatch.setattr(search_words, "MAX_WORDS", max_words)  # 1: the trigram fallback too
    for query in TERMS:
        terms = [t for t in query.split(" ") if t]
        assert list(search.matching_ids(terms)) == _expected(terms), query
        assert search.find(terms).ids.tolist() == _expected(terms), query
        subquery = Initiative.objects.filter(pk__in=search.matching_ids_sql(terms))
        assert sorted(subquery.values_list("pk", flat=True)) == _expected(terms), query


def test_rare_words_take_the_word_index(entries):
    assert search_words.match(["leingarten"]) == '("leingarten")'
    assert search_words.match(["nirgends"]) == ""  # in no word: nothing to look up
    assert search_words.match(["ab"]) is None  # too short for the vocabulary's trigrams


def test_new_words_reach_the_vocabulary_and_old_ones_find_nothing(entries):
    entry = entries[0]
    Initiative.objects.filter(pk=entry.pk).update(search_text="zauberwuerfelrunde")
    assert list(search.matching_ids(["wuerfel"])) == [entry.pk]
    assert list(search.matching_ids(["selbsthilfe"])) == []  # still a word, in no text
    fresh = InitiativeFactory(name="Schachtelhalm-Runde")
    assert list(search.matching_ids(search_terms("schachtelhalm"))) == [fresh.pk]
    fresh.delete()
    assert list(search.matching_ids(search_terms("schachtelhalm"))) == []
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {search_words.WORDS_TABLE}({search_words.WORDS_TABLE}, rank) "
            "VALUES('integrity-check', 1)"
        )
