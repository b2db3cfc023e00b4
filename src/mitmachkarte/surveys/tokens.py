"""Signed invitation links (built on core.tokens, with a purpose salt).

A token names the invitation and its nonce: a changed character breaks the signature, a
renewed invitation (new nonce) revokes old links, and a link expires after MAX_AGE.
"""

from datetime import timedelta

from mitmachkarte.core import tokens as core_tokens

SALT = "mitmachkarte.surveys.invitation"
MAX_AGE = timedelta(days=365)

TokenError = core_tokens.TokenError  # one class for all apps' links


def make_token(invitation) -> str:
    return core_tokens.sign({"i": invitation.pk, "n": invitation.nonce[:12]}, salt=SALT)


def read_token(token: str) -> tuple[int, str]:
    """(invitation id, nonce prefix) of a valid token; TokenError otherwise."""
    data = core_tokens.unsign(token, salt=SALT, max_age=MAX_AGE, shape={"i": int, "n": str})
    return data["i"], data["n"]
