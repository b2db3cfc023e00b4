"""Signed, expiring links for claims and freshness mails (django.core.signing).

Each purpose has its own salt, so a confirm link cannot archive and a claim link cannot
confirm; a changed character breaks the signature; every token expires.
"""

from datetime import timedelta

from django.core import signing

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


class TokenError(ValueError):
    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


def make_token(*, purpose: str, **data: int | str) -> str:
    if purpose not in MAX_AGES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return signing.dumps(data, salt=purpose)


def read_token(token: str, *, purpose: str, keys: tuple[str, ...]) -> dict[str, int | str]:
    """The fields `keys` (integers or strings) of a valid token; TokenError otherwise."""
    try:
        data = signing.loads(token or "", salt=purpose, max_age=MAX_AGES[purpose])
    except signing.SignatureExpired as exc:
        raise TokenError("expired", expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise TokenError("invalid") from exc
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int | str) for k in keys):
        raise TokenError("invalid")
    return {k: data[k] for k in keys}
