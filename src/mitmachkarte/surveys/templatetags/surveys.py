from django import template

register = template.Library()


@register.simple_tag
def preview_row(question) -> dict:
    """An empty answer row for the preview (same markup as answering)."""
    return {
        "q": question,
        "name": f"q{question.pk}",
        "keys": set(),
        "other": "",
        "value": "",
        "error": None,
        "hidden": False,
        "scale": [str(n) for n in range(1, 6)] if question.type == "scale" else [],
        "cond": f"q{question.condition_question_id}" if question.condition_question_id else "",
        "cond_values": ",".join(question.condition_values or []),
    }


@register.filter
def bar_width(share) -> str:
    """A share 0–1 as an SVG width in percent (at least a sliver for non-zero shares)."""
    percent = max(0.0, min(100.0, float(share or 0) * 100))
    return f"{max(percent, 0.5) if percent else 0:.1f}%"
