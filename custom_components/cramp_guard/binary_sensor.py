"""Binary sensor of one person: a workout in progress."""

from __future__ import annotations

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from .entity import SnapshotEntity
from .runtime import CrampGuardConfigEntry

PARALLEL_UPDATES = 0

# No device class: `running` reads "Not running" for a cyclist ("Außer Betrieb", out
# of order, in German); the states are the integration's own words.
WORKOUT = BinarySensorEntityDescription(
    key="workout_in_progress",
    translation_key="workout_in_progress",
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: CrampGuardConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the workout sensor of one person."""
    async_add_entities(
        [WorkoutSensor(entry.runtime_data.engine, entry.entry_id, WORKOUT)]
    )


class WorkoutSensor(SnapshotEntity, BinarySensorEntity):
    """On during a workout: from the workout entity, or detected from activity."""

    @property
    def is_on(self) -> bool | None:
        """True while a bout is going on."""
        snapshot = self.snapshot
        return None if snapshot is None else snapshot.workout
