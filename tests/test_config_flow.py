"""Tests for the Cramp Guard config flow, options flow and reconfigure."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, patch

from homeassistant.components import webhook
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState, ConfigFlowResult
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.data_entry_flow import FlowResultType, InvalidData, section
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.network import NoURLAvailableError
from homeassistant.setup import async_setup_component
from homeassistant.util.unit_system import US_CUSTOMARY_SYSTEM
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components import cramp_guard
from custom_components.cramp_guard.const import (
    CONF_ACTIVITY,
    CONF_ACTIVITY_COUNTER,
    CONF_ACTIVITY_METRIC,
    CONF_BED_TIME,
    CONF_BEDROOM_HUMIDITY,
    CONF_BEDROOM_TEMPERATURE,
    CONF_BODY_MASS,
    CONF_CRAMP_PRONE,
    CONF_LEARN_FROM_CRAMPS,
    CONF_MAIN_ACTIVITY,
    CONF_MORNING_CHECKIN,
    CONF_NOTIFY_TARGETS,
    CONF_OUTDOOR_HUMIDITY,
    CONF_OUTDOOR_TEMPERATURE,
    CONF_OUTDOOR_WEATHER,
    CONF_PERSON_NAME,
    CONF_ROOM_HUMIDITY,
    CONF_ROOM_TEMPERATURE,
    CONF_SEX,
    CONF_WAKE_TIME,
    CONF_WATER,
    CONF_WATER_COUNTER,
    CONF_WATER_TARGET,
    CONF_WATER_UNIT,
    CONF_WEBHOOK_ID,
    CONF_WEBHOOK_LOCAL_ONLY,
    CONF_WORKOUT,
    DOMAIN,
)
from custom_components.cramp_guard.flow_schemas import SECTION_OF, flattened, sectioned
from custom_components.cramp_guard.settings import Settings

from .test_targets import set_up_screen

TEMPERATURE = {
    "unit_of_measurement": "°C",
    "device_class": "temperature",
    "state_class": "measurement",
}
HUMIDITY = {"unit_of_measurement": "%", "device_class": "humidity"}
STEPS = {"unit_of_measurement": "steps", "state_class": "total_increasing"}
# Where a shape comes from: shared/design/real-sources.md (each integration's code).

# Realistic sources, as (state, attributes).
STATES: dict[str, tuple[str, dict[str, Any]]] = {
    "sensor.living_room_temperature": ("22.5", TEMPERATURE),
    "sensor.living_room_humidity": ("48", HUMIDITY),
    "sensor.bedroom_temperature": ("19.0", TEMPERATURE),
    "sensor.bedroom_humidity": ("55", HUMIDITY),
    "sensor.balcony_temperature": ("71.6", TEMPERATURE | {"unit_of_measurement": "°F"}),
    "sensor.balcony_humidity": ("40", HUMIDITY),
    "sensor.pixel_steps_since_boot": (
        "48211",
        STEPS | {"friendly_name": "Pixel Steps since boot"},
    ),
    "sensor.meter_steps": ("912345", STEPS | {"state_class": "total"}),
    # Garmin Connect 3.x (cyberjunky/home-assistant-garmin_connect sensor.py).
    "sensor.garmin_steps": ("6540", STEPS),
    # Garmin Connect <= 1.0 (same repo, sensor_descriptions.py): total, no last_reset.
    "sensor.garmin_total_steps": ("6540", STEPS | {"state_class": "total"}),
    # Fitbit activity calories: "cal", meaning kcal (core fitbit/sensor.py).
    "sensor.fitbit_activity_calories": (
        "1051",
        {"unit_of_measurement": "cal", "state_class": "total_increasing"},
    ),
    # Withings (core withings/sensor.py): "calories", total, last_reset at midnight.
    "sensor.withings_active_calories_burnt_today": (
        "512.5",
        {"unit_of_measurement": "calories", "state_class": "total"},
    ),
    # A monthly utility_meter of a water counter (core utility_meter/sensor.py).
    "sensor.water_monthly": (
        "31.5",
        {
            "unit_of_measurement": "L",
            "state_class": "total_increasing",
            "status": "collecting",
            "last_period": "28.0",
            "last_valid_state": "1031.5",
            "last_reset": "2026-12-01T00:00:00+01:00",
            "next_reset": "2027-01-01T00:00:00+01:00",
        },
    ),
    # HidrateSpark's lifetime water (bditter/HA-Hidratespark sensor.py).
    "sensor.bottle_water_lifetime": (
        "1251.1",
        {
            "unit_of_measurement": "fl. oz.",
            "device_class": "volume",
            "state_class": "total_increasing",
        },
    ),
    # Health Connect's "Active calories burned" (home-assistant/android
    # HealthConnectSensorManager.kt): the last single record.
    "sensor.pixel_8_active_calories_burned": (
        "120.5",
        {
            "unit_of_measurement": "kcal",
            "device_class": "energy",
            "endTime": "2026-12-02T09:30:00Z",
            "source": "com.google.android.apps.fitness",
        },
    ),
    "sensor.garmin_active_calories": (
        "420",
        {"unit_of_measurement": "kcal", "state_class": "total_increasing"},
    ),
    "sensor.fitbit_active_minutes": (
        "35",
        {"unit_of_measurement": "min", "device_class": "duration"},
    ),
    # Health Connect "Daily hydration" (HealthConnectSensorManager.kt).
    "sensor.health_connect_hydration": (
        "1250.0",
        {
            "unit_of_measurement": "mL",
            "device_class": "volume",
            "state_class": "total_increasing",
        },
    ),
    "input_number.glasses_of_water": ("3.0", {"min": 0, "max": 20, "step": 1}),
    "binary_sensor.workout": ("off", {}),
    "weather.home": (
        "sunny",
        {"temperature": 24, "humidity": 40, "temperature_unit": "°C"},
    ),
}

ALL_SOURCES = {
    CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature",
    CONF_ROOM_HUMIDITY: "sensor.living_room_humidity",
    CONF_BEDROOM_TEMPERATURE: "sensor.bedroom_temperature",
    CONF_BEDROOM_HUMIDITY: "sensor.bedroom_humidity",
    CONF_ACTIVITY: "sensor.pixel_steps_since_boot",
    CONF_WORKOUT: "binary_sensor.workout",
    CONF_WATER: "input_number.glasses_of_water",
    CONF_OUTDOOR_WEATHER: "weather.home",
    CONF_OUTDOOR_TEMPERATURE: "sensor.balcony_temperature",
    CONF_OUTDOOR_HUMIDITY: "sensor.balcony_humidity",
}
PROFILE_DEFAULTS = {
    CONF_SEX: "unspecified",
    CONF_WAKE_TIME: "07:00:00",
    CONF_BED_TIME: "22:00:00",
    CONF_CRAMP_PRONE: False,
    CONF_MAIN_ACTIVITY: "running",
    CONF_LEARN_FROM_CRAMPS: False,
}
PROFILE = {
    CONF_BODY_MASS: 72.5,
    CONF_SEX: "female",
    CONF_WAKE_TIME: "06:30:00",
    CONF_BED_TIME: "23:15:00",
    CONF_CRAMP_PRONE: True,
    CONF_MAIN_ACTIVITY: "cycling",
    CONF_WATER_TARGET: 2500.0,
    CONF_LEARN_FROM_CRAMPS: True,
}
# A configured person: steps, a water counter in litres, a room sensor, a profile.
OPTIONS = {
    CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature",
    CONF_BEDROOM_TEMPERATURE: "sensor.bedroom_temperature",
    CONF_ACTIVITY: "sensor.garmin_steps",
    CONF_ACTIVITY_METRIC: "steps",
    CONF_ACTIVITY_COUNTER: "daily",
    CONF_WATER: "sensor.health_connect_hydration",
    CONF_WATER_COUNTER: "cumulative",
    CONF_WATER_UNIT: "mL",
} | PROFILE
# What the prompts step stores when it is submitted as it comes.
PROMPTS_DEFAULTS = {CONF_NOTIFY_TARGETS: [], CONF_WEBHOOK_LOCAL_ONLY: True}


@pytest.fixture(autouse=True)
def states(hass: HomeAssistant) -> None:
    """Put the sources into the state machine."""
    for entity_id, (state, attributes) in STATES.items():
        hass.states.async_set(entity_id, state, attributes)


def form_values(result: ConfigFlowResult) -> dict[str, Any]:
    """What the form shows in each field: the suggested value, else the default."""
    values: dict[str, Any] = {}
    for key in fields_of(result):
        suggested = (key.description or {}).get("suggested_value")
        if suggested is not None:
            values[str(key)] = suggested
        elif key.default is not vol.UNDEFINED:
            values[str(key)] = key.default()
    return values


def frontend_data(result: ConfigFlowResult) -> dict[str, Any]:
    """What the frontend fills a form with before anyone touches it, by its rule
    (home-assistant/frontend, src/components/ha-form/compute-initial-ha-form-data.ts,
    the same in 2025.4's bundle): a field's suggested value, else its default, else for
    a section what its own fields start with (sent when required or not empty).
    Submitting it is "open, change nothing, save"."""

    def initial(schema: vol.Schema) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, value in schema.schema.items():
            suggested = (key.description or {}).get("suggested_value")
            if suggested is not None:
                data[str(key)] = suggested
            elif key.default is not vol.UNDEFINED:
                data[str(key)] = key.default()
            elif isinstance(value, section):
                inner = initial(value.schema)
                if isinstance(key, vol.Required) or inner:
                    data[str(key)] = inner
        return data

    schema = result["data_schema"]
    assert schema is not None
    return initial(schema)


def fields_of(result: ConfigFlowResult) -> list[Any]:
    """The fields (voluptuous markers) of a form, in order; a section's fields in
    its place (the sources step is in sections)."""
    schema = result["data_schema"]
    assert schema is not None
    markers: list[Any] = []
    for key, value in schema.schema.items():
        if isinstance(value, section):
            markers.extend(value.schema.schema)
        else:
            markers.append(key)
    return markers


def fields(result: ConfigFlowResult) -> list[str]:
    """The names of the fields of a form, in order."""
    return [str(key) for key in fields_of(result)]


async def start(hass: HomeAssistant) -> ConfigFlowResult:
    """Start a user flow."""
    return await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )


SOURCE_STEPS = ("user", "init")


def answer(result: ConfigFlowResult, user_input: dict[str, Any]) -> dict[str, Any]:
    """The form's answer: the sources steps take theirs in sections."""
    return sectioned(user_input) if result["step_id"] in SOURCE_STEPS else user_input


async def configure(
    hass: HomeAssistant, result: ConfigFlowResult, user_input: dict[str, Any]
) -> ConfigFlowResult:
    """Submit a form."""
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], answer(result, user_input)
    )


