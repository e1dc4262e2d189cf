"""A new user's first minutes, in a real Home Assistant process.

Cramp Guard is added through the config flow API the UI uses, with a steps sensor, a
temperature and humidity sensor and a water sensor in fl. oz.; the risk follows each
source; a water sensor going unavailable keeps the water it counted today (a valid
risk, hydration still in it), a lower confidence and one warning in the log.
"""

from __future__ import annotations

import pytest

from cramp_guard_dev.hass import (
    CHANGES,
    RISK,
    LiveHass,
    add_person,
    change_and_wait,
    wait_for_change,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]


async def test_new_user_sees_the_risk_follow_every_source(live: LiveHass) -> None:
    """Each source's change reaches the risk sensor."""
    entry_id = await add_person(live)
    assert (await live.state("sensor.alex_water_today"))["state"] == "591"  # 20 fl. oz.

    async with live.state_changes() as queue:
        for entity_id, value in CHANGES:
            await change_and_wait(live, queue, entity_id, value, RISK)
    assert (await live.state("sensor.alex_water_today"))["state"] == "1774"

    diagnostics = await live.rest("GET", f"/api/diagnostics/config_entry/{entry_id}")
    assert diagnostics["data"]["entry"]["data"]["person_name"] == "**REDACTED**"
    assert diagnostics["data"]["assessment"]["factors"]["hydration"]["available"]


async def test_unavailable_water_keeps_todays_water_with_one_warning(
    live: LiveHass,
) -> None:
    """The risk stays valid and keeps hydration, confidence drops, one warning."""
    entry_id = await add_person(live)
    before = await live.state(RISK)
    assert before is not None

    async with live.state_changes() as queue:
        await live.set_state("sensor.water", "unavailable")
        after = (await wait_for_change(queue, RISK))["new_state"]
        await live.set_state("sensor.water", "unavailable", {"friendly_name": "Water"})
        await live.set_state("sensor.steps", 4100, {"unit_of_measurement": "steps"})
        await wait_for_change(queue, "sensor.steps")

    assert after["state"] == before["state"]
    assert after["attributes"]["confidence"] < before["attributes"]["confidence"]
    assert (await live.state("sensor.alex_water_today"))["state"] == "591"
    diagnostics = await live.rest("GET", f"/api/diagnostics/config_entry/{entry_id}")
    hydration = diagnostics["data"]["assessment"]["factors"]["hydration"]
    assert hydration["available"] is True
    assert diagnostics["data"]["inputs"]["held"] == ["water"]
    warnings = [
        line
        for line in live.log.splitlines()
        if "WARNING" in line and "sensor.water" in line
    ]
    assert len(warnings) == 1, warnings
