"""Signed tokens for links in mails (django.core.signing with a purpose salt).

The apps' `tokens.py` modules build on these helpers. A token is a small JSON dict signed
with SECRET_KEY and a salt per purpose, so a token made for one purpose cannot be used for
another, a changed character breaks the signature and `max_age` lets a link expire.
Addresses never appear in a token, only a digest of them (`email_digest`).
"""

import hashlib
import hmac
from collections.abc import Mapping
from datetime import timedelta
from types import UnionType

from django.core import signing

# The types a payload key must have: a class, a tuple of classes or a union (int | str).
Shape = Mapping[str, type | tuple[type, ...] | UnionType]


class TokenError(ValueError):
    """A broken, forged, expired or no longer usable link; `expired` tells the 410 case apart."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def email_digest(email: str) -> str:
    """An unkeyed digest of the normalised address (16 hex digits), to put into a token."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def digest_matches(email: str, digest: str) -> bool:
    """Whether `digest` is the digest of `email`, compared in constant time."""
    return hmac.compare_digest(email_digest(email).encode(), digest.encode())


def sign(payload: dict, *, salt: str) -> str:
    return signing.dumps(payload, salt=salt)


def unsign(token: str, *, salt: str, max_age: int | float | timedelta | None, shape: Shape) -> dict:
    """The keys of `shape` of a valid token's payload; TokenError otherwise.

    TokenError("expired", expired=True) for a genuine but too old token, TokenError("invalid")
    for anything else: a bad signature, another salt, garbage, or a payload that is not a
    dict whose keys of `shape` have the given types.
    """
    try:
        data = signing.loads(token or "", salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise TokenError("expired", expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not (
        isinstance(data, dict)
        and all(key in data and isinstance(data[key], types) for key, types in shape.items())
    ):
        raise TokenError("invalid")
    return {key: data[key] for key in shape}
