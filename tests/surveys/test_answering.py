"""Answering: pages, drafts, validation with stored answers kept, conditions, closing date,
personal links (one response per organisation, tampering, expiry), anonymous mode."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mitmachkarte.surveys import answering, services, tokens
from mitmachkarte.surveys.models import Response, ResponseStatus
from mitmachkarte.surveys.selectors import support_wishes

from .conftest import MINIMAL, answer, invited

pytestmark = pytest.mark.django_db


def url(survey, token="", **params):
    query = "&".join(f"{k}={v}" for k, v in ({"t": token} if token else {}).items())
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    joined = "&".join(p for p in (query, extra) if p)
    return reverse("surveys:answer", args=[survey.slug]) + (f"?{joined}" if joined else "")


def post_page(client, survey, page, data, token="", action="next"):
    body = {"page": page, "action": action, **data}
    if token:
        body["t"] = token
    return client.post(reverse("surveys:answer", args=[survey.slug]), body)


def test_open_link_answer_page_by_page_then_thanks_with_summary(client, survey, q):
    first = client.get(url(survey))
    assert first.status_code == 200
    assert "Habt ihr Kontakt zu eurer Kommune?" in first.content.decode()
    r = post_page(
        client,
        survey,
        1,
        {
            f"q{q['has_contact'].pk}": "yes",
            f"q{q['contact_quality'].pk}": "4",
            f"q{q['contact_through'].pk}": ["advice_centre", "__other__"],
            f"q{q['contact_through'].pk}_other": "Quartiersbüro",
        },
    )
    assert r.status_code == 302 and r.url.endswith("seite=2")
    r = post_page(client, survey, 2, {f"q{q['support_wanted'].pk}": ["room", "funding"]})
    assert r.status_code == 302
    r = post_page(
        client, survey, 3, {f"q{q['regional_talk'].pk}": "yes", f"q{q['members'].pk}": "12"}
    )
    assert r.status_code == 302 and "pruefen" in r.url
    review = client.get(r.url)
    assert "Quartiersbüro" in review.content.decode()
    done = client.post(r.url)
    assert done.status_code == 302
    thanks = client.get(done.url).content.decode()
    assert "Danke!" in thanks and "Raumsuche, Finanzielle Förderung" in thanks
    response = Response.objects.get(survey=survey)
    assert response.status == ResponseStatus.SUBMITTED
    assert support_wishes(response) == ["room", "funding"]


def test_errors_keep_stored_answers_and_save_the_valid_ones(client, survey, q):
    post_page(
        client, survey, 3, {f"q{q['regional_talk'].pk}": "maybe", f"q{q['members'].pk}": "12"}
    )
    response = Response.objects.get(survey=survey)
    bad = post_page(
        client,
        survey,
        3,
        {
            f"q{q['regional_talk'].pk}": "perhaps",
            f"q{q['members'].pk}": "100000",
            f"q{q['comment'].pk}": "Hallo",
        },
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "„perhaps“ ist keine der angebotenen Antworten." in html
    assert "Bitte gib eine Zahl von 1 bis 10000 ein." in html
    keys = {a.question.key: a for a in response.answers.all()}
    assert list(keys["regional_talk"].choices.values_list("key", flat=True)) == ["maybe"]
    assert keys["members"].number == 12
    assert keys["comment"].text == "Hallo"  # the valid answer of the same page is saved


def test_a_skipped_required_question_is_named_and_submit_refuses(client, survey, q):
    r = post_page(client, survey, 1, {})
    assert r.status_code == 400
    assert "Bitte beantworte diese Frage." in r.content.decode()
    # "Save and continue later" skips the required check.
    assert post_page(client, survey, 1, {}, action="save").status_code == 302
    review = client.post(reverse("surveys:review", args=[survey.slug]))
    assert review.status_code == 400
    assert "Habt ihr Kontakt zu eurer Kommune?" in review.content.decode()
    assert not Response.objects.filter(status=ResponseStatus.SUBMITTED).exists()


def test_a_hidden_question_is_not_required_and_its_answer_is_dropped(survey, q):
    response = answer(
        survey,
        {
            "has_contact": {"keys": ["yes"]},
            "contact_quality": {"value": "5"},
            "regional_talk": {"keys": ["no"]},
        },
        submit=False,
    )
    assert response.answers.filter(question=q["contact_quality"]).exists()
    section = q["has_contact"].section
    errors = answering.save_section(
        response=response,
        section=section,
        raw={
            q["has_contact"].pk: answering.RawAnswer(keys=["no"]),
            q["contact_quality"].pk: answering.RawAnswer(value="5"),
        },
    )
    assert errors == {}
    assert not response.answers.filter(question=q["contact_quality"]).exists()
    answering.submit(response=response)
    # Shown again by "yes", the required scale must be answered.
    errors = answering.save_section(
        response=response,
        section=section,
        raw={q["has_contact"].pk: answering.RawAnswer(keys=["yes"])},
    )
    assert errors == {q["contact_quality"].pk: "Bitte beantworte diese Frage."}


def test_other_is_refused_where_not_offered_and_needs_its_text(survey, q):
    response = answering.start_response(survey=survey)
    section = q["regional_talk"].section
    errors = answering.save_section(
        response=response,
        section=section,
        raw={q["regional_talk"].pk: answering.RawAnswer(keys=["__other__"], other="x")},
    )
    assert "nicht angeboten" in errors[q["regional_talk"].pk]
    errors = answering.save_section(
        response=response,
        section=q["support_wanted"].section,
        raw={q["support_wanted"].pk: answering.RawAnswer(keys=["__other__"])},
    )
    assert "sonstiges" in errors[q["support_wanted"].pk]


def test_answers_after_the_closing_date_are_refused_and_kept(client, survey, q):
    post_page(client, survey, 3, {f"q{q['regional_talk'].pk}": "yes"})
    services.update_survey(
        survey=survey,
        opens_at=timezone.now() - timedelta(days=9),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    late = post_page(client, survey, 3, {f"q{q['regional_talk'].pk}": "no"})
    assert late.status_code == 403
    assert "Diese Befragung ist am" in late.content.decode()
    answer_ = Response.objects.get().answers.get()
    assert list(answer_.choices.values_list("key", flat=True)) == ["yes"]


def test_invitation_only_survey_refuses_the_open_link(client, survey):
    services.update_survey(survey=survey, open_link=False)
    page = client.get(url(survey))
    assert page.status_code == 403
    assert "nur mit Einladung" in page.content.decode()


def test_one_response_per_organisation_editable_from_any_browser(client, survey, towns, q):
    invitation = invited(survey, towns[0])
    token = tokens.make_token(invitation)
    assert client.get(url(survey, token)).status_code == 200
    post_page(client, survey, 3, {f"q{q['regional_talk'].pk}": "yes"}, token=token)
    client.logout()
    other_browser = client_class = type(client)()
    assert other_browser.get(url(survey, token)).status_code == 200
    post_page(other_browser, survey, 3, {f"q{q['regional_talk'].pk}": "no"}, token=token)
    assert Response.objects.count() == 1
    response = Response.objects.get()
    assert response.organisation == invitation.organisation
    assert response.municipality == towns[0] and response.region == "059"
    assert client_class is not None


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature
        lambda t: "x" + t,  # payload
        lambda t: "",
        lambda t: "not-a-token",
    ],
)
def test_a_tampered_token_gets_a_clear_error_and_changes_nothing(client, survey, towns, change):
    invitation = invited(survey, towns[0])
    token = change(tokens.make_token(invitation))
    page = client.get(url(survey, token) if token else url(survey) + "?t=")
    if token:
        assert page.status_code == 400
        assert "Dieser Einladungslink ist ungültig." in page.content.decode()
        assert not Response.objects.filter(invitation=invitation).exists()


def test_a_token_of_another_survey_or_a_renewed_invitation_is_refused(client, survey, towns):
    invitation = invited(survey, towns[0])
    other = services.copy_survey(survey=survey, title_de="Andere")
    services.update_survey(survey=other, opens_at=survey.opens_at, closes_at=survey.closes_at)
    token = tokens.make_token(invitation)
    assert client.get(url(other, token)).status_code == 400
    invitation.nonce = "renewed-nonce-renewed-nonce"
    invitation.save()
    assert client.get(url(survey, token)).status_code == 400


def test_an_expired_token_says_so(client, survey, towns, monkeypatch):
    token = tokens.make_token(invited(survey, towns[0]))
    monkeypatch.setattr(tokens, "MAX_AGE", timedelta(seconds=-1))
    page = client.get(url(survey, token))
    assert page.status_code == 400
    assert "abgelaufen" in page.content.decode()
    with pytest.raises(tokens.TokenError) as exc:
        tokens.read_token(token)
    assert exc.value.expired


def test_anonymous_response_keeps_no_organisation_and_the_link_works_once(survey, towns):
    services.update_survey(survey=survey, anonymous=True)
    invitation = invited(survey, towns[0])
    response = answer(survey, MINIMAL, invitation=invitation)
    assert response.organisation_id is None and response.invitation_id is None
    assert response.municipality_id is None and response.category_id is None
    assert response.region == "059"
    assert response.submitted_at.hour == 12 and response.submitted_at.minute == 0
    invitation.refresh_from_db()
    assert invitation.responded and invitation.sent_at is None
    with pytest.raises(ValidationError, match="schon anonym geantwortet"):
        answering.start_response(survey=survey, invitation=invitation)
    # The same browser (its secret) may still change the answer until the closing date.
    again = answering.start_response(survey=survey, invitation=invitation, secret=response.secret)
    assert again == response


def test_a_template_cannot_be_answered(client):
    template = services.install_template()
    assert client.get(url(template)).status_code == 404
    with pytest.raises(ValidationError):
        answering.ensure_open(template)


def test_looking_at_the_first_page_stores_nothing(client, survey, towns):
    assert client.get(url(survey)).status_code == 200
    token = tokens.make_token(invited(survey, towns[0]))
    assert client.get(url(survey, token)).status_code == 200
    assert client.get(reverse("surveys:review", args=[survey.slug])).status_code == 302
    assert not Response.objects.exists()
