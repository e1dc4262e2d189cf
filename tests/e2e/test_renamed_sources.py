"""Sources renamed and removed in the entity registry, in a real Home Assistant.

Alex's room temperature is a template sensor (of a dial, an `input_number`) and the
water a helper made as in Settings > Helpers. Both get new entity ids as in Settings
> Entities: they keep feeding the index in place - no repair, the heat index never
unknown, Water today neither lost nor counted twice, the options and diagnostics
naming the new ids - and after a restart too. Then the water helper is deleted,
within a minute of the start (the grace period a missing source waits for at a
start): its repair comes at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import time

import pytest

from cramp_guard_dev.hass import LiveHass, is_number
from custom_components.cramp_guard.flow_schemas import sectioned
from custom_components.cramp_guard.health import MISSING_GRACE_SECONDS

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

HELPERS = """\
repairs:
input_number:
  room_dial:
    name: Room dial
    min: 10
    max: 40
    step: 0.5
template:
  - sensor:
      - name: Room temperature
        unique_id: e2e_room_temperature
        unit_of_measurement: "°C"
        device_class: temperature
        state: "{{ states('input_number.room_dial') }}"
      - name: Room humidity
        unique_id: e2e_room_humidity
        unit_of_measurement: "%"
        device_class: humidity
        state: "50"
"""
DIAL = "input_number.room_dial"
ROOM, NEW_ROOM = "sensor.room_temperature", "sensor.living_room_temperature"
WATER, NEW_WATER = "input_number.water", "input_number.water_today"
HEAT, WATER_TODAY = "sensor.alex_heat_index", "sensor.alex_water_today"


async def _set(live: LiveHass, entity_id: str, value: float) -> None:
    """Set an input_number as a person does."""
    body = {"entity_id": entity_id, "value": value}
    await live.rest("POST", "/api/services/input_number/set_value", body)


async def _issues(live: LiveHass) -> list[str]:
    """Cramp Guard's repair issues, as Settings > Repairs lists them."""
    result = await live.ws({"type": "repairs/list_issues"})
    return [i["issue_id"] for i in result["issues"] if i["domain"] == "cramp_guard"]


def _between(low: float, high: float) -> Callable[[str], bool]:
    """Whether a state is a number from `low` to `high`."""
    return lambda state: is_number(state) and low <= float(state) <= high


async def _add_alex(live: LiveHass) -> str:
    """The water helper (500 mL), the dial at 24 degC, and Alex with them."""
    await live.ws(
        {
            "type": "input_number/create",
            "name": "Water",
            "min": 0,
            "max": 5000,
            "step": 50,
            "mode": "box",
            "unit_of_measurement": "mL",
        }
    )
    await _set(live, WATER, 500)
    await _set(live, DIAL, 24)
    await live.wait_for(ROOM, lambda state: state == "24.0")
    result = await live.config_flow(
        "cramp_guard",
        sectioned(
            {
                "person_name": "Alex",
                "room_temperature": ROOM,
                "room_humidity": "sensor.room_humidity",
                "water": WATER,
            }
        ),
        {"water_counter": "daily"},
        {"sex": "male", "body_mass": 75, "wake_time": "07:00", "bed_time": "22:00"},
    )
    assert result["type"] == "create_entry", result
    await live.wait_for(HEAT, is_number)
    entry_id: str = result["result"]["entry_id"]
    return entry_id


async def _sources(live: LiveHass, entry_id: str) -> dict[str, dict[str, object]]:
    """The sources as diagnostics show them, with the entry's options besides."""
    data = (await live.rest("GET", f"/api/diagnostics/config_entry/{entry_id}"))["data"]
    options = data["entry"]["options"]
    for key, source in data["sources"].items():
        assert options[key] == source["entity_id"]
    sources: dict[str, dict[str, object]] = data["sources"]
    return sources


@pytest.mark.parametrize("live", [HELPERS], indirect=True, ids=["helpers"])
async def test_renamed_sources_keep_feeding_the_index(live: LiveHass) -> None:
    """Renamed: followed, before and after a restart; removed: the repair at once."""
    entry_id = await _add_alex(live)
    assert (await live.state(WATER_TODAY))["state"] == "500"  # type: ignore[index]
    heat = (await live.state(HEAT))["state"]  # type: ignore[index]

    for old, new in ((ROOM, NEW_ROOM), (WATER, NEW_WATER)):
        update = {"entity_id": old, "new_entity_id": new}
        await live.ws({"type": "config/entity_registry/update", **update})
    await live.wait_for(NEW_WATER, is_number)
    await asyncio.sleep(1)  # a repair or an unknown heat index would show by now

    sources = await _sources(live, entry_id)
    assert sources["room_temperature"]["entity_id"] == NEW_ROOM
    assert sources["room_temperature"]["value"] == 24.0
    assert sources["water"]["entity_id"] == NEW_WATER
    assert sources["water"]["value"] == 500.0
    assert await _issues(live) == []
    assert (await live.state(HEAT))["state"] == heat  # type: ignore[index]
    assert (await live.state(WATER_TODAY))["state"] == "500"  # type: ignore[index]
    for old, new in ((ROOM, NEW_ROOM), (WATER, NEW_WATER)):
        assert f"Alex: {old} is now {new}" in live.log

    # The renamed entities feed the index.
    await _set(live, DIAL, 31)
    await live.wait_for(HEAT, _between(31, 40))
    await _set(live, NEW_WATER, 900)
    await live.wait_for(WATER_TODAY, lambda state: state == "900")

    # After a restart too.
    await live.stop()
    await live.restart()
    started = time.monotonic()
    await live.wait_for(HEAT, _between(31, 40))
    await live.wait_for(WATER_TODAY, lambda state: state == "900")
    await _set(live, DIAL, 26)
    await live.wait_for(HEAT, _between(25, 27))
    await _set(live, NEW_WATER, 1200)
    await live.wait_for(WATER_TODAY, lambda state: state == "1200")
    sources = await _sources(live, entry_id)
    assert {key: source["problem"] for key, source in sources.items()} == {
        "room_temperature": None,
        "room_humidity": None,
        "water": None,
    }
    assert await _issues(live) == []
    assert not [
        line
        for line in live.log.splitlines()
        if "WARNING" in line and "[custom_components.cramp_guard]" in line
    ]

    # Removed (the helper deleted) within the start's grace period: at once.
    await live.ws({"type": "input_number/delete", "input_number_id": "water"})
    issue = f"missing_source_{entry_id}_water"
    while await _issues(live) != [issue]:
        assert time.monotonic() - started < MISSING_GRACE_SECONDS, await _issues(live)
        await asyncio.sleep(0.2)
    assert time.monotonic() - started < MISSING_GRACE_SECONDS
