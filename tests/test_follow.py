"""Renamed and removed source entities, followed as core's helper integrations do.

The sources are real entities in the entity registry: a template temperature sensor
(its value from an `input_number` dial) and a water `input_number` a person logs to.
Renamed in the registry (Settings > Entities > entity ID), each keeps feeding the
index in place - no repair, no reload, nothing counted twice or lost, the entry's
options and diagnostics naming the new ids, also after a restart - whichever runs
first: the entity moving its state, or Cramp Guard's registry listener. Removed (by
itself or with its device), a source raises the missing-source repair at once, even
within the grace period of a start. Every lane runs both ways of following: core's
`async_handle_source_entity_changes` where the release has it (2026.2 and later) and
the entity registry's own events (2025.4).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard import follow
from custom_components.cramp_guard.const import DOMAIN, CounterKind
from custom_components.cramp_guard.diagnostics import (
    async_get_config_entry_diagnostics,
)
from custom_components.cramp_guard.issues import async_counter_kind

from .conftest import PROFILE, advance, engine_of, make_entry, setup_entry
from .test_repairs import _issue_id, _our_issues

ROOM = "sensor.room_temperature"
WATER = "input_number.water"
NEW_ROOM = "sensor.living_room_temperature"
NEW_WATER = "input_number.water_today"
# The room sensor is the bedroom's too: one entity, two sources, both followed.
OPTIONS: dict[str, Any] = {
    "room_temperature": ROOM,
    "bedroom_temperature": ROOM,
    "room_humidity": "sensor.room_humidity",
    "water": WATER,
    "water_counter": "daily",
    "water_unit": "mL",
} | PROFILE
SHOWN = ("sensor.alex_cramp_risk", "sensor.alex_heat_index", "sensor.alex_water_today")
LOGGER = "custom_components.cramp_guard"
# The ways of following a source: the entity registry's events, and core's helper
# where the release has it.
WAYS = ["registry events"] + (["core helper"] if follow.CORE_HELPER else [])


@pytest.fixture(params=WAYS)
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Follow the sources one way (the registry's events: without core's helper)."""
    if request.param == "registry events":
        monkeypatch.setattr(follow, "CORE_HELPER", None)
    return str(request.param)


async def _add_sources(hass: HomeAssistant) -> None:
    """The registered sources: a water input_number at 500 mL, a room temperature
    sensor (a template of a dial at 24 degC), and a humidity state at 50 %."""
    hass.states.async_set("sensor.room_humidity", "50", {"unit_of_measurement": "%"})
    assert await async_setup_component(
        hass,
        "input_number",
        {
            "input_number": {
                "water": {
                    "min": 0,
                    "max": 5000,
                    "step": 1,
                    "initial": 500,
                    "unit_of_measurement": "mL",
                },
                "dial": {"min": -20, "max": 50, "step": 0.1, "initial": 24},
            }
        },
    )
    assert await async_setup_component(
        hass,
        "template",
        {
            "template": [
                {
                    "sensor": [
                        {
                            "name": "Room temperature",
                            "unique_id": "room_temperature",
                            "unit_of_measurement": "°C",
                            "device_class": "temperature",
                            "state": "{{ states('input_number.dial') }}",
                        }
                    ]
                }
            ]
        },
    )
    await hass.async_block_till_done()


async def _set(hass: HomeAssistant, entity_id: str, value: float) -> None:
    """Set an input_number as a person does."""
    await hass.services.async_call(
        "input_number", "set_value", {"entity_id": entity_id, "value": value}, True
    )


def _shown(hass: HomeAssistant) -> dict[str, str]:
    return {entity_id: hass.states.get(entity_id).state for entity_id in SHOWN}


@pytest.fixture
def unavailable(hass: HomeAssistant) -> Iterator[list[str]]:
    """Every moment one of the shown entities went unavailable (a reload would)."""
    seen: list[str] = []

    def changed(event: Any) -> None:
        new = event.data["new_state"]
        if event.data["entity_id"] in SHOWN and (
            new is None
            or new.state
            in (
                "unavailable",
                "unknown",
            )
        ):
            seen.append(event.data["entity_id"])

    unsub = hass.bus.async_listen("state_changed", changed)
    yield seen
    unsub()


