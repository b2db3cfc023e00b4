"""Signed invitation links (core.tokens): invitation id + digest of its address."""

from datetime import timedelta

from mitmachkarte.core import tokens as core_tokens

SALT = "mitmachkarte.groups.invitation"
MAX_AGE = timedelta(days=14)

TokenError = core_tokens.TokenError  # one class for all apps' links


def make_token(*, invitation_id: int, email: str) -> str:
    return core_tokens.sign({"i": invitation_id, "e": core_tokens.email_digest(email)}, salt=SALT)


def read_token(token: str) -> tuple[int, str]:
    """(invitation id, e-mail digest); TokenError for a broken or expired link."""
    data = core_tokens.unsign(token, salt=SALT, max_age=MAX_AGE, shape={"i": int, "e": str})
    return data["i"], data["e"]


def matches(email: str, digest: str) -> bool:
    return core_tokens.digest_matches(email, digest)
