"""What each source picker offers: the entities that fit the source, never our own.

Temperature and humidity pickers filter by device class; the activity and water
pickers list the sensors whose unit (or device class) fits - steps, minutes, kcal;
a volume - plus every input_number and counter helper. Cramp Guard's own entities
(a heat index is a temperature, Water today is a volume) are never offered: read
back as a source they would count twice. One typed in anyway gets a translated
error from the flow (`own_entity`), so the selectors here only filter what is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from homeassistant.components.sensor import (
    ATTR_STATE_CLASS,
    SensorDeviceClass,
)
from homeassistant.const import ATTR_DEVICE_CLASS, ATTR_UNIT_OF_MEASUREMENT
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import config_validation as cv, entity_registry as er
from homeassistant.helpers.selector import EntitySelector, EntitySelectorConfig
from homeassistant.util.unit_conversion import DurationConverter, EnergyConverter

from .const import (
    CONF_ACTIVITY,
    CONF_OUTDOOR_WEATHER,
    CONF_WATER,
    CONF_WORKOUT,
    DOMAIN,
    HUMIDITY_SOURCES,
    TEMPERATURE_SOURCES,
)
from .sources import is_kcal, volume_ml

COUNTER_DOMAINS: Final = ["sensor", "input_number", "counter"]
STEP_UNITS: Final = {"steps", "step"}
ACTIVITY_DEVICE_CLASSES: Final = {
    None,
    SensorDeviceClass.DURATION,
    SensorDeviceClass.ENERGY,
}
WATER_DEVICE_CLASSES: Final = {
    None,
    SensorDeviceClass.VOLUME,
    SensorDeviceClass.VOLUME_STORAGE,
    SensorDeviceClass.WATER,
}


class SourceSelector(EntitySelector):
    """An entity selector that shows a filtered list but accepts any entity id.

    The flow checks the choice itself, so a bad one gets a translated error next to
    its field instead of the schema's untranslated "not a valid value".
    """

    def __call__(self, data: Any) -> Any:
        """Validate an entity id only."""
        return cv.entity_id(data)


def _unit_fits_activity(unit: str) -> bool:
    return (
        unit.lower() in STEP_UNITS
        or is_kcal(unit)
        or unit in EnergyConverter.VALID_UNITS
        or unit in DurationConverter.VALID_UNITS
    )


def _fits(
    device_classes: set[Any], unit_fits: Callable[[str], bool]
) -> Callable[[State], bool]:
    """Whether a sensor fits: its device class, and its unit (a unit-less sensor only
    when it has a state class, as Google Fit's steps do)."""

    def fits(state: State) -> bool:
        attrs = state.attributes
        if state.domain != "sensor":
            return True  # input_number and counter helpers
        if attrs.get(ATTR_DEVICE_CLASS) not in device_classes:
            return False
        unit = attrs.get(ATTR_UNIT_OF_MEASUREMENT)
        if unit is None:
            return attrs.get(ATTR_STATE_CLASS) is not None
        return unit_fits(str(unit))

    return fits


COUNTER_FITS: Final = {
    CONF_ACTIVITY: _fits(ACTIVITY_DEVICE_CLASSES, _unit_fits_activity),
    CONF_WATER: _fits(
        WATER_DEVICE_CLASSES, lambda unit: volume_ml(1.0, unit).problem is None
    ),
}


def own_entities(hass: HomeAssistant) -> set[str]:
    """Every entity of Cramp Guard (all people)."""
    return {
        entry.entity_id
        for entry in er.async_get(hass).entities.values()
        if entry.platform == DOMAIN
    }


def source_selectors(hass: HomeAssistant) -> dict[str, EntitySelector]:
    """One selector per source, offering what fits now and none of ours."""
    own = own_entities(hass)
    excluded = sorted(own)

    def picker(
        domain: str | list[str],
        device_class: str | None = None,
        include_entities: list[str] | None = None,
    ) -> EntitySelector:
        config = EntitySelectorConfig(domain=domain, exclude_entities=excluded)
        if device_class is not None:
            config["device_class"] = device_class
        if include_entities is not None:
            config["include_entities"] = include_entities
        return SourceSelector(config)

    selectors = {
        **{
            key: picker("sensor", device_class=SensorDeviceClass.TEMPERATURE)
            for key in TEMPERATURE_SOURCES
        },
        **{
            key: picker("sensor", device_class=SensorDeviceClass.HUMIDITY)
            for key in HUMIDITY_SOURCES
        },
        CONF_WORKOUT: picker(["binary_sensor", "input_boolean", "switch"]),
        CONF_OUTDOOR_WEATHER: picker("weather"),
    }
    for key, fits in COUNTER_FITS.items():
        offered = sorted(
            state.entity_id
            for state in hass.states.async_all(COUNTER_DOMAINS)
            if state.entity_id not in own and fits(state)
        )
        selectors[key] = picker(COUNTER_DOMAINS, include_entities=offered)
    return selectors
