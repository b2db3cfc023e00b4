"""Invitations by region or municipality, mails by background task, reminders, and the
issue's "done when": copy the template, invite a region, see the room wish per municipality."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mitmachkarte.organisations.models import Organisation
from mitmachkarte.surveys import invitations, services
from mitmachkarte.surveys.models import Invitation, Response, Survey
from mitmachkarte.surveys.selectors import support_wishes
from tests.factories import MembershipFactory

from .conftest import MINIMAL, answer, initiative_in

pytestmark = pytest.mark.django_db


def test_inviting_a_region_creates_organisations_once(survey, towns):
    bochum_ini = [initiative_in(towns[0]) for _ in range(3)]
    initiative_in(towns[1])
    created = invitations.invite_initiatives(survey=survey, regions=["059"])
    assert len(created) == 3
    assert {i.organisation.initiative for i in created} == set(bochum_ini)
    assert invitations.invite_initiatives(survey=survey, regions=["059"]) == []
    both = invitations.invite_initiatives(survey=survey, municipalities=[towns[1]], regions=["059"])
    assert len(both) == 1 and Invitation.objects.count() == 4
    assert Organisation.objects.filter(type="initiative").count() == 4


def test_mails_go_to_members_or_the_initiative_contact(survey, towns):
    with_member, without = initiative_in(towns[0]), initiative_in(towns[0])
    organisation = invitations.organisation_for(with_member)
    member = MembershipFactory(organisation=organisation).user
    invitations.invite_initiatives(survey=survey, municipalities=[towns[0]])
    assert invitations.send_invitations(survey=survey) == 2
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([member.email, without.contact_email])
    assert invitations.send_invitations(survey=survey) == 0  # each invitation once
    body = mail.outbox[0].body
    assert "Befragung 2026" in body and "?t=" in body


def test_reminders_only_for_those_who_have_not_answered(survey, towns):
    for _ in range(2):
        initiative_in(towns[0])
    first, second = invitations.invite_initiatives(survey=survey, regions=["059"])
    invitations.send_invitations(survey=survey)
    answer(survey, MINIMAL, invitation=first)
    mail.outbox.clear()
    assert invitations.send_reminders(survey=survey) == 1
    assert mail.outbox[0].to == [second.organisation.initiative.contact_email]
    assert "Erinnerung" in mail.outbox[0].subject
    services.update_survey(
        survey=survey,
        closes_at=timezone.now() - timedelta(seconds=1),
        opens_at=timezone.now() - timedelta(days=3),
    )
    assert invitations.send_reminders(survey=survey) == 0


def test_support_wishes_returns_the_stable_keys(survey, towns):
    response = answer(
        survey,
        {
            **MINIMAL,
            "support_wanted": {"keys": ["funding", "room", "__other__"], "other": "Lagerraum"},
        },
    )
    assert support_wishes(response) == ["room", "funding"]
    assert support_wishes(answer(survey, MINIMAL)) == []


def test_done_when_copy_invite_a_region_and_see_rooms_per_municipality(client, towns, network_user):
    bochum, koeln = towns
    for _ in range(6):
        initiative_in(bochum)
    for _ in range(5):
        initiative_in(koeln)
    client.force_login(network_user)
    template = services.install_template()
    client.post(reverse("surveys:copy", args=[template.slug]), {"title_de": "Befragung NRW"})
    survey = Survey.objects.get(title_de="Befragung NRW")
    now = timezone.localtime()
    fmt = "%Y-%m-%dT%H:%M"
    r = client.post(
        reverse("surveys:edit", args=[survey.slug]),
        {
            "title_de": "Befragung NRW",
            "opens_at": (now - timedelta(hours=1)).strftime(fmt),
            "closes_at": (now + timedelta(days=7)).strftime(fmt),
        },
    )
    assert r.status_code == 302
    r = client.post(reverse("surveys:invite", args=[survey.slug]), {"regions": ["059", "053"]})
    assert r.status_code == 302
    assert len(mail.outbox) == 11  # sent by the background task (immediate in tests)
    links = [re.search(r"https?://\S+\?t=\S+", m.body).group(0) for m in mail.outbox]
    client.logout()
    for number, link in enumerate(links):
        path = link.split("://", 1)[1].split("/", 1)[1]
        respondent = type(client)()
        page = respondent.get("/" + path)
        assert page.status_code == 200
        token = path.split("?t=")[1]
        ids = {q.key: q.pk for q in survey.questions.all()}
        wants_room = number % 3 != 0
        for page_no, data in (
            (1, {f"q{ids['has_contact']}": "no"}),
            (2, {f"q{ids['support_wanted']}": ["room", "permit"] if wants_room else ["funding"]}),
            (3, {f"q{ids['regional_talk']}": "yes"}),
        ):
            r = respondent.post(
                reverse("surveys:answer", args=[survey.slug]),
                {"t": token, "page": page_no, "action": "next", **data},
            )
            assert r.status_code == 302, r.content.decode()[:2000]
        assert respondent.post(r.url).status_code == 302
    assert Response.objects.filter(survey=survey, status="submitted").count() == 11
    client.force_login(network_user)
    page = client.get(
        reverse("surveys:results", args=[survey.slug])
        + "?question=support_wanted&dimension=municipality&choice=room"
    )
    html = page.content.decode()
    chart = html.split('id="breakdown-chart"')[1].split("</ul>")[0]
    expected = {}
    for response in Response.objects.filter(survey=survey).select_related("municipality"):
        room = "room" in support_wishes(response)
        name = response.municipality.name
        expected.setdefault(name, []).append(room)
    for name, wishes in expected.items():
        percent = round(100 * sum(wishes) / len(wishes))
        assert re.search(rf"{name}.*?n={len(wishes)}.*?{percent} %", chart, re.S), chart


def test_automatic_reminder_once_in_the_last_week(survey, towns, capsys):
    from django.core.management import call_command

    for _ in range(2):
        initiative_in(towns[0])
    first, second = invitations.invite_initiatives(survey=survey, regions=["059"])
    invitations.send_invitations(survey=survey)
    answer(survey, MINIMAL, invitation=first)
    mail.outbox.clear()
    now = timezone.now()
    services.update_survey(
        survey=survey, opens_at=now - timedelta(days=3), closes_at=now + timedelta(days=20)
    )
    call_command("send_survey_reminders")  # closes in 20 days: too early
    assert "0 sent" in capsys.readouterr().out and mail.outbox == []
    services.update_survey(
        survey=survey, opens_at=now - timedelta(days=3), closes_at=now + timedelta(days=5)
    )
    call_command("send_survey_reminders")
    assert "1 sent" in capsys.readouterr().out
    assert [m.to for m in mail.outbox] == [[second.organisation.initiative.contact_email]]
    call_command("send_survey_reminders")  # the next day: nothing twice
    assert "0 sent" in capsys.readouterr().out and len(mail.outbox) == 1
