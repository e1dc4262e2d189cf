"""The repairs platform: the fix flows of Cramp Guard's issues (raised in issues.py).

- `missing_source`: pick another entity for the source.
- `counter_kind`: confirm or change the kind a counter behaves like.
- `broken_notify_target`: pick another notify target.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from homeassistant.components.repairs import RepairsFlow
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult
from homeassistant.helpers.selector import (
    EntitySelector,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import voluptuous as vol

from .const import CONF_NOTIFY_TARGETS
from .flow_schemas import COUNTER_KIND_KEYS, COUNTER_KIND_SELECTOR
from .issues import ISSUE_BROKEN_TARGET, ISSUE_COUNTER_KIND
from .pickers import source_selectors
from .targets import shown, target_options
from .texts import async_get_texts

CONF_REPLACEMENT = "replacement"


class _EntryFlow(RepairsFlow, ABC):
    """A fix flow that edits the options of the entry its issue is about."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Remember which entry the issue is about."""
        super().__init__()
        self._issue = data
        self._entry_id: str = data["entry_id"]

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """Start the flow (its input is the issue, not the user's)."""
        return await self.async_step_replace()

    async def async_step_replace(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """Show the form; store the replacement in the entry's options (a reload)."""
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        if entry is None:
            return self.async_abort(reason="entry_removed")
        if user_input is not None:
            options = self._replaced(dict(entry.options), user_input[CONF_REPLACEMENT])
            self.hass.config_entries.async_update_entry(entry, options=options)
            return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="replace",
            data_schema=self.add_suggested_values_to_schema(
                vol.Schema({vol.Required(CONF_REPLACEMENT): self._selector()}),
                self._suggested_values(),
            ),
            description_placeholders=self._placeholders(entry.title),
        )

    def _suggested_values(self) -> dict[str, Any]:
        """What the form starts with (nothing by default)."""
        return {}

    @abstractmethod
    def _replaced(self, options: dict[str, Any], replacement: Any) -> dict[str, Any]:
        """The entry's options with the replacement."""

    @abstractmethod
    def _selector(self) -> Any:
        """The selector of the replacement."""

    @abstractmethod
    def _placeholders(self, name: str) -> dict[str, str]:
        """The form's description placeholders."""


class _SourceFlow(_EntryFlow, ABC):
    """A fix flow about one source entity of the entry."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Remember which entry and source the issue is about."""
        super().__init__(data)
        self._key: str = data["key"]
        self._entity_id: str = data["entity_id"]

    def _placeholders(self, name: str) -> dict[str, str]:
        return {"name": name, "entity_id": self._entity_id}


class MissingSourceFlow(_SourceFlow):
    """Pick a replacement for a missing source entity."""

    def _replaced(self, options: dict[str, Any], replacement: Any) -> dict[str, Any]:
        return {**options, self._key: replacement}

    def _selector(self) -> Any:
        # The same list as the flows, validated by the selector itself.
        return EntitySelector(source_selectors(self.hass)[self._key].config)


class CounterKindFlow(_SourceFlow):
    """Confirm (or change) the kind a counter behaves like."""

    def _suggested_values(self) -> dict[str, Any]:
        return {CONF_REPLACEMENT: self._issue["suggested"]}

    def _replaced(self, options: dict[str, Any], replacement: Any) -> dict[str, Any]:
        return {**options, COUNTER_KIND_KEYS[self._key]: replacement}

    def _selector(self) -> Any:
        return COUNTER_KIND_SELECTOR


class BrokenTargetFlow(_EntryFlow):
    """Pick another notify target for one that is missing or raises (or a person
    without a phone)."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Remember which entry and target the issue is about."""
        super().__init__(data)
        self._target: str = data["target"]
        self._words: Mapping[str, Any] = {}

    async def async_step_replace(
        self, user_input: dict[str, Any] | None = None
    ) -> FlowResult:
        """The targets' labels are in Home Assistant's language."""
        self._words = (await async_get_texts(self.hass))["targets"]
        return await super().async_step_replace(user_input)

    def _replaced(self, options: dict[str, Any], replacement: Any) -> dict[str, Any]:
        targets = [
            replacement if t == self._target else t
            for t in options.get(CONF_NOTIFY_TARGETS, [])
        ]
        if replacement not in targets:  # the broken one was already taken out
            targets.append(replacement)
        return {**options, CONF_NOTIFY_TARGETS: list(dict.fromkeys(targets))}

    def _selector(self) -> Any:
        choices = target_options(self.hass, self._words, leave_out=[self._target])
        return SelectSelector(
            SelectSelectorConfig(
                options=[
                    SelectOptionDict(value=value, label=label)
                    for value, label in choices.items()
                ],
                mode=SelectSelectorMode.DROPDOWN,
                translation_key="notify_target",  # the persistent one is translated
            )
        )

    def _placeholders(self, name: str) -> dict[str, str]:
        return {"name": name, "target": shown(self._target)}


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Create the fix flow for an issue of this integration (by its id's prefix)."""
    assert data is not None
    if issue_id.startswith(f"{ISSUE_BROKEN_TARGET}_"):
        return BrokenTargetFlow(data)
    if issue_id.startswith(f"{ISSUE_COUNTER_KIND}_"):
        return CounterKindFlow(data)
    return MissingSourceFlow(data)
