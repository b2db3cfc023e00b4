"""A user's own account data: deletion (the export is a selector)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .edits import authenticated


@transaction.atomic
def delete_account(*, user, password: str) -> None:
    """Delete the account after the password check. Entries and their history stay
    (history_user becomes NULL); memberships and claims go, suggestions lose the author."""
    if not authenticated(user):
        raise PermissionDenied(_("Please log in."))
    if not user.has_usable_password() or not user.check_password(password or ""):
        raise ValidationError({"password": [_("The password is not correct.")]})
    user.delete()
