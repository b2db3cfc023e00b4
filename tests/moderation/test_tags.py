"""Tag merge and synonyms: entries kept, searches and filters treat synonyms as the tag."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mitmachkarte.core.text import search_terms
from mitmachkarte.initiatives import search
from mitmachkarte.initiatives.filters import parse_filter
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.selectors import filter_initiatives
from mitmachkarte.taxonomy import services as taxonomy
from mitmachkarte.taxonomy.models import Tag, TagSynonym
from mitmachkarte.taxonomy.selectors import canonical_tag_slug
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def found(query: str) -> set[str]:
    ids = search.ranked_ids(search_terms(query), query)
    return set(Initiative.objects.filter(pk__in=ids).values_list("name", flat=True))


def tagged(tag: str) -> set[str]:
    return set(filter_initiatives(parse_filter(tag=tag)).values_list("name", flat=True))


@pytest.fixture
def entries(reference_data):
    return {
        "a": InitiativeFactory(name="Werkstatt Eins", tags=["Repaircafe"]),
        "b": InitiativeFactory(name="Werkstatt Zwei", tags=["Reparatur"]),
        "c": InitiativeFactory(name="Werkstatt Drei", tags=["Repaircafe", "Reparatur"]),
        "d": InitiativeFactory(name="Garten", tags=["Gärtnern"]),
    }


def test_merge_keeps_every_entry_and_the_old_name(entries):
    source, target = Tag.objects.get(slug="repaircafe"), Tag.objects.get(slug="reparatur")
    taxonomy.merge_tags(source=source, target=target)
    assert not Tag.objects.filter(slug="repaircafe").exists()
    assert TagSynonym.objects.get(slug="repaircafe").tag == target
    for key in ("a", "b", "c"):
        assert list(entries[key].tags.values_list("slug", flat=True)) == ["reparatur"]
    assert list(entries["d"].tags.values_list("slug", flat=True)) == ["gaertnern"]
    # Old links and searches keep working.
    assert (
        tagged("repaircafe")
        == tagged("Reparatur")
        == {"Werkstatt Eins", "Werkstatt Zwei", "Werkstatt Drei"}
    )
    assert found("repaircafe") == {"Werkstatt Eins", "Werkstatt Zwei", "Werkstatt Drei"}


def test_merge_moves_the_synonyms_of_the_source(entries):
    source, target = Tag.objects.get(slug="repaircafe"), Tag.objects.get(slug="reparatur")
    taxonomy.add_synonym(tag=source, name="Repair Café")
    taxonomy.merge_tags(source=source, target=target)
    assert canonical_tag_slug("repair-cafe") == "reparatur"
    assert "Werkstatt Zwei" in found("repair café")


def test_a_synonym_is_found_by_search_and_filter(entries):
    garden = Tag.objects.get(slug="gaertnern")
    assert found("urban gardening") == set()
    taxonomy.add_synonym(tag=garden, name="Urban Gardening")
    assert found("urban gardening") == {"Garten"}
    assert tagged("urban-gardening") == {"Garten"}
    taxonomy.remove_synonym(synonym=TagSynonym.objects.get(slug="urban-gardening"))
    assert found("urban gardening") == set()


def test_new_entries_with_a_synonym_get_the_tag(entries):
    taxonomy.add_synonym(tag=Tag.objects.get(slug="gaertnern"), name="Gardening")
    entry = InitiativeFactory(name="Neuer Garten", tags=["gardening", "Gärtnern"])
    assert list(entry.tags.values_list("slug", flat=True)) == ["gaertnern"]


@pytest.mark.parametrize(
    "name, message",
    [
        ("Reparatur", "Führe es stattdessen zusammen"),
        ("", "Buchstaben oder Ziffern"),
        ("x" * 61, "höchstens 60 Zeichen"),
    ],
)
def test_bad_synonyms_are_refused(entries, name, message):
    with pytest.raises(ValidationError) as exc:
        taxonomy.add_synonym(tag=Tag.objects.get(slug="gaertnern"), name=name)
    assert message in str(exc.value)
    assert not TagSynonym.objects.exists()


def test_merge_into_itself_is_refused(entries):
    tag = Tag.objects.get(slug="gaertnern")
    with pytest.raises(ValidationError):
        taxonomy.merge_tags(source=tag, target=tag)


def test_tag_page_for_the_network_team_only(client, world, entries):
    client.force_login(world["users"]["municipal_a"])
    url = reverse("moderation:tags")
    assert client.get(url).status_code == 403
    assert (
        client.post(
            url, {"op": "merge", "merge-source": "repaircafe", "merge-target": "reparatur"}
        ).status_code
        == 403
    )
    assert Tag.objects.filter(slug="repaircafe").exists()
    client.force_login(world["users"]["network"])
    assert "Repaircafe" in client.get(url).content.decode()
    response = client.post(
        url, {"op": "merge", "merge-source": "repaircafe", "merge-target": "reparatur"}
    )
    assert response.status_code == 302
    assert not Tag.objects.filter(slug="repaircafe").exists()
    client.post(url, {"op": "synonym", "synonym-tag": "gaertnern", "synonym-name": "Gärtnerei"})
    assert TagSynonym.objects.filter(slug="gaertnerei").exists()
    bad = client.post(
        url, {"op": "synonym", "synonym-tag": "gaertnern", "synonym-name": "Reparatur"}
    )
    assert bad.status_code == 200 and "stattdessen zusammen" in bad.content.decode()
