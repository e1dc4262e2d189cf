"""Time of one person: when the evening stretch reminder comes."""

from __future__ import annotations

from datetime import time

from homeassistant.components.time import TimeEntity, TimeEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .entity import PreferenceEntity
from .runtime import CrampGuardConfigEntry

PARALLEL_UPDATES = 0

EVENING_REMINDER = TimeEntityDescription(
    key="evening_reminder",
    translation_key="evening_reminder",
    entity_category=EntityCategory.CONFIG,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CrampGuardConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the evening reminder time of one person."""
    async_add_entities(
        [EveningReminderTime(entry.runtime_data, entry.entry_id, EVENING_REMINDER)]
    )


class EveningReminderTime(PreferenceEntity, TimeEntity):
    """When the evening stretch reminder comes (default 20:30); kept on restart."""

    @property
    def native_value(self) -> time:
        """The reminder time."""
        return self.prefs.evening_time

    async def async_set_value(self, value: time) -> None:
        """Move the reminder."""
        self.prefs.evening_time = value.replace(second=0, microsecond=0)
        self.async_saved()
