"""Tests for setting up and unloading Cramp Guard."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import DOMAIN as HOMEASSISTANT_DOMAIN, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard.const import CONF_PERSON_NAME, DOMAIN


async def test_setup_and_unload(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    init_integration: MockConfigEntry,
) -> None:
    """An entry loads, unloads (saving its state) and is removed with its files."""
    entry = init_integration
    assert entry.state is ConfigEntryState.LOADED

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED

    stores = {f"{DOMAIN}.{entry.entry_id}", f"{DOMAIN}.{entry.entry_id}.prompts"}
    assert stores <= set(hass_storage)

    await hass.config_entries.async_remove(entry.entry_id)
    assert not hass.config_entries.async_entries(DOMAIN)
    assert not stores & set(hass_storage)


async def test_yaml_configuration_raises_a_repair_issue(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    """The integration is set up from the UI only; YAML raises a repair issue."""
    assert await async_setup_component(hass, DOMAIN, {DOMAIN: {"name": "x"}})
    assert issue_registry.async_get_issue(
        HOMEASSISTANT_DOMAIN, f"config_entry_only_{DOMAIN}"
    )


async def test_an_entry_of_a_newer_version_is_not_set_up(hass: HomeAssistant) -> None:
    """A downgrade: an entry of version 2 fails migration and stays as it is."""
    entry = MockConfigEntry(
        domain=DOMAIN, title="Alex", data={CONF_PERSON_NAME: "Alex"}, version=2
    )
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR


async def test_an_entry_of_a_newer_minor_version_is_set_up(
    hass: HomeAssistant,
) -> None:
    """Minor versions stay compatible: an entry of 1.3 loads as it is."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        data={CONF_PERSON_NAME: "Alex"},
        options={"glass_size": 300.0},  # not ours to move any more
        minor_version=3,
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert (entry.minor_version, dict(entry.options)) == (3, {"glass_size": 300.0})
