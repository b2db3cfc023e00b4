"""Signed links for registrations without an account (django.core.signing).

A token names the registration and a digest of its e-mail address, signed with SECRET_KEY
and a purpose-specific salt: a confirmation token cannot cancel, a changed character breaks
the signature, and a confirmation link expires after `CONFIRM_MAX_AGE`.
"""

import hashlib
import hmac
from datetime import timedelta

from django.core import signing

CONFIRM = "mitmachkarte.events.registration.confirm"
CANCEL = "mitmachkarte.events.registration.cancel"
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGES = {CONFIRM: CONFIRM_MAX_AGE, CANCEL: None}


class TokenError(ValueError):
    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def _digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_token(*, registration_id: int, email: str, purpose: str) -> str:
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return signing.dumps({"r": registration_id, "e": _digest(email)}, salt=purpose)


def read_token(token: str, *, purpose: str) -> tuple[int, str]:
    """(registration id, e-mail digest) of a valid token; TokenError otherwise."""
    try:
        data = signing.loads(token or "", salt=purpose, max_age=MAX_AGES[purpose])
    except signing.SignatureExpired as exc:
        raise TokenError("expired", expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not (isinstance(data, dict) and isinstance(data.get("r"), int)
            and isinstance(data.get("e"), str)):
        raise TokenError("invalid")
    return data["r"], data["e"]


def matches(email: str, digest: str) -> bool:
    return hmac.compare_digest(_digest(email), digest)
