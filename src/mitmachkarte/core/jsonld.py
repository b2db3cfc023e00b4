"""JSON-LD for a page's `<script type="application/ld+json">` element.

Inside a script element the HTML parser ends the element at `</script` and treats `<!--` as
the start of an escaped text state, so an approved name like `<!--<script>` would swallow the
rest of the page. As Django's `json_script` does, `<`, `>` and `&` are written as JSON
escapes (`\\u003C`…): the data stays the same for every JSON parser, the HTML parser sees no
markup.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_safe_json(data) -> str:
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def json_ld_script(data) -> SafeString:
    """The whole script element for `data` (a dict with @context and @type)."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(script_safe_json(data)),  # noqa: S308 -- escaped for a script element above
    )
