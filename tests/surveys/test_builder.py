"""The builder: template copy, questions and their rules, frozen structure, permissions."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mitmachkarte.surveys import services, structure, template_spec
from mitmachkarte.surveys.models import Question, Survey
from tests.factories import SurveyFactory

from .conftest import MINIMAL, answer

pytestmark = pytest.mark.django_db


def test_the_template_ships_with_the_migration_and_copies_completely():
    template = Survey.objects.get(slug=template_spec.TEMPLATE_SLUG)
    assert template.is_template
    copy = services.copy_survey(survey=template, title_de="Befragung Kreis Recklinghausen")
    assert not copy.is_template and copy.opens_at is None
    assert copy.slug == "befragung-kreis-recklinghausen"
    keys = list(
        copy.questions.order_by("section__position", "position").values_list("key", flat=True)
    )
    assert keys == list(
        template.questions.order_by("section__position", "position").values_list("key", flat=True)
    )
    support = copy.questions.get(key="support_wanted")
    assert list(support.choices.values_list("key", flat=True)) == template_spec.SUPPORT_KEYS
    quality = copy.questions.get(key="contact_quality")
    # The condition points into the copy, not into the template.
    assert quality.condition_question.survey == copy
    assert quality.condition_values == ["yes"]
    assert quality.low_label_de == "sehr schlecht" and quality.high_label_en == "very good"


def test_a_condition_on_a_later_question_is_refused(survey, q):
    section = q["has_contact"].section
    with pytest.raises(ValidationError, match="frühere Frage"):
        structure.save_question(
            section=section,
            question=q["has_contact"],
            key="has_contact",
            type="yes_no",
            text_de="Habt ihr Kontakt?",
            condition_question=q["regional_talk"],
            condition_values=["yes"],
        )
    q["has_contact"].refresh_from_db()
    assert q["has_contact"].condition_question is None


def test_condition_values_must_be_answers_of_the_condition(survey, q):
    with pytest.raises(ValidationError, match="möglich: no, yes"):
        structure.save_question(
            section=q["comment"].section,
            question=q["comment"],
            key="comment",
            type="short_text",
            text_de="Noch etwas?",
            condition_question=q["has_contact"],
            condition_values=["ja"],
        )


def test_choice_lines_and_number_ranges_are_checked(survey, q):
    section = q["comment"].section
    with pytest.raises(ValidationError, match="kommt zweimal vor"):
        structure.save_question(
            section=section, key="new", type="single", text_de="Frage", choices_text="a | A\na | B"
        )
    with pytest.raises(ValidationError, match="mindestens zwei"):
        structure.save_question(
            section=section, key="new", type="multiple", text_de="Frage", choices_text="a | A"
        )
    with pytest.raises(ValidationError, match="Maximum"):
        structure.save_question(
            section=section, key="new", type="number", text_de="Frage", min_value=10, max_value=1
        )
    with pytest.raises(ValidationError, match="andere Frage"):
        structure.save_question(section=section, key="comment", type="short_text", text_de="Frage")
    question = structure.save_question(
        section=section,
        key="budget",
        type="single",
        text_de="Budget?",
        text_en="Budget?",
        choices_text="none | keins | none\nsmall | klein",
        allow_other=True,
    )
    assert [(c.key, c.label_de, c.label_en) for c in question.choices.all()] == [
        ("none", "keins", "none"),
        ("small", "klein", ""),
    ]


def test_moving_a_question_above_its_condition_is_refused(survey, q):
    with pytest.raises(ValidationError, match="frühere Frage"):
        structure.move_question(question=q["contact_quality"], offset=-1)
    assert list(q["has_contact"].section.questions.values_list("key", flat=True))[:2] == [
        "has_contact",
        "contact_quality",
    ]


def test_structure_is_frozen_once_there_are_responses(survey, q):
    answer(survey, MINIMAL)
    with pytest.raises(ValidationError, match="hat schon Antworten"):
        structure.delete_question(question=q["comment"])
    with pytest.raises(ValidationError):
        services.update_survey(survey=survey, anonymous=True)
    services.update_survey(survey=survey, title_en="Survey 2026")  # texts stay editable
    assert Question.objects.filter(pk=q["comment"].pk).exists()


def test_builder_pages_are_for_the_network_team(client, survey, network_user, municipal_user):
    manage = reverse("surveys:manage")
    assert client.get(manage).status_code == 302  # to the login
    client.force_login(municipal_user)
    territory = client.get(manage)  # municipal members get the links to their results
    assert territory.status_code == 200
    assert reverse("surveys:municipality", args=["bochum"]) in territory.content.decode()
    assert client.get(reverse("surveys:edit", args=[survey.slug])).status_code == 403
    assert client.post(reverse("surveys:copy", args=[survey.slug])).status_code == 403
    client.force_login(network_user)
    page = client.get(manage)
    assert page.status_code == 200
    assert "Befragung der Initiativen" in page.content.decode()


def test_copy_add_edit_and_preview_through_the_pages(client, network_user):
    client.force_login(network_user)
    template = services.install_template()
    response = client.post(
        reverse("surveys:copy", args=[template.slug]),
        {"title_de": "Befragung Regierungsbezirk Arnsberg"},
    )
    survey = Survey.objects.get(title_de="Befragung Regierungsbezirk Arnsberg")
    assert response.url == reverse("surveys:edit", args=[survey.slug])
    section = survey.sections.last()
    url = reverse("surveys:question_add", args=[survey.slug, section.pk])
    bad = client.post(
        url,
        {
            "key": "rooms_size",
            "type": "number",
            "text_de": "Wie groß?",
            "min_value": "100",
            "max_value": "5",
        },
    )
    assert bad.status_code == 400
    assert "Das Maximum darf nicht unter dem Minimum liegen." in bad.content.decode()
    later = survey.questions.get(key="comment")
    first = survey.questions.get(key="has_contact")
    bad = client.post(
        reverse("surveys:question_edit", args=[survey.slug, first.section_id, first.pk]),
        {
            "key": "has_contact",
            "type": "yes_no",
            "text_de": "Kontakt?",
            "condition_question": later.pk,
            "condition_values": "x",
        },
    )
    assert bad.status_code == 400
    good = client.post(
        url,
        {
            "key": "room_size",
            "type": "number",
            "text_de": "Wie groß?",
            "text_en": "How big?",
            "min_value": "5",
            "max_value": "100",
            "condition_question": survey.questions.get(key="working_group").pk,
            "condition_values": "yes",
        },
    )
    assert good.status_code == 302
    added = survey.questions.get(key="room_size")
    assert added.condition_values == ["yes"] and added.max_value == 100
    client.post(
        reverse("surveys:edit", args=[survey.slug]),
        {"title_de": survey.title_de, "title_en": "Survey English"},
    )
    preview = client.get(reverse("surveys:preview", args=[survey.slug]))
    assert preview.status_code == 200
    assert "Wie groß?" in preview.content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(reverse("surveys:preview", args=[survey.slug])).content.decode()
    assert "How big?" in english and "Survey English" in english


def test_dates_must_be_in_order(network_user):
    survey = SurveyFactory()
    with pytest.raises(ValidationError, match="Ende muss nach dem Beginn"):
        services.update_survey(survey=survey, closes_at=survey.opens_at)
