"""The recorder backfill: on first setup the load history comes from statistics.

A new user who has had a steps sensor for a while has no cold start: the completed
days of the activity source's long-term statistics (up to 27) become the ledger's load
history, without overwriting what the ledger already holds, and only once.

Each test marks the statistics recorded before the setup (`statistics`: past days of
`_record`, or rows) and the person (`entry`: a steps counter, sensor.steps at 1200,
unless the test marks otherwise); `init_integration` sets the person up at NOW.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
import logging
from typing import Any
from unittest.mock import patch

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

from .conftest import (
    NOON,
    TZ,
    Sources,
    engine_of,
    entry_named,
    ledger_days,
    saved_ledger,
    setup_entry,
)

NOW = NOON
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

pytestmark = pytest.mark.entry(sources=OPTIONS, profile={}, states={"steps": 1200})


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


@pytest.fixture
async def statistics(
    request: pytest.FixtureRequest,
    recorder_mock: Recorder,
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
) -> range | None:
    """The test's `statistics` mark recorded at NOW, before the setup; the past days.

    `statistics(days, since_boot=..., today=...)` records days (`_record`; an
    indirect parameter gives the days instead); `statistics(rows=..., metadata=...)`
    imports these rows.
    """
    marker = request.node.get_closest_marker("statistics")
    args = tuple(marker.args) if marker else ()
    kwargs = dict(marker.kwargs) if marker else {}
    if hasattr(request, "param"):
        args = (request.param,)
    if "rows" in kwargs:
        metadata = kwargs.get("metadata") or _metadata()
        async_import_statistics(hass, metadata, kwargs["rows"])
        await async_wait_recording_done(hass)
        return None
    await _record(hass, *args, **kwargs)
    days: range = args[0]
    return days


def _history(hass: HomeAssistant) -> list[float | None]:
    return engine_of(entry_named(hass)).ledger.load_history(TODAY)


def _workload_available(hass: HomeAssistant) -> bool:
    engine = engine_of(entry_named(hass))
    return engine.snapshot.assessment.factors["workload"].available


@pytest.mark.statistics(range(1, 11), today=3000.0)
async def test_backfill_fills_the_recorded_days(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    statistics: range,
    init_integration: MockConfigEntry,
) -> None:
    """Ten recorded days become the last ten days of the load history."""
    entry = init_integration

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


@pytest.mark.statistics(range(1, 41))
@pytest.mark.entry(states={"steps": 0})
async def test_backfill_takes_at_most_27_days(
    hass: HomeAssistant, statistics: range, init_integration: MockConfigEntry
) -> None:
    """Forty recorded days: the 27 completed days before today are filled."""
    entry = init_integration

    assert _history(hass) == [_steps(n) for n in range(27, 0, -1)]
    assert min(entry.runtime_data.engine.ledger.days) == _day(27)


@pytest.mark.parametrize(
    ("statistics", "available"),
    [(range(1, 3), False), (range(1, 4), True)],
    ids=["2-False", "3-True"],
    indirect=["statistics"],
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_workload_becomes_available_with_three_days(
    hass: HomeAssistant,
    statistics: range,
    init_integration: MockConfigEntry,
    available: bool,
) -> None:
    """The workload factor needs three known days; the backfill provides them."""
    days = len(statistics)

    assert sum(load is not None for load in _history(hass)) == days
    assert _workload_available(hass) is available
    workload_ratio = hass.states.get("sensor.alex_workload_ratio").state
    assert (workload_ratio != "unknown") is available


OWN = {3: 111.0, 5: 555.0, 12: 1212.0}  # the days the restored ledger holds


@pytest.mark.statistics(range(1, 11))
@pytest.mark.entry(ledger=saved_ledger(ledger_days(TODAY, OWN), backfilled=False))
async def test_days_in_the_ledger_are_not_overwritten(
    hass: HomeAssistant, statistics: range, init_integration: MockConfigEntry
) -> None:
    """A restored ledger that was never backfilled keeps its own days' loads."""
    entry = init_integration

    expected = {n: _steps(n) for n in range(1, 11)} | OWN
    assert _history(hass) == [expected.get(n) for n in range(27, 0, -1)]
    assert entry.runtime_data.engine.ledger.backfilled


@pytest.mark.statistics(range(1, 6))
async def test_a_second_setup_does_not_backfill_again(
    hass: HomeAssistant, statistics: range, init_integration: MockConfigEntry
) -> None:
    """After the first setup the ledger is marked; a reload leaves it alone."""
    entry = init_integration
    assert _history(hass)[-5:] == [_steps(n) for n in range(5, 0, -1)]
    # A day the user's ledger lost: a second backfill would fill it again.
    entry.runtime_data.engine.ledger.days[_day(2)].load = None

    with patch.object(backfill, "async_backfill", wraps=backfill.async_backfill) as spy:
        assert await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()

    spy.assert_not_called()
    assert entry.runtime_data.engine.ledger.backfilled
    assert _history(hass)[-5:] == [_steps(5), _steps(4), _steps(3), None, _steps(1)]


@pytest.fixture
async def run_before_install(
    recorder_mock: Recorder, hass: HomeAssistant, noon: FrozenDateTimeFactory
) -> None:
    """A run from 08:00 to 09:00 today, recorded before the install at NOW."""
    for hour, state in ((8, "on"), (9, "off")):
        noon.move_to(NOW.replace(hour=hour))
        hass.states.async_set("binary_sensor.run", state)
    await async_wait_recording_done(hass)
    noon.move_to(NOW)


