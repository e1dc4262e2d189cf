"""The recorder backfill: on first setup the load history comes from statistics.

A new user who has had a steps sensor for a while has no cold start: the completed
days of the activity source's long-term statistics (up to 27) become the ledger's load
history, without overwriting what the ledger already holds, and only once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
import logging
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.models import (
    StatisticData,
    StatisticMeanType,
    StatisticMetaData,
)
from homeassistant.components.recorder.statistics import async_import_statistics
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)

from custom_components.cramp_guard import backfill

from .conftest import make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 12, 0, tzinfo=TZ)
TODAY = NOW.date()
OPTIONS: dict[str, Any] = {
    "activity": "sensor.steps",
    "activity_metric": "steps",
    "activity_counter": "daily",
}
# Local hours with activity; 7 (the wake time: the day's first hour) and 23 test the
# day's edges. An hour before the wake time belongs to the day before.
HOURS = (7, 8, 12, 18, 23)
# Extra metadata keys the installed recorder knows (2026.x added `unit_class`).
UNIT_CLASS = (
    {"unit_class": None} if "unit_class" in StatisticMetaData.__annotations__ else {}
)


@pytest.fixture
def mock_recorder_before_hass(recorder_db_url: str) -> None:
    """Prepare the recorder's database before `hass` (the autouse fixture of
    conftest.py needs `hass`, which would otherwise come first)."""


def _day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def _steps(days_ago: int) -> float:
    """The steps walked on a past day (a different total every day)."""
    return 4000.0 + 500.0 * days_ago


def _metadata(*, mean: bool = False) -> StatisticMetaData:
    return StatisticMetaData(
        source="recorder",
        statistic_id="sensor.steps",
        name=None,
        has_sum=True,
        mean_type=StatisticMeanType.ARITHMETIC if mean else StatisticMeanType.NONE,
        unit_of_measurement="steps",
        **UNIT_CLASS,
    )


async def _record(
    hass: HomeAssistant,
    days_ago: range,
    *,
    since_boot: float | None = None,
    today: float = 0.0,
) -> None:
    """Hourly statistics of sensor.steps over the given past days.

    Each day's steps are spread over HOURS; `sum` grows by them. With `since_boot`,
    the rows also carry min/mean/max of a counter that never resets and started at
    that value (a phone's steps since boot), so `max` is not the day's steps.
    `today` adds today's steps so far (the hours before NOW), which must not count.
    """
    rows: list[StatisticData] = []
    total = 0.0
    counter = since_boot or 0.0
    plan = [(n, _steps(n)) for n in sorted(days_ago, reverse=True)]
    if today:
        plan.append((0, today))
    for n, steps in plan:
        per_hour = steps / len(HOURS)
        hours = [h for h in HOURS if n or h < NOW.hour]
        for i, hour in enumerate(hours):
            total += per_hour
            counter += per_hour
            row = StatisticData(
                start=datetime.combine(_day(n), time(hour), TZ),
                # The sensor's state: since boot, or the day's total so far.
                state=counter if since_boot is not None else per_hour * (i + 1),
                sum=total,
            )
            if since_boot is not None:
                row.update(min=counter - per_hour, mean=counter, max=counter)
            rows.append(row)
    async_import_statistics(hass, _metadata(mean=since_boot is not None), rows)
    await async_wait_recording_done(hass)


async def _set_up_with_history(
    hass: HomeAssistant, days_ago: range, steps: str = "1200", **record: float
) -> MockConfigEntry:
    """Record statistics for the past days, then add a person reading sensor.steps."""
    await _record(hass, days_ago, **record)
    hass.states.async_set("sensor.steps", steps, {"unit_of_measurement": "steps"})
    return await setup_entry(hass, make_entry(**OPTIONS))


async def _set_up_with_rows(
    hass: HomeAssistant,
    rows: list[StatisticData],
    metadata: StatisticMetaData | None = None,
    **options: Any,
) -> None:
    """Import these statistics rows, then add a person reading sensor.steps."""
    async_import_statistics(hass, metadata or _metadata(), rows)
    await async_wait_recording_done(hass)
    hass.states.async_set("sensor.steps", "10", {"unit_of_measurement": "steps"})
    await setup_entry(hass, make_entry(**(OPTIONS | options)))


def _history(hass: HomeAssistant) -> list[float | None]:
    entry = hass.config_entries.async_entries("cramp_guard")[0]
    return entry.runtime_data.engine.ledger.load_history(TODAY)


def _workload_available(hass: HomeAssistant) -> bool:
    entry = hass.config_entries.async_entries("cramp_guard")[0]
    return entry.runtime_data.engine.snapshot.assessment.factors["workload"].available


def _storage(entry_id: str, loads: dict[int, float], *, backfilled: bool) -> dict:
    """A saved ledger with these loads (days ago -> steps)."""
    days = [
        {"day": _day(n).isoformat(), "load": load}
        for n, load in sorted(loads.items(), reverse=True)
    ]
    return {
        "version": 1,
        "minor_version": 1,
        "key": f"cramp_guard.{entry_id}",
        "data": {"backfilled": backfilled, "days": days, "counters": {}},
    }


async def test_backfill_fills_the_recorded_days(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """Ten recorded days become the last ten days of the load history."""
    freezer.move_to(NOW)
    entry = await _set_up_with_history(hass, range(1, 11), today=3000.0)

    assert _history(hass) == [None] * 17 + [_steps(n) for n in range(10, 0, -1)]
    ledger = entry.runtime_data.engine.ledger
    assert ledger.backfilled
    # Today is not a completed day: its load is the sensor's, not the statistics'.
    assert ledger.days[TODAY].load == 1200.0
    assert _workload_available(hass)

    # The backfilled days and the flag are saved with the ledger.
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    saved = hass_storage[f"cramp_guard.{entry.entry_id}"]["data"]
    assert saved["backfilled"] is True
    assert {d["day"]: d["load"] for d in saved["days"]} == {
        **{_day(n).isoformat(): _steps(n) for n in range(1, 11)},
        TODAY.isoformat(): 1200.0,
    }


async def test_backfill_takes_at_most_27_days(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Forty recorded days: the 27 completed days before today are filled."""
    freezer.move_to(NOW)
    entry = await _set_up_with_history(hass, range(1, 41), steps="0")

    assert _history(hass) == [_steps(n) for n in range(27, 0, -1)]
    assert min(entry.runtime_data.engine.ledger.days) == _day(27)


@pytest.mark.parametrize(("days", "available"), [(2, False), (3, True)])
async def test_workload_becomes_available_with_three_days(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    days: int,
    available: bool,
) -> None:
    """The workload factor needs three known days; the backfill provides them."""
    freezer.move_to(NOW)
    await _set_up_with_history(hass, range(1, days + 1))

    assert sum(load is not None for load in _history(hass)) == days
    assert _workload_available(hass) is available
    workload_ratio = hass.states.get("sensor.alex_workload_ratio").state
    assert (workload_ratio != "unknown") is available


async def test_days_in_the_ledger_are_not_overwritten(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """A restored ledger that was never backfilled keeps its own days' loads."""
    freezer.move_to(NOW)
    await _record(hass, range(1, 11))
    hass.states.async_set("sensor.steps", "1200", {"unit_of_measurement": "steps"})
    entry = make_entry(**OPTIONS)
    own = {3: 111.0, 5: 555.0, 12: 1212.0}
    hass_storage[f"cramp_guard.{entry.entry_id}"] = _storage(
        entry.entry_id, own, backfilled=False
    )
    await setup_entry(hass, entry)

    expected = {n: _steps(n) for n in range(1, 11)} | own
    assert _history(hass) == [expected.get(n) for n in range(27, 0, -1)]
    assert entry.runtime_data.engine.ledger.backfilled


async def test_a_second_setup_does_not_backfill_again(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """After the first setup the ledger is marked; a reload leaves it alone."""
    freezer.move_to(NOW)
    entry = await _set_up_with_history(hass, range(1, 6))
    assert _history(hass)[-5:] == [_steps(n) for n in range(5, 0, -1)]
    # A day the user's ledger lost: a second backfill would fill it again.
    entry.runtime_data.engine.ledger.days[_day(2)].load = None

    with patch.object(backfill, "async_backfill", wraps=backfill.async_backfill) as spy:
        assert await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()

    spy.assert_not_called()
    assert entry.runtime_data.engine.ledger.backfilled
    assert _history(hass)[-5:] == [_steps(5), _steps(4), _steps(3), None, _steps(1)]


async def test_what_the_index_knows_after_install_and_after_a_restart(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """README "What it knows from when": right after install, the past days' totals
    (the statistics) and today's total so far (the sensor), but not today's earlier
    workouts; after a restart, everything it had."""
    for hour, state in ((8, "on"), (9, "off")):  # a run before the install
        freezer.move_to(NOW.replace(hour=hour))
        hass.states.async_set("binary_sensor.run", state)
    await async_wait_recording_done(hass)
    freezer.move_to(NOW)
    await _record(hass, range(1, 11))
    hass.states.async_set("sensor.steps", "9000", {"unit_of_measurement": "steps"})
    entry = await setup_entry(hass, make_entry(**OPTIONS, workout="binary_sensor.run"))
    engine = entry.runtime_data.engine

    inputs = engine.snapshot.inputs
    assert list(inputs.load_history[-10:]) == [_steps(n) for n in range(10, 0, -1)]
    assert inputs.load_today == 9000
    assert inputs.bouts == ()  # the 08:00 run is in the recorder, not in the index

    for minute, state, steps in ((10, "on", "9500"), (50, "off", "12000")):
        freezer.move_to(NOW.replace(hour=12, minute=minute))
        hass.states.async_set("binary_sensor.run", state)
        hass.states.async_set("sensor.steps", steps, {"unit_of_measurement": "steps"})
        await hass.async_block_till_done()
    freezer.move_to(NOW.replace(hour=13))
    engine.async_update()
    before = engine.snapshot

    assert await hass.config_entries.async_unload(entry.entry_id)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    after = entry.runtime_data.engine.snapshot
    assert after.inputs == before.inputs
    assert after.inputs.load_today == 12000
    assert len(after.inputs.bouts) == 1
    assert after.risk.score == before.risk.score


SINCE_BOOT = 100_000.0  # a phone's step counter when the statistics begin


def _nothing(_days_ago: int) -> None:
    return None


@pytest.mark.parametrize(
    ("counter", "expected"),
    [
        # A counter that keeps counting: the day's steps are its positive changes.
        ("cumulative", _steps),
        # Read as a day total, a since-boot count far above any day is not one:
        # nothing is filled (live, the counter-kind repair says so).
        ("daily", _nothing),
    ],
)
async def test_cumulative_counter_uses_the_days_change(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    counter: str,
    expected: Callable[[int], float | None],
) -> None:
    """A since-boot counter: its changes count, its values are not day totals."""
    freezer.move_to(NOW)
    await _record(hass, range(1, 6), since_boot=SINCE_BOOT)
    hass.states.async_set("sensor.steps", "200000", {"unit_of_measurement": "steps"})
    await setup_entry(hass, make_entry(**(OPTIONS | {"activity_counter": counter})))

    assert _history(hass)[-5:] == [expected(n) for n in range(5, 0, -1)]


async def test_a_daily_measurement_uses_the_days_max(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A daily total recorded as a measurement (max, no sum) gives the day's max."""
    freezer.move_to(NOW)
    rows = [
        StatisticData(
            start=datetime.combine(_day(n), time(h), TZ),
            min=0.0,
            mean=_steps(n) * h / 46,
            max=_steps(n) * h / 23,
        )
        for n in range(1, 5)
        for h in (8, 23)
    ]
    await _set_up_with_rows(hass, rows, _metadata(mean=True) | {"has_sum": False})

    assert _history(hass)[-4:] == [_steps(n) for n in range(4, 0, -1)]


async def test_no_statistics_fills_nothing(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The recorder runs but has no statistics for the source: 0 days."""
    freezer.move_to(NOW)
    hass.states.async_set("sensor.steps", "1200", {"unit_of_measurement": "steps"})
    entry = await setup_entry(hass, make_entry(**OPTIONS))

    assert _history(hass) == [None] * 27
    assert entry.runtime_data.engine.ledger.backfilled
    assert not _workload_available(hass)


async def test_without_the_recorder_nothing_breaks(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """No recorder loaded: the backfill fills 0 days and the entry works."""
    freezer.move_to(NOW)
    assert "recorder" not in hass.config.components
    hass.states.async_set("sensor.steps", "1200", {"unit_of_measurement": "steps"})
    entry = make_entry(**OPTIONS)
    with caplog.at_level(logging.WARNING):
        await setup_entry(hass, entry)

    assert (
        await backfill.async_backfill(
            hass,
            entry.runtime_data.engine.ledger,
            entry.runtime_data.engine.settings,
            NOW,
        )
        == 0
    )
    assert _history(hass) == [None] * 27
    assert entry.runtime_data.engine.ledger.backfilled
    assert hass.states.get("sensor.alex_cramp_risk").state != "unavailable"
    assert not [
        r
        for r in caplog.records
        if r.name.startswith("custom_components.cramp_guard")
        and r.levelno >= logging.WARNING
    ]


async def test_no_activity_source_no_backfill(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Without an activity counter there is nothing to backfill."""
    freezer.move_to(NOW)
    await _record(hass, range(1, 6))
    hass.states.async_set("sensor.room", "22", {"unit_of_measurement": "°C"})
    with patch.object(backfill, "async_backfill", wraps=backfill.async_backfill) as spy:
        entry = await setup_entry(hass, make_entry(room_temperature="sensor.room"))
    spy.assert_not_called()
    assert entry.runtime_data.engine.ledger.load_history(TODAY) == [None] * 27


async def test_a_day_total_with_a_late_reset_is_replayed_like_live(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Garmin <= 1.0: state class `total` without last_reset (its change is negative
    at each reset) keeping yesterday's value until its first sync at 08:00. Each day's
    load is the day's highest total, never a negative change.
    """
    freezer.move_to(NOW)
    rows: list[StatisticData] = []
    for n in range(4, 0, -1):
        previous = _steps(n + 1) if n < 4 else 0.0
        hours = [(h, previous) for h in range(0, 8) if n < 4]  # yesterday's, repeated
        hours += [(8, 300.0), (12, _steps(n) / 2), (20, _steps(n))]
        rows += [
            StatisticData(start=datetime.combine(_day(n), time(h), TZ), state=v, sum=v)
            for h, v in hours
        ]
    await _set_up_with_rows(hass, rows)

    assert _history(hass)[-4:] == [_steps(n) for n in range(4, 0, -1)]


async def test_a_counters_negative_changes_count_nothing(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A counter's hour with a negative change (a `total` that fell) adds nothing."""
    freezer.move_to(NOW)
    rows = [
        StatisticData(start=datetime.combine(_day(2), time(h), TZ), state=s, sum=s)
        for h, s in ((9, 1000.0), (10, 400.0), (11, 900.0))
    ]
    await _set_up_with_rows(hass, rows, activity_counter="cumulative")

    # change: 1000 (from nothing), -600 (not counted), +500.
    assert _history(hass)[-2] == 1500.0


async def test_rows_without_a_usable_value_are_skipped(
    hass: HomeAssistant, berlin: None
) -> None:
    """A row with no state, max or change (or a negative one) adds nothing."""
    from custom_components.cramp_guard.ledger import Ledger

    ledger = Ledger(hass, "entry1")
    start = datetime.combine(_day(1), time(10), TZ).timestamp()
    rows = [
        {"start": start, "state": None, "max": None, "change": None},
        {"start": start + 3600, "state": -5.0, "max": 700.0, "change": 700.0},
    ]
    assert backfill._day_totals(ledger, rows, 100_000) == {_day(1): 700.0}
    assert backfill._changes(ledger, rows) == {_day(1): 700.0}
