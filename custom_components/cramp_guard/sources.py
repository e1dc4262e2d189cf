"""Read source states into the model's units, or say why a state cannot be used.

Each reader takes a `State` (or None when the entity does not exist) and returns a
`Reading`: a value in the model's unit (degC, %, mL, steps / minutes / kcal), or the
`Problem` that keeps it out of the model. Conversions use Home Assistant's converters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
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
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import (
    DurationConverter,
    EnergyConverter,
    TemperatureConverter,
    VolumeConverter,
)

from .const import (
    CONF_ACTIVITY,
    CONF_WORKOUT,
    COUNTER_SOURCES,
    HUMIDITY_SOURCES,
    TEMPERATURE_SOURCES,
    WATER_UNIT_CUP,
    ActivityMetric,
    CounterKind,
)

CUP_IN_FL_OZ = 8.0  # a US cup
# Units wearables use for food calories, which are kilocalories: Fitbit's "cal" and
# Withings' "calories" among them (HA's EnergyConverter reads "cal" as 1/1000 kcal).
# Compared in lower case.
KCAL_ALIASES = frozenset({"cal", "kcal", "kcals", "calorie", "calories", "cal (food)"})
# A utility meter's cycle between these is a daily one (DST days are 23 or 25 h).
DAILY_CYCLE = (timedelta(hours=20), timedelta(hours=28))
# Names of counters that keep counting (the Android app's steps since boot, lifetime
# bottle totals).
KEEPS_COUNTING_NAMES = (
    "since boot",
    "since_boot",
    "steps sensor",
    "steps_sensor",
    "lifetime",
)


class Problem(StrEnum):
    """Why a source gives no usable value (the translation key of the warning)."""

    MISSING = "missing"  # the entity does not exist
    UNAVAILABLE = "unavailable"  # unavailable or unknown
    NOT_NUMERIC = "not_numeric"
    OUT_OF_RANGE = "out_of_range"  # NaN, inf, negative or impossible
    BAD_UNIT = "bad_unit"
    SINGLE_RECORD = "single_record"  # the last single record, not a running total


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
    if unit == UnitOfTemperature.CELSIUS:
        celsius = value
    elif unit in TemperatureConverter.VALID_UNITS:
        celsius = TemperatureConverter.convert(value, unit, UnitOfTemperature.CELSIUS)
    else:
        return Reading.bad(Problem.BAD_UNIT)
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


def is_kcal(unit: str | None) -> bool:
    """A unit that means kilocalories for activity (`cal`, `calories`, `kcal`...)."""
    return unit is not None and unit.lower() in KCAL_ALIASES


def is_single_record(state: State | None) -> bool:
    """A sensor that shows its last single record, not a running total.

    Health Connect's "Active calories burned" in the Android app: no state class, and
    the record's `source` app and its `endTime` (or `date`) as attributes; its day
    sensors have `sources` and a state class.
    """
    if state is None:
        return False
    attrs = state.attributes
    return (
        attrs.get(ATTR_STATE_CLASS) is None
        and "source" in attrs
        and ("endTime" in attrs or "date" in attrs)
    )


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
        elif metric is ActivityMetric.ACTIVE_KCAL and unit and not is_kcal(unit):
            value = EnergyConverter.convert(value, unit, UnitOfEnergy.KILO_CALORIE)
    except HomeAssistantError:
        return Reading.bad(Problem.BAD_UNIT)
    return Reading(value)


def guess_metric(state: State | None) -> ActivityMetric:
    """What an activity entity most likely counts, from its unit."""
    unit = _unit(state) if state is not None else None
    if is_kcal(unit) or unit in EnergyConverter.VALID_UNITS:
        return ActivityMetric.ACTIVE_KCAL
    if unit in DurationConverter.VALID_UNITS:
        return ActivityMetric.INTENSITY_MINUTES
    return ActivityMetric.STEPS


def _moment(value: object) -> datetime | None:
    """An attribute's moment (a datetime or its ISO text) in local time, or None."""
    if isinstance(value, str):
        value = dt_util.parse_datetime(value)
    if not isinstance(value, datetime) or value.tzinfo is None:
        return None
    return dt_util.as_local(value)


def reset_times(state: State | None) -> tuple[datetime | None, datetime | None]:
    """The `last_reset` and `next_reset` a source publishes, when it does."""
    if state is None:
        return None, None
    attrs = state.attributes
    return _moment(attrs.get("last_reset")), _moment(attrs.get("next_reset"))


def counter_kind(
    state: State | None, value: float | None, plausible_day: float
) -> tuple[CounterKind, bool]:
    """Whether a counter is a day total or keeps counting, from what it publishes,
    and whether that says so (False: a guess the person should check).

    `value` is its reading in the model's unit (None when it has none now).
    - A utility meter (it has `last_period`) is daily when its cycle, `next_reset`
      minus `last_reset`, is about a day; without a cycle or with a longer one it
      keeps counting.
    - A value far above any plausible day, a lifetime or since-boot name: keeps
      counting.
    - A `last_reset` of the last two days (Withings: the start of the local day) is a
      day total; an older one keeps counting.
    - Otherwise a day total, `total` without `last_reset` included (Garmin <= 1.0,
      Oura); `total_increasing` cannot tell, so the form asks.
    """
    if state is None:
        return CounterKind.DAILY, False
    attrs = state.attributes
    last_reset, next_reset = reset_times(state)
    if "last_period" in attrs:  # a utility meter
        if last_reset is None or next_reset is None:
            return CounterKind.CUMULATIVE, True
        low, high = DAILY_CYCLE
        daily = low <= next_reset - last_reset <= high
        return CounterKind.DAILY if daily else CounterKind.CUMULATIVE, True
    names = f"{state.entity_id} {attrs.get(ATTR_FRIENDLY_NAME, '')}".lower()
    if (value is not None and value > plausible_day) or any(
        name in names for name in KEEPS_COUNTING_NAMES
    ):
        return CounterKind.CUMULATIVE, True
    if last_reset is not None:
        old = dt_util.now() - last_reset > timedelta(days=2)
        return CounterKind.CUMULATIVE if old else CounterKind.DAILY, True
    return CounterKind.DAILY, attrs.get(ATTR_STATE_CLASS) == "total"


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


def read_source(
    key: str,
    state: State | None,
    temperature_unit: str,
    metric: ActivityMetric,
    water_unit: str,
) -> tuple[Reading, Reading | None]:
    """One source's state as the model reads it, by the source's key (the one table
    the engine and the config flow read through), and for the weather entity its
    humidity besides (None for the others).

    A counter that shows a single record, not a running total, is refused; a workout
    entity reads 1 while on, 0 while off.
    """
    if key in TEMPERATURE_SOURCES:
        return read_temperature(state, temperature_unit), None
    if key in HUMIDITY_SOURCES:
        return read_humidity(state), None
    if key in COUNTER_SOURCES:
        if is_single_record(state):
            return Reading.bad(Problem.SINGLE_RECORD), None
        if key == CONF_ACTIVITY:
            return read_activity(state, metric), None
        return read_water(state, water_unit), None
    if key == CONF_WORKOUT:
        if (on := read_switch(state)) is None:
            problem = Problem.MISSING if state is None else Problem.UNAVAILABLE
            return Reading.bad(problem), None
        return Reading(1.0 if on else 0.0), None
    return read_weather(state, temperature_unit)
