"""Structured opening hours in OpenStreetMap's `opening_hours` syntax.

Parsed and evaluated by `opening-hours-py` (maintained, the Rust parser of the OSM
community): "Mo-Fr 10:00-18:00; Sa 10:00-14:00", "Tu 18:00-21:00", "24/7", "Mo off".
Public holidays (`PH`) are accepted but not evaluated: the library is given no holiday
calendar, so a `PH off` rule never closes a day here. The rules are evaluated in the
wall-clock time of Europe/Berlin, so "open now" is right on both sides of a DST change.
The free-text `meeting_times` stays beside it as a note ("every 2nd Saturday").
"""

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext
from opening_hours import OpeningHours, ParserError, State

TZ = ZoneInfo("Europe/Berlin")
MAX_LENGTH = 255  # OpenStreetMap's limit for a tag value
# Next openings further away than this are not announced ("öffnet Di 18:00" stays useful).
ANNOUNCE_DAYS = 7
_COLUMN = re.compile(r"--> \d+:(\d+)")


class OpeningHoursError(ValueError):
    def __init__(self, reason: str, *, column: int | None = None):
        super().__init__(reason)
        self.column = column  # 1-based position of the first character not understood


def parse(value: str) -> OpeningHours:
    """The parsed rules; OpeningHoursError (with the parser's reason) if they are not valid."""
    value = (value or "").strip()
    if not value:
        raise OpeningHoursError("empty")
    if len(value) > MAX_LENGTH:
        raise OpeningHoursError(f"longer than {MAX_LENGTH} characters")
    try:
        return OpeningHours(value)
    except (ParserError, ValueError) as exc:
        # The parser's message is a multi-line drawing ("--> 1:7" and a caret): only the
        # column is worth passing on to people.
        found = _COLUMN.search(str(exc))
        column = int(found.group(1)) if found else None
        raise OpeningHoursError(f"not understood at character {column}", column=column) from exc


def normalise(value: str) -> str:
    """The canonical spelling of valid rules ("Mo-Fr 10:00-18:00"), "" for none."""
    value = (value or "").strip()
    return str(parse(value).normalize()) if value else ""


@dataclass(frozen=True)
class OpeningState:
    is_open: bool
    is_unknown: bool
    next_change: datetime | None  # aware, Europe/Berlin; None: never changes

    @property
    def label(self) -> str:
        """ "jetzt geöffnet" / "öffnet Di 18:00" / "geschlossen" (in the active language)."""
        if self.is_unknown:
            return ""
        if self.is_open:
            return pgettext("opening hours", "open now")
        if self.next_change is None:
            return pgettext("opening hours", "closed")
        return pgettext("opening hours", "opens %(when)s") % {"when": short_when(self.next_change)}


def short_when(moment: datetime) -> str:
    """A day and time within the coming week: "Di 18:00"."""
    local = moment.astimezone(TZ)
    return f"{date_format(local, 'D')} {local:%H:%M}"


def _local_naive(moment: datetime) -> datetime:
    return moment.astimezone(TZ).replace(tzinfo=None)


def state_at(value: str, *, now: datetime | None = None) -> OpeningState | None:
    """Open or closed at `now` (aware, default now) and when that changes next; None if
    `value` is empty or not valid (an old entry from before the rules were checked)."""
    try:
        rules = parse(value)
    except OpeningHoursError:
        return None
    now = now or timezone.now()
    wall = _local_naive(now)
    state, _comment = rules.state(wall)
    change = rules.next_change(wall)
    if change is not None:
        if state != State.OPEN and (change - wall).days >= ANNOUNCE_DAYS:
            change = None
        else:
            change = change.replace(tzinfo=TZ)
    return OpeningState(
        is_open=state == State.OPEN,
        is_unknown=state == State.UNKNOWN,
        next_change=change,
    )
