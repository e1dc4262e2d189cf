"""Following the source entities in the entity registry: renames and removals.

A source entity renamed in Settings > Entities (a new entity id) is followed to its
new id; one removed from the registry (itself, or with its device) is reported at
once. Home Assistant 2026.2 and later have core's own helper for this, the one its
helper integrations (`mold_indicator`, `derivative`, `utility_meter`, `template`,
...) use: `helper_integration.async_handle_source_entity_changes`. Home Assistant
2025.4 has not: there the entity registry's update events say the same.
`async_follow_sources` is the one function for both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
import importlib

from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.entity_registry import EventEntityRegistryUpdatedData
from homeassistant.helpers.event import async_track_entity_registry_updated_event


def _core_helper() -> Callable[..., CALLBACK_TYPE] | None:
    """Core's `async_handle_source_entity_changes`, where the release has it."""
    try:
        module = importlib.import_module("homeassistant.helpers.helper_integration")
    except ImportError:  # Home Assistant 2025.4
        return None
    handle: Callable[..., CALLBACK_TYPE] = module.async_handle_source_entity_changes
    return handle


CORE_HELPER = _core_helper()


@callback
def async_follow_sources(
    hass: HomeAssistant,
    entry_id: str,
    entity_ids: Iterable[str],
    renamed: Callable[[str, str], None],
    removed: Callable[[str], None],
) -> CALLBACK_TYPE:
    """Follow these source entities: `renamed(old, new)` when one gets a new entity
    id, `removed(entity_id)` when one is removed from the entity registry (itself,
    or with its device). Returns what stops following them."""
    unsubs = [
        _follow(hass, entry_id, entity_id, renamed, removed) for entity_id in entity_ids
    ]

    @callback
    def stop() -> None:
        while unsubs:
            unsubs.pop()()

    return stop


def _follow(
    hass: HomeAssistant,
    entry_id: str,
    entity_id: str,
    renamed: Callable[[str, str], None],
    removed: Callable[[str], None],
) -> CALLBACK_TYPE:
    """Follow one source entity, with core's helper where the release has it."""
    if CORE_HELPER is not None:

        async def gone() -> None:
            removed(entity_id)

        # No source device: Cramp Guard's entities belong to the person's own device.
        return CORE_HELPER(
            hass,
            helper_config_entry_id=entry_id,
            set_source_entity_id_or_uuid=lambda new: renamed(entity_id, new),
            source_device_id=None,
            source_entity_id_or_uuid=entity_id,
            source_entity_removed=gone,
        )

    @callback
    def changed(event: Event[EventEntityRegistryUpdatedData]) -> None:
        data = event.data
        if data["action"] == "remove":
            removed(entity_id)
        elif data["action"] == "update" and "entity_id" in data["changes"]:
            renamed(entity_id, data["entity_id"])

    return async_track_entity_registry_updated_event(hass, entity_id, changed)
