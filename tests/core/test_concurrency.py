"""The version check of edit forms (core.concurrency): tokens, check, merge, display."""

from datetime import date

import pytest
from django.core import signing

from mitmachkarte.core import concurrency, conflict_notice
from mitmachkarte.support.models import Need
from tests.factories import MunicipalityFactory, NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def need():
    return NeedFactory(title="Raum", description="Für 20 Leute", schedule="monatlich")


FIELDS = ["title", "description", "schedule", "municipality"]


def check(token, need, covering=FIELDS):
    locked = Need.objects.get(pk=need.pk)
    concurrency.check_model(locked, token, covering=covering)


def test_an_untouched_record_passes(need):
    check(concurrency.version_of(need, FIELDS), need)


def test_a_change_of_a_field_is_a_conflict_with_old_and_new(need):
    token = concurrency.version_of(need, FIELDS)
    Need.objects.filter(pk=need.pk).update(title="Saal", status="solved")
    with pytest.raises(concurrency.ConflictError) as caught:
        check(token, need)
    conflict = caught.value
    assert [(c.field, c.old, c.new) for c in conflict.changes] == [("title", "Raum", "Saal")]
    assert conflict.current["title"] == "Saal"
    # The fresh token is the current version: saving again passes.
    check(conflict.token, need)


def test_a_change_outside_the_form_is_no_conflict(need):
    token = concurrency.version_of(need, FIELDS)
    Need.objects.filter(pk=need.pk).update(status="solved", expires_on=date(2030, 1, 1))
    check(token, need)


def test_line_endings_and_trailing_blanks_are_no_change(need):
    token = concurrency.version_of(need, FIELDS)
    Need.objects.filter(pk=need.pk).update(description="Für 20 Leute  \r\n")
    check(token, need)


@pytest.mark.parametrize("token", ["", "garbage", "a:b:c"])
def test_missing_or_broken_tokens_are_unreadable(need, token):
    with pytest.raises(concurrency.ConflictError) as caught:
        check(token, need)
    assert caught.value.base is None and caught.value.changes == []
    check(caught.value.token, need)  # covers the form's fields


def test_a_token_of_another_record_or_purpose_is_unreadable(need):
    other = NeedFactory()
    with pytest.raises(concurrency.ConflictError):
        check(concurrency.version_of(other, FIELDS), need)
    forged = signing.dumps(
        {"k": concurrency.record_key(need), "t": 0, "v": {"title": "x"}}, salt="other"
    )
    with pytest.raises(concurrency.ConflictError):
        check(forged, need)


def test_a_token_of_fewer_fields_than_saved_proves_nothing(need):
    with pytest.raises(concurrency.ConflictError) as caught:
        check(concurrency.version_of(need, ["title"]), need)
    assert caught.value.base is None


def test_a_token_naming_a_field_that_no_longer_exists_is_unreadable(need):
    old_release = concurrency.make_token(
        key=concurrency.record_key(need), values={"title": "Raum", "gone": 1}
    )
    with pytest.raises(concurrency.ConflictError) as caught:
        check(old_release, need, covering=["title"])
    assert caught.value.base is None


def test_none_means_no_form_and_is_not_checked(need):
    Need.objects.filter(pk=need.pk).update(title="Saal")
    check(None, need)


def test_merge_takes_theirs_where_mine_is_untouched_and_marks_both(need):
    token = concurrency.version_of(need, FIELDS)
    Need.objects.filter(pk=need.pk).update(title="Saal", description="Für 30 Leute")
    with pytest.raises(concurrency.ConflictError) as caught:
        check(token, need)
    mine = {
        "title": "Raum",  # untouched: theirs wins
        "description": "Für 25 Leute",  # both changed: mine stays, marked
        "schedule": "wöchentlich",  # only mine
        "municipality": need.municipality,
    }
    merged, both = concurrency.merge(caught.value, mine)
    assert merged["title"] == "Saal"
    assert merged["description"] == "Für 25 Leute" and both == {"description"}
    assert merged["schedule"] == "wöchentlich"


def test_the_notice_shows_labels_choices_and_related_names(need):
    town = MunicipalityFactory(name="Herne")
    token = concurrency.version_of(need, [*FIELDS, "need_type"])
    need.municipality, need.need_type = town, "material"
    need.save()
    with pytest.raises(concurrency.ConflictError) as caught:
        check(token, need, covering=[*FIELDS, "need_type"])
    notice = conflict_notice.notice(
        caught.value, labels={"municipality": "Kommune"}, show=conflict_notice.model_display(Need)
    )
    rows = {row.label: (row.old, row.new) for row in notice.rows}
    assert rows["Kommune"][1] == "Herne"
    assert rows["need_type"] == ("Raum", "Material oder Ausstattung")
    assert notice.changed_at == Need.objects.get(pk=need.pk).updated_at
