"""generate_entries writes plain SQL in batches: the entries must still be whole.

Whole means what an entry saved through the services has: categories, SDGs and tags, the
municipality and the folded search text the service would compute, a row in the search
index (FTS triggers), a data version that moved (so every worker's map index sees them).
"""

from io import StringIO

import pytest
from django.core.management import call_command

from mitmachkarte.core.text import search_terms, slugify_de
from mitmachkarte.core.versions import current_version
from mitmachkarte.initiatives import search, services
from mitmachkarte.initiatives.demo import generator, texts
from mitmachkarte.initiatives.map_index import get_index
from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.initiatives.signals import VERSION_NAME
from mitmachkarte.taxonomy.models import Tag
from mitmachkarte.taxonomy.services import add_synonym

pytestmark = pytest.mark.django_db

COUNT = 30


@pytest.fixture
def generated(reference_data, monkeypatch):
    monkeypatch.setattr(generator, "BATCH", 7)  # several batches, the last one short
    # Synonyms belong in the search text as services.refresh_derived_fields puts them there.
    for number, name in enumerate(sorted({n for t in texts.TEMPLATES for n in t[3]})):
        tag = Tag.objects.create(name=name, slug=slugify_de(name))
        add_synonym(tag=tag, name=f"Zweitname{number}")
    before = current_version(VERSION_NAME)
    out = StringIO()
    call_command("generate_entries", "--count", str(COUNT), "--seed", "9", stdout=out)
    assert f"Initiatives: {COUNT} created, 0 already there" in out.getvalue()
    return before


def test_generated_entries_are_complete(generated):
    entries = list(Initiative.objects.prefetch_related("categories", "sdgs", "tags"))
    assert len(entries) == COUNT
    assert len({e.pk for e in entries}) == COUNT
    templates = {t[4]: t for t in texts.TEMPLATES}  # by short description
    for e in entries:
        _name, categories, sdgs, tag_names, _short = templates[e.short_description]
        assert e.status == Status.PUBLISHED and e.published_at is not None
        assert {c.slug for c in e.categories.all()} == set(categories), e.slug
        assert {s.number for s in e.sdgs.all()} == set(sdgs), e.slug
        assert {t.name for t in e.tags.all()} == set(tag_names), e.slug
        assert e.municipality_id is not None
        stored = (e.municipality_id, e.search_text, e.search_name)
        # What the service computes from the entry: the generator must have written the same.
        services.refresh_derived_fields(initiative=e)
        e.refresh_from_db()
        assert (e.municipality_id, e.search_text, e.search_name) == stored, e.slug
    assert all("zweitname" in e.search_text for e in entries)


def test_generated_entries_are_searchable_and_on_the_map(generated):
    assert current_version(VERSION_NAME) > generated
    entries = list(Initiative.objects.values_list("pk", "name", "slug"))
    for pk, name, slug in entries:
        assert pk in search.matching_ids(search_terms(name)), slug
    store = get_index().store
    assert sorted(store.ids[store.everyone()].tolist()) == sorted(pk for pk, _, _ in entries)


def test_generating_more_continues_the_ids_and_reports_progress(generated, monkeypatch):
    monkeypatch.setattr(
        "mitmachkarte.initiatives.management.commands.generate_entries.REPORT_EVERY", 5
    )
    out = StringIO()
    call_command("generate_entries", "--count", "12", "--seed", "10", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(" planned")[0] for line in lines[:-1]] == ["  7 of 12", "  12 of 12"]
    assert lines[-1].startswith("Initiatives: ")
    created = int(lines[-1].split()[1])
    assert Initiative.objects.count() == COUNT + created
    # New rows got fresh ids, and the search index holds each of them once.
    newest = Initiative.objects.order_by("-pk").first()
    assert newest.pk in search.matching_ids(search_terms(newest.name))
    # An entry created afterwards through the ORM gets the next free id.
    Initiative.objects.create(name="Danach", slug="danach-1", latitude=51, longitude=7)
    assert Initiative.objects.get(slug="danach-1").pk > newest.pk
