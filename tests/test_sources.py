"""Tests for reading source states into the model's units."""

from __future__ import annotations

from typing import Any

from homeassistant.const import UnitOfTemperature
from homeassistant.core import State
import pytest

from custom_components.cramp_guard.const import ActivityMetric, CounterKind
from custom_components.cramp_guard.sources import (
    Problem,
    Reading,
    guess_counter_kind,
    guess_metric,
    read_activity,
    read_humidity,
    read_switch,
    read_temperature,
    read_water,
    read_weather,
)

C = UnitOfTemperature.CELSIUS


def _state(value: str, unit: str | None = None, **attrs: Any) -> State:
    if unit is not None:
        attrs["unit_of_measurement"] = unit
    return State("sensor.x", value, attrs)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (_state("21.5", "°C"), Reading(21.5)),
        (_state("70.7", "°F"), Reading(pytest.approx(21.5))),
        (_state("294.65", "K"), Reading(pytest.approx(21.5))),
        (_state("21.5"), Reading(21.5)),  # no unit: Home Assistant's unit system
        (_state("21", "%"), Reading(problem=Problem.BAD_UNIT)),
        (_state("999", "°C"), Reading(problem=Problem.OUT_OF_RANGE)),
        (_state("nan", "°C"), Reading(problem=Problem.OUT_OF_RANGE)),
        (_state("warm", "°C"), Reading(problem=Problem.NOT_NUMERIC)),
        (_state("unavailable", "°C"), Reading(problem=Problem.UNAVAILABLE)),
        (_state("unknown", "°C"), Reading(problem=Problem.UNAVAILABLE)),
        (None, Reading(problem=Problem.MISSING)),
    ],
)
def test_read_temperature(state: State | None, expected: Reading) -> None:
    """Temperatures are converted to degC with TemperatureConverter."""
    assert read_temperature(state, C) == expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (_state("45", "%"), Reading(45.0)),
        (_state("45"), Reading(45.0)),
        (_state("101", "%"), Reading(problem=Problem.OUT_OF_RANGE)),
        (_state("-1", "%"), Reading(problem=Problem.OUT_OF_RANGE)),
        (_state("45", "g/m³"), Reading(problem=Problem.BAD_UNIT)),
        (_state("", "%"), Reading(problem=Problem.UNAVAILABLE)),
    ],
)
def test_read_humidity(state: State, expected: Reading) -> None:
    """Humidity is a percentage from 0 to 100."""
    assert read_humidity(state) == expected


@pytest.mark.parametrize(
    ("state", "fallback", "expected"),
    [
        (_state("8", "fl. oz."), "mL", pytest.approx(236.588, abs=0.001)),
        (_state("1.5", "L"), "mL", pytest.approx(1500)),
        (_state("2", "cups"), "mL", pytest.approx(473.176, abs=0.001)),
        (_state("1", "Cup"), "mL", pytest.approx(236.588, abs=0.001)),
        (_state("0.5", "gal"), "mL", pytest.approx(1892.706, abs=0.001)),
        (_state("3"), "cup", pytest.approx(709.765, abs=0.001)),  # unit from the flow
        (_state("750"), "mL", 750.0),
    ],
)
def test_read_water_converts(state: State, fallback: str, expected: Any) -> None:
    """Water is converted to mL with VolumeConverter (cups as 8 fl. oz.)."""
    assert read_water(state, fallback).value == expected


@pytest.mark.parametrize(
    ("state", "problem"),
    [
        (_state("-5", "mL"), Problem.OUT_OF_RANGE),
        (_state("5", "glasses"), Problem.BAD_UNIT),
        (_state("inf", "mL"), Problem.OUT_OF_RANGE),
        (_state("lots", "mL"), Problem.NOT_NUMERIC),
    ],
)
def test_read_water_problems(state: State, problem: Problem) -> None:
    """Impossible water readings are refused with their reason."""
    assert read_water(state, "mL") == Reading(problem=problem)


