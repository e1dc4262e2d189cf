"""An assessment a person can check: whole points that add up to the score.

Pure (no Home Assistant): the card and the get_assessment answer show the same
numbers. A factor's contribution holds the history multiplier M (and the spread of
missing factors' weights); here it is split into the factor's base share
(contribution / M) and the history share (raw - raw / M), and these parts, scaled to
the score, are rounded with the largest-remainder method so that
sum(points) + history_points == score, always.

Also why M is above 1 (a recent cramp or cramp proneness) and what would raise the
confidence, from the same inputs and the model's data-quality rules. The weights are
the assessment's own (`Factor.weight`): base or personal, the points and the hints
follow the weights the index was computed with.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
import math
from typing import Literal, get_args

from .risk import clean
from .risk.assess import (
    EXERTION_FULL_DAYS,
    EXERTION_MIN_QUALITY,
    HELD_FACTORS,
    HELD_QUALITY,
    NO_STRETCH_QUALITY,
    NO_WATER_QUALITY,
    WORKLOAD_FULL_DAYS,
    known_held,
)
from .risk.combine import FACTOR_KEYS, PRONE_H, WEIGHTS, history_h
from .risk.day import DAY, make_day
from .risk.load import WINDOW_DAYS, present
from .risk.types import Assessment, LoadMetric, RiskInputs

History = Literal["recent_cramp", "cramp_prone"]
Hint = Literal[
    "no_workload_history",
    "no_activity_source",
    "no_room_temperature",
    "no_water_logged",
    "no_recent_stretch",
    "source_out",
    "source_stale",
]
HINTS: tuple[Hint, ...] = get_args(Hint)
MAX_HINTS = 3
_METRICS: tuple[LoadMetric, ...] = get_args(LoadMetric)


@dataclass(frozen=True, slots=True)
class FactorPoints:
    """One factor's whole points (0 when unavailable)."""

    key: str
    points: int
    available: bool


@dataclass(frozen=True, slots=True)
class Explanation:
    """Points per factor (most first, then model order) and the history's share."""

    points: tuple[FactorPoints, ...]
    history_points: int
    history: History | None
    confidence_hints: tuple[Hint, ...]

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: points as a list of {key, points, available}."""
        return {
            "points": [
                {"key": p.key, "points": p.points, "available": p.available}
                for p in self.points
            ],
            "history_points": self.history_points,
            "history": self.history,
            "confidence_hints": list(self.confidence_hints),
        }


def explain(assessment: Assessment, inputs: RiskInputs) -> Explanation:
    """The points, history reason and confidence hints of `assessment` of `inputs`."""
    factor_points, history_points = points(assessment)
    ranked = sorted(
        FACTOR_KEYS, key=lambda key: (-factor_points[key], FACTOR_KEYS.index(key))
    )
    return Explanation(
        points=tuple(
            FactorPoints(key, factor_points[key], assessment.factors[key].available)
            for key in ranked
        ),
        history_points=history_points,
        history=history_reason(assessment, inputs),
        confidence_hints=confidence_hints(assessment, inputs),
    )


def points(assessment: Assessment) -> tuple[dict[str, int], int]:
    """Whole points per factor and for the history multiplier; they sum to the score.

    Exact arithmetic: the parts are contribution / M per factor and the rest of their
    sum for M; each gets its quota of the score, the floors first, the points left
    over to the largest remainders (ties: model order, the history last). A float is
    an exact binary fraction, so every quota is an integer numerator over one common
    denominator, and the floors and remainders are integer divisions.
    """
    keys = [*FACTOR_KEYS, ""]  # "" = the history share
    contributions = [
        _exact(assessment.factors[key].contribution)
        if key in assessment.factors
        else (0, 1)
        for key in FACTOR_KEYS
    ]
    scale = max(den for _num, den in contributions)  # powers of two: a multiple of all
    shares = [num * (scale // den) for num, den in contributions]  # scale * c
    total = sum(shares)  # scale * the sum of the contributions
    score = assessment.score
    if total <= 0 or score <= 0:
        return dict.fromkeys(FACTOR_KEYS, 0), 0
    # No M to take out (not above 0, or not finite): the history's part is 0.
    m_num, m_den = _exact(assessment.multiplier, otherwise=(1, 1))
    # A factor's quota, (c / M) * score / sum(c), over `denominator`; the history's:
    # the rest of the score.
    denominator = total * m_num
    quotas = [share * m_den * score for share in shares]
    quotas.append(score * denominator - sum(quotas))
    floors = [q // denominator for q in quotas]
    order = sorted(range(len(keys)), key=lambda i: (-(quotas[i] % denominator), i))
    for i in order[: score - sum(floors)]:
        floors[i] += 1
    result = dict(zip(keys, floors, strict=True))
    return {key: result[key] for key in FACTOR_KEYS}, result[""]


def top_points(assessment: Assessment, count: int = 3) -> dict[str, int]:
    """The `count` factors with the most points (above 0), most first (ties: model
    order): the cramp risk sensor's `top_factors`."""
    factor_points, _history = points(assessment)
    ranked = sorted(
        (key for key, value in factor_points.items() if value > 0),
        key=lambda key: (-factor_points[key], FACTOR_KEYS.index(key)),
    )
    return {key: factor_points[key] for key in ranked[:count]}


