"""Signed, expiring links for proposers without an account (built on core.tokens).

A revise link names the proposal, its revision counter and a digest of the proposer's
e-mail address. A changed character breaks the signature, the link expires after
REVISE_MAX_AGE, and once the proposal was resubmitted or decided the counter or the
status no longer match, so an old link cannot change the entry again.
"""

from datetime import timedelta

from mitmachkarte.core import tokens as core_tokens

REVISE = "mitmachkarte.moderation.revise"
REVISE_MAX_AGE = timedelta(days=14)

TokenError = core_tokens.TokenError  # one class for all apps' links
email_digest = core_tokens.email_digest


def make_revise_token(*, proposal_id: int, revision: int, email: str) -> str:
    return core_tokens.sign(
        {"p": proposal_id, "r": revision, "e": email_digest(email)}, salt=REVISE
    )


def read_revise_token(token: str) -> tuple[int, int, str]:
    """(proposal id, revision, e-mail digest) of a valid token; TokenError otherwise."""
    data = core_tokens.unsign(
        token, salt=REVISE, max_age=REVISE_MAX_AGE, shape={"p": int, "r": int, "e": str}
    )
    return data["p"], data["r"], data["e"]
