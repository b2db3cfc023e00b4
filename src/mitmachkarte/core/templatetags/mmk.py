from django import template
from django.http import QueryDict

from mitmachkarte.core.jsonld import json_ld_script
from mitmachkarte.core.markdown import render_markdown

register = template.Library()


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
