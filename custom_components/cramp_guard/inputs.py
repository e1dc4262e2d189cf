"""From the ledger and the current readings to the model's inputs.

"Today" is the awake day (`Ledger.day_of`): before the wake time, the day that just
ended. Bouts come from the workout entity when there is one, else they are detected
from the activity. A counter source that is out for a short while keeps what it
counted (the model is told, and trusts it less); after a long outage it is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime, timedelta

from .bouts import VIGOROUS_RATE, amount_between, detect_bouts, minute_of
from .const import (
    CONF_ACTIVITY,
    CONF_BEDROOM_HUMIDITY,
    CONF_BEDROOM_TEMPERATURE,
    CONF_ROOM_HUMIDITY,
    CONF_ROOM_TEMPERATURE,
    CONF_WATER,
    CONF_WORKOUT,
    COUNTER_SOURCES,
    ActivityMetric,
)
from .counters import midnight
from .ledger import Day, Ledger
from .risk import Bout, RiskInputs, heat_index_c
from .risk.types import HeldInput
from .settings import Settings

STRETCH_MEMORY = timedelta(days=14)
CRAMP_WINDOW = timedelta(days=30)  # what the Cramps (30 days) sensor and prompts see


def _mean_rate(day: Day, start: datetime, end: datetime, day_start: datetime) -> float:
    """Mean activity per minute between two moments."""
    minutes = max(1.0, (end - start).total_seconds() / 60)
    return amount_between(day.minutes, start, end, day_start) / minutes


def day_bouts(day: Day, settings: Settings, now: datetime) -> list[Bout]:
    """Today's bouts: from the workout entity when there is one, else detected."""
    metric = settings.activity_metric
    day_start = midnight(day.day, now.tzinfo)
    if CONF_WORKOUT in settings.sources:
        spans = [
            (b.start, b.end, _mean_rate(day, b.start, b.end or now, day_start))
            for b in day.bouts
        ]
    elif settings.has_activity:
        spans = detect_bouts(day.minutes, metric, day_start, now)
    else:
        return []
    bouts = []
    for start, end, rate in spans:
        minutes = ((end or now) - start).total_seconds() / 60
        first, last = (int(minute_of(t, day_start) // 60) for t in (start, end or now))
        outdoor = [day.outdoor[h] for h in range(first, last + 1) if h in day.outdoor]
        temp, humidity = max(
            outdoor, key=lambda t: heat_index_c(*t), default=(None, None)
        )
        bouts.append(
            Bout(
                start=start,
                end=end,
                active_kcal=rate * minutes
                if metric is ActivityMetric.ACTIVE_KCAL and settings.has_activity
                else None,
                vigorous=rate >= VIGOROUS_RATE[metric],
                outdoor_temp_c=temp,
                outdoor_humidity=humidity,
            )
        )
    return bouts


def _counted(status: bool | None, total: float | None) -> float | None:
    """A counter's day total for the model: while usable, what it counted (0 when
    nothing yet); held through an outage, what it counted, if anything; out for too
    long (or not configured), nothing.
    """
    if status is None:
        return None
    return (total or 0.0) if status else total


def recent_cramps(ledger: Ledger, now: datetime) -> tuple[tuple[datetime, str], ...]:
    """The cramps of the last 30 days as (moment, context), oldest first."""
    since = now - CRAMP_WINDOW
    return tuple((c.at, c.context) for c in ledger.iter_cramps() if c.at >= since)


def recent_severe(ledger: Ledger, now: datetime) -> tuple[datetime, ...]:
    """The moments of the cramps of the last 30 days logged as severe, oldest first."""
    since = now - CRAMP_WINDOW
    return tuple(
        c.at for c in ledger.iter_cramps() if c.at >= since and c.severity == "severe"
    )


def build_inputs(
    now: datetime,
    settings: Settings,
    ledger: Ledger,
    value: Callable[[str], float | None],
    counters: Mapping[str, bool | None],
    stale: Collection[str] = (),
) -> tuple[RiskInputs, Day]:
    """The model's inputs for `now` from the readings and the ledger.

    `counters` says of each counter source: True usable, False held through a short
    outage, None not configured or out too long; `stale`: the counter sources silent
    for longer than they usually are (`freshness.py`).
    """
    today = ledger.day_of(now)
    day = ledger.days.get(today) or Day(today)
    stretches = ledger.iter_stretches()
    cramps = ledger.iter_cramps()
    activity, water = (counters.get(key) for key in COUNTER_SOURCES)
    load_today = _counted(activity, day.load)
    if CONF_WATER in settings.sources:
        water_ml = _counted(water, day.water_ml)
    else:
        water_ml = day.water_ml  # logged by hand only; None when nothing is
    held: dict[HeldInput, bool] = {
        "load": activity is False and load_today is not None,
        "water": water is False and water_ml is not None,
    }
    late: dict[HeldInput, bool] = {
        "load": CONF_ACTIVITY in stale and activity is True,
        "water": CONF_WATER in stale and water is True,
    }
    inputs = RiskInputs(
        now=now,
        profile=settings.profile,
        load_metric=settings.activity_metric.value if settings.has_activity else None,
        load_history=ledger.load_history(today),
        load_today=load_today,
        bouts=tuple(day_bouts(day, settings, now)),
        room_temp_c=value(CONF_ROOM_TEMPERATURE),
        room_humidity=value(CONF_ROOM_HUMIDITY),
        bedroom_temp_c=value(CONF_BEDROOM_TEMPERATURE),
        # One home: without a bedroom humidity sensor, the room's is used.
        bedroom_humidity=value(CONF_BEDROOM_HUMIDITY)
        if CONF_BEDROOM_HUMIDITY in settings.sources
        else value(CONF_ROOM_HUMIDITY),
        max_room_heat_index_c=day.max_heat_index_c,
        water_ml=water_ml,
        last_stretch=stretches[-1] if stretches else None,
        stretched_recently=bool(stretches) and now - stretches[-1] <= STRETCH_MEMORY,
        last_cramp=cramps[-1].at if cramps else None,
        held=frozenset(name for name, is_held in held.items() if is_held),
        stale=frozenset(name for name, is_late in late.items() if is_late),
    )
    return inputs, day
