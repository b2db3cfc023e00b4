"""Rate-limit configuration: "count/window" texts, their environment overrides, allauth's form.

Pure Python without Django, so settings.py can build RATE_LIMITS and ACCOUNT_RATE_LIMITS
from one table. A rate is "<count>/<window>" with the window in s, m, h or d and an optional
number ("60/10m" = 60 per 10 minutes), or "off".
"""

import re
from dataclasses import dataclass

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
# django-allauth's actions and what our identities are called there.
ALLAUTH_ACTIONS = (
    "signup",
    "confirm_email",
    "login",
    "login_failed",
    "reset_password",
    "reset_password_from_key",
)
ALLAUTH_PER = {"ip": "ip", "email": "key"}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    def __str__(self) -> str:
        return f"{self.count}/{self.seconds}s"


def parse_rate(text: str) -> Rate | None:
    """A Rate, or None for "off"; ValueError for anything else."""
    if text.strip().lower() == "off":
        return None
    match = RATE.match(text)
    if not match:
        raise ValueError(f"not a rate: {text!r} (e.g. 10/h, 60/10m, off)")
    count, number, unit = match.groups()
    seconds = int(number or 1) * UNITS[unit]
    if seconds < 1:
        raise ValueError(f"not a rate: {text!r} (the window must be at least 1 s)")
    return Rate(int(count), seconds)


def build(defaults: dict[str, dict[str, str]], overrides: str = "") -> dict:
    """{action: {identity: Rate | None}} from the defaults and "action.identity=rate,…"."""
    table = {action: dict(per) for action, per in defaults.items()}
    for item in filter(None, (part.strip() for part in overrides.split(","))):
        name, _, rate = item.partition("=")
        action, _, per = name.strip().partition(".")
        if action not in table or per not in table[action]:
            known = ", ".join(f"{a}.{p}" for a, pers in defaults.items() for p in pers)
            raise ValueError(f"unknown rate limit {name.strip()!r}; known: {known}")
        table[action][per] = rate
    return {
        action: {per: parse_rate(rate) for per, rate in pers.items()}
        for action, pers in table.items()
    }


def allauth_rates(table: dict) -> dict[str, str]:
    """ACCOUNT_RATE_LIMITS for django-allauth ("10/3600s/ip,3/3600s/key") from the table."""
    result = {}
    for action in ALLAUTH_ACTIONS:
        parts = [
            f"{rate}/{ALLAUTH_PER[per]}"
            for per, rate in table.get(action, {}).items()
            if rate is not None
        ]
        result[action] = ",".join(parts) or None  # None: allauth does not limit it
    return result
