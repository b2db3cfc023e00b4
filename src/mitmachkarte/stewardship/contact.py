"""The contact relay: messages to an entry's e-mail address, which is never shown."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from mitmachkarte.initiatives.models import Initiative, Status

from . import mails

CONTACT_MESSAGE_MAX = 5_000


def relay_contact_message(
    *, initiative: Initiative, sender_name: str, sender_email: str, message: str
) -> None:
    """Forward a message to the entry's contact e-mail; replies go to the sender.

    The entry's address is never shown to the sender.
    """
    if initiative.status != Status.PUBLISHED or not initiative.contact_email:
        raise ValidationError(_("This entry cannot be contacted through the site."))
    errors = {}
    sender_name = " ".join((sender_name or "").split())
    if not sender_name or len(sender_name) > 120:
        errors["name"] = [_("Please give your name (at most 120 characters).")]
    try:
        validate_email(sender_email or "")
    except ValidationError:
        errors["email"] = [_("Please give a valid e-mail address for the answer.")]
    message = (message or "").strip()
    if not message or len(message) > CONTACT_MESSAGE_MAX:
        errors["message"] = [
            _("Please write a message of at most %(limit)s characters.")
            % {"limit": CONTACT_MESSAGE_MAX}
        ]
    if errors:
        raise ValidationError(errors)
    mails.send_contact_message(
        initiative=initiative,
        sender_name=sender_name,
        sender_email=sender_email.strip(),
        message=message,
    )
