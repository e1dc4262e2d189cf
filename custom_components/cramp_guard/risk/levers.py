"""What would lower the index now (personal.md section 5).

Each lever changes one input and assesses again with the same weights: drinking up
to today's expected amount (in 50 mL steps, at most 500 mL), stretching now, a room
2 degC cooler. A lever is kept when it lowers the score by at least one point; the
largest first, ties in the order water, stretch, cooler. The model's own arithmetic,
no promise.

`inputs` is a `RiskInputs`; its fields may hold anything `assess` accepts (an
unusable room temperature or water amount means no cooler or water lever).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
import math
from typing import Literal

from . import clean
from .assess import assess
from .types import Assessment, RiskInputs

LeverKey = Literal["water", "stretch", "cooler"]
WATER_STEP_ML = 50.0
WATER_MAX_ML = 500.0  # never more than about 1 L an hour (risk-model section 6)
COOLER_C = 2.0


@dataclass(frozen=True, slots=True)
class Lever:
    """One change (amount: mL of water, degC cooler, None for a stretch), the score
    it would give, and the points it takes off (>= 1)."""

    key: LeverKey
    amount: float | None
    score: int
    points: int


def levers(
    inputs: RiskInputs, weights: Mapping[str, float] | None = None
) -> tuple[Lever, ...]:
    """The levers that would lower `assess(inputs, weights).score` now."""
    base = assess(inputs, weights)
    changes: list[tuple[LeverKey, float | None, RiskInputs | None]] = [
        ("water", *_water(inputs, base)),
        ("stretch", None, _stretch(inputs, base)),
        ("cooler", COOLER_C, _cooler(inputs, base)),
    ]
    found = []
    for key, amount, changed in changes:
        if changed is None:
            continue
        score = assess(changed, weights).score
        if base.score - score >= 1:
            found.append(Lever(key, amount, score, base.score - score))
    return tuple(sorted(found, key=lambda lever: -lever.points))  # stable: ties keep


def _water(
    inputs: RiskInputs, base: Assessment
) -> tuple[float | None, RiskInputs | None]:
    """Awake, hydration available, expected known: drink the rest, in 50 mL steps,
    at most 500 mL; nothing when nothing is missing."""
    expected = base.water_expected_ml
    if not base.awake or not base.factors["hydration"].available or expected is None:
        return None, None
    water = clean.amount(inputs.water_ml) or 0.0  # known: hydration is available
    need = expected - water
    if not (math.isfinite(need) and need > 0):
        return None, None
    amount = min(WATER_MAX_ML, WATER_STEP_ML * math.ceil(need / WATER_STEP_ML))
    return amount, replace(inputs, water_ml=water + amount)


def _stretch(inputs: RiskInputs, base: Assessment) -> RiskInputs | None:
    """With a stretch sub-score above 0: a stretch logged now."""
    sub = base.factors["stretch"].sub_score
    if sub is None or not sub > 0:
        return None
    return replace(inputs, last_stretch=inputs.now, stretched_recently=True)


def _cooler(inputs: RiskInputs, base: Assessment) -> RiskInputs | None:
    """With a heat sub-score above 0 and a room temperature: room (and bedroom, when
    given) 2 degC cooler."""
    sub = base.factors["heat"].sub_score
    room = clean.temperature(inputs.room_temp_c)
    if sub is None or not sub > 0 or room is None:
        return None
    bedroom = clean.temperature(inputs.bedroom_temp_c)
    return replace(
        inputs,
        room_temp_c=room - COOLER_C,
        bedroom_temp_c=inputs.bedroom_temp_c if bedroom is None else bedroom - COOLER_C,
    )
