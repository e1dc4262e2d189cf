"""Cramp Guard: a cramp-risk index with hydration and stretch prompts."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .const import DOMAIN
from .engine import Engine
from .ledger import Ledger
from .repairs import async_delete_entry_issues
from .settings import Settings

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

PLATFORMS: list[Platform] = [Platform.BINARY_SENSOR, Platform.SENSOR]

type CrampGuardConfigEntry = ConfigEntry[Engine]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up the Cramp Guard component (actions are registered here)."""
    return True


async def async_setup_entry(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> bool:
    """Set up one person's Cramp Guard from a config entry."""
    engine = Engine(
        hass, entry.entry_id, Settings.from_entry(entry.data, entry.options)
    )
    await engine.async_start()
    entry.runtime_data = engine
    entry.async_on_unload(engine.async_stop)
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_on_unload(entry.add_update_listener(_async_reload_on_update))
    return True


async def async_unload_entry(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> bool:
    """Unload a config entry."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> None:
    """Delete the person's stored ledger and repair issues with the entry."""
    await Ledger(hass, entry.entry_id).async_remove()
    async_delete_entry_issues(hass, entry.entry_id)


async def _async_reload_on_update(
    hass: HomeAssistant, entry: CrampGuardConfigEntry
) -> None:
    """Apply changed options by reloading the entry."""
    await hass.config_entries.async_reload(entry.entry_id)