async def set_up(hass: HomeAssistant, options: dict[str, Any]) -> MockConfigEntry:
    """A loaded entry for Alex with these options."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Alex",
        unique_id="alex",
        data={CONF_PERSON_NAME: "Alex"},
        options=options,
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


# What the pickers must leave out: a backup integration's timestamp sensor (core
# backup/sensor.py: device_class timestamp), a battery level (%, device_class
# battery) and a phone's battery temperature.
NOT_SOURCES: dict[str, tuple[str, dict[str, Any]]] = {
    "sensor.backup_last_successful_automatic_backup": (
        "2026-12-02T03:00:00+00:00",
        {"device_class": "timestamp"},
    ),
    "sensor.backup_backup_manager_state": (
        "idle",
        {"device_class": "enum", "options": ["idle", "create_backup"]},
    ),
    "sensor.pixel_battery_level": (
        "81",
        {"unit_of_measurement": "%", "device_class": "battery"},
    ),
}


# Alex with a room humidity sensor too: a heat index, whose device class is temperature.
WITH_HEAT_INDEX = OPTIONS | {CONF_ROOM_HUMIDITY: "sensor.living_room_humidity"}


def picker(result: ConfigFlowResult, key: str) -> dict[str, Any]:
    """The entity selector config of a source field, as the frontend gets it."""
    schema = result["data_schema"]
    assert schema is not None
    for value in schema.schema.values():
        if isinstance(value, section):
            for marker, selector in value.schema.schema.items():
                if str(marker) == key:
                    config: dict[str, Any] = selector.serialize()["selector"]["entity"]
                    return config
    raise KeyError(key)


async def test_pickers_offer_what_fits_and_never_our_own(
    hass: HomeAssistant,
) -> None:
    """Alex's heat index is a temperature and Water today a volume: the second
    person's pickers leave them (and every other Cramp Guard entity) out; the
    activity and water pickers list only sensors whose unit fits, plus helpers."""
    for entity_id, (state, attributes) in NOT_SOURCES.items():
        hass.states.async_set(entity_id, state, attributes)
    await set_up(hass, WITH_HEAT_INDEX)
    result = await start(hass)
    own = {"sensor.alex_heat_index", "sensor.alex_water_today", "switch.alex_reminders"}
    own.add("binary_sensor.alex_workout_in_progress")
    for key in ALL_SOURCES:
        assert own <= set(picker(result, key)["exclude_entities"]), key
    assert picker(result, CONF_ROOM_TEMPERATURE)["device_class"] == ["temperature"]
    assert set(picker(result, CONF_ACTIVITY)["include_entities"]) == {
        "sensor.pixel_steps_since_boot",
        "sensor.meter_steps",
        "sensor.garmin_steps",
        "sensor.garmin_total_steps",
        "sensor.fitbit_activity_calories",
        "sensor.withings_active_calories_burnt_today",
        "sensor.pixel_8_active_calories_burned",  # offered; refused when chosen
        "sensor.garmin_active_calories",
        "sensor.fitbit_active_minutes",
        "input_number.glasses_of_water",
    }
    assert set(picker(result, CONF_WATER)["include_entities"]) == {
        "sensor.water_monthly",
        "sensor.bottle_water_lifetime",
        "sensor.health_connect_hydration",
        "input_number.glasses_of_water",
    }


@pytest.mark.parametrize(
    ("key", "own"),
    [
        (CONF_ROOM_TEMPERATURE, "sensor.alex_heat_index"),
        (CONF_WATER, "sensor.alex_water_today"),
        (CONF_WORKOUT, "binary_sensor.alex_workout_in_progress"),
    ],
)
async def test_our_own_entity_typed_in_is_refused(
    hass: HomeAssistant, key: str, own: str
) -> None:
    """Typed in anyway (YAML mode, the API), it gets a translated error."""
    await set_up(hass, WITH_HEAT_INDEX)
    assert hass.states.get(own) is not None
    result = await configure(
        hass, await start(hass), {CONF_PERSON_NAME: "Bea", key: own}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {SECTION_OF[key]: "own_entity"}
    assert result["description_placeholders"]["entity"] == own


async def test_full_flow_creates_the_entry(hass: HomeAssistant) -> None:
    """Name and every source, the counter settings, the profile: one entry."""
    result = await start(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}
    assert form_values(result) == {}

    result = await configure(hass, result, {CONF_PERSON_NAME: "  Alex  "} | ALL_SOURCES)
    assert result["step_id"] == "counters"
    assert form_values(result) == {
        CONF_ACTIVITY_METRIC: "steps",
        CONF_ACTIVITY_COUNTER: "cumulative",  # steps since boot
        CONF_WATER_COUNTER: "daily",
        CONF_WATER_UNIT: "mL",
    }

    result = await configure(
        hass,
        result,
        {
            CONF_ACTIVITY_METRIC: "steps",
            CONF_ACTIVITY_COUNTER: "cumulative",
            CONF_WATER_COUNTER: "daily",
            CONF_WATER_UNIT: "cup",
        },
    )
    assert result["step_id"] == "profile"
    assert result["errors"] == {}
    assert form_values(result) == PROFILE_DEFAULTS

    result = await configure(hass, result, PROFILE | {CONF_WAKE_TIME: "06:30"})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex"
    # The success page (strings: config.create_entry.default) names the next step.
    assert result["description_placeholders"] == {"name": "Alex"}
    assert result["data"] == {CONF_PERSON_NAME: "Alex"}
    assert (
        result["options"]
        == ALL_SOURCES
        | {
            CONF_ACTIVITY_METRIC: "steps",
            CONF_ACTIVITY_COUNTER: "cumulative",
            CONF_WATER_COUNTER: "daily",
            CONF_WATER_UNIT: "cup",
        }
        | PROFILE
    )  # the wake time is stored as HH:MM:SS
    assert result["result"].unique_id == "alex"


async def test_temperature_only_skips_the_counters(hass: HomeAssistant) -> None:
    """Without activity or water there is no counters step; the defaults apply."""
    result = await configure(
        hass,
        await start(hass),
        {
            CONF_PERSON_NAME: "Sam",
            CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature",
        },
    )
    assert result["step_id"] == "profile"

    result = await configure(hass, result, {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert (
        result["options"]
        == {CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature"} | PROFILE_DEFAULTS
    )


@pytest.mark.parametrize(
    ("entity_id", "metric", "counter"),
    [
        ("sensor.pixel_steps_since_boot", "steps", "cumulative"),
        ("sensor.meter_steps", "steps", "cumulative"),  # far above any day
        ("sensor.garmin_steps", "steps", "daily"),
        ("sensor.garmin_total_steps", "steps", "daily"),  # total, no last_reset
        ("sensor.garmin_active_calories", "active_kcal", "daily"),
        ("sensor.fitbit_active_minutes", "intensity_minutes", "daily"),
        ("sensor.fitbit_activity_calories", "active_kcal", "daily"),
        ("sensor.withings_active_calories_burnt_today", "active_kcal", "daily"),
    ],
)
async def test_activity_settings_are_preselected(
    hass: HomeAssistant, entity_id: str, metric: str, counter: str
) -> None:
    """The metric comes from the unit, the counter kind from the attributes."""
    result = await configure(
        hass, await start(hass), {CONF_PERSON_NAME: "Alex", CONF_ACTIVITY: entity_id}
    )
    assert result["step_id"] == "counters"
    assert form_values(result) == {
        CONF_ACTIVITY_METRIC: metric,
        CONF_ACTIVITY_COUNTER: counter,
    }

    result = await configure(hass, result, {})  # the preselection is the default
    assert result["step_id"] == "profile"
    result = await configure(hass, result, {})
    assert result["options"][CONF_ACTIVITY_METRIC] == metric
    assert result["options"][CONF_ACTIVITY_COUNTER] == counter


@pytest.mark.parametrize(
    ("entity_id", "counter"),
    [
        ("sensor.health_connect_hydration", "daily"),
        ("sensor.water_monthly", "cumulative"),
        ("sensor.bottle_water_lifetime", "cumulative"),
    ],
)
async def test_water_kind_is_preselected(
    hass: HomeAssistant, entity_id: str, counter: str
) -> None:
    """A day total, a monthly meter and a lifetime bottle counter."""
    result = await configure(
        hass, await start(hass), {CONF_PERSON_NAME: "Alex", CONF_WATER: entity_id}
    )
    assert form_values(result)[CONF_WATER_COUNTER] == counter


@pytest.mark.parametrize("key", [CONF_ACTIVITY, CONF_WATER])
async def test_a_single_record_is_refused(hass: HomeAssistant, key: str) -> None:
    """Health Connect's "Active calories burned" is the last record, not a total."""
    user_input = {
        CONF_PERSON_NAME: "Alex",
        key: "sensor.pixel_8_active_calories_burned",
    }
    result = await configure(hass, await start(hass), user_input)
    assert result["errors"] == {key: "single_record"}


