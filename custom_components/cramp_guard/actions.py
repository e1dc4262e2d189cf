"""What a person logs by hand: water, stretches and cramps.

Buttons, actions, notification taps and the webhook all come here, to `async_log`: it
validates the body (`bodies`), writes it through the ledger's write API (which puts a
moment on its awake day: before wake, the day that just ended), saves soon and
assesses again at once; the totals come from that new assessment's snapshot, so water
today is computed in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import callback
from homeassistant.util import dt as dt_util

from .bodies import Refused, validate
from .engine import Engine
from .ledger import CrampRecord, day_of, log_id, night_before

AFTER_EXERCISE = timedelta(hours=1)


UNDO_WITHIN = timedelta(days=1)  # "the last one": a hand log of the last 24 h


@dataclass(frozen=True, slots=True)
class Totals:
    """What the day holds after a log or an undo (the actions and the webhook answer
    with it), and the id of the hand log written or removed."""

    water_today_ml: float
    stretches_today: int
    cramps_30_days: int
    log_id: str | None = None

    def as_dict(self) -> dict[str, float | int | str | None]:
        """JSON-ready."""
        return {
            "water_today_ml": round(self.water_today_ml),
            "stretches_today": self.stretches_today,
            "cramps_30_days": self.cramps_30_days,
            "log_id": self.log_id,
        }


def totals(engine: Engine) -> Totals:
    """The current awake day's totals, from the engine's last snapshot."""
    snapshot = engine.snapshot
    assert snapshot is not None  # the engine assesses as it starts
    return Totals(
        water_today_ml=snapshot.inputs.water_ml or 0.0,
        stretches_today=snapshot.stretches_today,
        cramps_30_days=snapshot.cramps_30_days,
    )


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
def async_log(
    engine: Engine, kind: str, data: Mapping[str, Any], around: tuple[str, ...] = ()
) -> Totals:
    """Log a body of `kind` (water, stretch, cramp) now; `Refused` writes nothing.

    Water is added in whole mL; a cramp's context is worked out when not given.
    `around`: the keys the path takes besides the body (`validate`).
    """
    fields = validate(kind, data, around)
    now = dt_util.now()
    if kind == "water":
        engine.ledger.add_water(fields["ml"], now, logged=True)
    elif kind == "stretch":
        engine.ledger.add_stretch(now)
    else:
        context = fields.get("context") or cramp_context(engine, now)
        record = CrampRecord(now, fields["muscle"], context, fields.get("severity"))
        engine.ledger.add_cramp(record)
    return _written(engine, log_id(kind, now))


@callback
def async_undo(
    engine: Engine, log: str | None = None, kind: str | None = None
) -> Totals:
    """Remove a hand log: the one with the id `log`, else the last one of the last
    24 h (of `kind`, when given); `Refused` removes nothing."""
    if log is None:
        since = dt_util.now() - UNDO_WITHIN
        logs = [
            found
            for found in engine.ledger.hand_logs(since)
            if kind is None or found.startswith(f"{kind}@")
        ]
        if not logs:
            raise Refused(
                "nothing_to_undo", "nothing to undo", name=engine.settings.name
            )
        log = logs[-1]
    if not engine.ledger.remove_log(log):
        raise Refused("log_not_found", f"no hand log {log}", log_id=log)
    return _written(engine, log)


@callback
def async_answer_night(engine: Engine, cramps: bool) -> Totals:
    """The morning check-in's answer about last night (the sleep window before the
    current awake day's wake time): "yes" logs a night cramp in its middle, "no"
    records a night without one; a later answer replaces an earlier one."""
    now = dt_util.now()
    profile = engine.settings.profile
    day = day_of(now, profile.wake)
    night = night_before(day, profile.wake, profile.bed, now.tzinfo)
    return _written(engine, engine.ledger.answer_night(night, cramps))


def _written(engine: Engine, log: str | None) -> Totals:
    """Save soon, assess at once; the totals, with the hand log's id."""
    engine.ledger.async_schedule_save(logged=True)
    engine.async_update()
    return replace(totals(engine), log_id=log)
