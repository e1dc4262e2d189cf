"""The base entity: one device per person, names from translations."""

from __future__ import annotations

from typing import Any

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN
from .engine import Engine
from .prompt_policy import Prefs
from .runtime import CrampGuardData
from .snapshot import Snapshot


class CrampGuardEntity(Entity):
    """An entity of one person, on the person's device."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(
        self, engine: Engine, entry_id: str, description: EntityDescription
    ) -> None:
        """Bind the entity to its person's engine and device."""
        self.engine = engine
        self.entity_description = description
        self._attr_unique_id = f"{entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry_id)},
            name=engine.settings.name,
            manufacturer="Cramp Guard",
            model="Cramp risk",
            # A person, not a service: the integration page counts "1 device" (None,
            # not left out, so a device made as a service before is changed too).
            entry_type=None,
        )


class SnapshotEntity(CoordinatorEntity[Engine], CrampGuardEntity):
    """An entity that shows part of the engine's snapshot (a coordinator entity):
    told after each assessment, it writes its state only when what it shows changed.
    """

    _shown: Any = None
    _part: Any = None

    def __init__(
        self, engine: Engine, entry_id: str, description: EntityDescription
    ) -> None:
        """Follow the person's engine."""
        CoordinatorEntity.__init__(self, engine)
        CrampGuardEntity.__init__(self, engine, entry_id, description)

    @property
    def snapshot(self) -> Snapshot | None:
        """The engine's last snapshot (None before the first assessment)."""
        return self.coordinator.data

    async def async_added_to_hass(self) -> None:
        """Follow the engine's assessments."""
        await super().async_added_to_hass()
        self._shown = self._render()

    def _render(self) -> Any:
        """What the entity shows now (compared to decide whether to write)."""
        return (self.available, self.state, self.extra_state_attributes)

    def _shows(self) -> Any:
        """The part of the snapshot all the entity shows comes from, when one object
        holds it (the same object again: nothing to render); None: render always."""
        return None

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write the state only when what the entity shows changed."""
        part = self._shows()
        if part is not None and part is self._part:
            return
        self._part = part
        shown = self._render()
        if shown != self._shown:
            self._shown = shown
            self.async_write_ha_state()


class PreferenceEntity(CrampGuardEntity):
    """An entity that edits one of the person's prompt preferences.

    The preferences live in the prompter's store, so they survive restarts.
    """

    def __init__(
        self, data: CrampGuardData, entry_id: str, description: EntityDescription
    ) -> None:
        """Bind the entity to its person's preferences."""
        super().__init__(data.engine, entry_id, description)
        self.prompter = data.prompter

    @property
    def prefs(self) -> Prefs:
        """The preferences this entity edits."""
        return self.prompter.prefs

    def async_saved(self) -> None:
        """Persist the change and show it."""
        self.prompter.async_prefs_changed()
        self.async_write_ha_state()
