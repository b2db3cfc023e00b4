"""`load_demo_surveys`: a closed survey from the template with plausible responses."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mitmachkarte.surveys import demo, results
from mitmachkarte.surveys.models import Response

from .conftest import initiative_in

pytestmark = pytest.mark.django_db


def test_demo_survey_is_closed_full_of_answers_and_idempotent(towns, capsys):
    for town in towns:
        for _ in range(12):
            initiative_in(town)
    call_command("load_demo_surveys", "--count", "20")
    assert "20 responses created" in capsys.readouterr().out
    survey = demo.load()["survey"]
    assert survey.has_closed() and not survey.is_open()
    assert Response.objects.filter(survey=survey, status="submitted").count() == 20
    # Bochum first: all 12 of its initiatives answered.
    assert Response.objects.filter(survey=survey, municipality=towns[0]).count() == 12
    call_command("load_demo_surveys")
    assert Response.objects.filter(survey=survey).count() == 20
    talk = next(r for r in results.question_results(survey) if r.question.key == "regional_talk")
    assert talk.answered == 20 and sum(c.count for c in talk.cells) == 20


def test_demo_needs_initiatives(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_demo_surveys")
