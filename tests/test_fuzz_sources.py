"""Fuzzing the sources (issue 10): whatever the sensors report, nothing breaks.

Hypothesis drives one person with every kind of source (room and bedroom, outdoor
sensors, steps, water, a workout entity) through sequences of states: numbers of
every size and sign, NaN and infinities, random text, "unavailable" and "unknown"
flapping, units changing mid-day (including units no converter knows, and none), and
the clock moving in between, across midnight and the wake time. After every state:
no exception is logged, every Cramp Guard entity has a valid state (a finite number
where it is numeric, its attributes under 1 KiB), and a source's warning is logged
once per episode (never twice without "usable again" in between).

Shapes are those of the real sources (tests/test_real_sources.py): temperature and
humidity sensors with device classes, steps without a unit class, a water meter in
mL/L/fl. oz., a binary_sensor for the workout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
import json
import logging
import math
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from hypothesis import HealthCheck, given, settings, strategies as st
import pytest

from .conftest import advance, make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 7, 15, 5, 0, tzinfo=TZ)  # before the wake time
LOGGER = "custom_components.cramp_guard"

SOURCES: dict[str, tuple[str, dict[str, Any], list[str | None]]] = {
    # option: (entity id, attributes, units to try)
    "room_temperature": (
        "sensor.room_temperature",
        {"device_class": "temperature", "state_class": "measurement"},
        ["°C", "°F", "K", "degrees", None],
    ),
    "room_humidity": (
        "sensor.room_humidity",
        {"device_class": "humidity", "state_class": "measurement"},
        ["%", None, "g/m³"],
    ),
    "bedroom_temperature": (
        "sensor.bedroom_temperature",
        {"device_class": "temperature", "state_class": "measurement"},
        ["°C", "°F"],
    ),
    "outdoor_temperature": (
        "sensor.outdoor_temperature",
        {"device_class": "temperature", "state_class": "measurement"},
        ["°C", "°F", "K", None],
    ),
    "outdoor_humidity": (
        "sensor.outdoor_humidity",
        {"device_class": "humidity", "state_class": "measurement"},
        ["%"],
    ),
    "activity": (
        "sensor.steps",
        {"state_class": "total_increasing"},
        ["steps", None, "km"],
    ),
    "water": (
        "sensor.water",
        {"device_class": "volume", "state_class": "total_increasing"},
        ["mL", "L", "fl. oz.", "gal", "cups", None, "m³"],
    ),
}
WORKOUT = "binary_sensor.workout"
OPTIONS = {key: entity_id for key, (entity_id, _, _) in SOURCES.items()} | {
    "workout": WORKOUT,
    "activity_metric": "steps",
    "activity_counter": "daily",
    "water_counter": "daily",
    "water_unit": "mL",
}

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(min_value=-50, max_value=50),  # plausible values, often
    st.floats(min_value=0, max_value=30000),
)
states = st.one_of(
    numbers.map(str),
    st.sampled_from(["unavailable", "unknown", "", "nan", "inf", "-inf", "1e400"]),
    st.text(max_size=12),
)
switch_states = st.sampled_from(["on", "off", "unavailable", "unknown", "yes", "2"])


@st.composite
def events(draw: Callable[..., Any]) -> tuple[str, str, dict[str, Any], int]:
    """One state of one source, and the seconds the clock moves after it."""
    seconds = draw(st.sampled_from([0, 1, 30, 300, 3600, 4 * 3600]))
    key = draw(st.sampled_from([*SOURCES, "workout"]))
    if key == "workout":
        return WORKOUT, draw(switch_states), {}, seconds
    entity_id, attrs, units = SOURCES[key]
    unit = draw(st.sampled_from(units))
    attributes = dict(attrs) | ({"unit_of_measurement": unit} if unit else {})
    return entity_id, draw(states), attributes, seconds


def _valid(hass: HomeAssistant, entity_ids: list[str]) -> None:
    """Every entity has a state; numeric ones a finite number; small attributes."""
    for entity_id in entity_ids:
        state = hass.states.get(entity_id)
        assert state is not None, entity_id
        assert len(json.dumps(dict(state.attributes))) < 1024, entity_id
        if state.state in ("unavailable", "unknown"):
            continue
        if "unit_of_measurement" in state.attributes or entity_id.startswith("number."):
            assert math.isfinite(float(state.state)), (entity_id, state.state)


def _episodes_ok(records: list[logging.LogRecord]) -> None:
    """Per source entity: never two warnings without 'usable again' in between."""
    open_episodes: set[str] = set()
    for record in records:
        if record.name != LOGGER:
            continue
        message = record.getMessage()
        for entity_id in [*(e for e, _, _ in SOURCES.values()), WORKOUT]:
            if f" {entity_id} " not in f" {message} ":
                continue
            if "is left out of the cramp risk" in message:
                assert entity_id not in open_episodes, message
                open_episodes.add(entity_id)
            elif "is usable again" in message:
                open_episodes.discard(entity_id)


@pytest.mark.usefixtures("entity_registry_enabled_by_default")  # every entity
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan=st.lists(events(), min_size=20, max_size=60))
async def test_garbage_sources_never_break_anything(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    plan: list[tuple[str, str, dict[str, Any], int]],
) -> None:
    """Any sequence of source states: no error, valid entities, one warning per
    episode; the entry unloads cleanly afterwards."""
    caplog.clear()
    caplog.set_level(logging.INFO, logger=LOGGER)
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to(START)
    for entity_id, attrs, units in SOURCES.values():
        hass.states.async_set(
            entity_id, "20", attrs | {"unit_of_measurement": units[0]}
        )
    hass.states.async_set(WORKOUT, "off")
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    ours = [
        e.entity_id
        for e in er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    ]
    assert ours
    for entity_id, state, attributes, seconds in plan:
        hass.states.async_set(entity_id, state, attributes)
        await advance(hass, freezer, timedelta(seconds=seconds or 0.5))
        _valid(hass, ours)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    _episodes_ok(caplog.records)
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
