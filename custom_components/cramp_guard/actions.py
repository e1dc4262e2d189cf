"""What a person logs by hand: water, stretches and cramps.

Buttons, actions, notification taps and the webhook all come here. Each writes through
the ledger's write API (which puts a moment on its awake day: before wake, the day that
just ended), saves soon and assesses again at once; the totals come from that new
assessment's snapshot, so water today is computed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
import math

from homeassistant.core import callback
from homeassistant.util import dt as dt_util

from .engine import Engine
from .flow_schemas import WATER_UNITS
from .ledger import CrampRecord
from .sources import volume_ml

MUSCLES = ("calf", "hamstring", "quadriceps", "foot", "hand", "other")
CONTEXTS = ("exercise", "rest", "night")
SEVERITIES = ("mild", "moderate", "severe")
MAX_WATER_ML = 3000.0  # more in one log is a typo, not a drink
AFTER_EXERCISE = timedelta(hours=1)


# Unit names accepted from people and scripts, whatever their case; "cups" too.
UNITS = {str(unit).lower(): str(unit) for unit in WATER_UNITS} | {"cups": "cup"}


class WaterError(ValueError):
    """Why an amount of water is refused: invalid_unit, invalid_amount or too large."""

    def __init__(self, reason: str, unit: str, ml: float | None = None) -> None:
        """Keep the reason (a translation key) and what it is about."""
        super().__init__(reason)
        self.reason, self.unit, self.ml = reason, unit, ml


def water_ml(amount: float, unit: str) -> float:
    """The amount in whole millilitres: 1 to 3000 mL in a unit of UNITS."""
    canonical = UNITS.get(unit.strip().lower())
    if canonical is None:
        raise WaterError("invalid_unit", unit)
    ml = volume_ml(amount, canonical).value if math.isfinite(amount) else None
    if ml is None or round(ml) < 1:
        raise WaterError("invalid_amount", canonical)
    if ml > MAX_WATER_ML:
        raise WaterError("amount_too_large", canonical, ml)
    return float(round(ml))


@dataclass(frozen=True, slots=True)
class Totals:
    """What the day holds after a log (the webhook answers with it)."""

    water_today_ml: float
    stretches_today: int
    cramps_30_days: int

    def as_dict(self) -> dict[str, float | int]:
        """JSON-ready."""
        return {
            "water_today_ml": round(self.water_today_ml),
            "stretches_today": self.stretches_today,
            "cramps_30_days": self.cramps_30_days,
        }


def totals(engine: Engine) -> Totals:
    """The current awake day's totals, from the engine's last snapshot."""
    snapshot = engine.snapshot
    assert snapshot is not None  # the engine assesses as it starts
    return Totals(
        water_today_ml=snapshot.inputs.water_ml or 0.0,
        stretches_today=len(snapshot.day.stretches),
        cramps_30_days=snapshot.cramps_30_days,
    )


@callback
def _changed(engine: Engine) -> Totals:
    engine.ledger.async_schedule_save(logged=True)
    engine.async_update()
    return totals(engine)


@callback
def async_log_water(engine: Engine, ml: float) -> Totals:
    """Add a drink of `ml` millilitres (validated by the caller)."""
    engine.ledger.add_water(ml, dt_util.now(), logged=True)
    return _changed(engine)


@callback
def async_log_stretch(engine: Engine) -> Totals:
    """Record a stretch now."""
    engine.ledger.add_stretch(dt_util.now())
    return _changed(engine)


def cramp_context(engine: Engine, now: datetime) -> str:
    """Exercise during or within an hour of a bout, night while asleep, else rest."""
    snapshot = engine.snapshot
    if snapshot is None:
        return "rest"
    for bout in snapshot.inputs.bouts:
        if bout.end is None or now - bout.end <= AFTER_EXERCISE:
            return "exercise"
    return "rest" if snapshot.assessment.awake else "night"


@callback
def async_log_cramp(
    engine: Engine,
    muscle: str = "calf",
    context: str | None = None,
    severity: str | None = None,
) -> Totals:
    """Record a cramp now; the context is worked out when not given."""
    now = dt_util.now()
    record = CrampRecord(now, muscle, context or cramp_context(engine, now), severity)
    engine.ledger.add_cramp(record)
    return _changed(engine)
