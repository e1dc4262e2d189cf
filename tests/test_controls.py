"""Tests for the buttons, the reminders switch, the evening time and the glass size."""

from __future__ import annotations

from datetime import datetime, time

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .conftest import NOON


async def _press(hass: HomeAssistant, entity_id: str) -> None:
    await hass.services.async_call(
        "button", "press", {"entity_id": entity_id}, blocking=True
    )


# Alex has only a room temperature sensor, at 22 °C, and is set up at noon, in Berlin.
pytestmark = [
    pytest.mark.entry(
        sources={"room_temperature": "sensor.room_temperature"},
        profile={},
        states={"room_temperature": 22},
    ),
    pytest.mark.usefixtures("noon"),
]


async def test_defaults(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """Reminders on, the reminder at 20:30, a glass of 250 mL."""
    assert hass.states.get("switch.alex_reminders").state == "on"
    assert hass.states.get("time.alex_evening_reminder").state == "20:30:00"
    glass = hass.states.get("number.alex_glass_size")
    assert glass.state == "250"  # a whole number, shown without ".0"
    assert glass.attributes["unit_of_measurement"] == "mL"


async def test_buttons_log_to_the_ledger(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Water adds a glass, stretch sets the last stretch, cramp counts one."""
    await _press(hass, "button.alex_log_water")
    await _press(hass, "button.alex_log_water")
    assert hass.states.get("sensor.alex_water_today").state == "500"

    await _press(hass, "button.alex_log_stretch")
    last = hass.states.get("sensor.alex_last_stretch").state
    assert datetime.fromisoformat(last) == NOON

    await _press(hass, "button.alex_log_cramp")
    assert hass.states.get("sensor.alex_cramps_30_days").state == "1"
    engine = init_integration.runtime_data.engine
    [cramp] = engine.ledger.iter_cramps()
    assert (cramp.muscle, cramp.context) == ("calf", "rest")


async def test_preferences_survive_a_restart(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Switch, time and number keep their values across a reload."""
    await hass.services.async_call(
        "switch", "turn_off", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    await hass.services.async_call(
        "time",
        "set_value",
        {"entity_id": "time.alex_evening_reminder", "time": "21:15:00"},
        blocking=True,
    )
    await hass.services.async_call(
        "number",
        "set_value",
        {"entity_id": "number.alex_glass_size", "value": 330},
        blocking=True,
    )
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert hass.states.get("switch.alex_reminders").state == "off"
    assert hass.states.get("time.alex_evening_reminder").state == "21:15:00"
    assert hass.states.get("number.alex_glass_size").state == "330"
    prefs = init_integration.runtime_data.prompter.prefs
    assert (prefs.reminders_on, prefs.evening_time, prefs.glass_ml) == (
        False,
        time(21, 15),
        330,
    )
    await _press(hass, "button.alex_log_water")
    assert hass.states.get("sensor.alex_water_today").state == "330"

    await hass.services.async_call(
        "switch", "turn_on", {"entity_id": "switch.alex_reminders"}, blocking=True
    )
    assert hass.states.get("switch.alex_reminders").state == "on"


async def test_a_glass_that_is_no_drink_is_refused(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """NaN passes Home Assistant's range check of a number: the glass size refuses
    it; a glass size that is no drink (a damaged store) is refused by the button
    (the action's error) and by a tap (a warning), and nothing is logged."""
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "number",
            "set_value",
            {"entity_id": "number.alex_glass_size", "value": "nan"},
            blocking=True,
        )
    assert err.value.translation_key == "invalid_amount"
    assert hass.states.get("number.alex_glass_size").state == "250"

    person = init_integration.entry_id
    data = init_integration.runtime_data
    data.prompter.prefs.glass_ml = float("nan")
    with pytest.raises(ServiceValidationError) as err:
        await _press(hass, "button.alex_log_water")
    assert err.value.translation_key == "invalid_amount"
    hass.bus.async_fire(
        "mobile_app_notification_action", {"action": f"CRAMP_GUARD_GLASS_{person}"}
    )
    await hass.async_block_till_done()
    assert "Alex: a tap on a notification was not logged" in caplog.text
    assert hass.states.get("sensor.alex_water_today").state == "unknown"
