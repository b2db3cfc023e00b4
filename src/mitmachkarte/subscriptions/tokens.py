"""Signed links of subscriptions (django.core.signing, salted per purpose).

Confirm and unsubscribe tokens name one subscription and the keyed digest of its address;
the manage token names only the digest, so it lists every subscription of that address.
A confirm link expires after `CONFIRM_MAX_AGE`; the others live as long as the mails.
"""

import hmac
from datetime import timedelta

from django.core import signing

CONFIRM = "mitmachkarte.subscriptions.confirm"
UNSUBSCRIBE = "mitmachkarte.subscriptions.unsubscribe"
MANAGE = "mitmachkarte.subscriptions.manage"
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGES = {CONFIRM: CONFIRM_MAX_AGE, UNSUBSCRIBE: None, MANAGE: None}
KEY_CHARS = 64  # the whole keyed digest


class TokenError(ValueError):
    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def make_token(*, purpose: str, email_key: str, subscription_id: int | None = None) -> str:
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    data = {"k": email_key[:KEY_CHARS]} if purpose == MANAGE else {
        "s": subscription_id, "k": email_key[:KEY_CHARS]}
    return signing.dumps(data, salt=purpose)


def read_token(token: str, *, purpose: str) -> tuple[int | None, str]:
    """(subscription id or None for MANAGE, e-mail key prefix); TokenError if not valid."""
    try:
        data = signing.loads(token or "", salt=purpose, max_age=MAX_AGES[purpose])
    except signing.SignatureExpired as exc:
        raise TokenError("expired", expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not (isinstance(data, dict) and isinstance(data.get("k"), str)
            and len(data["k"]) == KEY_CHARS):
        raise TokenError("invalid")
    if purpose == MANAGE:
        return None, data["k"]
    if not isinstance(data.get("s"), int):
        raise TokenError("invalid")
    return data["s"], data["k"]


def key_matches(email_key: str, prefix: str) -> bool:
    return hmac.compare_digest(email_key[:KEY_CHARS], prefix)
