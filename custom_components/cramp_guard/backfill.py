"""Fill the ledger's load history from the recorder's long-term statistics.

On first setup a new user with history has no cold start: up to 27 completed days of
the activity source's hourly statistics become the load history, by the same rules as
live readings:
- a day total: each hour's last value (`state`, or `max` for a measurement) replayed
  through the daily counter, so a late reset or yesterday's value repeated after
  midnight counts the way it does live, and a day's load is its highest total;
- a counter: the sum of the hours' positive changes, never negative.
Each hour is credited to the day its moment belongs to (`Ledger.day_of`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
import logging
from typing import Any

from homeassistant.const import UnitOfEnergy, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .const import CONF_ACTIVITY, PLAUSIBLE_DAY, CounterKind
from .counters import CounterState, update_counter
from .ledger import Ledger
from .settings import Settings

_LOGGER = logging.getLogger(__package__)
BACKFILL_DAYS = 27
# Statistics come converted to the model's units where a converter exists.
UNITS = {"duration": UnitOfTime.MINUTES, "energy": UnitOfEnergy.KILO_CALORIE}
IN_THE_HOUR = timedelta(minutes=59)  # an hour's value is read at its end


async def async_backfill(
    hass: HomeAssistant, ledger: Ledger, settings: Settings, now: datetime
) -> int:
    """Fill missing daily loads of the last 27 days; returns how many days it filled."""
    if "recorder" not in hass.config.components:
        return 0
    from homeassistant.components.recorder.statistics import statistics_during_period
    from homeassistant.helpers.recorder import get_instance

    entity_id = settings.sources[CONF_ACTIVITY]
    today = ledger.day_of(now)
    start = dt_util.start_of_local_day(today - timedelta(days=BACKFILL_DAYS))
    stats = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        start,
        now,
        {entity_id},
        "hour",
        UNITS,
        {"state", "max", "change"},
    )
    rows = stats.get(entity_id, [])
    if settings.activity_counter is CounterKind.CUMULATIVE:
        loads = _changes(ledger, rows)
    else:
        loads = _day_totals(ledger, rows, PLAUSIBLE_DAY[settings.activity_metric])
    filled = 0
    for day, load in sorted(loads.items()):
        if day >= today or day < today - timedelta(days=BACKFILL_DAYS):
            continue  # not a completed day of the window
        if ledger.day(day).load is None:
            ledger.fill_load(day, load)
            filled += 1
    _LOGGER.debug("Backfilled %s days of %s from statistics", filled, entity_id)
    return filled


def _moment(row: Any) -> datetime:
    return dt_util.as_local(dt_util.utc_from_timestamp(row["start"])) + IN_THE_HOUR


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and value >= 0 else None


def _changes(ledger: Ledger, rows: list[Any]) -> dict[date, float]:
    """A counter: each day's positive hourly changes."""
    loads: dict[date, float] = defaultdict(float)
    for row in rows:
        change = row.get("change")
        if isinstance(change, int | float):
            loads[ledger.day_of(_moment(row))] += max(0.0, float(change))
    return loads


def _day_totals(
    ledger: Ledger, rows: list[Any], plausible_day: float
) -> dict[date, float]:
    """A day total: the hours' values replayed through the daily counter."""
    loads: dict[date, float] = defaultdict(float)
    counter = CounterState()
    for row in rows:
        value = _number(row.get("state"))
        if value is None:
            value = _number(row.get("max"))
        if value is None:
            continue
        step = update_counter(
            counter, CounterKind.DAILY, value, _moment(row), plausible_day=plausible_day
        )
        if step.at is not None:
            day = ledger.day_of(step.at)
            loads[day] = max(0.0, loads[day] + step.amount)
    return loads
