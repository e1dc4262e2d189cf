"""The entity set of one person, platform by platform, through the harness's
`snapshot_platform`: the registry entries and the states after setup, at a frozen
time, with the fixed entry id (so the unique ids are the same on every run).

One snapshot file serves every lane. Home Assistant versions differ in what they
keep for an entity beyond what the integration sets: 2026.2 adds `object_id_base`
and `suggested_object_id` to registry entries, 2026.10 keeps `aliases` as a list
holding None and names state attributes and capabilities with enum members (the
same strings, written differently). Those fields are left out and the enum keys
written as their strings.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime
from enum import Enum
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props
from syrupy.types import PropertyPath

from custom_components.cramp_guard import PLATFORMS
from custom_components.cramp_guard.const import DOMAIN

NOW = datetime(2026, 6, 16, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
# One test per platform; the test below checks that none is left out.
SNAPSHOTTED = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.NUMBER,
    Platform.SENSOR,
    Platform.SWITCH,
    Platform.TIME,
]


# Registry entry fields that some Home Assistant versions have and others do not.
LANE_SPECIFIC = props("aliases", "object_id_base", "suggested_object_id")


def _plain_keys(*, data: Any, path: PropertyPath) -> Any:
    """A mapping with enum keys (attributes, capabilities) with string keys."""
    if isinstance(data, dict) and any(isinstance(key, Enum) for key in data):
        return type(data)({str(key): value for key, value in data.items()})
    return data


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """The same snapshot text in every lane (see the module's docstring)."""
    return snapshot.with_defaults(exclude=LANE_SPECIFIC, matcher=_plain_keys)


def test_every_platform_is_snapshotted() -> None:
    """The parametrization below covers every platform the integration loads."""
    assert sorted(PLATFORMS) == SNAPSHOTTED


@pytest.fixture
def platform(request: pytest.FixtureRequest) -> Generator[Platform]:
    """Load only this platform of the integration (for the whole test)."""
    with patch("custom_components.cramp_guard.PLATFORMS", [request.param]):
        yield request.param


@pytest.mark.freeze_time(NOW)
@pytest.mark.parametrize("platform", SNAPSHOTTED, indirect=True)
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_entities(
    hass: HomeAssistant,
    berlin: None,
    platform: Platform,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every entity of the platform: its registry entry and its state.

    The person has every source (PERSON), each with a usable state (USABLE). Every
    entity is enabled here, also the one disabled by default (the test below).
    """
    await snapshot_platform(hass, entity_registry, snapshot, init_integration.entry_id)


# Disabled until someone enables it: a figure of the model that get_assessment and
# diagnostics hold too (the card shows the workload's points).
DISABLED_BY_DEFAULT = {"sensor.alex_workload_ratio"}


async def test_only_the_workload_ratio_starts_disabled(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """A new person's workload ratio is disabled by the integration and has no state;
    every other entity is enabled and has one."""
    entries = er.async_entries_for_config_entry(
        entity_registry, init_integration.entry_id
    )
    disabled = {e.entity_id for e in entries if e.disabled_by is not None}
    assert disabled == DISABLED_BY_DEFAULT
    for entity_id in DISABLED_BY_DEFAULT:
        entry = entity_registry.async_get(entity_id)
        assert entry is not None
        assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
        assert hass.states.get(entity_id) is None
    for entry in entries:
        if entry.entity_id not in DISABLED_BY_DEFAULT:
            assert hass.states.get(entry.entity_id) is not None, entry.entity_id


async def test_workout_states_read_right_for_any_sport(hass: HomeAssistant) -> None:
    """No `running` device class ("Not running" for a cyclist, "Außer Betrieb" - out
    of order - in German): the sensor's states are the integration's own words."""
    translations = await async_get_translations(hass, "en", "entity", [DOMAIN])
    key = f"component.{DOMAIN}.entity.binary_sensor.workout_in_progress.state"
    assert (translations[f"{key}.on"], translations[f"{key}.off"]) == ("Yes", "No")
