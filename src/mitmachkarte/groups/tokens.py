"""Signed invitation links (django.core.signing): invitation id + digest of its address."""

import hashlib
import hmac
from datetime import timedelta

from django.core import signing

SALT = "mitmachkarte.groups.invitation"
MAX_AGE = timedelta(days=14)


class TokenError(ValueError):
    pass


def _digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_token(*, invitation_id: int, email: str) -> str:
    return signing.dumps({"i": invitation_id, "e": _digest(email)}, salt=SALT)


def read_token(token: str) -> tuple[int, str]:
    """(invitation id, e-mail digest); TokenError for a broken or expired link."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise TokenError("expired") from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not (isinstance(data, dict) and isinstance(data.get("i"), int)
            and isinstance(data.get("e"), str)):
        raise TokenError("invalid")
    return data["i"], data["e"]


def matches(email: str, digest: str) -> bool:
    return hmac.compare_digest(_digest(email), digest)
