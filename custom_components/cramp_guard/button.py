"""Buttons of one person: log a glass of water, a stretch or a cramp with one tap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .actions import async_log
from .bodies import refused_as_error
from .entity import CrampGuardEntity
from .runtime import CrampGuardConfigEntry, CrampGuardData

PARALLEL_UPDATES = 0


def _nothing(_data: CrampGuardData) -> dict[str, Any]:
    return {}


@dataclass(frozen=True, kw_only=True)
class CrampGuardButtonDescription(ButtonEntityDescription):
    """A button described by the body a press logs."""

    kind: str  # water, stretch or cramp
    body_fn: Callable[[CrampGuardData], dict[str, Any]] = _nothing


BUTTONS: tuple[CrampGuardButtonDescription, ...] = (
    CrampGuardButtonDescription(
        key="log_water",
        translation_key="log_water",
        kind="water",
        body_fn=lambda d: {"amount": d.prompter.prefs.glass_ml},
    ),
    CrampGuardButtonDescription(
        key="log_stretch", translation_key="log_stretch", kind="stretch"
    ),
    CrampGuardButtonDescription(
        key="log_cramp", translation_key="log_cramp", kind="cramp"
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

    @refused_as_error
    async def async_press(self) -> None:
        """Log it (a glass size that is no drink is refused like an action's)."""
        description = self.entity_description
        async_log(self.data.engine, description.kind, description.body_fn(self.data))
