"""Read source states into the model's units, or say why a state cannot be used.

Each reader takes a `State` (or None when the entity does not exist) and returns a
`Reading`: a value in the model's unit (degC, %, mL, steps / minutes / kcal), or the
`Problem` that keeps it out of the model. Conversions use Home Assistant's converters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
import math

from homeassistant.components.sensor import ATTR_STATE_CLASS
from homeassistant.components.weather.const import (
    ATTR_WEATHER_HUMIDITY,
    ATTR_WEATHER_TEMPERATURE,
    ATTR_WEATHER_TEMPERATURE_UNIT,
)
from homeassistant.const import (
    ATTR_FRIENDLY_NAME,
    ATTR_UNIT_OF_MEASUREMENT,
    PERCENTAGE,
    STATE_OFF,
    STATE_ON,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
    UnitOfEnergy,
    UnitOfTemperature,
    UnitOfTime,
    UnitOfVolume,
)
from homeassistant.core import State
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util.unit_conversion import (
    DurationConverter,
    EnergyConverter,
    TemperatureConverter,
    VolumeConverter,
)

from .const import WATER_UNIT_CUP, ActivityMetric, CounterKind

CUP_IN_FL_OZ = 8.0  # a US cup
# Units some wearables use for food calories, which are kilocalories.
KCAL_ALIASES = {"Cal", "kcal", "Kcal", "KCAL", "cal (food)"}


class Problem(StrEnum):
    """Why a source gives no usable value (the translation key of the warning)."""

    MISSING = "missing"  # the entity does not exist
    UNAVAILABLE = "unavailable"  # unavailable or unknown
    NOT_NUMERIC = "not_numeric"
    OUT_OF_RANGE = "out_of_range"  # NaN, inf, negative or impossible
    BAD_UNIT = "bad_unit"


@dataclass(frozen=True, slots=True)
class Reading:
    """A source's value in the model's unit, or the problem with it."""

    value: float | None = None
    problem: Problem | None = None

    @classmethod
    def bad(cls, problem: Problem) -> Reading:
        """A reading that cannot be used."""
        return cls(problem=problem)


def _number(state: State | None) -> float | Reading:
    """The state as a finite float, or the problem with it."""
    if state is None:
        return Reading.bad(Problem.MISSING)
    if state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN, ""):
        return Reading.bad(Problem.UNAVAILABLE)
    try:
        value = float(state.state)
    except ValueError:
        return Reading.bad(Problem.NOT_NUMERIC)
    if not math.isfinite(value):
        return Reading.bad(Problem.OUT_OF_RANGE)
    return value


def _unit(state: State) -> str | None:
    unit = state.attributes.get(ATTR_UNIT_OF_MEASUREMENT)
    return str(unit).strip() or None if unit is not None else None


def temperature_c(value: float, unit: str | None, default_unit: str) -> Reading:
    """A temperature in degC, from any unit TemperatureConverter knows."""
    unit = unit or default_unit
    if unit not in TemperatureConverter.VALID_UNITS:
        return Reading.bad(Problem.BAD_UNIT)
    celsius = TemperatureConverter.convert(value, unit, UnitOfTemperature.CELSIUS)
    if not -60.0 <= celsius <= 70.0:
        return Reading.bad(Problem.OUT_OF_RANGE)
    return Reading(celsius)


def read_temperature(state: State | None, default_unit: str) -> Reading:
    """A temperature sensor in degC (a sensor without a unit uses `default_unit`)."""
    value = _number(state)
    if isinstance(value, Reading):
        return value
    assert state is not None
    return temperature_c(value, _unit(state), default_unit)


def humidity_pct(value: float) -> Reading:
    """A relative humidity, 0-100 %."""
    return (
        Reading(value) if 0.0 <= value <= 100.0 else Reading.bad(Problem.OUT_OF_RANGE)
    )


def read_humidity(state: State | None) -> Reading:
    """A humidity sensor in % (0-100)."""
    value = _number(state)
    if isinstance(value, Reading):
        return value
    assert state is not None
    if _unit(state) not in (PERCENTAGE, None):
        return Reading.bad(Problem.BAD_UNIT)
    return humidity_pct(value)


def volume_ml(value: float, unit: str | None) -> Reading:
    """A volume in mL from L, mL, fl. oz., gal, ... or cups."""
    if value < 0:
        return Reading.bad(Problem.OUT_OF_RANGE)
    if unit is not None and unit.lower().rstrip("s") == WATER_UNIT_CUP:
        value, unit = value * CUP_IN_FL_OZ, UnitOfVolume.FLUID_OUNCES
    if unit not in VolumeConverter.VALID_UNITS:
        return Reading.bad(Problem.BAD_UNIT)
    return Reading(VolumeConverter.convert(value, unit, UnitOfVolume.MILLILITERS))


def read_water(state: State | None, fallback_unit: str) -> Reading:
    """A water-intake counter in mL (`fallback_unit` when the entity has none)."""
    value = _number(state)
    if isinstance(value, Reading):
        return value
    assert state is not None
    return volume_ml(value, _unit(state) or fallback_unit)


def read_activity(state: State | None, metric: ActivityMetric) -> Reading:
    """An activity counter: steps as they are, minutes and kcal converted."""
    value = _number(state)
    if isinstance(value, Reading):
        return value
    assert state is not None
    if value < 0:
        return Reading.bad(Problem.OUT_OF_RANGE)
    unit = _unit(state)
    try:
        if metric is ActivityMetric.INTENSITY_MINUTES and unit is not None:
            value = DurationConverter.convert(value, unit, UnitOfTime.MINUTES)
        elif metric is ActivityMetric.ACTIVE_KCAL and unit not in (None, *KCAL_ALIASES):
            value = EnergyConverter.convert(value, unit, UnitOfEnergy.KILO_CALORIE)
    except HomeAssistantError:
        return Reading.bad(Problem.BAD_UNIT)
    return Reading(value)


def guess_metric(state: State | None) -> ActivityMetric:
    """What an activity entity most likely counts, from its unit."""
    unit = (_unit(state) or "") if state is not None else ""
    if unit in KCAL_ALIASES or unit in EnergyConverter.VALID_UNITS:
        return ActivityMetric.ACTIVE_KCAL
    if unit in DurationConverter.VALID_UNITS:
        return ActivityMetric.INTENSITY_MINUTES
    return ActivityMetric.STEPS


def guess_counter_kind(state: State | None) -> CounterKind:
    """Whether a counter resets daily (the default) or keeps counting.

    A utility meter says its period; a `last_reset` attribute means a daily total;
    a counter since boot or a meter with state class `total` and no reset keeps
    counting.
    """
    if state is None:
        return CounterKind.DAILY
    attrs = state.attributes
    if (period := attrs.get("meter_period")) is not None:
        return CounterKind.DAILY if period == "daily" else CounterKind.CUMULATIVE
    if attrs.get("last_reset") is not None:
        return CounterKind.DAILY
    names = f"{state.entity_id} {attrs.get(ATTR_FRIENDLY_NAME, '')}".lower()
    if (
        "since boot" in names
        or "since_boot" in names
        or attrs.get(ATTR_STATE_CLASS) == "total"
    ):
        return CounterKind.CUMULATIVE
    return CounterKind.DAILY


def read_switch(state: State | None) -> bool | None:
    """A workout entity: on, off, or None when it gives no answer."""
    if state is None or state.state not in (STATE_ON, STATE_OFF):
        return None
    return state.state == STATE_ON


def read_weather(state: State | None, default_unit: str) -> tuple[Reading, Reading]:
    """A weather entity's temperature (degC) and humidity (%)."""
    if state is None:
        return Reading.bad(Problem.MISSING), Reading.bad(Problem.MISSING)
    if state.state in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        return Reading.bad(Problem.UNAVAILABLE), Reading.bad(Problem.UNAVAILABLE)
    attrs = state.attributes
    readings: list[Reading] = []
    for key in (ATTR_WEATHER_TEMPERATURE, ATTR_WEATHER_HUMIDITY):
        try:
            value = float(attrs[key])
        except (KeyError, TypeError, ValueError):
            readings.append(Reading.bad(Problem.NOT_NUMERIC))
            continue
        if not math.isfinite(value):
            readings.append(Reading.bad(Problem.OUT_OF_RANGE))
        elif key == ATTR_WEATHER_TEMPERATURE:
            unit = attrs.get(ATTR_WEATHER_TEMPERATURE_UNIT)
            readings.append(temperature_c(value, unit, default_unit))
        else:
            readings.append(humidity_pct(value))
    return readings[0], readings[1]
