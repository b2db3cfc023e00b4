"""The moderation pages over HTTP: scope, 403 outside it, CSRF, reports, inert HTML."""

import pytest
from django.test import Client
from django.urls import reverse

from mitmachkarte.initiatives.models import Initiative, Status
from mitmachkarte.moderation import services
from mitmachkarte.moderation.models import Decision, ProblemReport, ReportStatus

from .conftest import B, propose

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def test_anonymous_is_sent_to_login(client, world, pending_a):
    assert client.get("/moderation/").status_code == 302
    response = client.post(reverse("moderation:decide", args=[pending_a.pk]), {"action": "approve"})
    assert response.status_code == 302 and "/konto/" in response["Location"]
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.PENDING


@pytest.mark.parametrize("role", ["editor_a", "advice", "plain"])
def test_non_moderators_get_403(client, world, role):
    assert login(client, world["users"][role]).get("/moderation/").status_code == 403


def test_queue_is_scoped_to_the_municipality(client, world, pending_a):
    in_b = propose(name="Tauschregal B", latitude=B[0], longitude=B[1]).initiative
    page_a = login(client, world["users"]["municipal_a"]).get("/moderation/").content.decode()
    assert pending_a.name in page_a and in_b.name not in page_a
    page_net = login(Client(), world["users"]["network"]).get("/moderation/").content.decode()
    assert pending_a.name in page_net and in_b.name in page_net
    assert "paula@example.org" not in page_net  # the proposer's address stays out of the page


def test_moderator_outside_the_municipality_gets_403(client, world, pending_a, mailoutbox):
    login(client, world["users"]["municipal_b"])
    for action in ("approve", "reject", "changes"):
        response = client.post(
            reverse("moderation:decide", args=[pending_a.pk]), {"action": action, "reason": "x"}
        )
        assert response.status_code == 403
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.PENDING
    assert not Decision.objects.exists() and not mailoutbox


def test_approve_through_the_queue(client, world, pending_a):
    login(client, world["users"]["municipal_a"])
    response = client.post(
        reverse("moderation:decide", args=[pending_a.pk]),
        {"action": "approve", "reason": ""},
        follow=True,
    )
    assert response.status_code == 200
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.PUBLISHED
    assert f"„{pending_a.name}“ ist veröffentlicht." in response.content.decode()


def test_reject_without_reason_is_a_message_not_a_change(client, world, pending_a):
    login(client, world["users"]["network"])
    response = client.post(
        reverse("moderation:decide", args=[pending_a.pk]),
        {"action": "reject", "reason": ""},
        follow=True,
    )
    assert response.status_code == 200 and 'class="message-error"' in response.content.decode()
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.PENDING


def test_get_and_missing_csrf_change_nothing(world, pending_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["network"])
    url = reverse("moderation:decide", args=[pending_a.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"action": "approve"}).status_code == 403
    assert Initiative.objects.get(pk=pending_a.pk).status == Status.PENDING


def test_html_in_a_proposal_is_inert_in_the_queue(client, world):
    propose(
        name="<img src=x onerror=alert(1)>",
        description="<script>alert(2)</script> *ok*",
        latitude=51.01,
    )
    page = login(client, world["users"]["network"]).get("/moderation/").content.decode()
    assert "<script>alert(2)" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<em>ok</em>" in page


def test_report_a_problem_and_resolve_it(client, world, monkeypatch):
    entry = world["published_a"]
    detail = client.get(entry.get_absolute_url()).content.decode()
    report_url = reverse("moderation:report", args=[entry.slug])
    assert report_url in detail
    response = client.post(
        report_url,
        {"kind": "wrong_data", "message": "Neue Adresse.", "reporter_email": "", "homepage": ""},
    )
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    page = login(client, world["users"]["municipal_a"]).get("/moderation/").content.decode()
    assert "Neue Adresse." in page
    other = login(Client(), world["users"]["municipal_b"])
    assert "Neue Adresse." not in other.get("/moderation/").content.decode()
    assert (
        other.post(
            reverse("moderation:decide_report", args=[report.pk]),
            {"action": "archive", "note": "weg"},
        ).status_code
        == 403
    )
    assert Initiative.objects.get(pk=entry.pk).status == Status.PUBLISHED
    client.post(
        reverse("moderation:decide_report", args=[report.pk]),
        {"action": "resolve", "note": "Korrigiert."},
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.RESOLVED and report.resolution_note == "Korrigiert."


def test_report_honeypot_rate_limit_and_unpublished(client, world, pending_a, set_rate):
    entry = world["published_a"]
    url = reverse("moderation:report", args=[entry.slug])
    bot = client.post(url, {"kind": "other", "homepage": "http://spam.example"})
    assert bot.status_code == 200 and not ProblemReport.objects.exists()
    set_rate("report.ip", "1/h")  # the bot's attempt did not count
    assert client.post(url, {"kind": "other"}).status_code == 302
    assert client.post(url, {"kind": "other"}).status_code == 429
    assert ProblemReport.objects.count() == 1
    assert client.get(reverse("moderation:report", args=[pending_a.slug])).status_code == 404


def test_archive_through_the_queue_takes_it_off_the_map(client, world):
    entry = world["published_a"]
    report = services.report_problem(initiative=entry, kind="closed")
    login(client, world["users"]["network"])
    client.post(
        reverse("moderation:decide_report", args=[report.pk]),
        {"action": "archive", "note": "Gibt es nicht mehr."},
    )
    assert Initiative.objects.get(pk=entry.pk).status == Status.ARCHIVED
    assert client.get(entry.get_absolute_url()).status_code == 404


def test_reports_are_limited_per_entry_across_clients(world, set_rate):
    from django.test import Client

    set_rate("report.entry", "2/d")
    url = reverse("moderation:report", args=[world["published_a"].slug])
    statuses = [
        Client(REMOTE_ADDR=f"198.51.100.{n}")
        .post(url, {"kind": "other", "message": f"Meldung {n}"})
        .status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert ProblemReport.objects.count() == 2
