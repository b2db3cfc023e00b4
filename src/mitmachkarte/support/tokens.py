"""Signed opt-out links for match notices (built on core.tokens; no account needed)."""

from mitmachkarte.core import tokens as core_tokens

OPT_OUT = "mitmachkarte.support.offer.opt-out"
MAX_AGE = 60 * 60 * 24 * 365  # a year: old mails still work, forged ones never


def make_opt_out_token(offer_id: int) -> str:
    return core_tokens.sign({"o": offer_id}, salt=OPT_OUT)


def read_opt_out_token(token: str) -> int | None:
    """The offer id of a valid link; None for a broken, forged or expired one."""
    try:
        data = core_tokens.unsign(token, salt=OPT_OUT, max_age=MAX_AGE, shape={"o": int})
    except core_tokens.TokenError:
        return None
    return data["o"]
