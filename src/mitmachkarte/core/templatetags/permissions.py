"""`{% has_perm "app.action" user obj as allowed %}`: the permission registry in templates."""

from django import template

from mitmachkarte.core import permissions

register = template.Library()


@register.simple_tag
def has_perm(name: str, user, obj=None) -> bool:
    return permissions.has_perm(user, name, obj)
