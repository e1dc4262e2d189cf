"""Fill the ledger's load history from the recorder's long-term statistics.

On first setup a new user with history has no cold start: up to 27 completed days of
the activity source's daily statistics become the load history.
"""

from __future__ import annotations

from datetime import datetime, timedelta
import logging

from homeassistant.const import UnitOfEnergy, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .const import CONF_ACTIVITY, CounterKind
from .ledger import Ledger
from .settings import Settings

_LOGGER = logging.getLogger(__package__)
BACKFILL_DAYS = 27
# Statistics come converted to the model's units where a converter exists.
UNITS = {"duration": UnitOfTime.MINUTES, "energy": UnitOfEnergy.KILO_CALORIE}


async def async_backfill(
    hass: HomeAssistant, ledger: Ledger, settings: Settings, now: datetime
) -> int:
    """Fill missing daily loads of the last 27 days; returns how many days it filled."""
    if "recorder" not in hass.config.components:
        return 0
    from homeassistant.components.recorder.statistics import statistics_during_period
    from homeassistant.helpers.recorder import get_instance

    entity_id = settings.sources[CONF_ACTIVITY]
    end = dt_util.start_of_local_day(now)
    start = dt_util.start_of_local_day(now.date() - timedelta(days=BACKFILL_DAYS))
    stats = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        start,
        end,
        {entity_id},
        "day",
        UNITS,
        {"change", "max"},
    )
    # A counter that keeps counting gives its day as the change; a daily total's
    # day is its highest value (or the change when only a sum is recorded).
    prefer = "change" if settings.activity_counter is CounterKind.CUMULATIVE else "max"
    filled = 0
    for row in stats.get(entity_id, []):
        value = row.get(prefer)
        if value is None:
            value = row.get("change")
        day = dt_util.as_local(dt_util.utc_from_timestamp(row["start"])).date()
        if not isinstance(value, int | float) or value < 0:
            continue
        if ledger.day(day).load is None:
            ledger.day(day).load = float(value)
            filled += 1
    _LOGGER.debug("Backfilled %s days of %s from statistics", filled, entity_id)
    return filled
