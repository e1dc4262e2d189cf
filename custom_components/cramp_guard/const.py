"""Constants for Cramp Guard: the domain, the settings' keys and their defaults."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from homeassistant.const import UnitOfVolume

DOMAIN: Final = "cramp_guard"

# entry.data holds only the person's name; every other setting lives in entry.options
# (the options flow edits them all; reconfigure renames the person).
CONF_PERSON_NAME: Final = "person_name"

# Sources: entity ids, all optional, at least one of SOURCE_KEYS required.
CONF_ROOM_TEMPERATURE: Final = "room_temperature"
CONF_ROOM_HUMIDITY: Final = "room_humidity"
CONF_BEDROOM_TEMPERATURE: Final = "bedroom_temperature"
CONF_BEDROOM_HUMIDITY: Final = "bedroom_humidity"
CONF_ACTIVITY: Final = "activity"
CONF_WORKOUT: Final = "workout"
CONF_WATER: Final = "water"
CONF_OUTDOOR_WEATHER: Final = "outdoor_weather"
CONF_OUTDOOR_TEMPERATURE: Final = "outdoor_temperature"
CONF_OUTDOOR_HUMIDITY: Final = "outdoor_humidity"

SOURCE_KEYS: Final = (
    CONF_ROOM_TEMPERATURE,
    CONF_ROOM_HUMIDITY,
    CONF_BEDROOM_TEMPERATURE,
    CONF_BEDROOM_HUMIDITY,
    CONF_ACTIVITY,
    CONF_WORKOUT,
    CONF_WATER,
    CONF_OUTDOOR_WEATHER,
    CONF_OUTDOOR_TEMPERATURE,
    CONF_OUTDOOR_HUMIDITY,
)
TEMPERATURE_SOURCES: Final = (
    CONF_ROOM_TEMPERATURE,
    CONF_BEDROOM_TEMPERATURE,
    CONF_OUTDOOR_TEMPERATURE,
)
HUMIDITY_SOURCES: Final = (
    CONF_ROOM_HUMIDITY,
    CONF_BEDROOM_HUMIDITY,
    CONF_OUTDOOR_HUMIDITY,
)
COUNTER_SOURCES: Final = (CONF_ACTIVITY, CONF_WATER)

# How the activity and water counters behave, and what the activity counts.
CONF_ACTIVITY_METRIC: Final = "activity_metric"
CONF_ACTIVITY_COUNTER: Final = "activity_counter"
CONF_WATER_COUNTER: Final = "water_counter"
CONF_WATER_UNIT: Final = "water_unit"  # used when the water entity has no unit

# The profile.
CONF_BODY_MASS: Final = "body_mass"
CONF_SEX: Final = "sex"
CONF_WAKE_TIME: Final = "wake_time"
CONF_BED_TIME: Final = "bed_time"
CONF_CRAMP_PRONE: Final = "cramp_prone"
CONF_MAIN_ACTIVITY: Final = "main_activity"
CONF_WATER_TARGET: Final = "water_target"
# Personal weights from the person's own cramps (off by default; personal.md).
CONF_LEARN_FROM_CRAMPS: Final = "learn_from_cramps"

# An option of entries before version 1.2: the glass size, now kept by the Glass size
# number (in the prompt store); moved there on migration.
CONF_GLASS_SIZE: Final = "glass_size"

# Prompts and logging from outside (options flow).
CONF_NOTIFY_TARGETS: Final = "notify_targets"  # see targets.py
CONF_WEBHOOK_ID: Final = "webhook_id"  # set when the webhook is enabled
CONF_WEBHOOK_LOCAL_ONLY: Final = "webhook_local_only"
CONF_MORNING_CHECKIN: Final = "morning_checkin"  # ask about night cramps each morning


class ActivityMetric(StrEnum):
    """What the activity counter counts (the model's load_metric)."""

    STEPS = "steps"
    INTENSITY_MINUTES = "intensity_minutes"
    ACTIVE_KCAL = "active_kcal"


class CounterKind(StrEnum):
    """How a counter source behaves over a day."""

    DAILY = "daily"  # resets every day: the state is the day's total
    CUMULATIVE = "cumulative"  # keeps counting: the day is the sum of increments


# Far above any plausible day [J]: a "daily" counter above these is not one.
PLAUSIBLE_DAY: Final = {
    ActivityMetric.STEPS: 100_000.0,
    ActivityMetric.INTENSITY_MINUTES: 1440.0,
    ActivityMetric.ACTIVE_KCAL: 10_000.0,
}
PLAUSIBLE_WATER_DAY_ML: Final = 15_000.0


class Sex(StrEnum):
    """The sex the water target is based on (EFSA 2010)."""

    FEMALE = "female"
    MALE = "male"
    UNSPECIFIED = "unspecified"


class MainActivity(StrEnum):
    """The main activity; it picks the stretches the reminders suggest."""

    RUNNING = "running"  # running, walking, hiking
    CYCLING = "cycling"
    SWIMMING = "swimming"
    TEAM = "team"  # team and racket sports
    STRENGTH = "strength"
    OTHER = "other"


# Water units accepted for a unit-less water entity (HA's VolumeConverter units, and
# the US cup, converted as 8 fl. oz.).
WATER_UNIT_CUP: Final = "cup"

DEFAULT_WAKE_TIME: Final = "07:00:00"
DEFAULT_BED_TIME: Final = "22:00:00"
DEFAULT_MAIN_ACTIVITY: Final = MainActivity.RUNNING

# The units offered for a water entity that has no unit of its own.
WATER_UNITS: Final = [
    UnitOfVolume.MILLILITERS,
    UnitOfVolume.LITERS,
    UnitOfVolume.FLUID_OUNCES,
    WATER_UNIT_CUP,
    UnitOfVolume.GALLONS,
]
