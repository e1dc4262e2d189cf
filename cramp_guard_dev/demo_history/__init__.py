"""The demo's past day: `cramp_guard_demo.import_day` (scripts/develop only).

On the demo's first start, scripts/develop calls this action: it replays the last 24 h
of the demo person's day (`replay.py`: the demo's own source templates rendered at each
past minute, fed through Cramp Guard's ledger, inputs and risk model) and imports the
result as the recorder's statistics (5-minute and hourly) and states, so the "Today"
graph, the more-info charts and the History panel show a day at the first look. The
person then continues the replayed ledger (bouts, water, minute buckets, counters):
the live index goes on from the replay's last point at any hour.
Not part of the integration.
"""

from __future__ import annotations

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv, entity_registry as er
from homeassistant.helpers.typing import ConfigType
from homeassistant.util import dt as dt_util

from .history import async_import
from .replay import async_replay
from .states import async_write_states

DOMAIN = "cramp_guard_demo"
RISK = "sensor.demo_cramp_risk"
CONFIG_SCHEMA = cv.empty_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the action."""

    async def import_day(call: ServiceCall) -> ServiceResponse:
        entries = hass.config_entries.async_loaded_entries("cramp_guard")
        if not entries:
            raise HomeAssistantError("no Cramp Guard person is set up")
        entry = entries[0]
        engine = entry.runtime_data.engine
        samples, ledger = await async_replay(hass, entry, dt_util.now())
        # The person continues the replayed day: what the entities showed before
        # (since the entry was added, seconds ago) is the replay's too.
        continued = dt_util.utcnow()
        engine.async_continue(ledger)
        rows = await async_import(hass, samples)
        registry = er.async_get(hass)
        ours = {
            e.entity_id
            for e in er.async_entries_for_config_entry(registry, entry.entry_id)
        }
        states = await async_write_states(hass, samples, ours, continued)
        assert engine.snapshot is not None
        return {
            "person": entry.title,
            "minutes": len(samples),
            "rows": rows,
            "states": states,
            # The replay's last minute next to the live engine's now: they agree.
            "replayed_risk_now": samples[-1].states.get(RISK),
            "live_risk_now": str(engine.snapshot.risk.score),
        }

    hass.services.async_register(
        DOMAIN, "import_day", import_day, supports_response=SupportsResponse.ONLY
    )
    return True
