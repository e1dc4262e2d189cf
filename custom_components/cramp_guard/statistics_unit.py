"""The cramp risk is an index, not a percentage (entry version 1.3).

Before 1.3 the cramp risk sensor had the unit "%". The recorder's long-term
statistics keep the unit they were compiled in; left as "%", the next compile would
read the unitless index as a ratio and store 52 as 5,200 % (Home Assistant 2025.4),
or raise a "units changed" repair (2026.x). The values were always the index, so the
statistics' unit is dropped without converting them, as the statistics dashboard's
"update the unit without converting" does.
"""

from __future__ import annotations

from typing import Any

from homeassistant.const import PERCENTAGE, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .const import DOMAIN

RISK_KEY = "cramp_risk"


async def async_drop_percent_unit(hass: HomeAssistant, entry_id: str) -> bool:
    """Drop the "%" of the person's cramp risk statistics; whether there was one."""
    if "recorder" not in hass.config.components:
        return False
    entity_id = er.async_get(hass).async_get_entity_id(
        Platform.SENSOR, DOMAIN, f"{entry_id}_{RISK_KEY}"
    )
    if entity_id is None:
        return False
    from homeassistant.components.recorder.statistics import get_metadata
    from homeassistant.helpers.recorder import get_instance

    instance = get_instance(hass)
    metadata = await instance.async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids={entity_id})
    )
    if (found := metadata.get(entity_id)) is None:
        return False
    meta: dict[str, Any] = dict(found[1])
    if meta.get("unit_of_measurement") != PERCENTAGE:
        return False
    unit: dict[str, Any] = {"new_unit_of_measurement": None}
    if "unit_class" in meta:  # 2026.x: the unit's class is set with it (kept)
        unit["new_unit_class"] = meta["unit_class"]
    instance.async_update_statistics_metadata(entity_id, **unit)
    return True
