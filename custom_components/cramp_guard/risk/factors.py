"""The six sub-scores, each 0..1 (spec section 3).

Each function maps already-computed quantities to a sub-score; unavailability is
decided by the caller (`assess`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .clean import Session
from .curves import Curve, clamp, pl
from .day import HOUR, Day

WORKLOAD_CURVE: Curve = ((1.0, 0.0), (1.3, 0.25), (1.5, 0.6), (2.0, 1.0))
RELATIVE_EXERTION_CURVE: Curve = ((1.0, 0.0), (1.5, 0.5), (2.0, 1.0))
DURATION_CURVE: Curve = ((60.0, 0.0), (150.0, 0.6))  # longest bout, minutes
HEAT_CURVE: Curve = ((24.0, 0.0), (26.0, 0.25), (28.0, 0.45), (32.0, 0.70), (39.0, 1.0))
HYDRATION_CURVE: Curve = ((0.4, 1.0), (0.6, 0.6), (0.9, 0.0))
POST_BOUT_CURVE: Curve = ((1.0, 1.0), (3.0, 0.0))  # hours since the last bout ended
BEDTIME_H = 2.0  # the last 2 h before bed
STRETCH_RECENT_H = 3.0  # near bed only a stretch this recent counts
LONG_BOUT_MIN = 20.0


def workload(ratio: float) -> float:
    """Acute:chronic ratio r -> 0 at 1.0, 1 at 2.0."""
    return pl(ratio, WORKLOAD_CURVE)


def exertion(q: float | None, bouts: Sequence[Session]) -> float:
    """max(s_rel, s_dur): today against a usual hard day, or the longest bout."""
    s_rel = 0.0 if q is None else pl(q, RELATIVE_EXERTION_CURVE)
    longest = max((bout.minutes for bout in bouts), default=0.0)
    return max(s_rel, pl(longest, DURATION_CURVE))


def heat(at_c: float) -> float:
    """Apparent temperature -> 0 at 24 degC, 1 at 39 degC."""
    return pl(at_c, HEAT_CURVE)


def hydration(pace: float) -> float:
    """Pace P -> 1 at 0.4 of expected, 0 at 0.9."""
    return pl(pace, HYDRATION_CURVE)


def near_bed(day: Day) -> bool:
    """Within 2 h of bed, or later (the whole sleep window)."""
    return day.now >= day.bed - BEDTIME_H * HOUR


def stretch(last_stretch: float | None, day: Day, bouts: Sequence[Session]) -> float:
    """0 after a counted stretch; else 1 after a long bout or near bed, else 0.5."""
    if _stretch_counts(last_stretch, day, bouts):
        return 0.0
    long_bout = any(bout.minutes >= LONG_BOUT_MIN for bout in bouts)
    return 1.0 if long_bout or near_bed(day) else 0.5


def _stretch_counts(
    last_stretch: float | None, day: Day, bouts: Sequence[Session]
) -> bool:
    """Logged today, after the last bout ended, and near bed within the last 3 h."""
    if last_stretch is None or last_stretch < day.wake:
        return False
    if any(bout.ongoing or last_stretch < bout.end for bout in bouts):
        return False
    return not near_bed(day) or day.now - last_stretch <= STRETCH_RECENT_H * HOUR


def timing(day: Day, bouts: Sequence[Session]) -> float:
    """max(post, night): just after a bout, or close to/after bed."""
    return max(_post(day, bouts), _night(day))


def _post(day: Day, bouts: Sequence[Session]) -> float:
    """1 during a bout, fading from 1 h to 3 h after the last one ended."""
    if not bouts:
        return 0.0
    if any(bout.ongoing for bout in bouts):
        return 1.0
    last_end = max(bout.end for bout in bouts)
    return pl((day.now - last_end) / HOUR, POST_BOUT_CURVE)


def _night(day: Day) -> float:
    """0 -> 1 over the 2 h before bed, then 1 until wake."""
    if not day.awake:
        return 1.0
    ramp_start = day.bed - BEDTIME_H * HOUR
    return clamp((day.now - ramp_start) / (BEDTIME_H * HOUR), 0.0, 1.0)
