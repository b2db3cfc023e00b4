"""Event snippets other apps' pages include (the initiative detail page), so that those
apps read events through this app only."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("events/_initiative_upcoming.html")
def initiative_upcoming_events(initiative, limit: int = 5):
    return {"dates": selectors.upcoming_for_initiative(initiative.pk, limit=limit)}
