"""Signed links of subscriptions (built on core.tokens, salted per purpose).

Confirm and unsubscribe tokens name one subscription and the keyed digest of its address
(`models.email_key`, an HMAC with SECRET_KEY, not core's plain digest); the manage token
names only the digest, so it lists every subscription of that address.
A confirm link expires after `CONFIRM_MAX_AGE`; the others live as long as the mails.
"""

import hmac
from datetime import timedelta

from mitmachkarte.core import tokens as core_tokens

CONFIRM = "mitmachkarte.subscriptions.confirm"
UNSUBSCRIBE = "mitmachkarte.subscriptions.unsubscribe"
MANAGE = "mitmachkarte.subscriptions.manage"
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGES = {CONFIRM: CONFIRM_MAX_AGE, UNSUBSCRIBE: None, MANAGE: None}
KEY_CHARS = 64  # the whole keyed digest

TokenError = core_tokens.TokenError  # one class for all apps' links


def make_token(*, purpose: str, email_key: str, subscription_id: int | None = None) -> str:
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    data = (
        {"k": email_key[:KEY_CHARS]}
        if purpose == MANAGE
        else {"s": subscription_id, "k": email_key[:KEY_CHARS]}
    )
    return core_tokens.sign(data, salt=purpose)


def read_token(token: str, *, purpose: str) -> tuple[int | None, str]:
    """(subscription id or None for MANAGE, e-mail key prefix); TokenError if not valid."""
    shape = {"k": str} if purpose == MANAGE else {"s": int, "k": str}
    data = core_tokens.unsign(token, salt=purpose, max_age=MAX_AGES[purpose], shape=shape)
    if len(data["k"]) != KEY_CHARS:
        raise TokenError("invalid")
    return (None if purpose == MANAGE else data["s"]), data["k"]


def key_matches(email_key: str, prefix: str) -> bool:
    return hmac.compare_digest(email_key[:KEY_CHARS], prefix)
