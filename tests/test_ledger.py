"""Tests for the per-day ledger and its persistence."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.cramp_guard.const import CounterKind
from custom_components.cramp_guard.counters import update_counter
from custom_components.cramp_guard.ledger import (
    KEEP_DAYS,
    SAVE_DELAY,
    BoutRecord,
    CrampRecord,
    Day,
    Ledger,
)

TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 24)
KEY = "cramp_guard.entry1"


def _full_day() -> Day:
    at = datetime(2026, 11, 24, 18, 0, tzinfo=TZ)
    return Day(
        TODAY,
        load=8000,
        water_sensor_ml=1200,
        water_logged_ml=250,
        max_heat_index_c=27.5,
        minutes={960: 120.0},
        outdoor={16: (31.0, 55.0)},
        bouts=[BoutRecord(at - timedelta(hours=2), at), BoutRecord(at)],
        stretches=[at],
        cramps=[CrampRecord(at, "calf", "exercise", "severe")],
    )


def test_day_round_trip_and_water() -> None:
    """A day survives JSON; water adds the sensor and what was logged."""
    day = _full_day()
    assert Day.from_dict(day.as_dict()) == day
    assert day.water_ml == 1450
    assert Day(TODAY).water_ml is None
    assert Day(TODAY, water_logged_ml=250).water_ml == 250
    assert Day(TODAY, water_sensor_ml=0).water_ml == 0


async def test_ledger_persists_and_restores(
    hass: HomeAssistant, hass_storage: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """Changes are saved after a delay, once, and restored by a new ledger."""
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    assert not ledger.loaded_from_storage
    ledger.days[TODAY] = _full_day()
    update_counter(
        ledger.counter("activity"), CounterKind.DAILY, 8000, datetime.now(TZ)
    )
    ledger.backfilled = True
    ledger.async_schedule_save()
    ledger.async_schedule_save()
    assert KEY not in hass_storage

    freezer.tick(timedelta(seconds=SAVE_DELAY + 1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert KEY in hass_storage

    restored = Ledger(hass, "entry1")
    await restored.async_load()
    assert restored.loaded_from_storage
    assert restored.backfilled
    assert restored.days == ledger.days
    assert restored.counters == ledger.counters

    await restored.async_remove()
    assert KEY not in hass_storage


async def test_ledger_is_bounded(hass: HomeAssistant) -> None:
    """Days beyond 90 are dropped; minute detail only stays for today and yesterday."""
    ledger = Ledger(hass, "entry1")
    for n in range(KEEP_DAYS + 5, 0, -1):
        ledger.day(TODAY - timedelta(days=n)).minutes[600] = 10.0
    ledger.day(TODAY)
    assert len(ledger.days) == KEEP_DAYS
    assert min(ledger.days) == TODAY - timedelta(days=KEEP_DAYS - 1)
    with_minutes = sorted(d for d, rec in ledger.days.items() if rec.minutes)
    assert with_minutes == [TODAY - timedelta(days=1)]


async def test_load_history_and_iterators(hass: HomeAssistant) -> None:
    """History is oldest first with gaps as None; cramps and stretches in order."""
    ledger = Ledger(hass, "entry1")
    ledger.day(TODAY - timedelta(days=3)).load = 3000
    ledger.day(TODAY - timedelta(days=1)).load = 5000
    ledger.day(TODAY).load = 999
    assert ledger.load_history(TODAY, days=4) == [None, 3000, None, 5000]
    early = datetime(2026, 11, 21, 8, tzinfo=TZ)
    late = datetime(2026, 11, 23, 8, tzinfo=TZ)
    ledger.day(TODAY - timedelta(days=1)).cramps.append(CrampRecord(late))
    ledger.day(TODAY - timedelta(days=3)).cramps.append(CrampRecord(early))
    ledger.day(TODAY - timedelta(days=1)).stretches.append(late)
    assert [c.at for c in ledger.iter_cramps()] == [early, late]
    assert list(ledger.iter_stretches()) == [late]


async def test_save_now(hass: HomeAssistant, hass_storage: dict[str, Any]) -> None:
    """Unloading writes at once."""
    ledger = Ledger(hass, "entry1")
    ledger.day(TODAY).water_logged_ml = 250
    await ledger.async_save_now()
    assert hass_storage[KEY]["data"]["days"][0]["water_logged_ml"] == 250
