"""The permission registry (core.permissions): every name used exists, one way to refuse,
no superuser shortcut, and the header shows exactly what the pages allow."""

import re
from pathlib import Path

import pytest
import rules
from django.test import Client

from mitmachkarte.core.permissions import has_perm, require_perm
from mitmachkarte.organisations.models import OrganisationType
from tests.factories import MembershipFactory, MunicipalityFactory, OrganisationFactory, UserFactory

SRC = Path(__file__).resolve().parents[2] / "src" / "mitmachkarte"
# has_perm(user, "a.b", …), require_perm(…), @permission_required("a.b"), {% has_perm "a.b" … %}
USES = re.compile(
    r"""(?<![.\w])(?:has_perm|require_perm)\([^()"']*["']([a-z_]+\.[a-z_]+)["']"""
    r"""|permission_required\(\s*["']([a-z_]+\.[a-z_]+)["']"""
    r"""|{%\s*has_perm\s+["']([a-z_]+\.[a-z_]+)["']"""
    r"""|^[A-Z_]+ = ["']([a-z_]+\.[a-z_]+)["']""",
    re.MULTILINE,
)


def _used_names() -> set[str]:
    names = set()
    for path in [*SRC.rglob("*.py"), *SRC.rglob("*.html")]:
        if path.name == "settings.py":
            continue  # dotted setting values
        for match in USES.finditer(path.read_text(encoding="utf-8")):
            names.add(next(group for group in match.groups() if group))
    return names - {"app.action"}  # the docstrings' example


def test_every_permission_asked_for_is_registered():
    used = _used_names()
    assert len(used) >= 15  # the scan finds the checks (views, services, templates)
    assert {n for n in used if not rules.perm_exists(n)} == set()


def test_an_unknown_name_is_an_error_not_a_refusal():
    with pytest.raises(KeyError):
        has_perm(None, "moderation.open_queu")


@pytest.mark.django_db
def test_a_superuser_is_no_role_of_the_platform(django_user_model, client):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    assert not has_perm(admin, "moderation.open_queue")
    client.force_login(admin)
    response = client.get("/moderation/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "Moderation" not in text.split("<main", 1)[0]  # no header link either
    assert "Es wurde nichts geändert." in text  # the one refusal page says so


@pytest.mark.django_db
def test_require_perm_says_why(reference_data):
    from django.core.exceptions import PermissionDenied
    from django.utils import translation

    with translation.override("en"), pytest.raises(PermissionDenied, match="team curates tags"):
        require_perm(UserFactory(), "moderation.curate_tags")


@pytest.mark.parametrize(
    "who, links",
    [
        ("plain", set()),
        ("municipal", {"/moderation/", "/befragungen/verwalten/"}),
        ("municipal_without_town", set()),
    ],
)
def test_the_header_links_exactly_the_pages_one_may_open(db, reference_data, who, links):
    if who == "plain":
        user = UserFactory()
    else:
        town = MunicipalityFactory() if who == "municipal" else None
        organisation = OrganisationFactory(type=OrganisationType.MUNICIPALITY, municipality=town)
        user = MembershipFactory(organisation=organisation).user
    client = Client()
    client.force_login(user)
    header = client.get("/").content.decode().split("</header>", 1)[0]
    for url in ("/moderation/", "/befragungen/verwalten/"):
        allowed = client.get(url).status_code == 200
        assert (f'href="{url}"' in header) == allowed == (url in links), url
