"""Template helpers of entries: the opening state of OpenStreetMap opening hours."""

from django import template

from .. import opening_hours
from ..form_fields import OPENING_HOURS_EXAMPLES

register = template.Library()


@register.simple_tag
def opening_state(value: str):
    """Open now or when it opens next, in Europe/Berlin; None for empty or invalid rules."""
    return opening_hours.state_at(value)


@register.inclusion_tag("initiatives/_opening_hours_examples.html")
def opening_hours_examples():
    return {"OPENING_HOURS_EXAMPLES": OPENING_HOURS_EXAMPLES}
