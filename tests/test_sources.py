"""Tests for reading source states into the model's units."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from homeassistant.const import UnitOfTemperature
from homeassistant.core import State
import pytest

from custom_components.cramp_guard.const import ActivityMetric, CounterKind
from custom_components.cramp_guard.sources import (
    Problem,
    Reading,
    counter_kind,
    guess_metric,
    is_single_record,
    read_activity,
    read_humidity,
    read_switch,
    read_temperature,
    read_water,
    read_weather,
    reset_times,
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
        # Fitbit's activity calories: "cal", meaning kcal (core fitbit/sensor.py).
        (_state("1051", "cal"), ActivityMetric.ACTIVE_KCAL, Reading(1051.0)),
        # Withings' active calories burnt today: "calories" (core withings/sensor.py).
        (_state("512.5", "calories"), ActivityMetric.ACTIVE_KCAL, Reading(512.5)),
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
        ("cal", ActivityMetric.ACTIVE_KCAL),
        ("calories", ActivityMetric.ACTIVE_KCAL),
        ("kJ", ActivityMetric.ACTIVE_KCAL),
    ],
)
def test_guess_metric(unit: str | None, metric: ActivityMetric) -> None:
    """The unit tells what an activity counter counts."""
    assert guess_metric(_state("1", unit)) is metric
    assert guess_metric(None) is ActivityMetric.STEPS


NOW = "2026-12-02T00:00:00+01:00"  # a `last_reset` of today (set as text)
UTILITY_METER = {"status": "collecting", "last_period": "0", "last_valid_state": "1"}


@pytest.mark.parametrize(
    ("entity_id", "value", "attrs", "kind"),
    [
        # Fitbit, Google Fit, Health Connect, HealthKit: total_increasing day totals.
        ("sensor.alex_steps", "6540", {"state_class": "total_increasing"}, "daily"),
        # Withings: total with the start of the local day as last_reset.
        ("sensor.withings_steps_today", "5000", {"state_class": "total"}, "daily"),
        # Garmin <= 1.0 and Oura: total without last_reset is a day total.
        ("sensor.garmin_total_steps", "8000", {"state_class": "total"}, "daily"),
        # The Android app's steps since boot.
        (
            "sensor.pixel_8_steps_sensor",
            "48201",
            {
                "state_class": "total_increasing",
                "friendly_name": "Pixel 8 Steps sensor",
            },
            "cumulative",
        ),
        ("sensor.phone_steps_since_boot", "12", {}, "cumulative"),
        # HidrateSpark's lifetime water, in fl. oz. (~37 L): far above a day.
        (
            "sensor.bottle_water_lifetime",
            "1251.1",
            {"state_class": "total_increasing", "unit_of_measurement": "fl. oz."},
            "cumulative",
        ),
        # A utility meter: its cycle from last_reset to next_reset.
        (
            "sensor.water_daily",
            "750",
            UTILITY_METER
            | {
                "last_reset": "2026-12-01T00:00:00+01:00",
                "next_reset": "2026-12-02T00:00:00+01:00",
            },
            "daily",
        ),
        (
            "sensor.water_monthly",
            "750",
            UTILITY_METER
            | {
                "last_reset": "2026-11-01T00:00:00+01:00",
                "next_reset": "2026-12-01T00:00:00+01:00",
            },
            "cumulative",
        ),
        (
            "sensor.water_meter",
            "750",
            UTILITY_METER | {"last_reset": "2026-01-10T10:00:00+00:00"},
            "cumulative",
        ),
        # A total with a long-ago last_reset keeps counting.
        (
            "sensor.energy",
            "750",
            {"state_class": "total", "last_reset": "2025-01-10T10:00:00+00:00"},
            "cumulative",
        ),
        ("counter.glasses", "3", {}, "daily"),
    ],
)
def test_counter_kind(
    entity_id: str, value: str, attrs: dict[str, Any], kind: str
) -> None:
    """The kind from what real sources publish (shared/design/real-sources.md), and
    whether that says so: a day total that only counts up (total_increasing, or a
    helper) is a guess the counters page asks the person to check."""
    state = State(entity_id, value, attrs)
    reading = read_water(state, "mL")
    sure = entity_id not in GUESSES
    assert counter_kind(state, reading.value, 15_000) == (CounterKind(kind), sure)
    assert counter_kind(None, None, 15_000) == (CounterKind.DAILY, False)


GUESSES = ("sensor.alex_steps", "counter.glasses")


def test_withings_last_reset_of_today_is_daily(freezer: Any) -> None:
    """Withings' last_reset is the start of the local day: a day total."""
    freezer.move_to(NOW)
    state = State(
        "sensor.withings_steps_today",
        "5000",
        {"state_class": "total", "last_reset": NOW},
    )
    assert counter_kind(state, 5000, 100_000) == (CounterKind.DAILY, True)
    assert reset_times(state)[0] is not None


def test_reset_times() -> None:
    """last_reset and next_reset as local datetimes, when they parse."""
    state = State(
        "sensor.m",
        "1",
        {"last_reset": "2026-12-01T00:00:00+01:00", "next_reset": "garbage"},
    )
    last, following = reset_times(state)
    assert last is not None
    assert last.timestamp() == datetime(2026, 11, 30, 23, tzinfo=UTC).timestamp()
    assert following is None
    assert reset_times(State("sensor.m", "1", {"last_reset": "2026-12-01"})) == (
        None,
        None,
    )
    assert reset_times(None) == (None, None)


def test_single_record() -> None:
    """Health Connect "Active calories burned": the last record, not a total."""
    record = State(
        "sensor.pixel_8_active_calories_burned",
        "120.5",
        {
            "unit_of_measurement": "kcal",
            "device_class": "energy",
            "endTime": "2026-12-02T09:30:00Z",
            "source": "com.google.android.apps.fitness",
        },
    )
    assert is_single_record(record)
    daily = State(
        "sensor.pixel_8_daily_steps",
        "4000",
        {
            "state_class": "total_increasing",
            "endTime": "2026-12-02T09:30:00Z",
            "sources": ["com.google.android.apps.fitness"],
        },
    )
    assert not is_single_record(daily)
    assert not is_single_record(None)


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
