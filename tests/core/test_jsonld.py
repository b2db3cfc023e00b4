"""JSON-LD in a page: markup in user text never leaves the script element."""

import json
import re

import pytest
from django.template import Context, Template

from mitmachkarte.core.jsonld import json_ld_script

NASTY = ["<!--<script>", "</script><script>alert(1)</script>", "]]>", "a & b", "</SCRIPT >"]


@pytest.mark.parametrize("name", NASTY)
def test_the_script_element_holds_no_markup_and_the_same_data(name):
    html = json_ld_script({"@type": "Event", "name": name, "nested": [{"x": name}]})
    inner = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)[1]
    assert not set(inner) & {"<", ">", "&"}
    assert json.loads(inner) == {"@type": "Event", "name": name, "nested": [{"x": name}]}


def test_template_tag():
    html = Template("{% load mmk %}{% json_ld data %}").render(
        Context({"data": {"name": "Café <!--"}})
    )
    assert html == ('<script type="application/ld+json">{"name": "Café \\u003C!--"}</script>')


def test_every_json_ld_block_of_the_templates_uses_the_tag():
    from django.conf import settings

    templates = list(settings.PACKAGE_DIR.rglob("templates/**/*.html"))
    assert templates
    raw = [str(p) for p in templates if '<script type="application/ld+json"' in p.read_text()]
    assert raw == []
