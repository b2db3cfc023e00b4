from django import template

register = template.Library()


@register.filter
def person(user) -> str:
    """A person's name for pages: never an e-mail address (a user name may be one)."""
    if user is None:
        return "–"
    return user.get_full_name() or user.get_username().split("@")[0]
