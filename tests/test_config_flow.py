"""Tests for the Cramp Guard config flow."""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.cramp_guard.const import CONF_PERSON_NAME, DOMAIN


async def test_user_step_creates_an_entry(hass: HomeAssistant) -> None:
    """A name is all the minimal flow asks for."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] == {}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "  Alex  "}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Alex"
    assert result["data"] == {CONF_PERSON_NAME: "Alex"}
    assert result["result"].unique_id == "alex"


async def test_same_person_twice_aborts(hass: HomeAssistant) -> None:
    """A second entry with the same name aborts with already_configured."""
    for _ in range(2):
        result = await hass.config_entries.flow.async_init(
            DOMAIN, context={"source": SOURCE_USER}
        )
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_PERSON_NAME: "Alex"}
        )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_blank_name_shows_an_error(hass: HomeAssistant) -> None:
    """A name without a letter or digit is refused on the form, then fixed."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: " !? "}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_PERSON_NAME: "invalid_name"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PERSON_NAME: "Sam"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
