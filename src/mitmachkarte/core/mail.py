"""The one way mail leaves the site.

An app renders its mail where it is requested (its language, its texts: `compose`) and hands
subject and bodies as plain strings to `send`, which queues one django-tasks task per
recipient (`core.mail_delivery.deliver_mail`). Nothing is sent inside a transaction or while
a row is locked:

- with the database queue (django-tasks-db, production) the task row is written in the
  caller's transaction, so the mail is queued exactly when the data it talks about commits
  (a crash between commit and enqueue cannot lose it); the worker only sees it afterwards;
- with any other backend (immediate: demo and tests) the task is enqueued by
  `transaction.on_commit`, i.e. after the commit or at once outside a transaction.

Headers are built here and only here: subjects, display names and extra header values lose
line breaks and other control characters, addresses and Reply-To are validated, so no text
typed by a user can break a header (Django would raise BadHeaderError).
"""

import logging
import re
import uuid
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import links

logger = logging.getLogger(__name__)

# C0 and C1 control characters and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085]")
_HEADER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,60}$")
# Headers the mail path sets itself; callers may not replace them.
_RESERVED = {"subject", "from", "to", "cc", "bcc", "reply-to", "message-id", "date"}
_suppressed: ContextVar[bool] = ContextVar("mail_suppressed", default=False)


@contextmanager
def suppressed():
    """Queue no mail inside this block (demo data is created through the real services)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def header_text(value) -> str:
    """One line of header text: control characters become spaces, whitespace collapses."""
    return " ".join(_CONTROL.sub(" ", str(value or "")).split())


def clean_address(value: str) -> str:
    """A valid address ("Name <a@b.de>" or "a@b.de") fit for a header, else ""."""
    value = str(value or "").strip()
    if _CONTROL.search(value):  # a line break here is an injection attempt, not a typo
        return ""
    name, address = parseaddr(value)
    if not name and address != value:  # anything besides a bare address must be a name
        return ""
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return _named(header_text(name), address) if name else address


def _named(name: str, address: str) -> str:
    try:
        return str(Address(display_name=name, addr_spec=address))
    except (ValueError, IndexError):  # an address the e-mail package cannot represent
        return ""


def named_address(name: str, address: str) -> str:
    """ "Name <address>" with a display name that cannot break the header ("" if invalid)."""
    name, address = header_text(name), (address or "").strip()
    if not name:
        return clean_address(address)
    return clean_address(_named(name, address)) if clean_address(address) else ""


@dataclass(frozen=True)
class Composed:
    subject: str
    body: str
    html: str = ""


def compose(
    template: str,
    *,
    subject: Callable[[], str] | str,
    context: dict,
    language: str = "de",
    html: bool = False,
) -> Composed:
    """Render `<template>.txt` (and `.html`) and the subject in `language`, times in the
    site's time zone. A callable subject is translated inside the language override."""
    with translation.override(language or "de"), timezone.override(settings.TIME_ZONE):
        context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": links.site_url(), **context}
        body = render_to_string(f"{template}.txt", context)
        html_body = render_to_string(f"{template}.html", context) if html else ""
        text = subject() if callable(subject) else str(subject)
    return Composed(subject=f"{text} – {settings.SITE_NAME}", body=body, html=html_body)


def send(
    *,
    to: str | Iterable[str],
    subject: str,
    body: str,
    html: str = "",
    reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> int:
    """Queue one mail per recipient (nobody sees another's address); returns how many.

    Invalid addresses are skipped and an invalid Reply-To is left out (both logged): a mail
    is never refused for them, and the caller's request never fails because of them.
    """
    if _suppressed.get():
        return 0
    recipients = _recipients(to)
    message = {
        "subject": header_text(subject),
        "body": str(body),
        "html": str(html or ""),
        "reply_to": _reply_to(reply_to),
        "headers": _extra_headers(headers or {}),
    }
    for address in recipients:
        _enqueue({**message, "to": address, "key": uuid.uuid4().hex})
    return len(recipients)


def send_templated(
    *,
    to: str | Iterable[str],
    template: str,
    subject: Callable[[], str] | str,
    context: dict,
    language: str = "de",
    html: bool = False,
    reply_to: str = "",
    headers: dict[str, str] | None = None,
) -> int:
    """`compose` and `send` in one call: the usual way an app mails."""
    mail = compose(template, subject=subject, context=context, language=language, html=html)
    return send(
        to=to,
        subject=mail.subject,
        body=mail.body,
        html=mail.html,
        reply_to=reply_to,
        headers=headers,
    )


def send_to_managers(*, subject: Callable[[], str] | str, body: str) -> int:
    """A notice to the moderation team (MODERATION_EMAILS), one mail each, in German."""
    with translation.override("de"):
        text = subject() if callable(subject) else str(subject)
    return send(
        to=[address for _name, address in settings.MANAGERS],
        subject=f"[{settings.SITE_NAME}] {text}",
        body=body,
    )


def _recipients(to: str | Iterable[str]) -> list[str]:
    found = []
    for value in [to] if isinstance(to, str) else to:
        address = clean_address(value) if value else ""
        if address and address not in found:
            found.append(address)
        elif value and not address:
            logger.warning("mail to an invalid address left out")
    return found


def _reply_to(value: str) -> str:
    address = clean_address(value) if value else ""
    if value and not address:
        logger.warning("invalid Reply-To left out")
    return address


def _extra_headers(headers: dict[str, str]) -> dict[str, str]:
    clean = {}
    for name, value in headers.items():
        if not _HEADER_NAME.match(name) or name.lower() in _RESERVED:
            raise ValueError(f"header {name!r} cannot be set here")
        clean[name] = header_text(value)
    return clean


def _enqueue(message: dict) -> None:
    from django_tasks_db.backend import DatabaseBackend

    from .mail_delivery import deliver_mail

    if isinstance(deliver_mail.get_backend(), DatabaseBackend):
        deliver_mail.enqueue(message, 1)  # joins the caller's transaction (see above)
    else:
        transaction.on_commit(partial(deliver_mail.enqueue, message, 1))
