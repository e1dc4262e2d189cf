"""Switch of one person: the master switch of the prompts."""

from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .entity import PreferenceEntity
from .runtime import CrampGuardConfigEntry

PARALLEL_UPDATES = 0

REMINDERS = SwitchEntityDescription(
    key="reminders",
    translation_key="reminders",
    entity_category=EntityCategory.CONFIG,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CrampGuardConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the reminders switch of one person."""
    async_add_entities([RemindersSwitch(entry.runtime_data, entry.entry_id, REMINDERS)])


class RemindersSwitch(PreferenceEntity, SwitchEntity):
    """On: prompts are sent. Off: nothing is sent. Kept across restarts."""

    @property
    def is_on(self) -> bool:
        """Whether prompts are on."""
        return self.prefs.reminders_on

    async def async_turn_on(self, **kwargs: Any) -> None:
        """Turn the prompts on."""
        self.prefs.reminders_on = True
        self.async_saved()

    async def async_turn_off(self, **kwargs: Any) -> None:
        """Turn the prompts off."""
        self.prefs.reminders_on = False
        self.async_saved()
