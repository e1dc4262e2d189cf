"""A power cut after a hand log, in a real Home Assistant process.

The room temperature changes every 2 seconds (a busy sensor), Alex logs 433 mL, and
10 seconds later (the window the README promises for a hand log) the process gets
SIGKILL: no stop event, no final save. The ledger file on disk holds the 433 mL; after
a restart, with the sources reporting again, Water today counts it once and the
water sensor's own 20 fl. oz. once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
import contextlib
import json

import pytest

from cramp_guard_dev.hass import SOURCES, LiveHass, add_person

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

HAND_LOG_WINDOW = 10  # seconds: "a hand log reaches the disk within 10 seconds"
WATER = "sensor.alex_water_today"


@contextlib.asynccontextmanager
async def busy_room(live: LiveHass, every: float = 2.0) -> AsyncIterator[list[float]]:
    """Change the room temperature every `every` seconds; yields the values set."""
    sent: list[float] = []
    attributes = SOURCES["sensor.room_temperature"][1]

    async def churn() -> None:
        while True:
            value = 21.0 + 0.7 * (len(sent) % 6)  # steps past the significant change
            await live.set_state("sensor.room_temperature", value, attributes)
            sent.append(value)
            await asyncio.sleep(every)

    task = asyncio.create_task(churn())
    try:
        yield sent
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, RuntimeError):
            await task


async def _until(live: LiveHass, entity_id: str, state: str, within: float) -> None:
    """Wait until `entity_id` shows `state` (AssertionError with the last one)."""
    last = None
    for _ in range(int(within * 10)):
        last = await live.state(entity_id)
        if last is not None and last["state"] == state:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{entity_id} is {last and last['state']!r}, not {state!r}")


async def test_a_hand_log_survives_a_hard_kill_while_a_source_churns(
    live: LiveHass,
) -> None:
    """Nothing logged by hand is lost beyond the stated window; nothing doubles."""
    entry_id = await add_person(live)
    ledger = live.config_dir / ".storage" / f"cramp_guard.{entry_id}"
    async with busy_room(live) as sent:
        await asyncio.sleep(5)
        await live.rest(
            "POST",
            "/api/services/cramp_guard/log_water",
            {"config_entry_id": entry_id, "amount": 433},
        )
        await _until(live, WATER, "1024", 5)  # 591 mL from the sensor + 433
        await asyncio.sleep(HAND_LOG_WINDOW)
        await live.kill()
    assert len(sent) >= 8  # the room kept changing up to the kill

    days = json.loads(ledger.read_text(encoding="utf-8"))["data"]["days"]
    assert sum(day["water_logged_ml"] for day in days) == 433

    await live.restart()
    for entity_id, (value, attributes) in SOURCES.items():
        await live.set_state(entity_id, value, attributes)
    await _until(live, WATER, "1024", 20)
    await asyncio.sleep(2)  # a late double count would show here
    assert (await live.state(WATER))["state"] == "1024"  # type: ignore[index]
    assert "custom_components/cramp_guard/" not in live.log  # no traceback of ours
