"""The word index and vocabulary (search_words; SQLite: migration 0011, PostgreSQL: 0012)
find exactly what a substring search of the folded text finds (and on PostgreSQL which of
those hold the terms in their names), and stay in step with every write."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitmachkarte.core.text import search_terms
from mitmachkarte.initiatives import search, search_words
from mitmachkarte.initiatives.models import Initiative
from tests.factories import InitiativeFactory
from tests.word_index import check_word_index

pytestmark = pytest.mark.django_db

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


def _expected(terms, column="search_text"):
    texts = dict(Initiative.objects.values_list("pk", column))
    return sorted(pk for pk, text in texts.items() if all(t in text for t in terms))


def _expected_named(terms):
    return sorted(set(_expected(terms)) & set(_expected(terms, "search_name")))


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
        named = search.find(terms).named
        if connection.vendor == "postgresql" and _expected(terms):
            assert named.tolist() == _expected_named(terms), query


def test_rare_words_take_the_word_index(entries):
    words = search_words.match(["leingarten"])
    assert len(words.groups) == 1 and len(words.groups[0]) == 1 and not words.empty
    if connection.vendor == "sqlite":
        assert words.query == '("leingarten")'
    assert search_words.match(["nirgends"]).empty  # in no word: nothing to look up
    assert search_words.match(["ab"]) is None  # too short for the vocabulary's trigrams


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="names postings: PostgreSQL")
def test_names_first_comes_from_the_word_index(entries, django_assert_max_num_queries):
    entry = entries[1]
    Initiative.objects.filter(pk=entry.pk).update(search_name="gemeinschaftsgarten ost")
    found = search.find(["garten"])
    assert found.ids.tolist() == [entries[1].pk, entries[2].pk]
    assert found.named.tolist() == [entry.pk]
    with django_assert_max_num_queries(3):  # vocabulary, ids, names: no trigram query
        search.find(["garten"])


@pytest.mark.parametrize("max_words", [search_words.MAX_WORDS, 1])
def test_the_vocabulary_is_asked_once_per_term(entries, monkeypatch, max_words):
    """Also when the word index does not answer (more words than MAX_WORDS): the trigram
    path then must not ask the vocabulary again."""
    monkeypatch.setattr(search_words, "MAX_WORDS", max_words)
    asked = []
    real = search_words.words_containing

    def counted(term, limit):
        asked.append(term)
        return real(term, limit)

    monkeypatch.setattr(search_words, "words_containing", counted)
    for lookup in (search.matching_ids, search.matching_ids_sql):
        asked.clear()
        lookup(["garten"])
        assert asked == ["garten"], lookup.__name__


def test_new_words_reach_the_vocabulary_and_old_ones_find_nothing(entries):
    entry = entries[0]
    Initiative.objects.filter(pk=entry.pk).update(search_text="zauberwuerfelrunde")
    assert list(search.matching_ids(["wuerfel"])) == [entry.pk]
    assert list(search.matching_ids(["selbsthilfe"])) == []  # still a word, in no text
    fresh = InitiativeFactory(name="Schachtelhalm-Runde")
    assert list(search.matching_ids(search_terms("schachtelhalm"))) == [fresh.pk]
    fresh.delete()
    assert list(search.matching_ids(search_terms("schachtelhalm"))) == []
    check_word_index()


WORDS = ["garten", "gartenzaun", "stadtgarten", "rad", "radweg", "e.v.", "tausch", "x"]
TERMS_DRAWN = ["garten", "gart", "tenz", "rad", "adw", "e.v", "v.", "tausch", "radweg"]
text = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
step = st.tuples(st.sampled_from(["create", "edit", "delete"]), st.integers(0, 5), text, text)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(step, min_size=1, max_size=8),
    terms=st.lists(st.sampled_from(TERMS_DRAWN), min_size=1, max_size=2),
)
def test_the_word_index_follows_random_writes(steps, terms):
    Initiative.objects.all().delete()
    for action, k, search_text, search_name in steps:
        pks = list(Initiative.objects.order_by("pk").values_list("pk", flat=True))
        if action == "create" or not pks:
            pk = InitiativeFactory(name=f"Eintrag {k}").pk
            Initiative.objects.filter(pk=pk).update(search_text=search_text, search_name="")
        elif action == "edit":
            Initiative.objects.filter(pk=pks[k % len(pks)]).update(
                search_text=f"{search_text} {search_name}".strip(), search_name=search_name
            )
        else:
            Initiative.objects.filter(pk=pks[k % len(pks)]).delete()
    check_word_index()
    expected = _expected(terms)
    assert list(search.matching_ids(terms)) == expected or not expected  # typos when none
    found = search.find(terms)
    if expected:
        assert found.ids.tolist() == expected
        if found.named is not None:
            assert found.named.tolist() == _expected_named(terms)