async def test_counters_step_shows_what_the_sensors_report(hass: HomeAssistant) -> None:
    """The page names each counter's value, unit and state class (or `?`)."""
    result = await configure(
        hass,
        await start(hass),
        {
            CONF_PERSON_NAME: "Alex",
            CONF_ACTIVITY: "sensor.pixel_steps_since_boot",
            CONF_WATER: "sensor.not_there_yet",
        },
    )
    assert result["description_placeholders"] == {
        "name": "Alex",
        "readings": "**Pixel Steps since boot** shows 48,211 steps now. The answer "
        "below follows from what it publishes.\n\n**sensor.not_there_yet** has no "
        "value yet: please check the answer below.",
    }
    hass.states.async_set("sensor.glasses", "3")
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Bo", CONF_WATER: "sensor.glasses"},
    )
    assert result["description_placeholders"] == {
        "name": "Bo",
        "readings": "**glasses** shows 3 now. It only ever counts up, so the answer "
        "below is a guess: please check it.",
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", "**steps** zeigt gerade 15.120,5 steps. Der Wert steigt nur an"),
        ("fr", "**steps** indique 15\u202f120,5 steps en ce moment. Sa valeur"),
    ],
)
async def test_the_counters_page_speaks_home_assistants_language(
    hass: HomeAssistant, language: str, expected: str
) -> None:
    """The counters' words and numbers follow Home Assistant's language."""
    hass.config.language = language
    hass.states.async_set(
        "sensor.steps",
        "15120.5",
        {"unit_of_measurement": "steps", "state_class": "total_increasing"},
    )
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_ACTIVITY: "sensor.steps"},
    )
    assert result["description_placeholders"]["readings"].startswith(expected)


