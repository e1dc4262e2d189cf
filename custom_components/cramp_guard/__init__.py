"""Cramp Guard: a cramp-risk index with hydration and stretch prompts."""

from __future__ import annotations

import logging

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType
from homeassistant.util import slugify

from .card import async_register_card
from .config_flow import name_error
from .const import CONF_GLASS_SIZE, CONF_PERSON_NAME, DOMAIN
from .engine import Engine
from .issues import async_delete_entry_issues
from .ledger import Ledger
from .llm_api import async_setup_llm_api
from .prompts import Prompter, async_migrate_glass_size, async_remove_store
from .runtime import CrampGuardConfigEntry, CrampGuardData
from .services import async_setup_services
from .settings import Settings
from .statistics_unit import async_drop_percent_unit
from .webhook import async_setup_webhook
from .websocket_api import async_setup_websocket

_LOGGER = logging.getLogger(__package__)
CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

PLATFORMS: list[Platform] = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.TIME,
]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up the Cramp Guard component: the actions, the card's websocket commands
    and the card itself are registered here, once."""
    async_setup_services(hass)
    async_setup_websocket(hass)
    await async_register_card(hass)
    return True


async def async_migrate_entry(
    hass: HomeAssistant, entry: CrampGuardConfigEntry
) -> bool:
    """Version 1.2: the glass size is kept by the Glass size number, not the options.
    Version 1.3: the cramp risk is an index without a unit (its statistics follow).
    """
    if entry.version != 1:
        return False  # from a newer release
    if entry.minor_version < 2:
        options = dict(entry.options)
        if (glass_ml := options.pop(CONF_GLASS_SIZE, None)) is not None:
            await async_migrate_glass_size(hass, entry.entry_id, float(glass_ml))
        hass.config_entries.async_update_entry(entry, options=options, minor_version=2)
    if entry.minor_version < 3:
        await async_drop_percent_unit(hass, entry.entry_id)
        hass.config_entries.async_update_entry(entry, minor_version=3)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> bool:
    """Set up one person's Cramp Guard from a config entry."""
    settings = Settings.from_entry(entry.data, entry.options)
    engine = Engine(hass, entry, settings)
    await engine.async_start()
    entry.async_on_unload(engine.async_stop)
    prompter = Prompter(hass, entry.entry_id, engine)
    entry.runtime_data = CrampGuardData(engine, prompter)
    await prompter.async_load()
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    prompter.async_start()  # after the entities, so their values are in place
    entry.async_on_unload(prompter.async_stop)
    async_setup_webhook(hass, entry)
    async_setup_llm_api(hass, entry)  # conversation agents' tools, while loaded
    entry.async_on_unload(entry.add_update_listener(_async_reload_on_update))
    return True


async def async_unload_entry(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> bool:
    """Unload a config entry."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(hass: HomeAssistant, entry: CrampGuardConfigEntry) -> None:
    """Delete the person's stored ledger, prompt state and repair issues."""
    await Ledger(hass, entry.entry_id).async_remove()
    await async_remove_store(hass, entry.entry_id)
    async_delete_entry_issues(hass, entry.entry_id)


async def _async_reload_on_update(
    hass: HomeAssistant, entry: CrampGuardConfigEntry
) -> None:
    """Apply an update: a new title (Home Assistant's own Rename) renames the person
    as Reconfigure does - or, when it cannot be a person's name, is set back -; new
    options that leave the sources, the name and the webhook as they are apply in
    place, others reload the entry."""
    name = entry.data[CONF_PERSON_NAME]
    if entry.title != name:
        title = entry.title.strip()
        if (error := name_error(hass, title, entry.entry_id)) is None:
            hass.config_entries.async_update_entry(
                entry,
                title=title,
                unique_id=slugify(title),
                data={CONF_PERSON_NAME: title},
            )
        else:
            _LOGGER.warning(
                "%s cannot be renamed to %r (%s); the name stays",
                name,
                entry.title,
                error.replace("_", " "),
            )
            hass.config_entries.async_update_entry(entry, title=name)
        return  # that update calls this again
    settings = Settings.from_entry(entry.data, entry.options)
    runtime = entry.runtime_data
    if runtime.engine.in_place(settings):  # no reload: nothing goes unavailable
        runtime.prompter.notifier.set_targets(settings.notify_targets)
        runtime.engine.async_apply(settings)
        return
    await hass.config_entries.async_reload(entry.entry_id)