def _exact(value: float, otherwise: tuple[int, int] = (0, 1)) -> tuple[int, int]:
    """A finite, positive float exactly, as (numerator, denominator: a power of two);
    anything else is `otherwise` (0)."""
    if math.isfinite(value) and value > 0:
        return value.as_integer_ratio()
    return otherwise


def history_reason(assessment: Assessment, inputs: RiskInputs) -> History | None:
    """Why M is above 1: a cramp within 90 days (when it decides M) or proneness."""
    if not assessment.multiplier > 1:
        return None
    prone = inputs.profile.cramp_prone is True
    cramp_h = history_h(_days_since_cramp(inputs), False)
    if cramp_h > 0 and (not prone or cramp_h >= PRONE_H):
        return "recent_cramp"
    return "cramp_prone" if prone else "recent_cramp"


def _days_since_cramp(inputs: RiskInputs) -> float | None:
    """Days since the last cramp as the model counts them (a future one is now)."""
    day = make_day(inputs.now, inputs.profile.wake, inputs.profile.bed)
    last = day.past(inputs.last_cramp)
    return None if last is None else (day.now - last) / DAY


def qualities(assessment: Assessment, inputs: RiskInputs) -> dict[str, float]:
    """The data quality q of each available factor as the model rates it (held and
    stale inputs halved): the assessment's confidence is sum(w * q).
    """
    held = _held_factors(inputs.held) | _held_factors(inputs.stale)
    return {
        key: q * (HELD_QUALITY if key in held else 1.0)
        for key, q in _full_qualities(inputs).items()
        if _available(assessment, key)
    }


def _full_qualities(inputs: RiskInputs) -> dict[str, float]:
    """q of every factor were it available, before held inputs are halved."""
    metric = inputs.load_metric if inputs.load_metric in _METRICS else None
    history = clean.history(inputs.load_history)
    window = len(present(history[-WINDOW_DAYS:]))
    days = len(present(history)) if metric is not None else 0
    return {
        "workload": min(1.0, window / WORKLOAD_FULL_DAYS),
        "exertion": max(EXERTION_MIN_QUALITY, min(1.0, days / EXERTION_FULL_DAYS)),
        "heat": 1.0,
        "hydration": 1.0 if clean.amount(inputs.water_ml) else NO_WATER_QUALITY,
        "stretch": 1.0 if inputs.stretched_recently is True else NO_STRETCH_QUALITY,
        "timing": 1.0,
    }


def _held_factors(names: object) -> set[str]:
    """The factors of the held (or stale) inputs the model knows (as risk/assess.py
    reads them)."""
    return {key for name in known_held(names) for key in HELD_FACTORS[name]}


def _available(assessment: Assessment, key: str) -> bool:
    factor = assessment.factors.get(key)
    return factor is not None and factor.available


def _weights(assessment: Assessment) -> dict[str, float]:
    """The weights `assessment` was computed with (base for a factor it lacks)."""
    return {
        key: assessment.factors[key].weight
        if key in assessment.factors
        else WEIGHTS[key]
        for key in FACTOR_KEYS
    }


def _confidence(
    weights: Mapping[str, float],
    available: Set[str],
    quality: Mapping[str, float],
    held: Set[str],
) -> float:
    """sum(w * q) over `available`, the `held` factors' q halved."""
    return math.fsum(
        weights[key] * quality[key] * (HELD_QUALITY if key in held else 1.0)
        for key in available
    )


def confidence_hints(assessment: Assessment, inputs: RiskInputs) -> tuple[Hint, ...]:
    """What would raise the confidence, the most valuable first (at most 3).

    Each hint is valued by what its remedy adds to the confidence under the model's
    quality rules: more activity history (workload and exertion at full quality), an
    activity source, a room temperature (heat available), water logged (hydration
    at full quality), a recent stretch, the held sources back, or the stale ones
    synced.
    """
    weights = _weights(assessment)
    quality = _full_qualities(inputs)
    out = _held_factors(inputs.held)
    late = _held_factors(inputs.stale)
    held = out | late
    available = {key for key in FACTOR_KEYS if _available(assessment, key)}
    now = _confidence(weights, available, quality, held)
    load = ("workload", "exertion")

    def gain(
        adds: Set[str] = frozenset(),
        better: Set[str] = frozenset(),
        halved: Set[str] | None = None,
    ) -> float:
        """The confidence with `adds` available, `better` at q = 1 and only `halved`
        halved (None: as now)."""
        raised = {**quality, **dict.fromkeys(better, 1.0)}
        held_now = held if halved is None else halved
        return _confidence(weights, available | adds, raised, held_now) - now

    has_metric = inputs.load_metric in _METRICS
    short = has_metric and min(quality["workload"], quality["exertion"]) < 1.0
    values: dict[Hint, float] = {
        "no_workload_history": gain({"workload"}, set(load)) if short else 0.0,
        "no_activity_source": 0.0 if has_metric else gain(set(load), set(load)),
        "no_room_temperature": gain({"heat"}),
        "no_water_logged": 0.0
        if quality["hydration"] == 1.0
        else gain({"hydration"}, {"hydration"}),
        "no_recent_stretch": gain(better={"stretch"}),
        "source_out": gain(halved=late),  # the sources out back
        "source_stale": gain(halved=out),  # the stale ones synced
    }
    ranked = sorted(
        (hint for hint in HINTS if values[hint] > 1e-9),
        key=lambda hint: (-round(values[hint], 9), HINTS.index(hint)),
    )
    return tuple(ranked[:MAX_HINTS])
