"""The account adapter of django-allauth: its mails (confirm address, reset password, …) are
rendered by allauth as usual and then queued through `core.mail` like every other mail.

allauth builds its links from the request's host; they are rebased on `SITE_URL`
(`core.links`) so account mails link to the same host as every other mail."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils.html import strip_tags

from . import links, mail


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        context = {
            key: links.rebase(value) if key.endswith("_url") and isinstance(value, str) else value
            for key, value in context.items()
        }
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": _site()} | context,
        )
        html = next(
            (body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"), ""
        )
        body = message.body
        if message.content_subtype == "html":  # allauth found only an HTML template
            html, body = body, strip_tags(body)
        mail.send(to=message.to, subject=message.subject, body=body, html=html)


def _site() -> SimpleNamespace:
    """What allauth's templates call the site: the name and the host of `SITE_URL`."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(links.site_url()).netloc)
