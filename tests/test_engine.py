"""Tests for the engine: bad input, people kept apart, workouts, midnight, unload."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from itertools import pairwise
import logging
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard.actions import async_log
from custom_components.cramp_guard.engine import Engine
from custom_components.cramp_guard.health import HOLD_COUNTS_FOR
from custom_components.cramp_guard.ledger import SAVE_DELAY, Ledger
from custom_components.cramp_guard.pacing import (
    ASSESS_BURST,
    ASSESS_EVERY,
    REFRESH_ASLEEP,
    REFRESH_EVERY,
    Pacer,
)

from .conftest import NOON, advance, engine_named, engine_of, make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")
WATER_OPTIONS: dict[str, Any] = {
    "room_temperature": "sensor.room_temperature",
    "water": "sensor.water",
    "water_counter": "daily",
    "water_unit": "mL",
}


def _set(hass: HomeAssistant, entity_id: str, value: Any, unit: str | None) -> None:
    attrs = {"unit_of_measurement": unit} if unit else {}
    hass.states.async_set(entity_id, str(value), attrs)


# `init_integration` here: Alex with a room temperature (22 °C) and a water counter
# (800 mL today).
pytestmark = pytest.mark.entry(
    sources=WATER_OPTIONS, profile={}, states={"room_temperature": 22, "water": 800}
)


@pytest.fixture
async def water_person(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, init_integration: MockConfigEntry
) -> Engine:
    """Alex's engine, set up at NOON, a minute later (assessed)."""
    await advance(hass, noon, ASSESS_EVERY)
    return engine_of(init_integration)


@pytest.mark.parametrize(
    ("state", "unit", "problem"),
    [
        ("unavailable", "mL", "unavailable"),
        ("unknown", "mL", "unavailable"),
        ("lots", "mL", "not numeric"),
        ("nan", "mL", "out of range"),
        ("-50", "mL", "out of range"),
        ("3", "glasses", "bad unit"),
    ],
)
async def test_bad_water_holds_what_was_counted_then_drops_it(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    state: str,
    unit: str,
    problem: str,
    water_person: Engine,
) -> None:
    """A bad water state keeps today's water with a lower confidence; 3 h later the
    hydration factor is left out. One warning for the episode, one line on recovery.
    """
    engine = water_person
    before = engine.snapshot
    assert before is not None
    assert before.assessment.factors["hydration"].available
    risk = hass.states.get("sensor.alex_cramp_risk").state

    caplog.clear()
    for _ in range(3):  # the same episode, several updates
        _set(hass, "sensor.water", state, unit)
        await advance(hass, freezer, timedelta(minutes=1))
    held = engine.snapshot
    assert held is not None
    assert held.inputs.water_ml == 800  # what the bottle counted today is kept
    assert held.inputs.held == frozenset({"water"})
    assert held.assessment.factors["hydration"].available
    assert held.assessment.confidence < before.assessment.confidence
    assert hass.states.get("sensor.alex_water_today").state == "800"
    assert hass.states.get("sensor.alex_cramp_risk").state == risk

    await advance(hass, freezer, HOLD_COUNTS_FOR)
    after = engine.snapshot
    assert after is not None
    assert not after.assessment.factors["hydration"].available
    assert not after.inputs.held
    assert hass.states.get("sensor.alex_cramp_risk").state != "unavailable"
    assert hass.states.get("sensor.alex_hydration_pace").state == "unknown"
    warnings = [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING and r.name == "custom_components.cramp_guard"
    ]
    assert len(warnings) == 1
    assert "sensor.water" in warnings[0].getMessage()
    assert problem in warnings[0].getMessage()

    caplog.clear()
    _set(hass, "sensor.water", 900, "mL")
    await advance(hass, freezer, timedelta(minutes=1))
    assert engine.snapshot is not None
    assert engine.snapshot.assessment.factors["hydration"].available
    assert engine.snapshot.inputs.water_ml == 900
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert any("sensor.water is usable again" in m for m in infos)


