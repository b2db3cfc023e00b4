"""The e-mails of subscriptions: the confirmation request and the news mail (immediate or
weekly digest), German by default, plain text plus HTML, with absolute links from SITE_URL.

Every news mail carries `List-Unsubscribe` (the https one-click URL, and a mailto address
when SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO is set) with `List-Unsubscribe-Post` (RFC 8058), and
links to the manage page. Both are queued through `core.mail`.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from mitmachkarte.core import mail
from mitmachkarte.core.links import absolute

from . import tokens
from .models import Kind, Subscription


def manage_path(subscription: Subscription) -> str:
    token = tokens.make_token(purpose=tokens.MANAGE, email_key=subscription.email_key)
    return reverse("subscriptions:manage", args=[token])


def links(subscription: Subscription) -> dict:
    key = subscription.email_key
    unsubscribe = tokens.make_token(
        purpose=tokens.UNSUBSCRIBE, email_key=key, subscription_id=subscription.pk
    )
    return {
        "unsubscribe_token": unsubscribe,
        "unsubscribe_url": absolute(reverse("subscriptions:unsubscribe", args=[unsubscribe])),
        "manage_url": absolute(manage_path(subscription)),
    }


def list_unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    found = links(subscription)
    targets = [f"<{found['unsubscribe_url']}>"]
    mailto = getattr(settings, "SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO", "")
    if mailto:
        subject = quote(f"unsubscribe {found['unsubscribe_token']}")
        targets.append(f"<mailto:{mailto}?subject={subject}>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _mail_to(*, subscription: Subscription, template: str, **kwargs) -> None:
    mail.send_templated(
        to=subscription.email,
        template=f"subscriptions/email/{template}",
        language=subscription.language or "de",
        html=True,
        **kwargs,
    )


def send_confirm_request(*, subscription: Subscription) -> None:
    token = tokens.make_token(
        purpose=tokens.CONFIRM, email_key=subscription.email_key, subscription_id=subscription.pk
    )
    _mail_to(
        subscription=subscription,
        template="confirm_request",
        subject=lambda: _("Please confirm your subscription"),
        context={
            "subscription": subscription,
            "confirm_url": absolute(reverse("subscriptions:confirm", args=[token])),
            "max_age_days": tokens.CONFIRM_MAX_AGE.days,
            "privacy_url": absolute(settings.PRIVACY_URL)
            if settings.PRIVACY_URL.startswith("/")
            else settings.PRIVACY_URL,
        },
    )


def send_digest(*, subscription: Subscription, sections: dict, weekly: bool) -> None:
    labels = dict(Kind.choices)
    ordered = [(labels[kind], sections[kind]) for kind in Kind.values if kind in sections]
    count = sum(len(items) for _label, items in ordered)

    def subject():
        area = subscription.area_label
        if weekly:
            return _("Weekly news for %(area)s") % {"area": area}
        return _("New on the map for %(area)s") % {"area": area}

    _mail_to(
        subscription=subscription,
        template="digest",
        subject=subject,
        headers=list_unsubscribe_headers(subscription),
        context={
            "subscription": subscription,
            "sections": ordered,
            "count": count,
            "weekly": weekly,
            "map_url": absolute(reverse("initiatives:map")),
            **links(subscription),
        },
    )
