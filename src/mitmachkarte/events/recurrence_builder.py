"""The readable rule builder of the event form: a few choices people understand ("every 2nd
Saturday of the month", until a day or a number of times) turned into an RRULE, which stays
what is stored and expanded (recurrence.py); and back, to fill the form and to describe a
stored rule in words."""

from datetime import UTC, date, datetime, time

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .recurrence import EVENT_TZ, local, normalise_rule

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
CHOICES = [
    ("", gettext_lazy("once")),
    ("weekly", gettext_lazy("every week")),
    ("biweekly", gettext_lazy("every 2 weeks")),
    ("monthly_weekday", gettext_lazy("monthly on the same weekday (e.g. every 2nd Saturday)")),
    ("monthly_day", gettext_lazy("monthly on the same day of the month")),
    ("custom", gettext_lazy("own rule (RRULE)")),
]


def _nth(start: datetime) -> int:
    """Which weekday of its month the start is (1–4; the fifth counts as the last, -1)."""
    n = (local(start).day - 1) // 7 + 1
    return -1 if n == 5 else n


def build(
    *, repeat: str, start: datetime, until: date | None = None, count: int | None = None
) -> str:
    """The RRULE for the builder's choices ("" for a single date)."""
    if not repeat:
        return ""
    day = DAYS[local(start).weekday()]
    base = {
        "weekly": "FREQ=WEEKLY",
        "biweekly": "FREQ=WEEKLY;INTERVAL=2",
        "monthly_weekday": f"FREQ=MONTHLY;BYDAY={_nth(start)}{day}",
        "monthly_day": f"FREQ=MONTHLY;BYMONTHDAY={local(start).day}",
    }[repeat]
    if until:
        last = datetime.combine(until, time(23, 59, 59), tzinfo=EVENT_TZ).astimezone(UTC)
        return f"{base};UNTIL={last:%Y%m%dT%H%M%SZ}"
    if count:
        return f"{base};COUNT={count}"
    return base


def _parts(rule: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in normalise_rule(rule).split(";") if "=" in p)


def fields_from(rule: str, start: datetime) -> dict:
    """The builder's fields for a stored rule; a rule it cannot express stays "custom"."""
    if not rule:
        return {"repeat": ""}
    parts = _parts(rule)
    until = count = None
    if "UNTIL" in parts:
        try:
            until = local(
                datetime.strptime(parts.pop("UNTIL"), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            ).date()
        except ValueError:
            return {"repeat": "custom", "rule": rule}
    if "COUNT" in parts:
        count = int(parts.pop("COUNT"))
    for repeat in ("weekly", "biweekly", "monthly_weekday", "monthly_day"):
        if _parts(build(repeat=repeat, start=start)) == parts:
            return {"repeat": repeat, "repeat_until": until, "repeat_count": count}
    return {"repeat": "custom", "rule": rule}


def _ordinal(n: int) -> str:
    return {1: _("first"), 2: _("second"), 3: _("third"), 4: _("fourth")}.get(n, _("last"))


def describe(rule: str, start: datetime) -> str:
    """The rule in words, e.g. "every 2nd Saturday of the month, until 1 Dec 2026"."""
    fields = fields_from(rule, start)
    repeat = fields["repeat"]
    if not repeat:
        return ""
    if repeat == "custom":
        return _("repeats (%(rule)s)") % {"rule": rule}
    weekday = date_format(local(start), "l")
    n = _nth(start)
    text = {
        "weekly": _("every %(weekday)s") % {"weekday": weekday},
        "biweekly": _("every other %(weekday)s") % {"weekday": weekday},
        "monthly_weekday": _("every %(nth)s %(weekday)s of the month")
        % {"nth": _ordinal(n), "weekday": weekday},
        "monthly_day": _("monthly on the %(day)s.") % {"day": local(start).day},
    }[repeat]
    if fields.get("repeat_until"):
        text += ", " + _("until %(date)s") % {
            "date": date_format(fields["repeat_until"], "SHORT_DATE_FORMAT")
        }
    elif fields.get("repeat_count"):
        text += ", " + _("%(n)s times") % {"n": fields["repeat_count"]}
    return text
