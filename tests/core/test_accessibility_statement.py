"""/barrierefreiheit/ (BITV 2.0 § 12b): the statement names the enforcement body the
operator configured and carries the feedback form (that it reaches the operator is shown in
tests/browser/test_accessibility.py)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_statement_names_the_configured_enforcement_body(settings):
    settings.ACCESSIBILITY_ENFORCEMENT_BODY = "Ombudsstelle für barrierefreie IT des Landes NRW"
    settings.ACCESSIBILITY_ENFORCEMENT_URL = "https://ombudsstelle.example/"
    html = Client().get("/barrierefreiheit/").content.decode()
    assert "Ombudsstelle für barrierefreie IT des Landes NRW" in html
    assert 'href="https://ombudsstelle.example/"' in html
    assert 'name="message"' in html and 'method="post"' in html.lower()


def test_feedback_without_a_message_is_refused(mailoutbox):
    response = Client().post("/barrierefreiheit/", {"message": "", "email": ""})
    assert response.status_code == 200
    assert 'name="message"' in response.content.decode() and mailoutbox == []