async def test_risk_unavailable_only_when_no_sensor_factor_is_left(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """Only a temperature sensor: without it, the risk is unavailable."""
    freezer.move_to(NOON)
    _set(hass, "sensor.room_temperature", 22, "°C")
    await setup_entry(hass, make_entry(room_temperature="sensor.room_temperature"))
    assert hass.states.get("sensor.alex_cramp_risk").state != "unavailable"

    _set(hass, "sensor.room_temperature", "unavailable", None)
    await advance(hass, freezer, ASSESS_EVERY)
    assert hass.states.get("sensor.alex_cramp_risk").state == "unavailable"
    assert hass.states.get("sensor.alex_risk_level").state == "unavailable"

    _set(hass, "sensor.room_temperature", 30, "°C")
    await advance(hass, freezer, ASSESS_EVERY)
    assert hass.states.get("sensor.alex_cramp_risk").state != "unavailable"


async def test_two_people_never_share_data(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """Each person reads their own sources and keeps their own ledger."""
    freezer.move_to(NOON)
    _set(hass, "sensor.water_a", 1500, "mL")
    _set(hass, "sensor.water_b", 200, "mL")
    _set(hass, "sensor.room", 22, "°C")
    shared = {"room_temperature": "sensor.room", "water_counter": "daily"}
    await setup_entry(hass, make_entry("Alex", water="sensor.water_a", **shared))
    await setup_entry(hass, make_entry("Sam", water="sensor.water_b", **shared))

    _set(hass, "sensor.water_a", 1750, "mL")
    await advance(hass, freezer, ASSESS_EVERY)

    assert hass.states.get("sensor.alex_water_today").state == "1750"
    assert hass.states.get("sensor.sam_water_today").state == "200"
    alex, sam = engine_named(hass, "Alex"), engine_named(hass, "Sam")
    assert alex.ledger is not sam.ledger
    assert alex.ledger.counters["water"].total == 1750
    assert sam.ledger.counters["water"].total == 200


@pytest.mark.entry(states={})
async def test_unload_leaves_no_listeners(
    hass: HomeAssistant,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """After unload no bus listener, timer or entity callback of ours is left."""
    entry = init_integration
    # Unload once so Home Assistant's own platforms are loaded before counting.
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    before = hass.bus.async_listeners()
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    engine = engine_named(hass)
    assert engine._listeners  # the entities follow the engine

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.bus.async_listeners() == before
    assert not engine._listeners
    assert engine._unsubs == []


async def test_workout_entity_defines_bouts(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """An on/off workout entity makes the bouts, and the binary sensor follows it."""
    freezer.move_to(NOON)
    _set(hass, "input_boolean.workout", "off", None)
    await setup_entry(hass, make_entry(workout="input_boolean.workout"))
    workout = "binary_sensor.alex_workout_in_progress"
    assert hass.states.get(workout).state == "off"

    _set(hass, "input_boolean.workout", "on", None)
    await advance(hass, freezer, timedelta(minutes=45))
    assert hass.states.get(workout).state == "on"
    engine = engine_named(hass)
    assert engine.snapshot is not None
    [bout] = engine.snapshot.inputs.bouts
    assert bout.start == NOON
    assert bout.end is None
    assert engine.snapshot.assessment.factors["exertion"].available

    _set(hass, "input_boolean.workout", "off", None)
    await advance(hass, freezer, timedelta(minutes=1))
    assert hass.states.get(workout).state == "off"
    [bout] = engine.snapshot.inputs.bouts
    assert bout.end is not None
    assert bout.end - bout.start == timedelta(minutes=45)


async def test_before_wake_the_model_sees_the_day_that_ended(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """After midnight the ledger rolls over, but until wake yesterday's totals count."""
    freezer.move_to(datetime(2026, 6, 16, 21, tzinfo=TZ))
    _set(hass, "sensor.steps", 12000, "steps")
    options = {"activity": "sensor.steps", "activity_counter": "daily"}
    await setup_entry(hass, make_entry(**options))
    engine = engine_named(hass)

    await advance(hass, freezer, datetime(2026, 6, 17, 0, 30, tzinfo=TZ))
    _set(hass, "sensor.steps", 12040, "steps")  # a late sync, before the reset
    await advance(hass, freezer, REFRESH_ASLEEP)  # 40 steps wait for the refresh
    assert engine.snapshot is not None
    assert engine.snapshot.inputs.load_today == 12040  # the day that just ended

    _set(hass, "sensor.steps", 0, "steps")  # the device resets
    await advance(hass, freezer, datetime(2026, 6, 17, 8, tzinfo=TZ))
    _set(hass, "sensor.steps", 1500, "steps")  # over 1,000 steps: at once
    await advance(hass, freezer, ASSESS_EVERY)
    assert engine.snapshot.inputs.load_today == 1500
    assert engine.snapshot.inputs.load_history[-1] == 12040


async def test_a_single_record_is_left_out_with_one_warning(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An entry made before single records were refused: the source gives nothing.

    Health Connect's "Active calories burned" (home-assistant/android
    HealthConnectSensorManager.kt): no state class, `endTime` and `source`.
    """
    freezer.move_to(NOON)
    attrs = {
        "unit_of_measurement": "kcal",
        "device_class": "energy",
        "endTime": "2026-06-16T09:30:00Z",
        "source": "com.google.android.apps.fitness",
    }
    hass.states.async_set("sensor.active_calories_burned", "120.5", attrs)
    _set(hass, "sensor.room_temperature", 22, "°C")
    await setup_entry(
        hass,
        make_entry(
            activity="sensor.active_calories_burned",
            activity_metric="active_kcal",
            activity_counter="daily",
            room_temperature="sensor.room_temperature",
        ),
    )
    hass.states.async_set("sensor.active_calories_burned", "80.0", attrs)
    await advance(hass, freezer, timedelta(minutes=1))
    engine = engine_named(hass)
    assert engine.readings["activity"].problem == "single_record"
    assert engine.ledger.days[NOON.date()].load is None
    warnings = [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "active_calories_burned" in r.getMessage()
    ]
    assert len(warnings) == 1
    assert "single record" in warnings[0]


@pytest.mark.entry(states={"room_temperature": 22, "water": "unavailable"})
async def test_a_counter_that_never_reported_is_not_read_as_zero(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """Unavailable since setup: nothing was counted, so nothing is held as 0 mL."""
    await advance(hass, freezer, timedelta(minutes=1))
    snapshot = engine_named(hass).snapshot
    assert snapshot is not None
    assert snapshot.inputs.water_ml is None
    assert not snapshot.inputs.held
    assert not snapshot.assessment.factors["hydration"].available
    assert hass.states.get("sensor.alex_water_today").state == "unknown"


async def test_assessments_follow_what_matters_not_every_change(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    water_person: Engine,
) -> None:
    """A source changing by what matters every 10 s: a short burst at once, then one
    assessment a minute. A small move (under Home Assistant's significant change,
    0.5 degC; under 100 mL of water) waits for the refresh, and so does a move of a
    room too cool for heat to count (under a 24 degC heat index before and after); a
    repeated value or an attribute, never; after a quiet spell the next change is
    assessed at once again. Without changes, a refresh every 10 minutes.
    """
    engine = water_person
    assessed: list[datetime] = []
    engine.async_add_listener(lambda: assessed.append(engine.snapshot.inputs.now))
    await advance(hass, freezer, timedelta(minutes=5, seconds=40))  # off the tick

    assessed.clear()
    for n in range(60):  # 10 minutes
        _set(hass, "sensor.room_temperature", 24 + n % 2, "°C")
        await advance(hass, freezer, timedelta(seconds=10))
    gaps = [b - a for a, b in pairwise(assessed)]
    burst = int(ASSESS_BURST)
    assert burst + 5 <= len(assessed) <= burst + 11, assessed
    assert min(gaps[burst:]) >= ASSESS_EVERY - timedelta(seconds=5), gaps

    await advance(hass, freezer, timedelta(minutes=6))  # quiet: tokens come back
    assessed.clear()
    for value in (24.9, 24.8, 24.7, 24.7, 24.8):  # small moves, a repeat
        _set(hass, "sensor.room_temperature", value, "°C")
        await advance(hass, freezer, timedelta(seconds=1))
    hass.states.async_set(  # an attribute only
        "sensor.water", "800", {"unit_of_measurement": "mL", "icon": "mdi:cup"}
    )
    await advance(hass, freezer, timedelta(seconds=1))
    assert assessed == []
    for _ in range(10):
        await advance(hass, freezer, timedelta(minutes=1))
    assert len(assessed) == 1  # the refresh reads the latest value
    assert engine.snapshot.inputs.room_temp_c == 24.8

    assessed.clear()
    for water in (840, 880, 920):  # 40 mL sips: the third makes 120 mL since
        _set(hass, "sensor.water", water, "mL")
        await advance(hass, freezer, timedelta(seconds=1))
    assert len(assessed) == 1
    assert engine.snapshot.inputs.water_ml == 920

    await advance(hass, freezer, timedelta(minutes=6))
    assessed.clear()
    _set(hass, "sensor.room_temperature", 21, "°C")  # from heat that counted
    await advance(hass, freezer, timedelta(seconds=1))
    assert len(assessed) == 1
    for value in (22.5, 20.5, 23.0):  # a cool room: heat counts from 24 degC
        _set(hass, "sensor.room_temperature", value, "°C")
        await advance(hass, freezer, timedelta(seconds=1))
    assert len(assessed) == 1
    _set(hass, "sensor.room_temperature", 25, "°C")
    await advance(hass, freezer, timedelta(seconds=1))
    assert len(assessed) == 2
    assert engine.snapshot.inputs.room_temp_c == 25

    assessed.clear()
    for _ in range(60):  # an hour without changes
        await advance(hass, freezer, timedelta(minutes=1))
    # A refresh every 10 minutes, and the hour's sample at its start: the refresh
    # due 2 minutes before it waits for it (12:48, 13:00, 13:10, ...).
    gaps = [(b - a, b) for a, b in pairwise(assessed)]
    starts = [at for at in assessed if at.minute == 0]  # within its first minute
    assert len(starts) == 1, assessed
    assert len(assessed) == 5, assessed
    assert {gap for gap, at in gaps if at not in starts} == {REFRESH_EVERY}, gaps
    assert REFRESH_EVERY < max(gap for gap, at in gaps) <= REFRESH_EVERY * 1.5


async def test_a_refresh_shortly_before_a_moment_due_waits_for_it(
    hass: HomeAssistant, noon: FrozenDateTimeFactory
) -> None:
    """A refresh due within half its interval before a moment something is due at
    (a prompt, the hour's sample) waits for that moment: one assessment, not two.
    One due further before it runs as usual."""
    done: list[datetime] = []

    def assess() -> None:
        done.append(dt_util.now())
        pacer.assessing(dt_util.now(), time(7), time(22))

    pacer = Pacer(hass, assess)
    pacer.assessing(NOON, time(7), time(22))  # the refresh would be at 12:10
    pacer.at("test", NOON + timedelta(minutes=14), NOON)
    for _ in range(20):
        await advance(hass, noon, timedelta(minutes=1))
    assert done == [NOON + timedelta(minutes=14)]  # not at 12:10 as well

    pacer.at("test", NOON + timedelta(minutes=30), dt_util.now())  # refresh 12:24
    for _ in range(12):
        await advance(hass, noon, timedelta(minutes=1))
    assert done[1:] == [NOON + timedelta(minutes=24), NOON + timedelta(minutes=30)]
    pacer.stop()


async def test_in_the_sleep_window_a_refresh_every_30_minutes(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """Asleep (22:00-07:00 by default) only the hours since a workout move: a
    refresh every 30 minutes; at the wake time at once, then every 10 minutes; and
    at the start of each hour (its sample)."""
    freezer.move_to(datetime(2026, 6, 16, 23, tzinfo=TZ))
    await setup_entry(hass, make_entry())
    engine = engine_named(hass)
    await advance(hass, freezer, ASSESS_EVERY)
    assessed: list[datetime] = []
    engine.async_add_listener(lambda: assessed.append(engine.snapshot.inputs.now))
    await advance(hass, freezer, datetime(2026, 6, 17, 5, 45, tzinfo=TZ))
    for _ in range(90):
        await advance(hass, freezer, timedelta(minutes=1))
    gaps = [(b - a, b.time()) for a, b in pairwise(assessed)]
    hours = {time(6), time(7)}  # samples; the wake time too
    asleep = [gap for gap, at in gaps if at < time(7) and at not in hours]
    awake = [gap for gap, at in gaps if at > time(7)]
    assert set(asleep) == {REFRESH_ASLEEP}, gaps
    assert hours <= {at.time() for at in assessed}
    assert set(awake) == {REFRESH_EVERY}, gaps


async def test_a_hand_log_is_assessed_at_once(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    water_person: Engine,
) -> None:
    """Whatever the sources did a moment ago, a glass logged shows at once."""
    engine = water_person
    _set(hass, "sensor.room_temperature", 23, "°C")
    await advance(hass, freezer, timedelta(seconds=1))
    async_log(engine, "water", {"amount": 250})
    assert hass.states.get("sensor.alex_water_today").state == "1050"


async def test_a_person_continues_another_ledger(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_storage: dict[str, Any],
) -> None:
    """`async_continue` (the demo's replayed day): the person takes another ledger's
    days and counters, reads every source again into them, and is assessed: nothing
    counted twice, what changed since counted once, a workout on now is a bout."""
    freezer.move_to(NOON)
    _set(hass, "sensor.steps", 4000, "steps")
    _set(hass, "sensor.water", 800, "mL")
    _set(hass, "input_boolean.workout", "off", None)
    options = WATER_OPTIONS | {
        "activity": "sensor.steps",
        "activity_metric": "steps",
        "activity_counter": "daily",
        "workout": "input_boolean.workout",
    }
    entry = await setup_entry(hass, make_entry(**options))
    engine = engine_named(hass)
    assert engine.snapshot.inputs.bouts == ()  # the morning's run is not known

    # The morning as another ledger saw it: a run 09:00-10:00, steps and water up to
    # 11:59 (3900 steps; the sensors say 4000 now).
    other = Ledger(hass, "other", time(7))
    for minute in range(300):
        at = NOON.replace(hour=7) + timedelta(minutes=minute)
        steps = 3900 * minute / 299
        other.count("activity", *engine.settings.counter("activity"), steps, at)
        other.count("water", *engine.settings.counter("water"), 800, at)
        other.set_workout(9 <= at.hour < 10, at)
    _set(hass, "input_boolean.workout", "on", None)  # a second run starts now
    await hass.async_block_till_done()

    engine.async_continue(other)
    inputs = engine.snapshot.inputs
    assert inputs.load_today == 4000  # 3900 replayed, 100 read again
    assert inputs.water_ml == 800  # not 1600
    assert [(b.start.hour, b.end and b.end.hour) for b in inputs.bouts] == [
        (9, 10),
        (12, None),
    ]
    assert engine.ledger.backfilled  # the person's own flag stays
    await advance(hass, freezer, timedelta(seconds=SAVE_DELAY + 1))
    saved = hass_storage[f"cramp_guard.{entry.entry_id}"]["data"]
    assert saved["counters"]["activity"]["last"] == 4000
    assert len(saved["days"][0]["bouts"]) == 2


async def test_update_entity_assesses_now(
    hass: HomeAssistant, noon: FrozenDateTimeFactory, water_person: Engine
) -> None:
    """`homeassistant.update_entity` on a sensor refreshes the engine (a
    DataUpdateCoordinator): a room 0.3 degC warmer, below what matters, is assessed
    at once when asked for, and the snapshot before stays what it was."""
    assert await async_setup_component(hass, "homeassistant", {})
    engine = water_person
    before = engine.snapshot
    assert before is not None
    _set(hass, "sensor.room_temperature", 22.3, "°C")
    noon.tick(timedelta(minutes=2))
    await hass.async_block_till_done()
    assert engine.snapshot is before  # not what matters: it waits for the refresh

    await hass.services.async_call(
        "homeassistant",
        "update_entity",
        {"entity_id": "sensor.alex_cramp_risk"},
        blocking=True,
    )

    after = engine.snapshot
    assert after is not None
    assert after is not before
    assert after.inputs.room_temp_c == 22.3
    assert after.inputs.now == dt_util.now() > before.inputs.now
    assert before.inputs.room_temp_c == 22.0


async def test_activity_matters_at_a_workouts_pace(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """A wearable syncing every 4 minutes: strolls (200 steps, 50 a minute) wait for
    the refresh, which counts them; 850 steps in 4 minutes (a run's pace, above a
    bout's rate) are assessed at once."""
    freezer.move_to(NOON)
    _set(hass, "sensor.steps", 4000, "steps")
    options = {"activity": "sensor.steps", "activity_counter": "daily"}
    await setup_entry(hass, make_entry(**options))
    engine = engine_named(hass)
    assessed: list[datetime] = []
    engine.async_add_listener(lambda: assessed.append(engine.snapshot.inputs.now))

    for steps in (4200, 4400):
        await advance(hass, freezer, timedelta(minutes=4))
        _set(hass, "sensor.steps", steps, "steps")
        await advance(hass, freezer, timedelta(seconds=1))
    assert assessed == []
    await advance(hass, freezer, NOON + REFRESH_EVERY)
    assert assessed == [NOON + REFRESH_EVERY]
    assert engine.snapshot.inputs.load_today == 4400

    await advance(hass, freezer, timedelta(minutes=4))
    _set(hass, "sensor.steps", 5250, "steps")
    await advance(hass, freezer, timedelta(seconds=1))
    assert len(assessed) == 2
    assert engine.snapshot.inputs.load_today == 5250
