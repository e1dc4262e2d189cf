"""Tests for the per-day ledger and its persistence."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.cramp_guard.const import CounterKind
from custom_components.cramp_guard.counters import update_counter
from custom_components.cramp_guard.learning import row_minute, sample_row
from custom_components.cramp_guard.ledger import (
    KEEP_DAYS,
    SAMPLE_SAVE_DELAY,
    SAVE_DELAY,
    SOURCE_SAVE_DELAY,
    BoutRecord,
    CrampRecord,
    Day,
    Ledger,
)
from custom_components.cramp_guard.risk import FACTOR_KEYS

TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 24)
KEY = "cramp_guard.entry1"


def _full_day() -> Day:
    at = datetime(2026, 11, 24, 18, 0, tzinfo=TZ)
    return Day(
        TODAY,
        load=8000,
        water_sensor_ml=1200,
        water_logs=[(at, 200.0), (None, 50.0)],  # None: an older file's sum
        max_heat_index_c=27.5,
        minutes={960: 120.0},
        outdoor={16: (31.0, 55.0)},
        bouts=[BoutRecord(at - timedelta(hours=2), at), BoutRecord(at)],
        stretches=[at],
        cramps=[CrampRecord(at, "calf", "exercise", "severe")],
        samples=[sample_row(at, 52, {"heat": 0.4125, "timing": None})],
    )


def test_day_round_trip_and_water() -> None:
    """A day survives JSON; water adds the sensor and what was logged."""
    day = _full_day()
    assert Day.from_dict(day.as_dict()) == day
    assert day.as_dict()["samples"] == ["29925660,52,,,413,,,"]  # 17:00 UTC; 412.5 up
    assert "samples" not in Day(TODAY).as_dict()  # none: not written
    assert day.water_ml == 1450
    assert Day(TODAY).water_ml is None
    assert Day(TODAY, water_logs=[(None, 250.0)]).water_ml == 250
    # A file from before the logs were kept: its sum, which cannot be undone.
    old = Day.from_dict({"day": TODAY.isoformat(), "water_logged_ml": 250})
    assert old.water_logs == [(None, 250.0)]
    assert Day.from_dict({"day": TODAY.isoformat()}).water_logs == []
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
        ledger.counter("activity"),
        CounterKind.DAILY,
        8000,
        datetime.now(TZ),
        plausible_day=100_000,
    )
    ledger.backfilled = True
    ledger.async_schedule_save(logged=True)
    ledger.async_schedule_save(logged=True)
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


async def test_samples_go_with_their_days(hass: HomeAssistant) -> None:
    """A sample is kept with the day of its hour (before the wake time: the day
    that ended), once an hour, and dropped with its day after 90 days."""
    ledger = Ledger(hass, "entry1")
    first = datetime.combine(TODAY - timedelta(days=KEEP_DAYS - 1), time(6), TZ)
    subs = dict.fromkeys(FACTOR_KEYS, 0.25)
    assert ledger.add_sample(first, 30, subs)
    assert ledger.days[TODAY - timedelta(days=KEEP_DAYS)].samples
    assert ledger.add_sample(first + timedelta(hours=1), 31, subs)
    assert not ledger.add_sample(first + timedelta(hours=1), 32, subs)  # twice
    assert not ledger.add_sample(first, 29, subs)  # an hour before the last one
    assert [row_minute(row) for row in ledger.sample_rows()] == [
        row_minute(sample_row(first + timedelta(hours=n), 0, {})) for n in (0, 1)
    ]
    ledger.day(TODAY)  # the day KEEP_DAYS before goes, with its sample
    assert len(ledger.sample_rows()) == 1
    assert ledger.sample_rows()[0].startswith(
        f"{row_minute(sample_row(first + timedelta(hours=1), 0, {}))},31,250,"
    )


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
    ledger.day(TODAY).water_logs.append((None, 250.0))
    await ledger.async_save_now()
    assert hass_storage[KEY]["data"]["days"][0]["water_logged_ml"] == 250


def _moment(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


async def test_one_rule_for_the_day_a_moment_belongs_to(hass: HomeAssistant) -> None:
    """Before the wake time a moment belongs to the day that just ended."""
    ledger = Ledger(hass, "entry1", time(6, 30))
    assert ledger.day_of(_moment(24, 6, 29)) == date(2026, 11, 23)
    assert ledger.day_of(_moment(24, 6, 30)) == TODAY
    assert ledger.day_of(_moment(24, 23, 59)) == TODAY
    assert ledger.day_of(_moment(25, 1)) == TODAY
    # The day DST ends in Europe/Berlin: 02:30 happens twice, both before wake.
    assert ledger.day_of(datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=TZ)) == date(
        2026, 10, 24
    )


async def test_write_api_puts_every_write_on_its_day(hass: HomeAssistant) -> None:
    """Water, activity, stretches, cramps, heat and workouts: one rule for all."""
    ledger = Ledger(hass, "entry1", time(7))
    night = _moment(25, 1)  # after midnight, before wake: still the 24th
    ledger.add_water(250, night, logged=True)
    ledger.add_water(0, night, logged=False)  # the sensor works: 0 so far
    ledger.add_activity(600, night, since=night - timedelta(minutes=10))
    ledger.add_stretch(night)
    ledger.add_cramp(CrampRecord(night, "calf", "night"))
    ledger.record_heat(24.0, night)
    ledger.record_heat(22.0, night)
    ledger.record_outdoor(12.0, 80.0, night)
    ledger.set_workout(True, night)
    day = ledger.days[TODAY]
    assert day.water_logged_ml == 250
    assert day.water_sensor_ml == 0
    assert day.water_ml == 250
    assert day.load == 600
    # Minutes and hours count from the day's midnight: 01:00 the next day is 25 h.
    assert sum(day.minutes.values()) == 600
    assert min(day.minutes) == 24 * 60 + 50
    assert day.outdoor == {25: (12.0, 80.0)}
    assert day.stretches == [night]
    assert day.cramps[0].context == "night"
    assert day.max_heat_index_c == 24.0
    assert day.bouts == [BoutRecord(night)]
    # The workout ends after wake: the bout that began the day before ends too.
    ledger.set_workout(False, _moment(25, 8))
    assert day.bouts == [BoutRecord(night, _moment(25, 8))]
    assert date(2026, 11, 25) in ledger.days


async def _tick(hass: HomeAssistant, freezer: FrozenDateTimeFactory, s: float) -> None:
    freezer.tick(timedelta(seconds=s))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_save_policy(
    hass: HomeAssistant, hass_storage: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """Source changes: written once per SOURCE_SAVE_DELAY however often they come; a
    hand log within 10 s even while a source changes every 3 s; unload writes at once.
    Only what changed is built again: a day untouched since the last save is reused.
    """
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    day = ledger.day(TODAY)
    writes = []

    def written() -> int:
        data = hass_storage.get(KEY, {}).get("data")
        if data is not None and (not writes or writes[-1] != data):
            writes.append(data)
        return len(writes)

    for _ in range(3 * SOURCE_SAVE_DELAY // 3):  # a source changing every 3 s, 45 min
        ledger.add_activity(10, _moment(24, 12))
        ledger.async_schedule_save()
        await _tick(hass, freezer, 3)
        written()
    assert len(writes) == 3  # once every SOURCE_SAVE_DELAY

    ledger.add_water(250, _moment(24, 12), logged=True)
    ledger.async_schedule_save(logged=True)
    for _ in range(4):  # the source goes on changing
        ledger.add_activity(10, _moment(24, 12))
        ledger.async_schedule_save()
        await _tick(hass, freezer, 3)
    assert written() == 4
    assert writes[-1]["days"][0]["water_logged_ml"] == 250

    ledger.add_activity(10, _moment(24, 12))
    ledger.async_schedule_save()
    await ledger.async_save_now()
    assert written() == 5
    assert writes[-1]["days"][0]["load"] == day.load
    # After a write at once, the next change schedules again.
    ledger.add_activity(10, _moment(24, 12))
    ledger.async_schedule_save()
    await _tick(hass, freezer, SOURCE_SAVE_DELAY + 1)
    assert written() == 6
    assert writes[-1]["days"][0]["load"] == day.load


async def test_a_sample_is_written_with_the_next_write(
    hass: HomeAssistant, hass_storage: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """An hour's sample costs no write of its own while sources change: it goes with
    the next write, a source change's within 30 minutes; alone, within 6 hours."""
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    subs = dict.fromkeys(FACTOR_KEYS, 0.5)
    at = _moment(24, 12)
    ledger.add_sample(at, 30, subs)
    ledger.async_schedule_save(within=SAMPLE_SAVE_DELAY)
    await _tick(hass, freezer, SOURCE_SAVE_DELAY + 1)
    assert KEY not in hass_storage
    ledger.add_activity(10, at)
    ledger.async_schedule_save()  # brings the write forward
    await _tick(hass, freezer, SOURCE_SAVE_DELAY + 1)
    assert hass_storage[KEY]["data"]["days"][0]["samples"] == list(ledger.sample_rows())

    ledger.add_sample(at + timedelta(hours=1), 31, subs)
    ledger.async_schedule_save(within=SAMPLE_SAVE_DELAY)
    await _tick(hass, freezer, SAMPLE_SAVE_DELAY - 60)
    assert len(hass_storage[KEY]["data"]["days"][0]["samples"]) == 1
    await _tick(hass, freezer, 61)
    assert len(hass_storage[KEY]["data"]["days"][0]["samples"]) == 2


async def test_a_save_builds_only_the_days_that_changed(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Each save has every day as it is now; an untouched day is reused, a day
    changed by any write (a late log of yesterday, the heat peak, a workout) is not.
    """
    ledger = Ledger(hass, "entry1")
    await ledger.async_load()
    ledger.add_water(300, _moment(23, 12), logged=True)
    ledger.add_water(200, _moment(24, 12), logged=True)
    first = ledger._as_dict()["days"]
    ledger.record_heat(31.0, _moment(24, 13))
    second = ledger._as_dict()["days"]
    assert second[0] is first[0]  # yesterday untouched: reused
    assert second[1]["max_heat_index_c"] == 31.0
    ledger.add_water(100, _moment(23, 20), logged=True)  # a late log of yesterday
    ledger.set_workout(True, _moment(24, 18))
    third = ledger._as_dict()["days"]
    assert third[0]["water_logged_ml"] == 400
    assert third[1]["bouts"] == [[_moment(24, 18).isoformat(), None]]
    await ledger.async_save_now()
    restored = Ledger(hass, "entry1")
    await restored.async_load()
    assert restored._as_dict() == ledger._as_dict()