@pytest.mark.statistics(range(1, 11))
@pytest.mark.entry(options={"workout": "binary_sensor.run"}, states={"steps": 9000})
async def test_what_the_index_knows_after_install_and_after_a_restart(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    run_before_install: None,
    statistics: range,
    init_integration: MockConfigEntry,
) -> None:
    """README "What it knows from when": right after install, the past days' totals
    (the statistics) and today's total so far (the sensor), but not today's earlier
    workouts; after a restart, everything it had."""
    entry = init_integration
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
    ("entry_setup", "expected"),
    [
        # A counter that keeps counting: the day's steps are its positive changes.
        ({"sources": OPTIONS | {"activity_counter": "cumulative"}}, _steps),
        # Read as a day total, a since-boot count far above any day is not one:
        # nothing is filled (live, the counter-kind repair says so).
        ({"sources": OPTIONS | {"activity_counter": "daily"}}, _nothing),
    ],
    ids=["cumulative", "daily"],
    indirect=["entry_setup"],
)
@pytest.mark.statistics(range(1, 6), since_boot=SINCE_BOOT)
@pytest.mark.entry(states={"steps": 200000})
async def test_cumulative_counter_uses_the_days_change(
    hass: HomeAssistant,
    statistics: range,
    init_integration: MockConfigEntry,
    expected: Callable[[int], float | None],
) -> None:
    """A since-boot counter: its changes count, its values are not day totals."""
    assert _history(hass)[-5:] == [expected(n) for n in range(5, 0, -1)]


# A daily total recorded as a measurement (max, no sum).
MEASUREMENT_ROWS = [
    StatisticData(
        start=datetime.combine(_day(n), time(h), TZ),
        min=0.0,
        mean=_steps(n) * h / 46,
        max=_steps(n) * h / 23,
    )
    for n in range(1, 5)
    for h in (8, 23)
]


@pytest.mark.statistics(
    rows=MEASUREMENT_ROWS, metadata=_metadata(mean=True) | {"has_sum": False}
)
@pytest.mark.entry(states={"steps": 10})
async def test_a_daily_measurement_uses_the_days_max(
    hass: HomeAssistant, statistics: None, init_integration: MockConfigEntry
) -> None:
    """A daily total recorded as a measurement (max, no sum) gives the day's max."""
    assert _history(hass)[-4:] == [_steps(n) for n in range(4, 0, -1)]


async def test_no_statistics_fills_nothing(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """The recorder runs but has no statistics for the source: 0 days."""
    entry = init_integration

    assert _history(hass) == [None] * 27
    assert entry.runtime_data.engine.ledger.backfilled
    assert not _workload_available(hass)


async def test_without_the_recorder_nothing_breaks(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    sources: Sources,
    mock_config_entry: MockConfigEntry,
) -> None:
    """No recorder loaded: the backfill fills 0 days and the entry works."""
    assert "recorder" not in hass.config.components
    sources.steps(1200)
    entry = mock_config_entry
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


@pytest.mark.statistics(range(1, 6))
@pytest.mark.entry(sources={"room_temperature": "sensor.room_temperature"})
async def test_no_activity_source_no_backfill(
    hass: HomeAssistant,
    statistics: range,
    sources: Sources,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Without an activity counter there is nothing to backfill."""
    sources.room_temperature(22)
    with patch.object(backfill, "async_backfill", wraps=backfill.async_backfill) as spy:
        entry = await setup_entry(hass, mock_config_entry)
    spy.assert_not_called()
    assert entry.runtime_data.engine.ledger.load_history(TODAY) == [None] * 27


def _late_reset_rows() -> list[StatisticData]:
    """Garmin <= 1.0: state class `total` without last_reset (its change is negative
    at each reset) keeping yesterday's value until its first sync at 08:00."""
    rows: list[StatisticData] = []
    for n in range(4, 0, -1):
        previous = _steps(n + 1) if n < 4 else 0.0
        hours = [(h, previous) for h in range(0, 8) if n < 4]  # yesterday's, repeated
        hours += [(8, 300.0), (12, _steps(n) / 2), (20, _steps(n))]
        rows += [
            StatisticData(start=datetime.combine(_day(n), time(h), TZ), state=v, sum=v)
            for h, v in hours
        ]
    return rows


@pytest.mark.statistics(rows=_late_reset_rows())
@pytest.mark.entry(states={"steps": 10})
async def test_a_day_total_with_a_late_reset_is_replayed_like_live(
    hass: HomeAssistant, statistics: None, init_integration: MockConfigEntry
) -> None:
    """Garmin <= 1.0 (`_late_reset_rows`): each day's load is the day's highest
    total, never a negative change.
    """
    assert _history(hass)[-4:] == [_steps(n) for n in range(4, 0, -1)]


# A counter's hour with a negative change (a `total` that fell): 1000 at 09:00 (from
# nothing), -600 at 10:00 (not counted), +500 at 11:00.
NEGATIVE_CHANGE_ROWS = [
    StatisticData(start=datetime.combine(_day(2), time(h), TZ), state=s, sum=s)
    for h, s in ((9, 1000.0), (10, 400.0), (11, 900.0))
]


@pytest.mark.statistics(rows=NEGATIVE_CHANGE_ROWS)
@pytest.mark.entry(
    sources=OPTIONS | {"activity_counter": "cumulative"}, states={"steps": 10}
)
async def test_a_counters_negative_changes_count_nothing(
    hass: HomeAssistant, statistics: None, init_integration: MockConfigEntry
) -> None:
    """A counter's hour with a negative change (a `total` that fell) adds nothing."""
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
