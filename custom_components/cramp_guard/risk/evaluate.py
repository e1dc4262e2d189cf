"""How well the index has matched the person's cramps (personal.md section 3).

Each hour counts at the level of its sample's score; each cramp event at the level
of its reference sample, the latest one that started 60 to 180 min before it
(`t - 180 min < start <= t - 60 min`). From these counts: cramps per 100 hours at
each level, the share of the cramps that came after high or very high hours against
the share of the time spent there, and their ratio (lift). Only counts, no claim
beyond them; `ready` once there are 5 matched events and 14 tracked days.

Samples and events are read as `samples.py` says (naive = UTC wall clock, unusable
ones left out, one event per clock hour); any input gives a result, never an error.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from . import samples as timeline
from .combine import LEVEL_NAMES
from .personal import MIN_EVENTS, MIN_TRACKED_DAYS
from .samples import MINUTE_US, Sample
from .types import Level

REFERENCE_FROM_US = 180 * MINUTE_US  # a reference sample started after t - 180 min
REFERENCE_TO_US = 60 * MINUTE_US  # ... and at or before t - 60 min
HIGH_LEVELS: tuple[Level, ...] = ("high", "very_high")


@dataclass(frozen=True, slots=True)
class LevelRow:
    """Hours (samples) at one level, the matched events there, and events per 100
    hours (None without hours)."""

    hours: int
    events: int
    per_100_hours: float | None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The counts by level (all four, low first) and the high-level shares."""

    by_level: Mapping[Level, LevelRow]
    matched: int
    high_share_events: float | None
    high_share_time: float | None
    lift: float | None
    tracked_days: int
    ready: bool


def evaluate(samples: Sequence[Sample], events: Sequence[datetime]) -> Evaluation:
    """Compare the levels before the person's cramps with the levels of all hours."""
    usable = timeline.points(samples)
    starts = [point.at for point in usable]
    hours = Counter(point.level for point in usable)
    matched_at: Counter[Level] = Counter()
    for t in timeline.events(events):
        latest = bisect_right(starts, t - REFERENCE_TO_US) - 1
        if latest >= 0 and starts[latest] > t - REFERENCE_FROM_US:
            matched_at[usable[latest].level] += 1
    matched = sum(matched_at.values())
    high_events = sum(matched_at[level] for level in HIGH_LEVELS)
    high_hours = sum(hours[level] for level in HIGH_LEVELS)
    share_events = high_events / matched if matched else None
    share_time = high_hours / len(usable) if usable else None
    days = timeline.tracked_days(usable)
    return Evaluation(
        by_level={
            level: _row(hours[level], matched_at[level]) for level in LEVEL_NAMES
        },
        matched=matched,
        high_share_events=share_events,
        high_share_time=share_time,
        lift=share_events / share_time if share_events and share_time else None,
        tracked_days=days,
        ready=matched >= MIN_EVENTS and days >= MIN_TRACKED_DAYS,
    )


def _row(hours: int, events: int) -> LevelRow:
    """per_100_hours = 100 * events / hours, None when hours = 0."""
    return LevelRow(
        hours=hours,
        events=events,
        per_100_hours=100 * events / hours if hours else None,
    )
