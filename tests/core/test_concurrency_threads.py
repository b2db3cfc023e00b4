"""Two saves of the same version at the same moment, on two connections: one wins, the
other gets the conflict, nothing is lost (the check runs under the row lock)."""

import threading
from functools import partial

import pytest
from django.db import connection

from mitmachkarte.core.concurrency import ConflictError, version_of
from mitmachkarte.initiatives import versions
from mitmachkarte.initiatives.models import Initiative
from mitmachkarte.initiatives.versions import version_token
from mitmachkarte.stewardship import edits
from mitmachkarte.support import services as support
from mitmachkarte.support.models import Need
from tests.factories import (
    InitiativeFactory,
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="threads need a shared server database (run on PostgreSQL)",
    ),
]
ROUNDS = 5


def race(*saves) -> list:
    """Run the saves at once, each on its own connection; their outcomes in order."""
    barrier, outcomes = threading.Barrier(len(saves)), [None] * len(saves)

    def run(index, save):
        try:
            barrier.wait()
            save()
            outcomes[index] = "saved"
        except ConflictError:
            outcomes[index] = "conflict"
        except Exception as exc:  # reported by the assertion
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_editors_saving_one_version_of_an_entry(reference_data):
    entry = InitiativeFactory(latitude=51.0, longitude=7.0)
    editor = MembershipFactory(
        organisation=OrganisationFactory(type="initiative", initiative=entry), role="owner"
    ).user
    for round in range(ROUNDS):
        current = Initiative.objects.get(pk=entry.pk)
        token = version_token(current)
        form = versions.snapshot(current)

        def save(field, value, current=current, form=form, token=token):
            return partial(
                edits.update_initiative,
                initiative=current,
                changes={**form, field: value},
                user=editor,
                expected_version=token,
            )

        outcomes = race(save("city", f"Stadt {round}"), save("meeting_times", f"Tag {round}"))
        assert sorted(outcomes) == ["conflict", "saved"], outcomes
        saved = Initiative.objects.get(pk=entry.pk)
        winner_city = outcomes[0] == "saved"
        assert (saved.city == f"Stadt {round}") == winner_city
        assert (saved.meeting_times == f"Tag {round}") != winner_city


def test_two_members_saving_one_version_of_a_need(reference_data):
    organisation = OrganisationFactory(type="initiative")
    member = MembershipFactory(organisation=organisation).user
    need = NeedFactory(organisation=organisation, municipality=MunicipalityFactory())
    fields = ["need_type", "title", "description", "schedule", "municipality"]
    for round in range(ROUNDS):
        current = Need.objects.get(pk=need.pk)
        token = version_of(current, fields)
        form = {f: getattr(current, f) for f in fields}

        def save(field, value, current=current, form=form, token=token):
            return partial(
                support.update_need,
                need=current,
                user=member,
                expected_version=token,
                **{**form, field: value},
            )

        outcomes = race(save("title", f"Titel {round}"), save("schedule", f"Plan {round}"))
        assert sorted(outcomes) == ["conflict", "saved"], outcomes
        saved = Need.objects.get(pk=need.pk)
        assert (saved.title == f"Titel {round}") != (saved.schedule == f"Plan {round}")
