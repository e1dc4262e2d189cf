"""Repair issues: a source entity that is gone, with a fix flow to pick another."""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlow
from homeassistant.core import HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResult
from homeassistant.helpers import issue_registry as ir
import voluptuous as vol

from .const import DOMAIN
from .flow_schemas import SOURCE_SELECTORS

ISSUE_MISSING_SOURCE = "missing_source"
CONF_REPLACEMENT = "replacement"


def _issue_id(entry_id: str, key: str) -> str:
    return f"{ISSUE_MISSING_SOURCE}_{entry_id}_{key}"


@callback
def async_missing_source(
    hass: HomeAssistant, entry_id: str, name: str, key: str, entity_id: str
) -> None:
    """Raise the fixable issue for a source entity that does not exist."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        _issue_id(entry_id, key),
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=ISSUE_MISSING_SOURCE,
        translation_placeholders={"name": name, "entity_id": entity_id},
        data={"entry_id": entry_id, "key": key, "entity_id": entity_id},
    )


@callback
def async_source_back(hass: HomeAssistant, entry_id: str, key: str) -> None:
    """Remove the issue once the source exists again."""
    ir.async_delete_issue(hass, DOMAIN, _issue_id(entry_id, key))


@callback
def async_delete_entry_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Remove every issue of an entry (the entry is being removed)."""
    prefix = f"{ISSUE_MISSING_SOURCE}_{entry_id}_"
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and issue_id.startswith(prefix):
            ir.async_delete_issue(hass, DOMAIN, issue_id)


class MissingSourceFlow(RepairsFlow):
    """Pick a replacement for a missing source entity."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Remember which entry and source the issue is about."""
        super().__init__()
        self._entry_id: str = data["entry_id"]
        self._key: str = data["key"]
        self._entity_id: str = data["entity_id"]

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """Start the flow (its input is the issue, not the user's)."""
        return await self.async_step_replace()

    async def async_step_replace(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """Show the form with a selector for the same kind of entity."""
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        if entry is None:
            return self.async_abort(reason="entry_removed")
        if user_input is not None:
            options = {**entry.options, self._key: user_input[CONF_REPLACEMENT]}
            self.hass.config_entries.async_update_entry(entry, options=options)
            return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="replace",
            data_schema=vol.Schema(
                {vol.Required(CONF_REPLACEMENT): SOURCE_SELECTORS[self._key]}
            ),
            description_placeholders={
                "name": entry.title,
                "entity_id": self._entity_id,
            },
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow for an issue of this integration."""
    assert data is not None
    return MissingSourceFlow(data)
