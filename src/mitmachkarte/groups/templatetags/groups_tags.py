from django import template

from mitmachkarte.groups import selectors
from mitmachkarte.groups.rules import belongs_to

register = template.Library()


@register.filter
def person(user) -> str:
    """A person's name for pages: never an e-mail address (a user name may be one)."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username().split("@")[0]


@register.inclusion_tag("groups/_cooperation_suggestions.html", takes_context=True)
def cooperation_suggestions(context, need) -> dict:
    """On a solved need's page, for members of its initiative: record the cooperation with
    the municipality or advice centre whose offer solved it (see the selector)."""
    user = context.get("user")
    if not belongs_to(user, need.organisation):
        return {"suggestions": []}
    return {"suggestions": selectors.cooperation_suggestions_for_need(need)}
