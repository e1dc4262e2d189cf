"""Drinking target, expected-by-now and pace (spec section 3, hydration).

Drinks only (food water is the other ~20 %): 80 % of 32.5 mL/kg, or of the EFSA 2010
adequate intakes without a body mass, plus exercise and indoor-heat extras. The
expected amount follows a front-loaded curve over the awake day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .clean import Session
from .curves import clamp, ratio
from .day import HOUR, Day

DRINK_SHARE = 0.8
ML_PER_KG = 32.5
EFSA_TOTAL_ML: dict[str | None, float] = {"female": 2000.0, "male": 2500.0}
EFSA_UNKNOWN_ML = 2250.0
TARGET_CAP_ML = 5000.0
ML_PER_KCAL = 1.0
VIGOROUS_ML_PER_H = 800.0
MODERATE_ML_PER_H = 500.0
WARM_FROM_C = 25.0  # bout AT < 25: x1.0
HOT_ABOVE_C = 30.0  # 25-30: x1.2, above 30: x1.4
WARM_MULTIPLIER = 1.2
HOT_MULTIPLIER = 1.4
HEAT_EXTRA_FROM_C = 26.0
HEAT_EXTRA_ML_PER_C = 100.0
HEAT_EXTRA_CAP_ML = 500.0
FRONT_LOAD_EXPONENT = 1.3
SETTLING_H = 2.0  # no pace in the first 2 h after wake


@dataclass(frozen=True, slots=True)
class Water:
    """Today's target; expected-by-now and pace are None when hydration is unknown."""

    target: float
    expected: float | None
    pace: float | None


def base_drinks(body_mass_kg: float | None, sex: str | None) -> float:
    """80 % of 32.5 mL/kg, or of the EFSA adequate intake by sex."""
    if body_mass_kg is not None:
        return DRINK_SHARE * ML_PER_KG * body_mass_kg
    return DRINK_SHARE * EFSA_TOTAL_ML.get(sex, EFSA_UNKNOWN_ML)


def heat_multiplier(at_c: float | None) -> float:
    """1.0 / 1.2 / 1.4 for an apparent temperature < 25 / 25-30 / > 30 degC."""
    if at_c is None or at_c < WARM_FROM_C:
        return 1.0
    return WARM_MULTIPLIER if at_c <= HOT_ABOVE_C else HOT_MULTIPLIER


def bout_extra(bout: Session, room_at: float | None) -> float:
    """Sweat replacement for one bout: 1 mL/kcal, else by duration and intensity."""
    if bout.kcal is not None:
        extra = bout.kcal * ML_PER_KCAL
    else:
        per_hour = VIGOROUS_ML_PER_H if bout.vigorous else MODERATE_ML_PER_H
        extra = bout.minutes / 60 * per_hour
    at_c = bout.outdoor_at if bout.outdoor_at is not None else room_at
    return extra * heat_multiplier(at_c)


def heat_extra(max_room_heat_index_c: float | None) -> float:
    """100 mL per degC of today's peak indoor heat index above 26, at most 500 mL."""
    if max_room_heat_index_c is None:
        return 0.0
    over = max(0.0, max_room_heat_index_c - HEAT_EXTRA_FROM_C)
    return min(HEAT_EXTRA_CAP_ML, HEAT_EXTRA_ML_PER_C * over)


def front_loaded(x: float) -> float:
    """E(x) = 1 - (1 - x)^1.3: the share of the day's drinks expected by now."""
    return 1 - float((1 - x) ** FRONT_LOAD_EXPONENT)


def water(
    day: Day,
    bouts: Sequence[Session],
    *,
    base: float,
    heat: float,
    room_at: float | None,
    override_ml: float | None,
    water_ml: float | None,
) -> Water:
    """Target, expected-by-now and pace P (water over expected, or over target)."""
    extras = [bout_extra(bout, room_at) for bout in bouts]
    target = min(TARGET_CAP_ML, base + sum(extras) + heat)
    if override_ml is not None:
        target = override_ml
    if water_ml is None or day.now - day.wake < SETTLING_H * HOUR:
        return Water(target=target, expected=None, pace=None)
    if not day.awake:
        return Water(target=target, expected=target, pace=ratio(water_ml, target))
    share = front_loaded(day.x)
    if override_ml is not None:
        expected = share * target
    else:
        expected = share * (base + heat) + sum(
            extra * clamp((day.now - bout.end) / HOUR, 0.0, 1.0)
            for extra, bout in zip(extras, bouts, strict=True)
            if not bout.ongoing
        )
    return Water(target=target, expected=expected, pace=ratio(water_ml, expected))
