"""Hourly samples and cramp events on one timeline (personal.md section 2).

Shared by `evaluate` and `personal_weights`. Every moment becomes whole microseconds
on one timeline (exact: window edges such as `t - 60 min` compare without float
noise): an aware datetime by its UTC instant, a naive one (or one whose tzinfo gives
no offset) read as UTC wall-clock time, so an all-naive history works like one on a
single clock. A "local" day or clock hour is the moment's own: its tzinfo's.

Leniency, so that both functions are total: anything that is not a `Sample` (or an
event that is not a datetime), a sample whose score is not a finite number, or a
moment whose tzinfo fails is left out. A score is rounded half up and clamped to
0..100; a sub-score that is missing, None, NaN or not a number is unavailable, any
other is clamped to 0..1. Samples are taken as given: each one counts, duplicates
included (the caller records one an hour).

Events: several cramps within one clock hour (local to each cramp's own tzinfo) are
one event, at its earliest time; so duplicates collapse too. Everything is sorted
here; the order of the inputs does not matter, except that among samples with the
same start the one given last is the latest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
import math

from .clean import LIMIT
from .combine import FACTOR_KEYS, level_for
from .curves import clamp, round_half_up
from .day import is_aware
from .types import Level

MICROSECOND = timedelta(microseconds=1)
MINUTE_US = 60_000_000
TRACKED_DAY_SAMPLES = 12  # a tracked day: a local calendar day with >= 12 samples
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = _EPOCH.replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Sample:
    """One tracked hour: the index shown at `start` (tz-aware) and each factor's
    sub-score then (None = unavailable)."""

    start: datetime
    score: int
    subs: Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class Point:
    """A usable sample: its start in microseconds, local day, level and sub-scores
    in `FACTOR_KEYS` order."""

    at: int
    day: date
    level: Level
    subs: tuple[float | None, ...]


def microseconds(moment: object) -> int | None:
    """`moment` on the timeline (UTC microseconds); None when it is no datetime or
    its tzinfo fails."""
    if not isinstance(moment, datetime):
        return None
    try:
        if is_aware(moment):
            return (moment - _EPOCH) // MICROSECOND
        return (moment.replace(tzinfo=None) - _NAIVE_EPOCH) // MICROSECOND
    except (ArithmeticError, TypeError, ValueError):
        return None


def points(samples: Iterable[object] | None) -> list[Point]:
    """The usable samples, sorted by start (stable: equal starts keep their order)."""
    cleaned = (_point(sample) for sample in _items(samples))
    return sorted((p for p in cleaned if p is not None), key=lambda p: p.at)


def _point(sample: object) -> Point | None:
    if not isinstance(sample, Sample):
        return None
    at = microseconds(sample.start)
    score = _score(sample.score)
    if at is None or score is None:
        return None
    subs = sample.subs if isinstance(sample.subs, Mapping) else {}
    return Point(
        at=at,
        day=sample.start.date(),
        level=level_for(score),
        subs=tuple(_unit(subs.get(key)) for key in FACTOR_KEYS),
    )


def _score(value: object) -> int | None:
    """A finite score, rounded half up and clamped to 0..100; else None."""
    if not isinstance(value, int | float) or not -LIMIT <= value <= LIMIT:
        return None  # also NaN and inf
    return int(clamp(round_half_up(float(value)), 0, 100))


def _unit(value: object) -> float | None:
    """A sub-score clamped to 0..1; None when missing, NaN or not a number."""
    if not isinstance(value, int | float) or (
        isinstance(value, float) and math.isnan(value)
    ):
        return None
    return float(clamp(value, 0, 1))  # an int too big for a float compares fine


def events(moments: Iterable[object] | None) -> list[int]:
    """The events on the timeline, sorted: one per local clock hour, its earliest."""
    first: dict[int, int] = {}
    for moment in _items(moments):
        at = microseconds(moment)
        hour = _hour(moment)
        if at is not None and hour is not None and at < first.get(hour, at + 1):
            first[hour] = at
    return sorted(first.values())


def _hour(moment: object) -> int | None:
    """The start of `moment`'s clock hour (in its own tzinfo) on the timeline."""
    if not isinstance(moment, datetime):
        return None
    return microseconds(moment.replace(minute=0, second=0, microsecond=0))


def tracked_days(usable: Iterable[Point]) -> int:
    """Local calendar days with at least 12 samples."""
    per_day = Counter(point.day for point in usable)
    return sum(1 for count in per_day.values() if count >= TRACKED_DAY_SAMPLES)


def _items(values: Iterable[object] | None) -> tuple[object, ...]:
    """`values` as a tuple; nothing for None or anything that is not iterable."""
    if values is None:
        return ()
    try:
        return tuple(values)
    except TypeError:
        return ()
