"""Each rule of an entry's fields is written once, with one message, whichever door the
data comes through: the service, the proposal form, the edit form, an import."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from mitmachkarte.initiatives import services, validation
from mitmachkarte.interop.services import import_entries
from mitmachkarte.moderation.forms import ProposalForm
from mitmachkarte.stewardship.forms import InitiativeEditForm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def message() -> str:
    return str(validation.CATEGORY_MESSAGE)


def service_errors(categories) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        services.create_initiative(
            name="Garten",
            short_description="Kurz",
            latitude=51.0,
            longitude=7.0,
            categories=categories,
        )
    return caught.value.message_dict["categories"]


@pytest.mark.parametrize("categories", [[], ["gibt-es-nicht"], ["repair", "gibt-es-nicht"]])
def test_the_category_rule_has_one_message_at_every_door(reference_data, categories):
    assert message() == "Wähle mindestens eine bekannte Kategorie."
    assert service_errors(categories) == [message()]
    proposal = ProposalForm(data={"categories": categories})
    assert proposal.errors["categories"] == [message()]
    edit = InitiativeEditForm(data={"categories": categories}, publisher=True)
    assert edit.errors["categories"] == [message()]
    row = ",".join(categories).join('""')
    report = import_entries(
        data=(
            "id,name,short_description,latitude,longitude,categories,data_licence\n"
            f"1,Garten,Kurz,51.0,7.0,{row},ODbL-1.0\n"
        ).encode(),
        fmt="csv",
    )
    assert [reason for _line, reason in report.rejected] == [f"categories: {message()}"]


def test_tag_limits_are_the_same_for_proposals_and_edits(reference_data):
    too_many = ", ".join(f"tag{n}" for n in range(validation.MAX_TAGS + 1))
    proposal = ProposalForm(data={"tags": too_many})
    assert proposal.errors["tags"] == [validation.tags_message()]
    with pytest.raises(ValidationError) as caught:
        validation.tag_names(too_many.split(","))
    assert caught.value.message_dict["tags"] == [validation.tags_message()]