async def test_the_counters_page_says_when_a_counter_has_no_value(
    hass: HomeAssistant,
) -> None:
    """An unavailable counter: no number, the answer to check."""
    hass.states.async_set(
        "sensor.steps", "unavailable", {"friendly_name": "Steps today"}
    )
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_ACTIVITY: "sensor.steps"},
    )
    assert result["description_placeholders"]["readings"] == (
        "**Steps today** has no value yet: please check the answer below."
    )


async def test_water_alone_asks_only_the_water_settings(hass: HomeAssistant) -> None:
    """A daily hydration total in mL preselects daily; its unit is not asked."""
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_WATER: "sensor.health_connect_hydration"},
    )
    assert fields(result) == [CONF_WATER_COUNTER]
    assert form_values(result) == {CONF_WATER_COUNTER: "daily"}

    water = {CONF_WATER_COUNTER: "cumulative"}
    result = await configure(hass, result, water)
    result = await configure(hass, result, {})
    assert (
        result["options"]
        == {CONF_WATER: "sensor.health_connect_hydration"} | water | PROFILE_DEFAULTS
    )


async def test_a_water_entity_without_a_unit_is_asked_for_one(
    hass: HomeAssistant,
) -> None:
    """An input_number of glasses has no unit: the counters step asks, any volume
    unit can be chosen."""
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_WATER: "input_number.glasses_of_water"},
    )
    assert fields(result) == [CONF_WATER_COUNTER, CONF_WATER_UNIT]
    water = {CONF_WATER_COUNTER: "cumulative", CONF_WATER_UNIT: "fl. oz."}
    result = await configure(hass, result, water)
    result = await configure(hass, result, {})
    assert result["options"][CONF_WATER_UNIT] == "fl. oz."


FIXED = {
    CONF_ROOM_TEMPERATURE: ("21.0", TEMPERATURE),
    CONF_BEDROOM_TEMPERATURE: ("69.8", {"unit_of_measurement": "°F"}),
    CONF_ROOM_HUMIDITY: ("50", HUMIDITY),
    CONF_BEDROOM_HUMIDITY: ("50", HUMIDITY),
    CONF_OUTDOOR_HUMIDITY: ("62", HUMIDITY),
    CONF_ACTIVITY: ("1200", STEPS),
    CONF_WATER: ("0.5", {"unit_of_measurement": "L"}),
}


@pytest.mark.parametrize(
    ("key", "state", "attributes", "error"),
    [
        (CONF_ROOM_TEMPERATURE, "warm", TEMPERATURE, "not_numeric"),
        (CONF_ROOM_TEMPERATURE, "95", TEMPERATURE, "out_of_range"),
        (CONF_BEDROOM_TEMPERATURE, "20", {"unit_of_measurement": "%"}, "bad_unit"),
        (CONF_ROOM_HUMIDITY, "105", HUMIDITY, "out_of_range"),
        (CONF_BEDROOM_HUMIDITY, "nan", HUMIDITY, "out_of_range"),
        (CONF_OUTDOOR_HUMIDITY, "9.2", {"unit_of_measurement": "g/m³"}, "bad_unit"),
        (CONF_ACTIVITY, "lots", STEPS, "not_numeric"),
        (CONF_ACTIVITY, "-5", STEPS, "out_of_range"),
        (CONF_WATER, "-0.5", {"unit_of_measurement": "L"}, "out_of_range"),
        (CONF_WATER, "1.5", {"unit_of_measurement": "kg"}, "bad_unit"),
    ],
)
async def test_a_bad_source_is_refused_then_fixed(
    hass: HomeAssistant, key: str, state: str, attributes: dict[str, Any], error: str
) -> None:
    """The error is above the field's section and names the entity, the input is
    kept, and a good state passes."""
    hass.states.async_set("sensor.source", state, attributes)
    user_input = {
        CONF_PERSON_NAME: "Alex",
        CONF_WORKOUT: "binary_sensor.workout",
        key: "sensor.source",
    }
    result = await configure(hass, await start(hass), user_input)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {SECTION_OF[key]: error}
    assert result["description_placeholders"]["entity"] == "sensor.source"
    assert form_values(result) == user_input

    hass.states.async_set("sensor.source", *FIXED[key])
    result = await configure(hass, result, user_input)
    assert result["errors"] == {}
    assert result["step_id"] in ("counters", "profile")


