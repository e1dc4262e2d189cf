"""Tests for setting up and unloading Cramp Guard."""

from __future__ import annotations

import asyncio
from datetime import timedelta
import gc
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_FINAL_WRITE
from homeassistant.core import DOMAIN as HOMEASSISTANT_DOMAIN, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.storage import Store
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

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
    """Minor versions stay compatible: an entry of 1.4 loads as it is."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        data={CONF_PERSON_NAME: "Alex"},
        options={"glass_size": 300.0},  # not ours to move any more
        minor_version=4,
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert (entry.minor_version, dict(entry.options)) == (4, {"glass_size": 300.0})


@pytest.mark.entry(
    sources={
        "room_temperature": "sensor.room_temperature",
        "water": "sensor.water",
        "water_counter": "daily",
        "water_unit": "mL",
    },
    profile={},
    options={
        "webhook_id": "cramp_guard_fifty",
        "notify_targets": ["mobile_app_pixel"],
    },
    states={"room_temperature": 22, "water": 100},
)
async def test_fifty_reloads_leave_listeners_timers_and_tasks_as_before(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """50 unload/setup cycles (with a webhook, notify targets and sources changing in
    between): the bus listeners, the loop's timers and the tasks are as before, and
    the engine of each cycle was stopped."""
    entry = init_integration
    # Once, so Home Assistant's own platforms are loaded before counting.
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    def ours(handle: asyncio.TimerHandle) -> bool:
        """A timer of Cramp Guard's: its job, or a delayed write of its stores."""
        owner = getattr(handle._callback, "__self__", None)
        if isinstance(owner, Store):
            return owner.key.startswith(DOMAIN)
        return DOMAIN in repr(handle._args)

    async def counts() -> tuple[dict[str, int], int, int]:
        # Delayed writes (the registries' too) done first: they hold a listener.
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=5))
        await hass.async_block_till_done()
        timers = [h for h in hass.loop._scheduled if not h.cancelled() and ours(h)]
        return hass.bus.async_listeners(), len(timers), len(hass._tasks)

    before = await counts()
    engines = []
    for n in range(50):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        engines.append(entry.runtime_data.engine)
        hass.states.async_set(
            "sensor.water", str(200 + n), {"unit_of_measurement": "mL"}
        )
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
    after = await counts()
    assert after[1:] == before[1:]
    # A store with a pending write holds a final-write listener: the registries'
    # may, ours may not.
    changed = {k: v for k, v in after[0].items() if v != before[0].get(k)}
    assert set(changed) <= {EVENT_HOMEASSISTANT_FINAL_WRITE}, changed
    pending = [
        o.key
        for o in gc.get_objects()
        if isinstance(o, Store) and o._unsub_final_write_listener is not None
    ]
    assert not [key for key in pending if key.startswith(DOMAIN)], pending
    assert all(
        not e._unsubs and not e._listeners and e.pacer._timer is None for e in engines
    )
