"""The forms of the Cramp Guard config, options and reconfigure flows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, cast

from homeassistant.const import UnitOfMass, UnitOfVolume
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import section
from homeassistant.helpers.selector import (
    BooleanSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    TextSelector,
    TimeSelector,
    TimeSelectorConfig,
)
from homeassistant.util.unit_conversion import MassConverter
import voluptuous as vol

from .const import (
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
    DEFAULT_BED_TIME,
    DEFAULT_MAIN_ACTIVITY,
    DEFAULT_WAKE_TIME,
    WATER_UNITS,
    ActivityMetric,
    CounterKind,
    MainActivity,
    Sex,
)
from .pickers import source_selectors

DEFAULT_WATER_UNIT: Final = UnitOfVolume.MILLILITERS

# The settings that come with a counter source (asked in the `counters` step).
COUNTER_SETTINGS: Final = {
    CONF_ACTIVITY: (CONF_ACTIVITY_METRIC, CONF_ACTIVITY_COUNTER),
    CONF_WATER: (CONF_WATER_COUNTER, CONF_WATER_UNIT),
}
COUNTER_KEYS: Final = tuple(key for keys in COUNTER_SETTINGS.values() for key in keys)
COUNTER_KIND_KEYS: Final = {
    CONF_ACTIVITY: CONF_ACTIVITY_COUNTER,
    CONF_WATER: CONF_WATER_COUNTER,
}


class MinuteSelector(TimeSelector):
    """A time picker without seconds. The frontend knows `no_second`; Home Assistant
    2025.4's own time selector does not accept it yet."""

    CONFIG_SCHEMA = vol.Schema({vol.Optional("no_second"): bool})


MINUTES: Final = MinuteSelector(cast(TimeSelectorConfig, {"no_second": True}))


def _select(options: list[str], translation_key: str | None = None) -> SelectSelector:
    config = SelectSelectorConfig(options=options)
    if translation_key is not None:
        config["translation_key"] = translation_key
    return SelectSelector(config)


def _number(low: float, high: float, step: float, unit: str) -> NumberSelector:
    return NumberSelector(
        NumberSelectorConfig(
            min=low,
            max=high,
            step=step,
            unit_of_measurement=unit,
            mode=NumberSelectorMode.BOX,
        )
    )


NAME_SCHEMA: Final = vol.Schema({vol.Required(CONF_PERSON_NAME): TextSelector()})


# The sources step in sections; the extras are folded away unless in use.
SECTIONS: Final = {
    "room": (CONF_ROOM_TEMPERATURE, CONF_ROOM_HUMIDITY),
    "activity": (CONF_ACTIVITY, CONF_WORKOUT),
    "water": (CONF_WATER,),
    "bedroom": (CONF_BEDROOM_TEMPERATURE, CONF_BEDROOM_HUMIDITY),
    "outdoor": (CONF_OUTDOOR_WEATHER, CONF_OUTDOOR_TEMPERATURE, CONF_OUTDOOR_HUMIDITY),
}
EXTRA_SECTIONS: Final = ("bedroom", "outdoor")
SECTION_OF: Final = {key: name for name, keys in SECTIONS.items() for key in keys}


def sectioned(values: Mapping[str, Any]) -> dict[str, Any]:
    """Flat source settings as the sources step takes them, in their sections."""
    nested: dict[str, Any] = {name: {} for name in SECTIONS}
    for key, value in values.items():
        if key in SECTION_OF:
            nested[SECTION_OF[key]][key] = value
        else:
            nested[key] = value
    return nested


