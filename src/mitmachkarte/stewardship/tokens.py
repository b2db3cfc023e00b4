"""Signed, expiring links for claims and freshness mails (built on core.tokens).

Each purpose has its own salt, so a confirm link cannot archive and a claim link cannot
confirm; a changed character breaks the signature; every token expires.
"""

from datetime import timedelta

from mitmachkarte.core import tokens as core_tokens

CLAIM = "mitmachkarte.stewardship.claim"
CONFIRM = "mitmachkarte.stewardship.freshness.confirm"
EDIT = "mitmachkarte.stewardship.freshness.edit"
ARCHIVE = "mitmachkarte.stewardship.freshness.archive"
MAX_AGES = {
    CLAIM: timedelta(days=3),
    CONFIRM: timedelta(days=60),
    EDIT: timedelta(days=60),
    ARCHIVE: timedelta(days=60),
}
FRESHNESS_ACTIONS = {"confirm": CONFIRM, "edit": EDIT, "archive": ARCHIVE}

TokenError = core_tokens.TokenError  # one class for all apps' links


def make_token(*, purpose: str, **data: int | str) -> str:
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return core_tokens.sign(data, salt=purpose)


def read_token(token: str, *, purpose: str, keys: tuple[str, ...]) -> dict[str, int | str]:
    """The fields `keys` (integers or strings) of a valid token; TokenError otherwise."""
    return core_tokens.unsign(
        token, salt=purpose, max_age=MAX_AGES[purpose], shape={key: int | str for key in keys}
    )
