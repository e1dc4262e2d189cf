"""History multiplier, weighted combination, level and confidence (spec section 4).

raw = 100 * M * sum(w_i * s_i) / D over the available factors, D = max(sum of
available weights, 0.70): a few missing factors re-weight the rest, but a score
built on very little cannot climb to the top of the scale.

The weights are the base `WEIGHTS` unless the caller passes its own (personal
weights, personal.md section 4): then D, the contributions and the confidence use
those.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import math

from .clean import amount
from .curves import clamp, round_half_up
from .types import ConfidenceLevel, Factor, Level

WEIGHTS: Mapping[str, float] = {
    "workload": 0.25,
    "exertion": 0.30,
    "heat": 0.15,
    "hydration": 0.15,
    "stretch": 0.05,
    "timing": 0.10,
}
FACTOR_KEYS: tuple[str, ...] = tuple(WEIGHTS)
MIN_DENOMINATOR = 0.70
HISTORY_GAIN = 0.4  # M = 1 + 0.4 * h
HISTORY_TIERS = ((7.0, 1.0), (30.0, 0.5), (90.0, 0.25))  # (days since cramp, h)
PRONE_H = 0.5
LEVELS: tuple[tuple[int, Level], ...] = (
    (75, "very_high"),
    (50, "high"),
    (25, "moderate"),
    (0, "low"),
)
# The levels from lowest to highest: the one place their names and order live.
LEVEL_NAMES: tuple[Level, ...] = tuple(level for _, level in reversed(LEVELS))
CONFIDENCE_LEVELS: tuple[tuple[float, ConfidenceLevel], ...] = (
    (0.8, "high"),
    (0.5, "medium"),
)


@dataclass(frozen=True, slots=True)
class Combination:
    """The combined index: raw, integer score, level, M and per-factor parts."""

    raw: float
    score: int
    level: Level
    multiplier: float
    factors: Mapping[str, Factor]
    top_factors: tuple[str, ...]


def history_h(days_since_cramp: float | None, cramp_prone: bool) -> float:
    """h: 1.0 within 7 days, 0.5 within 30 (or prone), 0.25 within 90, else 0."""
    h = 0.0
    if days_since_cramp is not None:
        h = next((v for days, v in HISTORY_TIERS if days_since_cramp <= days), 0.0)
    return max(h, PRONE_H) if cramp_prone else h


def multiplier(h: float) -> float:
    """M = 1 + 0.4 * h."""
    return 1 + HISTORY_GAIN * h


def level_for(score: int) -> Level:
    """low 0-24, moderate 25-49, high 50-74, very_high 75-100."""
    return next(level for floor, level in LEVELS if score >= floor)


def factor_weights(weights: Mapping[str, float] | None) -> Mapping[str, float]:
    """The six weights to use: `WEIGHTS` for None; else each factor's given weight,
    or its base weight when that one is missing or not a finite number in 0..1e9
    (negative, NaN, inf, not a number; anything that is not a mapping counts as
    None).
    """
    if weights is None or weights is WEIGHTS or not isinstance(weights, Mapping):
        return WEIGHTS
    given = {key: amount(weights.get(key)) for key in FACTOR_KEYS}
    return {
        key: WEIGHTS[key] if value is None else value for key, value in given.items()
    }


def combine(
    sub_scores: Mapping[str, float | None],
    h: float = 0.0,
    weights: Mapping[str, float] | None = None,
) -> Combination:
    """Weight the sub-scores (missing or None = unavailable) and apply M(h).

    `weights`: the six factor weights instead of `WEIGHTS` (see `factor_weights`).
    """
    used = factor_weights(weights)
    subs = {key: _unit(sub_scores.get(key)) for key in FACTOR_KEYS}
    available = math.fsum(used[key] for key, sub in subs.items() if sub is not None)
    m = multiplier(_unit(h) or 0.0)
    scale = 100 * m / max(available, MIN_DENOMINATOR)
    factors = {key: _factor(sub, used[key], scale) for key, sub in subs.items()}
    raw = math.fsum(factor.contribution for factor in factors.values())
    score = int(clamp(round_half_up(raw), 0, 100))
    return Combination(
        raw=raw,
        score=score,
        level=level_for(score),
        multiplier=m,
        factors=factors,
        top_factors=_top(factors),
    )


def _unit(value: float | None) -> float | None:
    """A sub-score clamped to [0, 1]; None (unavailable) when missing or NaN."""
    if value is None or math.isnan(value):
        return None
    return clamp(value, 0.0, 1.0)


def _factor(sub: float | None, weight: float, scale: float) -> Factor:
    """contribution_i = 100 * M * w_i * s_i / D."""
    if sub is None:
        return Factor(sub_score=None, weight=weight, contribution=0.0, available=False)
    return Factor(
        sub_score=sub, weight=weight, contribution=scale * weight * sub, available=True
    )


def _top(factors: Mapping[str, Factor]) -> tuple[str, ...]:
    """Available factors with a positive contribution, largest first."""
    ranked = sorted(
        (key for key, factor in factors.items() if factor.contribution > 0),
        key=lambda key: (-factors[key].contribution, FACTOR_KEYS.index(key)),
    )
    return tuple(ranked)


def confidence(
    qualities: Mapping[str, float], weights: Mapping[str, float] | None = None
) -> float:
    """sum(w_i * q_i) over the available factors (given in `qualities`), at most 1
    (only weights that add up to more than the base weights' 1.0 reach the cap)."""
    used = factor_weights(weights)
    return min(1.0, math.fsum(used[key] * q for key, q in qualities.items()))


def confidence_level(value: float) -> ConfidenceLevel:
    """>= 0.8 high, >= 0.5 medium, else low."""
    rounded = round(value, 9)
    return next(
        (label for floor, label in CONFIDENCE_LEVELS if rounded >= floor), "low"
    )