@pytest.mark.parametrize("state", ["unavailable", "unknown", None])
async def test_a_source_that_is_not_there_now_is_allowed(
    hass: HomeAssistant, state: str | None
) -> None:
    """Unavailable, unknown or not (yet) in the state machine: accepted."""
    if state is not None:
        hass.states.async_set("sensor.kitchen_temperature", state, TEMPERATURE)
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_ROOM_TEMPERATURE: "sensor.kitchen_temperature"},
    )
    assert result["step_id"] == "profile"


async def test_no_source_and_a_bad_name_are_refused(hass: HomeAssistant) -> None:
    """At least one source and a name with a letter or digit are needed."""
    result = await configure(hass, await start(hass), {CONF_PERSON_NAME: " !? "})
    assert result["errors"] == {CONF_PERSON_NAME: "invalid_name", "base": "no_sources"}

    result = await configure(hass, result, {CONF_PERSON_NAME: "Sam"})
    assert result["errors"] == {"base": "no_sources"}
    assert form_values(result) == {CONF_PERSON_NAME: "Sam"}

    result = await configure(
        hass, result, {CONF_PERSON_NAME: "Sam", CONF_WORKOUT: "binary_sensor.workout"}
    )
    assert result["step_id"] == "profile"


async def test_a_metric_that_does_not_fit_the_unit_is_refused(
    hass: HomeAssistant,
) -> None:
    """Active calories cannot be counted as minutes."""
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_ACTIVITY: "sensor.garmin_active_calories"},
    )
    counters = {
        CONF_ACTIVITY_METRIC: "intensity_minutes",
        CONF_ACTIVITY_COUNTER: "daily",
    }
    result = await configure(hass, result, counters)
    assert result["step_id"] == "counters"
    assert result["errors"] == {CONF_ACTIVITY_METRIC: "metric_unit"}
    assert form_values(result) == counters

    result = await configure(
        hass, result, counters | {CONF_ACTIVITY_METRIC: "active_kcal"}
    )
    assert result["step_id"] == "profile"


async def test_wake_time_equal_to_bed_time_is_refused(hass: HomeAssistant) -> None:
    """The sleep window needs two different times."""
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Alex", CONF_WORKOUT: "binary_sensor.workout"},
    )
    same = PROFILE | {CONF_WAKE_TIME: "07:00:00", CONF_BED_TIME: "07:00"}
    result = await configure(hass, result, same)
    assert result["step_id"] == "profile"
    assert result["errors"] == {CONF_BED_TIME: "same_wake_and_bed"}
    assert form_values(result) == same

    result = await configure(hass, result, same | {CONF_BED_TIME: "22:30:00"})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["options"][CONF_BED_TIME] == "22:30:00"


async def test_a_name_that_is_taken_is_a_field_error_and_keeps_the_picks(
    hass: HomeAssistant,
) -> None:
    """A second person with the same name (any case): the name field says so, the
    picks stay on the form, and another name goes on."""
    await set_up(hass, OPTIONS)
    picks = {CONF_PERSON_NAME: "alex", CONF_WORKOUT: "binary_sensor.workout"}
    result = await configure(hass, await start(hass), picks)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {CONF_PERSON_NAME: "name_taken"}
    assert form_values(result) == picks

    result = await configure(hass, result, picks | {CONF_PERSON_NAME: "Sam"})
    assert result["type"] is not FlowResultType.ABORT
    assert result["step_id"] != "user"


async def test_an_abandoned_flow_does_not_block_the_same_name(
    hass: HomeAssistant,
) -> None:
    """A flow left open after its first page; a new one with the same name goes on
    and creates the person (the abandoned one is ended then)."""
    picks = {CONF_PERSON_NAME: "Alex", CONF_WORKOUT: "binary_sensor.workout"}
    abandoned = await configure(hass, await start(hass), picks)
    assert abandoned["type"] is FlowResultType.FORM
    result = await configure(hass, await start(hass), picks)
    assert result["type"] is FlowResultType.FORM
    assert not result["errors"]
    while result["type"] is FlowResultType.FORM:
        result = await configure(hass, result, frontend_data(result))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert hass.config_entries.flow.async_progress() == []


async def test_options_flow_edits_everything_and_reloads(hass: HomeAssistant) -> None:
    """Every group of settings is prefilled, edited and applied by a reload."""
    entry = await set_up(hass, OPTIONS)

    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["step_id"] == "init"
    assert form_values(result) == {
        CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature",
        CONF_BEDROOM_TEMPERATURE: "sensor.bedroom_temperature",
        CONF_ACTIVITY: "sensor.garmin_steps",
        CONF_WATER: "sensor.health_connect_hydration",
    }

    # Clear the bedroom sensor, add humidity, swap the activity, keep the water.
    sources = {
        CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature",
        CONF_ROOM_HUMIDITY: "sensor.living_room_humidity",
        CONF_ACTIVITY: "sensor.garmin_active_calories",
        CONF_WATER: "sensor.health_connect_hydration",
    }
    result = await configure_options(hass, result, sources)
    assert result["step_id"] == "counters"
    assert result["description_placeholders"]["name"] == "Alex"
    assert form_values(result) == {  # the water's unit is its own: not asked
        CONF_ACTIVITY_METRIC: "active_kcal",  # guessed for the new entity
        CONF_ACTIVITY_COUNTER: "daily",
        CONF_WATER_COUNTER: "cumulative",  # kept for the unchanged one
    }
    counters = {
        CONF_ACTIVITY_METRIC: "active_kcal",
        CONF_ACTIVITY_COUNTER: "daily",
        CONF_WATER_COUNTER: "daily",
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], counters
    )
    assert result["step_id"] == "profile"
    assert form_values(result) == PROFILE

    profile = PROFILE_DEFAULTS | {CONF_SEX: "male", CONF_BODY_MASS: 80.0}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], profile
    )
    assert result["step_id"] == "prompts"
    assert form_values(result) == {
        CONF_NOTIFY_TARGETS: ["persistent_notification"],  # none chosen: shown ticked
        "morning_checkin": False,
        "webhook": False,
        CONF_WEBHOOK_LOCAL_ONLY: True,
    }
    with patch.object(
        cramp_guard, "async_setup_entry", wraps=cramp_guard.async_setup_entry
    ) as setup_entry:
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {}
        )
        await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    # the water target was cleared
    expected = sources | counters | profile | PROMPTS_DEFAULTS
    assert result["data"] == expected
    assert entry.options == expected
    setup_entry.assert_awaited_once()
    assert entry.state is ConfigEntryState.LOADED


