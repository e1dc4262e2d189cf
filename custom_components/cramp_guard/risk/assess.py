"""`assess`: from plain inputs to an Assessment (spec sections 3 and 4).

Sanitise, put every moment on the awake day's clock, compute the six sub-scores
(None when unavailable), combine them and attach the confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import clean, factors, hydration, load
from .clean import Session
from .combine import (
    combine,
    confidence,
    confidence_level,
    factor_weights,
    history_h,
)
from .curves import ratio
from .day import DAY, HOUR, Day, make_day
from .types import Assessment, LoadMetric, RiskInputs

RECENT_BOUT_H = 6.0  # outdoor heat of bouts that ended within the last 6 h counts
WORKLOAD_FULL_DAYS = 21
EXERTION_FULL_DAYS = 7
EXERTION_MIN_QUALITY = 0.3
NO_WATER_QUALITY = 0.3
NO_STRETCH_QUALITY = 0.5
HELD_QUALITY = 0.5  # an input held through a source's outage counts half [J]
HELD_FACTORS = {"load": ("workload", "exertion"), "water": ("hydration",)}
MIN_BODY_MASS_KG = 1.0  # below this (or <= 0) the body mass counts as unknown
MIN_TARGET_ML = 1.0  # a smaller water-target override is ignored
_METRICS: tuple[LoadMetric, ...] = ("intensity_minutes", "active_kcal", "steps")


@dataclass(frozen=True, slots=True)
class _Part:
    """One sub-score (None = unavailable) and its data quality q."""

    sub: float | None
    quality: float


def assess(
    inputs: RiskInputs, weights: Mapping[str, float] | None = None
) -> Assessment:
    """The cramp-risk index for `inputs`; total: never raises on odd values.

    `weights`: the six factor weights to use instead of the base `WEIGHTS` (personal
    weights, personal.md section 4); None = the base weights. D, the contributions
    and the confidence are computed with them. A factor whose weight is missing or
    not a finite number in 0..1e9 keeps its base weight.
    """
    used = factor_weights(weights)
    profile = inputs.profile
    day = make_day(inputs.now, profile.wake, profile.bed)
    bouts = clean.sessions(inputs.bouts, day)
    metric = inputs.load_metric if inputs.load_metric in _METRICS else None
    history = clean.history(inputs.load_history)
    today = clean.amount(inputs.load_today)
    room_at = clean.apparent(inputs.room_temp_c, inputs.room_humidity)
    water_ml = clean.amount(inputs.water_ml)
    water = hydration.water(
        day,
        bouts,
        base=hydration.base_drinks(
            clean.at_least(profile.body_mass_kg, MIN_BODY_MASS_KG), profile.sex
        ),
        heat=hydration.heat_extra(clean.temperature(inputs.max_room_heat_index_c)),
        room_at=room_at,
        override_ml=clean.at_least(profile.water_target_ml, MIN_TARGET_ML),
        water_ml=water_ml,
    )
    workload = None if metric is None else load.workload(history, today, metric)
    at_c = _apparent_temperature(inputs, day, bouts, room_at)
    parts = {
        "workload": _workload(workload),
        "exertion": _exertion(history, today, metric, bouts),
        "heat": _Part(None if at_c is None else factors.heat(at_c), 1.0),
        "hydration": _hydration(water.pace, water_ml),
        "stretch": _stretch(inputs, day, bouts),
        "timing": _Part(factors.timing(day, bouts), 1.0),
    }
    combined = combine(
        {key: part.sub for key, part in parts.items()}, _h(inputs, day), used
    )
    quality = {k: p.quality for k, p in parts.items() if p.sub is not None}
    for name in _held(inputs):
        for key in HELD_FACTORS[name]:
            if key in quality:
                quality[key] *= HELD_QUALITY
    value = confidence(quality, used)
    return Assessment(
        score=combined.score,
        raw=combined.raw,
        level=combined.level,
        multiplier=combined.multiplier,
        confidence=value,
        confidence_level=confidence_level(value),
        factors=combined.factors,
        top_factors=combined.top_factors,
        water_target_ml=water.target,
        water_expected_ml=water.expected,
        hydration_pace=water.pace,
        workload_ratio=None if workload is None else workload.ratio,
        apparent_temp_c=at_c,
        awake=day.awake,
    )


def _held(inputs: RiskInputs) -> set[str]:
    """The held and the stale inputs the model knows (anything else is ignored)."""
    return known_held(inputs.held) | known_held(inputs.stale)


def known_held(names: Any) -> set[str]:
    """The names of held (or stale) inputs the model knows; not a collection: none."""
    try:
        return {name for name in names if name in HELD_FACTORS}
    except TypeError:  # not a collection
        return set()


def _workload(workload: load.Workload | None) -> _Part:
    """Acute:chronic ratio; q = min(1, n / 21)."""
    if workload is None:
        return _Part(None, 0.0)
    return _Part(
        factors.workload(workload.ratio), min(1.0, workload.days / WORKLOAD_FULL_DAYS)
    )


def _exertion(
    history: Sequence[float | None],
    today: float | None,
    metric: LoadMetric | None,
    bouts: Sequence[Session],
) -> _Part:
    """Needs today's load (with a known metric) or a bout; q = max(0.3, min(1, n/7)).

    Without a known metric the history means nothing, so n = 0 then.
    """
    days = load.present(history) if metric is not None else []
    quality = max(EXERTION_MIN_QUALITY, min(1.0, len(days) / EXERTION_FULL_DAYS))
    q = None
    if metric is not None and today is not None:
        q = ratio(today, load.usual_hard_day(days, metric))
    if q is None and not bouts:
        return _Part(None, 0.0)
    return _Part(factors.exertion(q, bouts), quality)


def _apparent_temperature(
    inputs: RiskInputs, day: Day, bouts: Sequence[Session], room_at: float | None
) -> float | None:
    """Awake: the hottest of the room and recent outdoor bouts; asleep: the bedroom."""
    if not day.awake:
        bedroom = clean.apparent(inputs.bedroom_temp_c, inputs.bedroom_humidity)
        return room_at if bedroom is None else bedroom
    recent = [
        bout.outdoor_at
        for bout in bouts
        if bout.outdoor_at is not None
        and (bout.ongoing or day.now - bout.end <= RECENT_BOUT_H * HOUR)
    ]
    candidates = recent if room_at is None else [room_at, *recent]
    return max(candidates, default=None)


def _hydration(pace: float | None, water_ml: float | None) -> _Part:
    """Pace against expected; q = 1 when any water was logged, else 0.3."""
    if pace is None:
        return _Part(None, 0.0)
    quality = 1.0 if water_ml else NO_WATER_QUALITY
    return _Part(factors.hydration(pace), quality)


def _stretch(inputs: RiskInputs, day: Day, bouts: Sequence[Session]) -> _Part:
    """Stretch sub-score; q = 1 with a stretch in the last 14 days, else 0.5."""
    quality = 1.0 if inputs.stretched_recently is True else NO_STRETCH_QUALITY
    return _Part(factors.stretch(day.past(inputs.last_stretch), day, bouts), quality)


def _h(inputs: RiskInputs, day: Day) -> float:
    """History h from the last cramp (a future one counts as now) and proneness."""
    last = day.past(inputs.last_cramp)
    days = None if last is None else (day.now - last) / DAY
    return history_h(days, inputs.profile.cramp_prone is True)