@pytest.mark.parametrize("sources_first", [True, False], ids=["sources", "entry"])
async def test_renamed_sources_keep_feeding_the_index(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    unavailable: list[str],
    way: str,
    sources_first: bool,
) -> None:
    """Both sources renamed: followed in place, before and after a restart.

    Set up after the sources, the entities move their states before Cramp Guard's
    listener hears of the rename; set up before them, it hears first.
    """
    caplog.set_level(logging.INFO, LOGGER)
    if sources_first:
        await _add_sources(hass)
    entry = make_entry(**OPTIONS)
    await setup_entry(hass, entry)
    if not sources_first:
        await _add_sources(hass)
        await advance(hass, noon, timedelta(seconds=1))
    engine = engine_of(entry)
    await advance(hass, noon, timedelta(minutes=1))
    before = _shown(hass)
    assert before["sensor.alex_water_today"] == "500"
    assert before["sensor.alex_heat_index"] == "24"
    unavailable.clear()
    caplog.clear()

    raised: list[str] = []
    unsub = hass.bus.async_listen(
        ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED,
        lambda event: raised.append(event.data["issue_id"]),
    )
    entity_registry.async_update_entity(ROOM, new_entity_id=NEW_ROOM)
    entity_registry.async_update_entity(WATER, new_entity_id=NEW_WATER)
    await hass.async_block_till_done()
    unsub()

    assert not raised  # not even for a moment
    assert not _our_issues(issue_registry)
    assert not [
        r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.WARNING
    ]
    assert engine_of(entry) is engine  # not reloaded
    assert {k: entry.options[k] for k in ("room_temperature", "water")} == {
        "room_temperature": NEW_ROOM,
        "water": NEW_WATER,
    }
    assert entry.options["bedroom_temperature"] == NEW_ROOM
    assert engine.readings["room_temperature"].value == 24.0
    assert engine.readings["bedroom_temperature"].value == 24.0
    assert engine.readings["water"].value == 500.0
    assert _shown(hass) == before
    sources = (await async_get_config_entry_diagnostics(hass, entry))["sources"]
    assert sources["room_temperature"]["entity_id"] == NEW_ROOM
    assert (
        sources["water"].items()
        >= {
            "entity_id": NEW_WATER,
            "state": "500.0",
            "value": 500.0,
            "problem": None,
            "stale": False,  # its freshness is the source's, and follows the rename
        }.items()
    )
    follows = [r.getMessage() for r in caplog.records if " is now " in r.getMessage()]
    assert follows == [
        f"Alex: {ROOM} is now {NEW_ROOM}",
        f"Alex: {WATER} is now {NEW_WATER}",
    ]

    # The new entities' values reach the index.
    await _set(hass, "input_number.dial", 31)
    await _set(hass, NEW_WATER, 900)
    await advance(hass, noon, timedelta(seconds=5))
    shown = _shown(hass)
    assert shown["sensor.alex_water_today"] == "900"  # 500 then 400 more: not 1400
    assert int(shown["sensor.alex_heat_index"]) >= 31
    assert not unavailable  # nothing reloaded, nothing went unknown

    # After a restart (the entry set up again), the same.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert engine_of(entry).settings.sources["water"] == NEW_WATER
    assert _shown(hass)["sensor.alex_water_today"] == "900"
    await _set(hass, NEW_WATER, 1200)
    await advance(hass, noon, timedelta(seconds=5))
    assert _shown(hass)["sensor.alex_water_today"] == "1200"
    assert not _our_issues(issue_registry)
    # The old ids are followed no more: a new entity there is not a source.
    hass.states.async_set(ROOM, "40", {"unit_of_measurement": "°C"})
    await advance(hass, noon, timedelta(seconds=5))
    assert engine_of(entry).readings["room_temperature"].value == 31.0


async def test_a_renamed_counter_keeps_its_counter_kind_repair(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
    way: str,
) -> None:
    """A counter-kind repair raised for the water helper names its new id."""
    await _add_sources(hass)
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    async_counter_kind(hass, entry.entry_id, "Alex", "water", WATER, CounterKind.DAILY)

    entity_registry.async_update_entity(WATER, new_entity_id=NEW_WATER)
    await hass.async_block_till_done()

    issue = issue_registry.async_get_issue(
        DOMAIN, f"counter_kind_{entry.entry_id}_water"
    )
    assert issue is not None
    assert issue.translation_placeholders == {"name": "Alex", "entity_id": NEW_WATER}
    assert issue.data == {
        "entry_id": entry.entry_id,
        "key": "water",
        "suggested": "daily",
        "entity_id": NEW_WATER,
    }


async def test_a_removed_source_is_reported_at_once(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
    way: str,
) -> None:
    """Removed from the registry while Home Assistant starts (within the grace
    period a missing source waits for otherwise): the repair is raised at once,
    and the index stays valid; it goes when the source is back."""
    hass.set_state(CoreState.starting)
    await _add_sources(hass)
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    engine = engine_of(entry)
    assert not engine.reader.health.report_missing  # the grace period runs

    entity_registry.async_remove(WATER)
    await hass.async_block_till_done()

    assert _our_issues(issue_registry) == {_issue_id(entry, "water")}
    assert engine.readings["water"].problem == "missing"
    assert hass.states.get("sensor.alex_cramp_risk").state != "unavailable"

    hass.states.async_set(WATER, "700", {"unit_of_measurement": "mL"})
    await hass.async_block_till_done()
    assert not _our_issues(issue_registry)


async def test_a_source_removed_with_its_device_is_reported_at_once(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
    issue_registry: ir.IssueRegistry,
    way: str,
) -> None:
    """A thermometer removed as a device takes its sensor, and the repair comes."""
    hass.set_state(CoreState.starting)
    owner = MockConfigEntry(domain="zha")
    owner.add_to_hass(hass)
    device = device_registry.async_get_or_create(
        config_entry_id=owner.entry_id, identifiers={("zha", "thermometer")}
    )
    sensor = entity_registry.async_get_or_create(
        "sensor",
        "zha",
        "thermometer-temperature",
        suggested_object_id="thermometer_temperature",
        config_entry=owner,
        device_id=device.id,
    )
    hass.states.async_set(sensor.entity_id, "23", {"unit_of_measurement": "°C"})
    hass.states.async_set(WATER, "500", {"unit_of_measurement": "mL"})
    options = {"room_temperature": sensor.entity_id, "water": WATER}
    entry = await setup_entry(hass, make_entry(**options, water_unit="mL"))
    assert engine_of(entry).readings["room_temperature"].value == 23.0

    device_registry.async_remove_device(device.id)
    await hass.async_block_till_done()

    assert entity_registry.async_get(sensor.entity_id) is None
    assert _our_issues(issue_registry) == {_issue_id(entry, "room_temperature")}
