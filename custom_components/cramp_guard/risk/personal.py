"""Personal weights from the person's own cramps (personal.md section 4).

Case-crossover (Maclure 1991): each factor's mean sub-score in the 3 h before the
cramps (hazard samples) against its mean at all other times (control samples). The
ratio is shrunk towards 1 by 10 pseudo-events of "no difference", bounded to
0.5-2.0 and rounded to 2 decimals; the base weights times these multipliers are then
rescaled to the base weights' sum. Before 5 events with a hazard sample and 14
tracked days every multiplier is 1 (calibrating): the weights are the base ones.

Samples and events are read as `samples.py` says (naive = UTC wall clock, unusable
ones left out, one event per clock hour); any input gives a result, never an error.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
import math

from . import samples as timeline
from .combine import FACTOR_KEYS, WEIGHTS
from .curves import clamp, mean
from .samples import MINUTE_US, Point, Sample

HAZARD_US = 180 * MINUTE_US  # the hazard window: t - 180 min <= start < t
OFFSET = 0.05  # r_i = (a_i + 0.05) / (b_i + 0.05) [J]
PSEUDO_EVENTS = 10  # shrinkage n / (n + 10) [J]
MULTIPLIER_MIN = 0.5  # [J]
MULTIPLIER_MAX = 2.0  # [J]
DECIMALS = 2
MIN_EVENTS = 5  # active / ready: at least 5 events ... [J]
MIN_TRACKED_DAYS = 14  # ... and 14 tracked days [J]


@dataclass(frozen=True, slots=True)
class PersonalWeights:
    """The multipliers m_i (2 decimals), the personal weights w'_i, the events with
    a hazard sample (n), the tracked days, and whether they are used (`active`;
    False while calibrating, when every m_i is 1)."""

    multipliers: Mapping[str, float]
    weights: Mapping[str, float]
    events: int
    tracked_days: int
    active: bool


def personal_weights(
    samples: Sequence[Sample], events: Sequence[datetime]
) -> PersonalWeights:
    """The person's factor weights from their samples and cramp events."""
    usable = timeline.points(samples)
    starts = [point.at for point in usable]
    in_hazard = [False] * len(usable)
    n = 0
    for t in timeline.events(events):
        first = bisect_left(starts, t - HAZARD_US)
        end = bisect_left(starts, t)
        if first < end:
            n += 1
            in_hazard[first:end] = [True] * (end - first)
    days = timeline.tracked_days(usable)
    active = n >= MIN_EVENTS and days >= MIN_TRACKED_DAYS
    hazard = [point for point, flag in zip(usable, in_hazard, strict=True) if flag]
    control = [point for point, flag in zip(usable, in_hazard, strict=True) if not flag]
    multipliers = {
        key: _multiplier(_ratio(i, hazard, control), n) if active else 1.0
        for i, key in enumerate(FACTOR_KEYS)
    }
    return PersonalWeights(
        multipliers=multipliers,
        weights=rescaled(multipliers),
        events=n,
        tracked_days=days,
        active=active,
    )


def _ratio(index: int, hazard: Iterable[Point], control: Iterable[Point]) -> float:
    """r_i = (a_i + 0.05) / (b_i + 0.05); 1 when either side has no value."""
    a = _mean(point.subs[index] for point in hazard)
    b = _mean(point.subs[index] for point in control)
    if a is None or b is None:
        return 1.0
    return (a + OFFSET) / (b + OFFSET)


def _mean(values: Iterable[float | None]) -> float | None:
    """The mean of the available values; None when there is none."""
    available = [value for value in values if value is not None]
    return mean(available) if available else None


def _multiplier(r: float, n: int) -> float:
    """m_i = clamp(exp(n / (n + 10) * ln r_i), 0.5, 2.0), rounded to 2 decimals."""
    shrunk = math.exp(n / (n + PSEUDO_EVENTS) * math.log(r))
    return round(clamp(shrunk, MULTIPLIER_MIN, MULTIPLIER_MAX), DECIMALS)


def rescaled(multipliers: Mapping[str, float]) -> dict[str, float]:
    """w'_i = w_i * m_i * S, S = sum(w_i) / sum(w_i * m_i): the personal weights add
    up to the base weights' sum (m_i = 1 gives the base weights exactly)."""
    scaled = {key: WEIGHTS[key] * multipliers[key] for key in FACTOR_KEYS}
    s = math.fsum(WEIGHTS.values()) / math.fsum(scaled.values())
    return {key: value * s for key, value in scaled.items()}
