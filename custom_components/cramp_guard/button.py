"""Buttons of one person: log a glass of water, a stretch or a cramp with one tap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .actions import async_log_cramp, async_log_stretch, async_log_water
from .entity import CrampGuardEntity
from .runtime import CrampGuardConfigEntry, CrampGuardData

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class CrampGuardButtonDescription(ButtonEntityDescription):
    """A button described by what a press does."""

    press_fn: Callable[[CrampGuardData], object]


BUTTONS: tuple[CrampGuardButtonDescription, ...] = (
    CrampGuardButtonDescription(
        key="log_water",
        translation_key="log_water",
        press_fn=lambda d: async_log_water(d.engine, d.prompter.prefs.glass_ml),
    ),
    CrampGuardButtonDescription(
        key="log_stretch",
        translation_key="log_stretch",
        press_fn=lambda d: async_log_stretch(d.engine),
    ),
    CrampGuardButtonDescription(
        key="log_cramp",
        translation_key="log_cramp",
        press_fn=lambda d: async_log_cramp(d.engine),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CrampGuardConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the logging buttons of one person."""
    data = entry.runtime_data
    async_add_entities(
        CrampGuardButton(data, entry.entry_id, description) for description in BUTTONS
    )


class CrampGuardButton(CrampGuardEntity, ButtonEntity):
    """Logs something to the person's ledger when pressed."""

    entity_description: CrampGuardButtonDescription

    def __init__(
        self,
        data: CrampGuardData,
        entry_id: str,
        description: CrampGuardButtonDescription,
    ) -> None:
        """Bind the button to its person."""
        super().__init__(data.engine, entry_id, description)
        self.data = data

    async def async_press(self) -> None:
        """Log it."""
        self.entity_description.press_fn(self.data)