async def test_options_flow_without_counters(hass: HomeAssistant) -> None:
    """Dropping the counter sources drops their settings and skips their step."""
    entry = await set_up(hass, OPTIONS)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await configure_options(
        hass, result, {CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature"}
    )
    assert result["step_id"] == "profile"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], PROFILE
    )
    result = await hass.config_entries.options.async_configure(result["flow_id"], {})
    assert (
        entry.options
        == {CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature"}
        | PROFILE
        | PROMPTS_DEFAULTS
    )


async def test_configure_opened_and_saved_unchanged_keeps_every_setting(
    hass: HomeAssistant,
) -> None:
    """Every page of Configure submitted as the frontend fills it: nothing changes
    (issue 20: the sections' default {} hid the sources, and saving dropped them)."""
    entry = await set_up(hass, OPTIONS)
    before = dict(entry.options)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    pages = []
    while result["type"] is FlowResultType.FORM and len(pages) < 6:
        pages.append(result["step_id"])
        data = frontend_data(result)
        if result["step_id"] == "init":
            assert flattened(data) == {
                k: v for k, v in OPTIONS.items() if k in SECTION_OF
            }
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], data
        )
        assert not result.get("errors"), (pages, result["errors"])
    assert result["type"] is FlowResultType.CREATE_ENTRY, pages
    assert pages == ["init", "counters", "profile", "prompts"]
    # The same settings (saving writes the defaults it showed, e.g. no notify
    # targets, and leaves out a unit the water sensor has itself).
    assert Settings.from_entry(entry.data, entry.options) == Settings.from_entry(
        entry.data, before
    )


async def test_configure_without_source_changes_applies_without_a_reload(
    hass: HomeAssistant,
) -> None:
    """The profile, the notify targets and the morning check-in changed, the sources
    kept: no reload, no
    entity goes unavailable (no logbook lines), the assessment follows at once; a
    source changed reloads."""
    hass.services.async_register("notify", "mobile_app_phone", lambda _call: None)
    entry = await set_up(hass, OPTIONS)
    engine = entry.runtime_data.engine
    target = engine.snapshot.assessment.water_target_ml
    changes: list[str] = []
    hass.bus.async_listen(
        "state_changed",
        lambda event: changes.append(event.data["new_state"].state)
        if event.data["new_state"] is not None
        else changes.append("removed"),
    )
    reload = AsyncMock(wraps=hass.config_entries.async_reload)
    submit = hass.config_entries.options.async_configure
    with patch.object(hass.config_entries, "async_reload", reload):
        result = await hass.config_entries.options.async_init(entry.entry_id)
        result = await submit(result["flow_id"], frontend_data(result))
        result = await submit(result["flow_id"], frontend_data(result))
        heavier = {CONF_BODY_MASS: 90.0, CONF_WATER_TARGET: None}
        profile = frontend_data(result) | heavier | {CONF_WAKE_TIME: "05:45"}
        result = await submit(
            result["flow_id"], {k: v for k, v in profile.items() if v is not None}
        )
        prompts = frontend_data(result) | {
            CONF_NOTIFY_TARGETS: ["mobile_app_phone"],
            CONF_MORNING_CHECKIN: True,
        }
        result = await submit(result["flow_id"], prompts)
        await hass.async_block_till_done()
        assert result["type"] is FlowResultType.CREATE_ENTRY
        reload.assert_not_awaited()
        assert entry.options[CONF_MORNING_CHECKIN] is True
        assert engine.settings.morning_checkin
        assert entry.runtime_data.engine is engine
        assert engine.settings.profile.body_mass_kg == 90.0
        assert engine.ledger.wake.isoformat() == "05:45:00"
        assert engine.snapshot.assessment.water_target_ml != target
        assert entry.runtime_data.prompter.notifier.targets == ["mobile_app_phone"]
        assert not {"unavailable", "unknown", "removed"} & set(changes), changes

        result = await hass.config_entries.options.async_init(entry.entry_id)
        sources = frontend_data(result)
        sources["room"][CONF_ROOM_HUMIDITY] = "sensor.living_room_humidity"
        result = await submit(result["flow_id"], sources)
        while result["type"] is FlowResultType.FORM:
            result = await submit(result["flow_id"], frontend_data(result))
        await hass.async_block_till_done()
    reload.assert_awaited_once_with(entry.entry_id)


async def test_options_flow_refuses_clearing_every_source(hass: HomeAssistant) -> None:
    """The options flow checks the sources like the user step."""
    entry = await set_up(hass, OPTIONS)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], sectioned({})
    )
    assert result["step_id"] == "init"
    assert result["errors"] == {"base": "no_sources"}
    assert form_values(result) == {}


