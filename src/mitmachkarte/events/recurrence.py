"""RFC 5545 recurrence rules (RRULE) and their expansion into occurrences.

Events happen in Europe/Berlin: a rule is expanded on the local wall clock (every Saturday
10:00 stays 10:00 across the DST changes) and each occurrence is stored in UTC. Expansion is
bounded: at most `MAX_OCCURRENCES` dates and never beyond `HORIZON` from now.
"""

from datetime import UTC, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from django.utils.translation import gettext as _

EVENT_TZ = ZoneInfo("Europe/Berlin")
HORIZON = timedelta(days=365)
MAX_OCCURRENCES = 500
MAX_RULE_LENGTH = 500
ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}


class RecurrenceError(ValueError):
    """The rule cannot be used; the message is meant for the user."""


def local(value: datetime) -> datetime:
    """An aware datetime on the Europe/Berlin wall clock (a time in the spring gap, which
    does not exist, becomes the real instant: 02:30 → 03:30 CEST, as RFC 5545 says)."""
    return value.astimezone(UTC).astimezone(EVENT_TZ)


def normalise_rule(text: str) -> str:
    """The rule without an "RRULE:" prefix, upper-cased; "" for no recurrence."""
    rule = " ".join((text or "").split()).upper()
    if rule.startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    return rule.strip().rstrip(";")


def parse_rule(text: str, start: datetime) -> rrule | None:
    """The dateutil rule for `text` starting at `start` (aware); None when `text` is empty.

    Only a single RRULE value is accepted: no DTSTART, RDATE, EXDATE or second rule, since
    the start comes from the event itself. Frequencies below a day are refused.
    """
    rule_text = normalise_rule(text)
    if not rule_text:
        return None
    if len(rule_text) > MAX_RULE_LENGTH:
        raise RecurrenceError(_("at most %(n)s characters") % {"n": MAX_RULE_LENGTH})
    if any(word in rule_text for word in ("DTSTART", "RDATE", "EXDATE", "EXRULE", ":", "\n")):
        raise RecurrenceError(_("give a single RRULE value, e.g. FREQ=WEEKLY;BYDAY=SA"))
    if not rule_text.startswith("FREQ=") and ";FREQ=" not in rule_text:
        raise RecurrenceError(_("FREQ is missing, e.g. FREQ=MONTHLY;BYDAY=2SA"))
    try:
        rule = rrulestr(rule_text, dtstart=local(start))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise RecurrenceError(_("not a valid RRULE: %(error)s") % {"error": exc}) from exc
    if not isinstance(rule, rrule):
        raise RecurrenceError(_("give a single RRULE value, e.g. FREQ=WEEKLY;BYDAY=SA"))
    if rule._freq not in ALLOWED_FREQUENCIES:
        raise RecurrenceError(_("the rule must repeat daily, weekly, monthly or yearly"))
    return rule


def validate_rule(text: str, start: datetime) -> str:
    """Check a rule against the event start; returns the normalised rule text.

    RFC 5545 leaves a start that the rule would not produce undefined, so the start must be
    the rule's first date (a Saturday for BYDAY=SA).
    """
    rule = parse_rule(text, start)
    if rule is None:
        return ""
    try:
        first = next(iter(rule), None)
    except (ValueError, OverflowError) as exc:
        raise RecurrenceError(_("not a valid RRULE: %(error)s") % {"error": exc}) from exc
    if first is None:
        raise RecurrenceError(_("the rule produces no date"))
    if first != local(start):
        raise RecurrenceError(
            _("the start must be the first date of the rule, which begins on %(date)s")
            % {"date": f"{first:%Y-%m-%d %H:%M}"}
        )
    return normalise_rule(text)


def expand(
    *,
    start: datetime,
    end: datetime,
    rule_text: str,
    after: datetime | None = None,
    until: datetime | None = None,
    limit: int = MAX_OCCURRENCES,
) -> list[tuple[datetime, datetime]]:
    """(start, end) pairs in UTC of every occurrence starting in [after, until], at most `limit`.

    Without a rule the event itself is the one occurrence. Each occurrence lasts as long on
    the wall clock as the first one (10:00–12:00 stays 10:00–12:00 across a DST change).
    """
    duration = local(end).replace(tzinfo=None) - local(start).replace(tzinfo=None)
    absolute = end.astimezone(UTC) - start.astimezone(UTC)  # same-zone "-" ignores DST
    rule = parse_rule(rule_text, start)
    if rule is None:
        return [(start.astimezone(UTC), end.astimezone(UTC))]
    after = local(after) if after is not None else local(start)
    until = local(until) if until is not None else after + HORIZON
    dates = islice(rule.xafter(after, inc=True), limit)
    result = []
    for occurrence_start in dates:
        if occurrence_start > until:
            break
        wall_end = occurrence_start.replace(tzinfo=None) + duration
        begin = occurrence_start.astimezone(UTC)
        finish = wall_end.replace(tzinfo=EVENT_TZ).astimezone(UTC)
        if finish <= begin:  # a short event in the night of the autumn change
            finish = begin + absolute
        result.append((begin, finish))
    return result
