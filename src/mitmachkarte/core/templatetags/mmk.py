import re
from pathlib import Path

from django import template
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from mitmachkarte.core.jsonld import json_ld_script
from mitmachkarte.core.markdown import render_markdown

register = template.Library()

# The inline sprite that base.html and the embed include: one small SVG, no icon font, no
# emoji glyphs (boxes where no colour-emoji font is installed).
SPRITE = Path(__file__).resolve().parent.parent / "templates" / "core" / "_icons.svg"
ICONS = frozenset(re.findall(r'<symbol id="icon-([a-z0-9-]+)"', SPRITE.read_text()))
FALLBACK_ICON = "category"


@register.simple_tag
def icon(name: str, css_class: str = ""):
    """`{% icon "search" %}`: a decorative icon of the sprite (hidden from screen readers);
    a category slug without its own symbol gets the neutral one."""
    name = name if name in ICONS else FALLBACK_ICON
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="#icon-{}"></use></svg>',
        classes,
        name,
    )


@register.filter
def markdown(text):
    return render_markdown(text)


@register.simple_tag
def json_ld(data):
    """`{% json_ld data %}`: a safe `<script type="application/ld+json">` element."""
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes them)."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def distance(metres):
    """A distance for people: "350 m", "1.2 km" ("1,2 km" in German), "12 km"."""
    if metres is None or metres == "":
        return ""
    metres = float(metres)
    if metres < 1000:
        return _("%(n)s m") % {"n": number_format(max(10, round(metres, -1)), 0)}
    decimals = 1 if metres < 10_000 else 0
    return _("%(n)s km") % {"n": number_format(round(metres / 1000, decimals), decimals)}
