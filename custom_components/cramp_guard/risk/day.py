"""The awake day: wake anchor, bed and the awake-day fraction x (spec section 2).

"Today" is the current awake day. Its anchor is the most recent moment at or before
`now` whose local time is `wake`; bed is `(bed - wake) mod 24 h` later, so a bedtime
after midnight and a sleep window across midnight need no special cases. All moments
are turned into seconds on one clock: real (UTC) seconds when `now` is tz-aware,
wall-clock seconds when it is naive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from .curves import clamp

HOUR = 3600.0
DAY = 24 * HOUR
DEFAULT_WAKE = time(7, 0)
DEFAULT_BED = time(22, 0)
_NAIVE_EPOCH = datetime.combine(date(1970, 1, 1), time())


@dataclass(frozen=True, slots=True)
class Day:
    """`now`, the wake anchor and bed, in seconds on one clock."""

    now: float
    wake: float
    bed: float
    aware: bool

    @property
    def awake(self) -> bool:
        """True from wake to bed; False in the sleep window (bed to the next wake)."""
        return self.now < self.bed

    @property
    def x(self) -> float:
        """Awake-day fraction (now - wake) / (bed - wake), clamped to [0, 1]."""
        return clamp((self.now - self.wake) / (self.bed - self.wake), 0.0, 1.0)

    def seconds(self, moment: datetime | None) -> float | None:
        """`moment` on this clock; None when missing or naive/aware do not match."""
        if not isinstance(moment, datetime) or is_aware(moment) != self.aware:
            return None
        return to_seconds(moment)

    def past(self, moment: datetime | None) -> float | None:
        """Like `seconds`, with a moment in the future counted as now."""
        value = self.seconds(moment)
        return None if value is None else min(value, self.now)


def is_aware(moment: datetime) -> bool:
    """True when `moment` carries a usable UTC offset."""
    return moment.tzinfo is not None and moment.utcoffset() is not None


def to_seconds(moment: datetime) -> float:
    """UTC seconds for an aware moment, wall-clock seconds for a naive one."""
    if is_aware(moment):
        return moment.timestamp()
    return (moment.replace(tzinfo=None) - _NAIVE_EPOCH).total_seconds()


def make_day(now: datetime, wake: time, bed: time) -> Day:
    """The awake day containing `now` (defaults 07:00-22:00 for an empty window)."""
    if _awake_length(wake, bed) == 0:
        wake, bed = DEFAULT_WAKE, DEFAULT_BED
    aware = is_aware(now)
    tz = now.tzinfo if aware else None
    now_s = to_seconds(now)
    wake_date = now.date()
    wake_s, bed_s = _window(wake_date, wake, bed, tz)
    if wake_s > now_s and wake_date > date.min:
        wake_s, bed_s = _window(wake_date - timedelta(days=1), wake, bed, tz)
    return Day(now=now_s, wake=wake_s, bed=bed_s, aware=aware)


@lru_cache(maxsize=16)
def _window(
    wake_date: date, wake: time, bed: time, tz: tzinfo | None
) -> tuple[float, float]:
    """Wake and bed of the awake day that starts on `wake_date`, in seconds (the
    same for every assessment of that day)."""
    wake_s = to_seconds(datetime.combine(wake_date, wake, tzinfo=tz))
    bed_s = _bed_seconds(wake_date, wake, bed, tz)
    if bed_s is None or bed_s <= wake_s:  # past date.max, or a DST jump
        bed_s = wake_s + _awake_length(wake, bed)
    return wake_s, bed_s


def _awake_length(wake: time, bed: time) -> float:
    """(bed - wake) mod 24 h in seconds; 0 for an invalid profile."""
    return (_time_of_day(bed) - _time_of_day(wake)) % DAY


def _time_of_day(moment: time) -> float:
    """Seconds since midnight."""
    return (
        moment.hour * HOUR
        + moment.minute * 60
        + moment.second
        + moment.microsecond / 1_000_000
    )


def _bed_seconds(
    wake_date: date, wake: time, bed: time, tz: tzinfo | None
) -> float | None:
    """Bed on the wall clock (wake day, or the day after); None past date.max."""
    bed_date = wake_date
    if _time_of_day(bed) <= _time_of_day(wake):
        if wake_date == date.max:
            return None
        bed_date += timedelta(days=1)
    return to_seconds(datetime.combine(bed_date, bed, tzinfo=tz))
