"""The account adapter of django-allauth: its mails (confirm address, reset password, …) are
rendered by allauth as usual and then queued through `core.mail` like every other mail."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils.html import strip_tags

from . import mail


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request)}
            | context,
        )
        html = next(
            (body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"), ""
        )
        body = message.body
        if message.content_subtype == "html":  # allauth found only an HTML template
            html, body = body, strip_tags(body)
        mail.send(to=message.to, subject=message.subject, body=body, html=html)
