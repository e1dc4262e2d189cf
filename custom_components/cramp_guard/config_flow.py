"""Config flow for Cramp Guard."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.helpers.selector import TextSelector
from homeassistant.util import slugify
import voluptuous as vol

from .const import CONF_PERSON_NAME, DOMAIN

USER_SCHEMA = vol.Schema({vol.Required(CONF_PERSON_NAME): TextSelector()})


class CrampGuardConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add one person to Cramp Guard."""

    VERSION = 1

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the person's name."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input[CONF_PERSON_NAME]).strip()
            if not any(char.isalnum() for char in name):
                errors[CONF_PERSON_NAME] = "invalid_name"
            else:
                await self.async_set_unique_id(slugify(name))
                self._abort_if_unique_id_configured()
                return self.async_create_entry(
                    title=name, data={CONF_PERSON_NAME: name}
                )
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(USER_SCHEMA, user_input),
            errors=errors,
        )