def flattened(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """The sources step's answer without its sections."""
    flat = {k: v for k, v in user_input.items() if k not in SECTIONS}
    for name in SECTIONS:
        flat.update(user_input.get(name) or {})
    return flat


def sources_schema(
    hass: HomeAssistant, values: Mapping[str, Any], *, with_name: bool = False
) -> vol.Schema:
    """The sources step: the person's name first when new, then a section per place
    or kind of source, every source optional. `values` (flat) open the extras."""
    selectors = source_selectors(hass)
    fields: dict[vol.Marker, Any] = dict(NAME_SCHEMA.schema) if with_name else {}
    for name, keys in SECTIONS.items():
        folded = name in EXTRA_SECTIONS and not any(values.get(k) for k in keys)
        # No default: the frontend would show it ({}) before the suggested values
        # inside, and every source would open empty in Configure (issue 20).
        fields[vol.Required(name)] = section(
            vol.Schema({vol.Optional(key): selectors[key] for key in keys}),
            {"collapsed": folded},
        )
    return vol.Schema(fields)


COUNTER_KIND_SELECTOR: Final = _select(
    [kind.value for kind in CounterKind], "counter_kind"
)
_COUNTER_SELECTORS: Final = {
    CONF_ACTIVITY_METRIC: _select(
        [metric.value for metric in ActivityMetric], "activity_metric"
    ),
    CONF_ACTIVITY_COUNTER: COUNTER_KIND_SELECTOR,
    CONF_WATER_COUNTER: COUNTER_KIND_SELECTOR,
    CONF_WATER_UNIT: _select([str(unit) for unit in WATER_UNITS]),
}


def counters_schema(preselected: Mapping[str, Any]) -> vol.Schema:
    """The counter settings in `preselected` (those of the chosen sources)."""
    return vol.Schema(
        {
            vol.Required(key, default=preselected[key]): selector
            for key, selector in _COUNTER_SELECTORS.items()
            if key in preselected
        }
    )


BODY_MASS_KG: Final = (20.0, 300.0)  # the range the form takes


def body_mass_shown(kg: float, unit: str) -> float:
    """A body mass in kg as the form shows it in `unit` (to 0.1)."""
    return round(MassConverter.convert(kg, UnitOfMass.KILOGRAMS, unit), 1)


def profile_schema(mass_unit: str = UnitOfMass.KILOGRAMS) -> vol.Schema:
    """The profile form, the body mass in `mass_unit` (Home Assistant's: kg, or lb
    on US customary units); the options keep kg."""
    low, high = (body_mass_shown(kg, mass_unit) for kg in BODY_MASS_KG)
    return vol.Schema(
        {vol.Optional(CONF_BODY_MASS): _number(low, high, 0.1, mass_unit)}
        | dict(_PROFILE_REST.schema)
    )


_PROFILE_REST: Final = vol.Schema(
    {
        vol.Required(CONF_SEX, default=Sex.UNSPECIFIED.value): _select(
            [sex.value for sex in Sex], "sex"
        ),
        vol.Required(CONF_WAKE_TIME, default=DEFAULT_WAKE_TIME): MINUTES,
        vol.Required(CONF_BED_TIME, default=DEFAULT_BED_TIME): MINUTES,
        vol.Required(CONF_CRAMP_PRONE, default=False): BooleanSelector(),
        vol.Required(CONF_MAIN_ACTIVITY, default=DEFAULT_MAIN_ACTIVITY.value): _select(
            [activity.value for activity in MainActivity], "main_activity"
        ),
        vol.Optional(CONF_WATER_TARGET): _number(
            500, 6000, 50, UnitOfVolume.MILLILITERS
        ),
        vol.Required(CONF_LEARN_FROM_CRAMPS, default=False): BooleanSelector(),
    }
)
PROFILE_KEYS: Final = tuple(str(key) for key in profile_schema().schema)

# The prompts step (options flow only). The form has a switch for the webhook; the
# options keep its id instead.
CONF_WEBHOOK: Final = "webhook"
PROMPT_KEYS: Final = (
    CONF_NOTIFY_TARGETS,
    CONF_MORNING_CHECKIN,
    CONF_WEBHOOK_ID,
    CONF_WEBHOOK_LOCAL_ONLY,
)


def prompts_schema(targets: Mapping[str, str]) -> vol.Schema:
    """The notify targets to choose from (value -> label) and the webhook switches."""
    return vol.Schema(
        {
            vol.Optional(CONF_NOTIFY_TARGETS, default=[]): SelectSelector(
                SelectSelectorConfig(
                    options=[
                        SelectOptionDict(value=value, label=label)
                        for value, label in targets.items()
                    ],
                    multiple=True,
                    translation_key="notify_target",  # the persistent one's label
                )
            ),
            vol.Required(CONF_MORNING_CHECKIN, default=False): BooleanSelector(),
            vol.Required(CONF_WEBHOOK, default=False): BooleanSelector(),
            vol.Required(CONF_WEBHOOK_LOCAL_ONLY, default=True): BooleanSelector(),
        }
    )
