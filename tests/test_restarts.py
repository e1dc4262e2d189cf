"""A restart at any minute of a scripted day changes nothing (issue 10).

One person's day (tests/conftest.py PERSON: steps, room temperature and humidity, a
daily water meter in mL; a phone as notify target) is played from 06:55 to 22:00:
the room warms to 27 degC in the afternoon, steps every 10 minutes with a run from
17:00 to 18:00, the water meter at the glasses drunk, a stretch logged at 19:10. Run
once without a break, and once with the entry unloaded and set up again at one of
many moments (around the reminder, in the run, between a reading and its
assessment): the ledger at 22:00 (every day, minute by minute, and the counters),
the risk at 22:00 and the prompts sent and cleared (a prompt shown before the
restart is cleared after it) are the same (one may come a few minutes sooner: the
restart itself assesses).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.util import dt as dt_util
import pytest

from custom_components.cramp_guard.actions import async_log
from custom_components.cramp_guard.pacing import REFRESH_EVERY

from .conftest import PERSON, UNITS, Sources, advance, make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")
DAY = datetime(2026, 6, 16, tzinfo=TZ)
END = DAY.replace(hour=22)
GLASSES = {8: 250, 10: 500, 12: 750, 14: 900, 19: 1300}


def _at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def script() -> list[tuple[datetime, dict[str, float]]]:
    """The day's readings every 10 minutes: (moment, sensor -> value)."""
    plan = []
    steps, water = 0.0, 0.0
    when = _at(7)
    while when <= END:
        hour = when.hour + when.minute / 60
        steps += 1600 if _at(17) < when <= _at(18) else 150
        water = max([ml for h, ml in GLASSES.items() if h <= hour], default=water)
        temp = round(21 + 6 * max(0.0, 1 - abs(hour - 15) / 6), 1)
        plan.append(
            (
                when,
                {
                    "steps": steps,
                    "water": water,
                    "room_temperature": temp,
                    "room_humidity": 50,
                },
            )
        )
        when += timedelta(minutes=10)
    return plan


async def _play(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, restart_at: datetime | None
) -> tuple[dict[str, Any], int, list[tuple[datetime, str]]]:
    """Play the day; the ledger, the risk and the prompts sent at 22:00."""
    await hass.config.async_set_time_zone("Europe/Berlin")
    freezer.move_to(_at(6, 55))
    sent: list[tuple[datetime, str]] = []

    async def phone(call: ServiceCall) -> None:
        kind = str(call.data["data"]["tag"]).split("_", 3)[3]
        cleared = call.data["message"] == "clear_notification"
        sent.append((dt_util.now(), f"cleared {kind}" if cleared else kind))

    hass.services.async_register("notify", "mobile_app_pixel", phone)
    sources = Sources(hass)
    sources.set(**dict.fromkeys(UNITS, 0))
    entry = await setup_entry(
        hass, make_entry(**PERSON, notify_targets=["mobile_app_pixel"])
    )
    stretched = False
    for when, values in script():
        if restart_at is not None and when - timedelta(minutes=10) < restart_at <= when:
            await advance(hass, freezer, restart_at)
            assert await hass.config_entries.async_reload(entry.entry_id)
            await hass.async_block_till_done()
        await advance(hass, freezer, when)
        sources.set(**values)
        if when >= _at(19, 10) and not stretched:
            stretched = True
            async_log(entry.runtime_data.engine, "stretch", {})
    await advance(hass, freezer, END + timedelta(minutes=5))
    engine = entry.runtime_data.engine
    assert engine.snapshot is not None
    result = engine.ledger._as_dict(), engine.snapshot.risk.score, sent
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    hass.services.async_remove("notify", "mobile_app_pixel")
    return result


RESTARTS = [
    _at(7, 3),  # right after the first readings
    _at(9, 55),
    _at(12, 30),
    _at(15),  # the warmest moment: its reading comes right after
    _at(17, 25),  # in the run
    _at(18, 1),  # a minute after the run's last reading
    _at(20, 29),  # just before the evening reminder
    _at(20, 31),  # just after it
]


@pytest.mark.parametrize("restart_at", RESTARTS, ids=lambda m: m.strftime("%H:%M"))
async def test_a_restart_changes_nothing(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, restart_at: datetime
) -> None:
    """The same ledger, risk and prompts as the day without a restart."""
    uninterrupted = await _play(hass, freezer, None)
    kinds = [kind for _, kind in uninterrupted[2]]
    assert {"hydration", "cleared hydration", "high_risk"} <= set(kinds)
    (ledger, risk, sent), (ledger_before, risk_before, sent_before) = (
        await _play(hass, freezer, restart_at),
        uninterrupted,
    )
    assert risk == risk_before
    # The same prompts and clears; one may come sooner, as the restart assesses.
    assert [kind for _, kind in sent] == [kind for _, kind in sent_before]
    for (at, _), (at_before, _) in zip(sent, sent_before, strict=True):
        assert timedelta(0) <= at_before - at < REFRESH_EVERY, (at, at_before)
    assert ledger["counters"] == ledger_before["counters"]
    assert ledger["backfilled"] == ledger_before["backfilled"]
    for day, day_before in zip(ledger["days"], ledger_before["days"], strict=True):
        for key, value in day.items():
            assert value == day_before[key], (day["day"], key)
