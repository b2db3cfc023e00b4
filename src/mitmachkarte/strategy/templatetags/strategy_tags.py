from django import template

from mitmachkarte.strategy import levels

register = template.Library()


@register.filter
def level_of(node):
    return levels.level_of(node)


@register.filter
def child_level(level):
    index = levels.LEVELS.index(level)
    return levels.LEVELS[index + 1] if index + 1 < len(levels.LEVELS) else None


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