@pytest.mark.parametrize(
    ("state", "metric", "expected"),
    [
        (_state("8500", "steps"), ActivityMetric.STEPS, Reading(8500.0)),
        (
            _state("unavailable", "steps"),
            ActivityMetric.STEPS,
            Reading(problem=Problem.UNAVAILABLE),
        ),
        (_state("1.5", "h"), ActivityMetric.INTENSITY_MINUTES, Reading(90.0)),
        (_state("45", "min"), ActivityMetric.INTENSITY_MINUTES, Reading(45.0)),
        (_state("45"), ActivityMetric.INTENSITY_MINUTES, Reading(45.0)),
        (_state("420", "Cal"), ActivityMetric.ACTIVE_KCAL, Reading(420.0)),
        (_state("420", "kcal"), ActivityMetric.ACTIVE_KCAL, Reading(420.0)),
        (
            _state("4184", "kJ"),
            ActivityMetric.ACTIVE_KCAL,
            Reading(pytest.approx(1000.0, rel=1e-3)),
        ),
        (
            _state("45", "steps"),
            ActivityMetric.INTENSITY_MINUTES,
            Reading(problem=Problem.BAD_UNIT),
        ),
        (
            _state("45", "steps"),
            ActivityMetric.ACTIVE_KCAL,
            Reading(problem=Problem.BAD_UNIT),
        ),
        (
            _state("-3", "steps"),
            ActivityMetric.STEPS,
            Reading(problem=Problem.OUT_OF_RANGE),
        ),
    ],
)
def test_read_activity(state: State, metric: ActivityMetric, expected: Reading) -> None:
    """Activity counters keep steps, convert minutes and kcal."""
    assert read_activity(state, metric) == expected


@pytest.mark.parametrize(
    ("unit", "metric"),
    [
        ("steps", ActivityMetric.STEPS),
        (None, ActivityMetric.STEPS),
        ("min", ActivityMetric.INTENSITY_MINUTES),
        ("h", ActivityMetric.INTENSITY_MINUTES),
        ("kcal", ActivityMetric.ACTIVE_KCAL),
        ("Cal", ActivityMetric.ACTIVE_KCAL),
        ("kJ", ActivityMetric.ACTIVE_KCAL),
    ],
)
def test_guess_metric(unit: str | None, metric: ActivityMetric) -> None:
    """The unit tells what an activity counter counts."""
    assert guess_metric(_state("1", unit)) is metric
    assert guess_metric(None) is ActivityMetric.STEPS


@pytest.mark.parametrize(
    ("entity_id", "attrs", "kind"),
    [
        ("sensor.steps", {"state_class": "total_increasing"}, CounterKind.DAILY),
        ("sensor.steps", {"last_reset": "2026-11-24T00:00:00"}, CounterKind.DAILY),
        ("sensor.water_meter", {"state_class": "total"}, CounterKind.CUMULATIVE),
        ("sensor.water", {"meter_period": "daily"}, CounterKind.DAILY),
        ("sensor.water", {"meter_period": "monthly"}, CounterKind.CUMULATIVE),
        ("sensor.pixel_steps_since_boot", {}, CounterKind.CUMULATIVE),
        (
            "sensor.pixel_steps",
            {"friendly_name": "Steps since boot"},
            CounterKind.CUMULATIVE,
        ),
    ],
)
def test_guess_counter_kind(
    entity_id: str, attrs: dict[str, Any], kind: CounterKind
) -> None:
    """Daily unless the entity says it keeps counting."""
    assert guess_counter_kind(State(entity_id, "12", attrs)) is kind
    assert guess_counter_kind(None) is CounterKind.DAILY


def test_read_switch() -> None:
    """A workout entity is on, off or gives no answer."""
    assert read_switch(State("binary_sensor.w", "on")) is True
    assert read_switch(State("input_boolean.w", "off")) is False
    assert read_switch(State("binary_sensor.w", "unavailable")) is None
    assert read_switch(None) is None


def test_read_weather() -> None:
    """A weather entity gives the outdoor temperature and humidity."""
    state = State(
        "weather.home",
        "sunny",
        {"temperature": 86.0, "temperature_unit": "°F", "humidity": 40},
    )
    temp, humidity = read_weather(state, C)
    assert temp.value == pytest.approx(30.0)
    assert humidity == Reading(40.0)
    assert read_weather(State("weather.home", "sunny", {"temperature": 30}), C) == (
        Reading(30.0),
        Reading(problem=Problem.NOT_NUMERIC),
    )
    nan = State("weather.home", "sunny", {"temperature": "nan", "humidity": 150})
    assert read_weather(nan, C) == (
        Reading(problem=Problem.OUT_OF_RANGE),
        Reading(problem=Problem.OUT_OF_RANGE),
    )
    gone = Reading(problem=Problem.UNAVAILABLE)
    assert read_weather(State("weather.home", "unavailable"), C) == (gone, gone)
    missing = Reading(problem=Problem.MISSING)
    assert read_weather(None, C) == (missing, missing)
