"""The entry-care panel on an initiative's detail page (claim, edit, history, contact)."""

from django import template

from mitmachkarte.core.permissions import has_perm

from ..forms import ContactForm

register = template.Library()


@register.inclusion_tag("stewardship/_detail_panel.html", takes_context=True)
def stewardship_panel(context, initiative):
    user = context["request"].user
    return {
        "initiative": initiative,
        "user": user,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "is_editor": has_perm(user, "initiatives.edit", initiative),
        "publisher": has_perm(user, "initiatives.publish_changes", initiative),
        "has_contact": bool(initiative.contact_email),
        "form": ContactForm(),
    }