async def test_reconfigure_renames_the_person(
    hass: HomeAssistant, device_registry: dr.DeviceRegistry
) -> None:
    """Reconfigure is about the entry's data, the name (Configure edits every
    setting): title, data, unique id and device name change; options stay; one
    reload; the entity ids stay."""
    entry = await set_up(hass, OPTIONS)
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"
    assert fields(result) == [CONF_PERSON_NAME]
    assert form_values(result) == {CONF_PERSON_NAME: "Alex"}
    assert result["description_placeholders"] == {"name": "Alex"}

    reload = AsyncMock(wraps=hass.config_entries.async_reload)
    with patch.object(hass.config_entries, "async_reload", reload):
        result = await configure(hass, result, {CONF_PERSON_NAME: " Alexandra "})
        await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.title == "Alexandra"
    assert entry.data == {CONF_PERSON_NAME: "Alexandra"}
    assert entry.unique_id == "alexandra"
    assert entry.options == OPTIONS
    reload.assert_awaited_once_with(entry.entry_id)
    assert entry.state is ConfigEntryState.LOADED
    [device] = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    assert device.name == "Alexandra"
    assert hass.states.get("sensor.alex_cramp_risk") is not None


async def test_home_assistants_rename_renames_the_person(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The entry's Rename (its title) renames the person as Reconfigure does; a name
    that cannot be a person's is set back, with a warning."""
    entry = await set_up(hass, OPTIONS)
    other = MockConfigEntry(
        domain=DOMAIN, title="Bea", unique_id="bea", data={CONF_PERSON_NAME: "Bea"}
    )
    other.add_to_hass(hass)
    reload = AsyncMock(wraps=hass.config_entries.async_reload)
    with patch.object(hass.config_entries, "async_reload", reload):
        hass.config_entries.async_update_entry(entry, title="Alexandra ")
        await hass.async_block_till_done()
    assert (entry.title, entry.unique_id) == ("Alexandra", "alexandra")
    assert entry.data == {CONF_PERSON_NAME: "Alexandra"}
    reload.assert_awaited_once_with(entry.entry_id)
    [device] = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    assert device.name == "Alexandra"
    assert hass.states.get("sensor.alex_cramp_risk").name == "Alexandra Cramp risk"

    for taken in ("bea", "--"):
        hass.config_entries.async_update_entry(entry, title=taken)
        await hass.async_block_till_done()
        assert (entry.title, entry.unique_id) == ("Alexandra", "alexandra")
    assert "Alexandra cannot be renamed to 'bea' (name taken)" in caplog.text
    assert "Alexandra cannot be renamed to '--' (invalid name)" in caplog.text


async def test_reconfigure_refuses_a_bad_or_taken_name(hass: HomeAssistant) -> None:
    """No letter or digit, or another person's name: an error on the name."""
    entry = await set_up(hass, OPTIONS)
    other = MockConfigEntry(
        domain=DOMAIN, title="Bea", unique_id="bea", data={CONF_PERSON_NAME: "Bea"}
    )
    other.add_to_hass(hass)
    result = await entry.start_reconfigure_flow(hass)
    result = await configure(hass, result, {CONF_PERSON_NAME: "--"})
    assert result["errors"] == {CONF_PERSON_NAME: "invalid_name"}
    result = await configure(hass, result, {CONF_PERSON_NAME: "bea"})
    assert result["errors"] == {CONF_PERSON_NAME: "name_taken"}
    assert form_values(result) == {CONF_PERSON_NAME: "bea"}
    result = await configure(hass, result, {CONF_PERSON_NAME: "Alex"})
    assert result["reason"] == "reconfigure_successful"
    assert entry.title == "Alex"


ROOM_ONLY = {CONF_ROOM_TEMPERATURE: "sensor.living_room_temperature"} | PROFILE


async def to_prompts(hass: HomeAssistant, entry: MockConfigEntry) -> ConfigFlowResult:
    """Open the options flow and go through sources and profile as they are."""
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await configure_options(
        hass, result, {CONF_ROOM_TEMPERATURE: ROOM_ONLY[CONF_ROOM_TEMPERATURE]}
    )
    result = await configure_options(hass, result, PROFILE)
    assert result["step_id"] == "prompts"
    return result


async def configure_options(
    hass: HomeAssistant, result: ConfigFlowResult, user_input: dict[str, Any]
) -> ConfigFlowResult:
    """Submit a form of an options flow."""
    return await hass.config_entries.options.async_configure(
        result["flow_id"], answer(result, user_input)
    )


def select_options(result: ConfigFlowResult, field: str) -> list[dict[str, str]]:
    """The options of a select field."""
    schema = result["data_schema"]
    assert schema is not None
    [key] = [key for key in schema.schema if str(key) == field]
    return list(schema.schema[key].config["options"])


async def test_prompts_offer_the_notify_services_that_exist(
    hass: HomeAssistant,
) -> None:
    """The persistent notification, the people, the legacy notify services and the
    notify entities, each in words; a chosen target that is gone stays listed so it
    can be removed; the entity action is no target. Opened and saved unchanged,
    nothing changes."""

    async def notify(call: ServiceCall) -> None:
        """A notify service."""

    for service in (
        "mobile_app_pixel_7",
        "family",
        "send_message",
        "persistent_notification",
    ):
        hass.services.async_register("notify", service, notify)
    assert await async_setup_component(
        hass, "person", {"person": [{"id": "bea", "name": "Bea"}]}
    )
    await set_up_screen(hass)
    chosen = ["person.bea", "notify.kitchen_screen", "mobile_app_old"]
    entry = await set_up(hass, ROOM_ONLY | {CONF_NOTIFY_TARGETS: chosen})

    result = await to_prompts(hass, entry)
    assert fields(result) == [
        CONF_NOTIFY_TARGETS,
        "morning_checkin",
        "webhook",
        CONF_WEBHOOK_LOCAL_ONLY,
    ]
    assert select_options(result, CONF_NOTIFY_TARGETS) == [
        {"value": "persistent_notification", "label": "Persistent notification"},
        {
            "value": "person.bea",
            "label": "Bea (person): no phone with the Companion app yet",
        },
        {"value": "family", "label": "notify.family: notify service, without buttons"},
        {
            "value": "mobile_app_old",
            "label": "notify.mobile_app_old: phone, with buttons",
        },
        {
            "value": "mobile_app_pixel_7",
            "label": "notify.mobile_app_pixel_7: phone, with buttons",
        },
        {
            "value": "notify.kitchen_screen",
            "label": "Kitchen screen (notify.kitchen_screen): plain text, "
            "without buttons",
        },
    ]
    assert form_values(result) == {
        CONF_NOTIFY_TARGETS: chosen,
        "morning_checkin": False,
        "webhook": False,
        CONF_WEBHOOK_LOCAL_ONLY: True,
    }
    # Opened and saved as the frontend fills it: the same targets.
    before = dict(entry.options)
    saved = await configure_options(hass, result, frontend_data(result))
    assert saved["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == before | {CONF_WEBHOOK_LOCAL_ONLY: True}

    result = await to_prompts(hass, entry)
    with pytest.raises(InvalidData):  # only the listed targets
        await configure_options(hass, result, {CONF_NOTIFY_TARGETS: ["send_message"]})

    targets = ["mobile_app_pixel_7", "persistent_notification"]
    result = await configure_options(hass, result, {CONF_NOTIFY_TARGETS: targets})
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == ROOM_ONLY | {
        CONF_NOTIFY_TARGETS: targets,
        CONF_WEBHOOK_LOCAL_ONLY: True,
    }
    assert entry.state is ConfigEntryState.LOADED


async def test_prompts_in_home_assistants_language(hass: HomeAssistant) -> None:
    """The targets' words follow Home Assistant's language (the persistent one's
    label is translated by the frontend, from its translation key)."""
    await hass.config.async_update(language="de")
    hass.services.async_register("notify", "mobile_app_pixel_7", lambda _call: None)
    entry = await set_up(hass, ROOM_ONLY)
    result = await to_prompts(hass, entry)
    assert select_options(result, CONF_NOTIFY_TARGETS)[1:] == [
        {
            "value": "mobile_app_pixel_7",
            "label": "notify.mobile_app_pixel_7: Smartphone, mit Schaltflächen",
        }
    ]


async def test_turning_the_webhook_on_shows_its_url_and_keeps_its_id(
    hass: HomeAssistant,
) -> None:
    """On: a new id and a page with the URL; saved again: the same id; off: gone."""
    entry = await set_up(hass, ROOM_ONLY)
    result = await to_prompts(hass, entry)
    result = await configure_options(
        hass, result, {"webhook": True, CONF_WEBHOOK_LOCAL_ONLY: False}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "webhook_url"
    assert result["data_schema"] is None  # nothing to fill in
    url = result["description_placeholders"]["url"]
    assert url.startswith(("http://", "https://"))
    webhook_id = url.rsplit("/", 1)[1]
    assert len(webhook_id) == 64
    assert url == webhook.async_generate_url(hass, webhook_id)
    assert entry.options == ROOM_ONLY  # not saved before the URL page is submitted

    result = await configure_options(hass, result, {})
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == ROOM_ONLY | {
        CONF_NOTIFY_TARGETS: [],
        CONF_WEBHOOK_ID: webhook_id,
        CONF_WEBHOOK_LOCAL_ONLY: False,
    }

    # Saved again with the webhook on: the same id, the URL shown again.
    result = await to_prompts(hass, entry)
    assert form_values(result) == {
        CONF_NOTIFY_TARGETS: ["persistent_notification"],  # none chosen: shown ticked
        "morning_checkin": False,
        "webhook": True,
        CONF_WEBHOOK_LOCAL_ONLY: False,
    }
    result = await configure_options(hass, result, {"webhook": True})
    assert result["step_id"] == "webhook_url"
    assert result["description_placeholders"]["url"].endswith(f"/{webhook_id}")
    result = await configure_options(hass, result, {})
    await hass.async_block_till_done()
    assert entry.options[CONF_WEBHOOK_ID] == webhook_id
    assert entry.options[CONF_WEBHOOK_LOCAL_ONLY] is True

    # Off: the id is dropped; on again later: a new one.
    result = await configure_options(
        hass, await to_prompts(hass, entry), {"webhook": False}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_WEBHOOK_ID not in entry.options
    result = await configure_options(
        hass, await to_prompts(hass, entry), {"webhook": True}
    )
    assert not result["description_placeholders"]["url"].endswith(webhook_id)


async def test_the_webhook_path_is_shown_without_a_url(hass: HomeAssistant) -> None:
    """When Home Assistant knows no URL of itself, the path is shown."""
    entry = await set_up(hass, ROOM_ONLY)
    result = await to_prompts(hass, entry)
    with patch.object(webhook, "async_generate_url", side_effect=NoURLAvailableError):
        result = await configure_options(hass, result, {"webhook": True})
    url = result["description_placeholders"]["url"]
    assert url.startswith("/api/webhook/")
    assert len(url.removeprefix("/api/webhook/")) == 64


async def test_the_user_flow_has_no_prompts_step(hass: HomeAssistant) -> None:
    """A new person gets persistent notifications and no webhook."""
    result = await configure(
        hass,
        await start(hass),
        {CONF_PERSON_NAME: "Sam", CONF_WORKOUT: "binary_sensor.workout"},
    )
    result = await configure(hass, result, {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert not set(result["options"]) & {
        CONF_NOTIFY_TARGETS,
        CONF_WEBHOOK_ID,
        CONF_WEBHOOK_LOCAL_ONLY,
    }


@pytest.mark.parametrize(
    ("entered", "kg"),
    [(159.8, 72.5), (165.0, 74.84), (None, None)],  # unchanged, changed, cleared
)
async def test_body_mass_in_pounds_on_us_customary_units(
    hass: HomeAssistant, entered: float | None, kg: float | None
) -> None:
    """On US customary units the body mass is asked in lb and kept in kg: shown
    converted, kept as set when unchanged, converted when changed."""
    hass.config.units = US_CUSTOMARY_SYSTEM
    entry = await set_up(hass, ROOM_ONLY)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    submit = hass.config_entries.options.async_configure
    result = await submit(result["flow_id"], frontend_data(result))
    assert result["step_id"] == "profile"
    mass = next(key for key in fields_of(result) if key == CONF_BODY_MASS)
    assert result["data_schema"].schema[mass].config["unit_of_measurement"] == "lb"
    assert form_values(result)[CONF_BODY_MASS] == 159.8

    profile = frontend_data(result) | {CONF_BODY_MASS: entered}
    result = await submit(
        result["flow_id"], {k: v for k, v in profile.items() if v is not None}
    )
    result = await submit(result["flow_id"], frontend_data(result))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options.get(CONF_BODY_MASS) == kg
