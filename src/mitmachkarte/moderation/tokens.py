"""Signed, expiring links for proposers without an account (django.core.signing).

A revise link names the proposal, its revision counter and a digest of the proposer's
e-mail address. A changed character breaks the signature, the link expires after
REVISE_MAX_AGE, and once the proposal was resubmitted or decided the counter or the
status no longer match, so an old link cannot change the entry again.
"""

import hashlib
from datetime import timedelta

from django.core import signing

REVISE = "mitmachkarte.moderation.revise"
REVISE_MAX_AGE = timedelta(days=14)


class TokenError(ValueError):
    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def email_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_revise_token(*, proposal_id: int, revision: int, email: str) -> str:
    return signing.dumps({"p": proposal_id, "r": revision, "e": email_digest(email)}, salt=REVISE)


def read_revise_token(token: str) -> tuple[int, int, str]:
    """(proposal id, revision, e-mail digest) of a valid token; TokenError otherwise."""
    try:
        data = signing.loads(token or "", salt=REVISE, max_age=REVISE_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise TokenError("expired", expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not (isinstance(data, dict) and isinstance(data.get("p"), int)
            and isinstance(data.get("r"), int) and isinstance(data.get("e"), str)):
        raise TokenError("invalid")
    return data["p"], data["r"], data["e"]
