"""Signed links for registrations without an account (built on core.tokens).

A token names the registration and a digest of its e-mail address, signed with SECRET_KEY
and a purpose-specific salt: a confirmation token cannot cancel, a changed character breaks
the signature, and a confirmation link expires after `CONFIRM_MAX_AGE`.
"""

from datetime import timedelta

from mitmachkarte.core import tokens as core_tokens

CONFIRM = "mitmachkarte.events.registration.confirm"
CANCEL = "mitmachkarte.events.registration.cancel"
CONFIRM_MAX_AGE = timedelta(days=7)
MAX_AGES = {CONFIRM: CONFIRM_MAX_AGE, CANCEL: None}

TokenError = core_tokens.TokenError  # one class for all apps' links


def make_token(*, registration_id: int, email: str, purpose: str) -> str:
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return core_tokens.sign(
        {"r": registration_id, "e": core_tokens.email_digest(email)}, salt=purpose
    )


def read_token(token: str, *, purpose: str) -> tuple[int, str]:
    """(registration id, e-mail digest) of a valid token; TokenError otherwise."""
    data = core_tokens.unsign(
        token, salt=purpose, max_age=MAX_AGES[purpose], shape={"r": int, "e": str}
    )
    return data["r"], data["e"]


def matches(email: str, digest: str) -> bool:
    return core_tokens.digest_matches(email, digest)
