"""The entities of one person: which exist, on which device, what they show, and that
they are written only when what they show changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
import json
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import (
    device_registry as dr,
    entity_platform,
    entity_registry as er,
)
from homeassistant.helpers.json import JSONEncoder
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import (
    HomeAssistantSnapshotExtension,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.engine import ASSESS_EVERY, settled
from custom_components.cramp_guard.risk import Assessment, Profile, RiskInputs, assess
from custom_components.cramp_guard.sensor import CrampGuardSensor

from .conftest import SOURCES, advance, make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 12, 0, tzinfo=TZ)
OPTIONS: dict[str, Any] = SOURCES | {"body_mass": 75.0, "sex": "female"}
RISK = "sensor.alex_cramp_risk"
# What every sensor state carries besides what the entity adds itself.
STANDARD_ATTRIBUTES = {"friendly_name", "unit_of_measurement", "state_class"}


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots in tests/snapshots, in Home Assistant's format, in both lanes.

    Which `snapshot` fixture wins (syrupy's or the harness's) differs between
    installs, so the extension is chosen here.
    """
    return snapshot.use_extension(HomeAssistantSnapshotExtension)


def _plain(data: Any) -> Any:
    """JSON-ready data: enums as their values, so the snapshot is plain."""
    return json.loads(json.dumps(data, cls=JSONEncoder))


def _set_sources(hass: HomeAssistant, **values: str) -> None:
    units = {
        "steps": "steps",
        "room_temperature": "°C",
        "room_humidity": "%",
        "water": "mL",
    }
    for name, value in values.items():
        hass.states.async_set(
            f"sensor.{name}", value, {"unit_of_measurement": units[name]}
        )


def _entities(
    entity_registry: er.EntityRegistry, entry: MockConfigEntry
) -> list[er.RegistryEntry]:
    return sorted(
        er.async_entries_for_config_entry(entity_registry, entry.entry_id),
        key=lambda e: e.entity_id,
    )


