"""Support snippets other apps' pages include (the initiative detail page), so that those
apps read needs through this app only."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("support/_initiative_needs.html")
def initiative_open_needs(initiative, limit: int = 5):
    return {"needs": selectors.open_needs_of_initiative(initiative.pk, limit=limit)}
