"""Number of one person: the glass size "+1 glass" and the water button log."""

from __future__ import annotations

from homeassistant.components.number import (
    NumberDeviceClass,
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import EntityCategory, UnitOfVolume
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .bodies import refused_as_error, validate
from .entity import PreferenceEntity
from .runtime import CrampGuardConfigEntry

PARALLEL_UPDATES = 0

GLASS_SIZE = NumberEntityDescription(
    key="glass_size",
    translation_key="glass_size",
    entity_category=EntityCategory.CONFIG,
    device_class=NumberDeviceClass.VOLUME,
    native_unit_of_measurement=UnitOfVolume.MILLILITERS,
    native_min_value=50,
    native_max_value=1500,
    native_step=10,
    mode=NumberMode.BOX,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CrampGuardConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the glass size of one person."""
    async_add_entities([GlassSize(entry.runtime_data, entry.entry_id, GLASS_SIZE)])


class GlassSize(PreferenceEntity, NumberEntity):
    """How much one glass holds (default 250 mL), kept across restarts."""

    @property
    def native_value(self) -> float:
        """The glass size in mL: a whole number shows without ".0" ("250 mL")."""
        glass = self.prefs.glass_ml
        return int(glass) if float(glass).is_integer() else glass

    @refused_as_error
    async def async_set_native_value(self, value: float) -> None:
        """Change the glass size (Home Assistant checks the range, not NaN)."""
        validate("water", {"amount": value})
        self.prefs.glass_ml = value
        self.async_saved()