@pytest.mark.freeze_time(NOW)
async def test_entities_of_a_person(
    hass: HomeAssistant,
    berlin: None,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """The registry entries and the states after setup, at a frozen time."""
    _set_sources(
        hass, steps="4200", room_temperature="24", room_humidity="50", water="800"
    )
    entry = await setup_entry(hass, make_entry(**OPTIONS))

    entities = _entities(entity_registry, entry)
    registry = {
        e.entity_id: {
            "unique_id": e.unique_id,
            "translation_key": e.translation_key,
            "original_device_class": e.original_device_class,
            "unit_of_measurement": e.unit_of_measurement,
            "entity_category": e.entity_category,
        }
        for e in entities
    }
    states = {
        e.entity_id: {
            "state": (state := hass.states.get(e.entity_id)).state,
            "attributes": dict(state.attributes),
        }
        for e in entities
    }
    assert all(e.unique_id.startswith(f"{entry.entry_id}_") for e in entities)
    # The unique ids hold the entry id, which changes with every run.
    registry = {
        entity_id: item | {"unique_id": item["unique_id"].split("_", 1)[1]}
        for entity_id, item in registry.items()
    }
    assert _plain({"registry": registry, "states": states}) == snapshot


@pytest.mark.parametrize("humidity", [True, False])
async def test_heat_index_only_with_room_humidity(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
    humidity: bool,
) -> None:
    """The heat index sensor exists only when a room humidity source is set."""
    freezer.move_to(NOW)
    options = dict(OPTIONS)
    if not humidity:
        del options["room_humidity"]
    _set_sources(hass, room_temperature="30", room_humidity="60")
    entry = await setup_entry(hass, make_entry(**options))

    ids = {e.entity_id for e in _entities(entity_registry, entry)}
    assert ("sensor.alex_heat_index" in ids) is humidity
    assert (hass.states.get("sensor.alex_heat_index") is not None) is humidity
    # Everything else is there either way.
    assert len(ids) == (16 if humidity else 15)


async def test_risk_attributes_are_small_and_volatile_ones_unrecorded(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Level, confidence and top factors - confidence and top factors unrecorded."""
    freezer.move_to(NOW)
    _set_sources(
        hass, steps="4200", room_temperature="29", room_humidity="60", water="300"
    )
    entry = await setup_entry(hass, make_entry(**OPTIONS))

    state = hass.states.get(RISK)
    assert set(state.attributes) - STANDARD_ATTRIBUTES == {
        "level",
        "confidence",
        "top_factors",
    }
    assessment = entry.runtime_data.engine.snapshot.assessment
    assert state.attributes["level"] == assessment.level
    assert state.attributes["confidence"] == round(assessment.confidence, 2)
    top = state.attributes["top_factors"]
    assert 0 < len(top) <= 3
    assert list(top) == list(assessment.top_factors[:3])
    # Whole points, like the score: finer changes are not written.
    assert top == {
        key: round(assessment.factors[key].contribution)
        for key in assessment.top_factors[:3]
    }
    assert all(isinstance(value, int) for value in top.values())

    assert {"confidence", "top_factors"} <= CrampGuardSensor._unrecorded_attributes
    assert "level" not in CrampGuardSensor._unrecorded_attributes
    platform = next(
        p
        for p in entity_platform.async_get_platforms(hass, DOMAIN)
        if p.domain == "sensor"
    )
    entity = platform.entities[RISK]
    unrecorded = entity._state_info["unrecorded_attributes"]
    assert {"confidence", "top_factors"} <= unrecorded
    assert "level" not in unrecorded


async def test_one_service_device_per_person(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Each person's entities are on one service device named after them."""
    freezer.move_to(NOW)
    _set_sources(hass, steps="100", room_temperature="22", room_humidity="40")
    alex = await setup_entry(hass, make_entry(**OPTIONS))
    sam = await setup_entry(hass, make_entry("Sam", **OPTIONS))

    for entry, name in ((alex, "Alex"), (sam, "Sam")):
        devices = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
        assert len(devices) == 1
        device = devices[0]
        assert device.name == name
        assert device.entry_type is dr.DeviceEntryType.SERVICE
        assert device.identifiers == {(DOMAIN, entry.entry_id)}
        entities = _entities(entity_registry, entry)
        assert entities
        assert {e.device_id for e in entities} == {device.id}
        assert all(
            e.entity_id.startswith(f"{e.domain}.{name.lower()}_") for e in entities
        )


async def test_entities_written_only_when_what_they_show_changes(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    entity_registry: er.EntityRegistry,
) -> None:
    """Ticks with nothing changing write nothing; a change that moves the score
    writes the risk once, even when two sources change together."""
    freezer.move_to(NOW)
    options = {k: v for k, v in OPTIONS.items() if not k.startswith("water")}
    _set_sources(hass, steps="4200", room_temperature="22", room_humidity="40")
    entry = await setup_entry(hass, make_entry(**options))
    ours = {e.entity_id for e in _entities(entity_registry, entry)}
    writes: list[str] = []

    @callback
    def _ours(data: Any) -> bool:
        return data["entity_id"] in ours

    @callback
    def _record(event: Event) -> None:
        writes.append(event.data["entity_id"])

    hass.bus.async_listen(EVENT_STATE_CHANGED, _record, _ours)
    hass.bus.async_listen(EVENT_STATE_REPORTED, _record, _ours)
    await hass.async_block_till_done()

    for _ in range(5):
        await advance(hass, freezer, timedelta(minutes=1))
    assert writes == []

    # A source that changes to the same value, and one the model cannot see a
    # difference in, change nothing shown either.
    _set_sources(hass, steps="4200")
    hass.states.async_set(
        "sensor.room_temperature", "22", {"unit_of_measurement": "°C", "x": 1}
    )
    await advance(hass, freezer, ASSESS_EVERY)
    assert writes == []

    score = hass.states.get(RISK).state
    _set_sources(hass, room_temperature="33", room_humidity="70")
    await advance(hass, freezer, ASSESS_EVERY)
    assert hass.states.get(RISK).state != score
    assert writes.count(RISK) == 1

    writes.clear()
    for _ in range(3):
        await advance(hass, freezer, timedelta(minutes=1))
    assert RISK not in writes


def _assessed(raw: float, **changes: Any) -> Assessment:
    """An assessment with this raw score (and its rounded score)."""
    base = assess(RiskInputs(now=NOW, profile=Profile(), room_temp_c=30.0))
    return replace(base, raw=raw, score=round(raw), **changes)


@pytest.mark.parametrize(
    ("raw", "moves"),
    [(40.6, False), (39.3, False), (40.74, False), (40.75, True), (39.2, True)],
)
def test_the_risk_shown_moves_a_whole_point_at_a_time(raw: float, moves: bool) -> None:
    """A score wavering across a rounding boundary is not written back and forth."""
    shown = _assessed(40.0)
    new = _assessed(raw)
    assert (settled(shown, new) is new) is moves
    top = _assessed(100.0)
    assert settled(top, _assessed(100.4)) is top


def test_the_risk_shown_follows_confidence_and_factors() -> None:
    """What is available and how sure the model is are never held back."""
    shown = _assessed(40.0)
    surer = _assessed(40.2, confidence=shown.confidence + 0.1)
    assert settled(shown, surer) is surer
    factors = dict(shown.factors)
    factors["heat"] = replace(factors["heat"], available=False)
    fewer = _assessed(40.2, factors=factors)
    assert settled(shown, fewer) is fewer
    assert settled(None, shown) is shown
