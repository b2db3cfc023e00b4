"""Signed opt-out links for match notices (django.core.signing; no account needed)."""

from django.core import signing

OPT_OUT = "mitmachkarte.support.offer.opt-out"
MAX_AGE = 60 * 60 * 24 * 365  # a year: old mails still work, forged ones never


def make_opt_out_token(offer_id: int) -> str:
    return signing.dumps({"o": offer_id}, salt=OPT_OUT)


def read_opt_out_token(token: str) -> int | None:
    try:
        data = signing.loads(token or "", salt=OPT_OUT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    value = data.get("o") if isinstance(data, dict) else None
    return value if isinstance(value, int) else None
