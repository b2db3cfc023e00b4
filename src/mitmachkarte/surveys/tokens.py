"""Signed invitation links (django.core.signing with a purpose salt).

A token names the invitation and its nonce: a changed character breaks the signature, a
renewed invitation (new nonce) revokes old links, and a link expires after MAX_AGE.
"""

from datetime import timedelta

from django.core import signing

SALT = "mitmachkarte.surveys.invitation"
MAX_AGE = timedelta(days=365)


class TokenError(ValueError):
    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def make_token(invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce[:12]}, salt=SALT)


def read_token(token: str) -> tuple[int, str]:
    """(invitation id, nonce prefix) of a valid token; TokenError otherwise."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise TokenError("expired", expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not (isinstance(data, dict) and isinstance(data.get("i"), int)
            and isinstance(data.get("n"), str)):
        raise TokenError("invalid")
    return data["i"], data["n"]
