"""The entities of one person: which exist, on which device, what they show, and that
they are written only when what they show changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import (
    device_registry as dr,
    entity_platform,
    entity_registry as er,
)
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.explain import points
from custom_components.cramp_guard.pacing import ASSESS_EVERY
from custom_components.cramp_guard.risk import Assessment, Profile, RiskInputs, assess
from custom_components.cramp_guard.sensor import CrampGuardSensor
from custom_components.cramp_guard.snapshot import settled

from .conftest import NOON, SOURCES, Sources, advance, make_entry, setup_entry

NOW = NOON
PROFILE: dict[str, Any] = {"body_mass": 75.0, "sex": "female"}
OPTIONS: dict[str, Any] = SOURCES | PROFILE
RISK = "sensor.alex_cramp_risk"
# What every sensor state carries besides what the entity adds itself.
STANDARD_ATTRIBUTES = {"friendly_name", "unit_of_measurement", "state_class"}
# Alex is a woman of 75 kg without set times; every test runs in Berlin, from NOON.
pytestmark = [pytest.mark.entry(profile=PROFILE), pytest.mark.usefixtures("noon")]


def _entities(
    entity_registry: er.EntityRegistry, entry: MockConfigEntry
) -> list[er.RegistryEntry]:
    return sorted(
        er.async_entries_for_config_entry(entity_registry, entry.entry_id),
        key=lambda e: e.entity_id,
    )


@pytest.mark.parametrize(
    ("entry_options", "humidity"),
    [
        (OPTIONS, True),
        ({k: v for k, v in OPTIONS.items() if k != "room_humidity"}, False),
    ],
    ids=["with_humidity", "without_humidity"],
)
@pytest.mark.entry(states={"room_temperature": 30, "room_humidity": 60})
async def test_heat_index_only_with_room_humidity(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    humidity: bool,
) -> None:
    """The heat index sensor exists only when a room humidity source is set."""
    entry = init_integration

    ids = {e.entity_id for e in _entities(entity_registry, entry)}
    assert ("sensor.alex_heat_index" in ids) is humidity
    assert (hass.states.get("sensor.alex_heat_index") is not None) is humidity
    # Everything else is there either way.
    assert len(ids) == (16 if humidity else 15)


@pytest.mark.entry(
    states={"steps": 4200, "room_temperature": 29, "room_humidity": 60, "water": 300}
)
async def test_risk_attributes_are_small_and_volatile_ones_unrecorded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Level, confidence and top factors - confidence and top factors unrecorded."""
    entry = init_integration

    state = hass.states.get(RISK)
    assert set(state.attributes) - STANDARD_ATTRIBUTES == {
        "level",
        "confidence",
        "confidence_level",
        "top_factors",
        "top_points",
    }
    assessment = entry.runtime_data.engine.snapshot.assessment
    assert state.attributes["level"] == assessment.level
    assert state.attributes["confidence"] == round(assessment.confidence, 2)
    assert state.attributes["confidence_level"] == assessment.confidence_level
    # Keys the more-info dialog translates (a list, item by item), and the points.
    top = dict(
        zip(
            state.attributes["top_factors"],
            state.attributes["top_points"],
            strict=True,
        )
    )
    assert 0 < len(top) <= 3
    # Whole points, the card's and get_assessment's (finer changes are not written):
    # the three largest, most first.
    factor_points, _history = points(assessment)
    assert top == dict(
        sorted(
            ((key, value) for key, value in factor_points.items() if value > 0),
            key=lambda item: -item[1],
        )[:3]
    )
    assert list(top.values()) == sorted(top.values(), reverse=True)
    assert all(isinstance(value, int) for value in top.values())

    volatile = {"confidence", "confidence_level", "top_factors", "top_points"}
    assert volatile <= CrampGuardSensor._unrecorded_attributes
    assert "level" not in CrampGuardSensor._unrecorded_attributes
    platform = next(
        p
        for p in entity_platform.async_get_platforms(hass, DOMAIN)
        if p.domain == "sensor"
    )
    entity = platform.entities[RISK]
    unrecorded = entity._state_info["unrecorded_attributes"]
    assert volatile <= unrecorded
    assert "level" not in unrecorded


async def test_one_device_per_person(
    hass: HomeAssistant,
    sources: Sources,
    mock_config_entry: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Each person's entities are on one device named after them: a device, not a
    service (the integration page counts devices; one made as a service by an
    earlier version becomes a device)."""
    sources.set(steps=100, room_temperature=22, room_humidity=40)
    mock_config_entry.add_to_hass(hass)
    device_registry.async_get_or_create(
        config_entry_id=mock_config_entry.entry_id,
        identifiers={(DOMAIN, mock_config_entry.entry_id)},
        entry_type=dr.DeviceEntryType.SERVICE,
    )
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    alex = mock_config_entry
    sam = await setup_entry(hass, make_entry("Sam", **OPTIONS))

    for entry, name in ((alex, "Alex"), (sam, "Sam")):
        devices = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
        assert len(devices) == 1
        device = devices[0]
        assert device.name == name
        assert device.entry_type is None
        assert device.identifiers == {(DOMAIN, entry.entry_id)}
        entities = _entities(entity_registry, entry)
        assert entities
        assert {e.device_id for e in entities} == {device.id}
        assert all(
            e.entity_id.startswith(f"{e.domain}.{name.lower()}_") for e in entities
        )


@pytest.mark.parametrize(
    "entry_options", [{k: v for k, v in OPTIONS.items() if not k.startswith("water")}]
)
@pytest.mark.entry(states={"steps": 4200, "room_temperature": 22, "room_humidity": 40})
async def test_entities_written_only_when_what_they_show_changes(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    init_integration: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Ticks with nothing changing write nothing; a change that moves the score
    writes the risk once, even when two sources change together."""
    entry = init_integration
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
    sources.steps(4200)
    hass.states.async_set(
        "sensor.room_temperature", "22", {"unit_of_measurement": "°C", "x": 1}
    )
    await advance(hass, freezer, ASSESS_EVERY)
    assert writes == []

    score = hass.states.get(RISK).state
    sources.set(room_temperature=33, room_humidity=70)
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
