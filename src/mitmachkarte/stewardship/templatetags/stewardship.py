"""The entry-care panel on an initiative's detail page (claim, edit, history, contact)."""

from django import template

from mitmachkarte.organisations.permissions import can_edit_initiative

from ..forms import ContactForm
from ..services import may_publish

register = template.Library()


@register.inclusion_tag("stewardship/_detail_panel.html", takes_context=True)
def stewardship_panel(context, initiative):
    user = context["request"].user
    return {
        "initiative": initiative,
        "user": user,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "is_editor": can_edit_initiative(user, initiative),
        "publisher": may_publish(user, initiative),
        "has_contact": bool(initiative.contact_email),
        "form": ContactForm(),
    }
