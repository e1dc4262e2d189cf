"""Activity bouts: spread counter increments over minutes, detect sustained effort.

A bout is at least 10 minutes at or above a per-minute rate (>= 100 steps, 0.5
intensity minutes or 5 kcal a minute) [J], with pauses of up to 2 minutes inside it;
sparse updates are spread evenly over their interval. Pure: no Home Assistant imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from .const import ActivityMetric

MIN_BOUT_MINUTES = 10
MAX_PAUSE_MINUTES = 2
ONGOING_WITHIN_MINUTES = 2
# Per-minute rate that counts as a bout, and the mean rate that makes it vigorous [J]
# (running cadence; Garmin counts vigorous minutes double).
BOUT_RATE = {
    ActivityMetric.STEPS: 100.0,
    ActivityMetric.INTENSITY_MINUTES: 0.5,
    ActivityMetric.ACTIVE_KCAL: 5.0,
}
VIGOROUS_RATE = {
    ActivityMetric.STEPS: 140.0,
    ActivityMetric.INTENSITY_MINUTES: 1.5,
    ActivityMetric.ACTIVE_KCAL: 10.0,
}


def minute_of(moment: datetime, day_start: datetime) -> float:
    """Real minutes since the start of the day (DST-safe)."""
    return (moment.timestamp() - day_start.timestamp()) / 60.0


def at_minute(day_start: datetime, minute: float) -> datetime:
    """The moment `minute` real minutes after the start of the day (DST-safe)."""
    return datetime.fromtimestamp(
        day_start.timestamp() + minute * 60.0, tz=day_start.tzinfo
    )


def spread(
    minutes: dict[int, float],
    amount: float,
    start: datetime,
    end: datetime,
    day_start: datetime,
) -> None:
    """Add `amount`, spread evenly over [start, end), to the day's minute buckets."""
    first, last = minute_of(start, day_start), minute_of(end, day_start)
    if amount <= 0 or last <= first:
        return
    rate = amount / (last - first)
    minute = int(first)
    while minute < last:
        overlap = min(minute + 1, last) - max(minute, first)
        if minute >= 0:
            minutes[minute] = minutes.get(minute, 0.0) + rate * overlap
        minute += 1


def _runs(active: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of minutes, allowing short pauses: (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for minute in sorted(active):
        if runs and minute - runs[-1][1] <= MAX_PAUSE_MINUTES + 1:
            runs[-1] = (runs[-1][0], minute)
        else:
            runs.append((minute, minute))
    return runs


def detect_bouts(
    minutes: Mapping[int, float],
    metric: ActivityMetric,
    day_start: datetime,
    now: datetime,
) -> list[tuple[datetime, datetime | None, float]]:
    """The day's bouts as (start, end or None while ongoing, mean rate per minute)."""
    threshold = BOUT_RATE[metric]
    bouts: list[tuple[datetime, datetime | None, float]] = []
    for first, last in _runs(m for m, v in minutes.items() if v >= threshold):
        length = last - first + 1
        if length < MIN_BOUT_MINUTES:
            continue
        start = at_minute(day_start, first)
        end: datetime | None = at_minute(day_start, last + 1)
        if minute_of(now, day_start) - (last + 1) < ONGOING_WITHIN_MINUTES:
            end = None
        total = sum(minutes.get(m, 0.0) for m in range(first, last + 1))
        bouts.append((start, end, total / length))
    return bouts


def amount_between(
    minutes: Mapping[int, float], start: datetime, end: datetime, day_start: datetime
) -> float:
    """What the buckets hold between two moments (whole minutes)."""
    first, last = int(minute_of(start, day_start)), int(minute_of(end, day_start))
    return sum(v for m, v in minutes.items() if first <= m < last)
