"""A stale counter source in a running Home Assistant: learnt, flagged, shown, kept
across a restart, and fresh again when it syncs.

Alex's steps come from Fitbit (real-sources.md: polled every 30 minutes, day and
night; the day's value, 0 on the first poll after midnight; `total_increasing`), the
water from a HidrateSpark-like counter (0 after midnight, rising with each drink).
Two ordinary days are learnt; on the third the tracker is left at home from 09:00.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard.diagnostics import (
    async_get_config_entry_diagnostics,
)
from custom_components.cramp_guard.engine import Engine
from custom_components.cramp_guard.explain import explain
from custom_components.cramp_guard.websocket_api import card_payload

from .conftest import TZ as BERLIN, Sources, advance, engine_of

TZ: ZoneInfo = BERLIN
START = datetime(2026, 6, 16, 7, 5, tzinfo=TZ)  # a Tuesday, just after waking
STEP = timedelta(minutes=10)

pytestmark = pytest.mark.entry(
    states={"steps": 0, "room_temperature": 22, "room_humidity": 50, "water": 0}
)


def _steps_at(moment: datetime) -> float:
    """Fitbit's day value at a poll: walking from 07:30 to 21:30, 300 steps each
    half hour, but at a desk from 14:00 to 16:00."""
    total = 0.0
    clock = datetime.combine(moment.date(), time(7, 30), TZ)
    while clock <= moment and clock.time() <= time(21, 30):
        if not time(14) <= clock.time() < time(16):
            total += 300
        clock += timedelta(minutes=30)
    return total


def _water_at(moment: datetime) -> float:
    """A glass every two hours from 08:00 to 20:00."""
    return 250.0 * sum(1 for hour in range(8, 21, 2) if moment.time() >= time(hour))


async def _play(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    until: datetime,
    *,
    tracker: bool = True,
) -> list[datetime]:
    """Move 10 minutes at a time until `until`: Fitbit polls at :05 and :35 (not
    while the tracker is away), the water counter moves at each glass. The moments
    the engine found the steps stale."""
    engine = _engine(hass)
    stale: list[datetime] = []
    while (now := datetime.now(TZ)) < until:
        if now.minute % 30 == 5 and tracker:
            sources.steps(_steps_at(now))
        sources.water(_water_at(now))
        await advance(hass, freezer, STEP)
        snapshot = engine.snapshot
        assert snapshot is not None
        if "activity" in snapshot.stale:
            stale.append(datetime.now(TZ))
    return stale


def _engine(hass: HomeAssistant) -> Engine:
    entry = hass.config_entries.async_entries("cramp_guard")[0]
    return engine_of(entry)


@pytest.fixture
async def learnt(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    init_integration: MockConfigEntry,
) -> MockConfigEntry:
    """Alex set up at START; two ordinary days played (none of them stale)."""
    freezer.move_to(START.replace(minute=0))
    await advance(hass, freezer, START)
    stale = await _play(hass, freezer, sources, START + timedelta(days=2, hours=1))
    assert stale == []
    fresh = _engine(hass).ledger.freshness["activity"]
    assert fresh.usual is not None
    return init_integration


@pytest.fixture(autouse=True)
def _start(freezer: FrozenDateTimeFactory) -> None:
    freezer.move_to(START.replace(minute=0))


async def test_fitbit_left_at_home_is_stale_then_fresh(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    learnt: MockConfigEntry,
) -> None:
    """The third day, the tracker stays at home from 09:00: stale after its usual
    gap (less confidence, the hint, the card's line, diagnostics), no repair; fresh
    again at its first poll back."""
    engine = _engine(hass)
    day3 = START.date() + timedelta(days=2)
    at_home = datetime.combine(day3, time(9), TZ)
    await _play(hass, freezer, sources, at_home + timedelta(minutes=5))
    before = engine.snapshot
    assert before is not None
    assert not before.stale
    assert not before.inputs.stale
    usual = engine.ledger.freshness["activity"].usual
    assert usual is not None

    stale = await _play(
        hass, freezer, sources, datetime.combine(day3, time(15), TZ), tracker=False
    )
    assert stale
    assert stale[0] - at_home <= timedelta(seconds=usual) + 2 * STEP
    snapshot = engine.snapshot
    assert snapshot is not None
    synced = datetime.combine(day3, time(8, 35), TZ)  # the last poll
    assert snapshot.stale == {"activity": synced}
    assert snapshot.inputs.stale == frozenset({"load"})
    # What the factor counts is kept; it is trusted half.
    assert snapshot.assessment.factors["exertion"].available
    assert snapshot.inputs.load_today == _steps_at(synced)
    twin = explain(snapshot.assessment, snapshot.inputs)
    assert "source_stale" in twin.confidence_hints
    assert "source_out" not in twin.confidence_hints

    entry = learnt
    payload = card_payload(hass, entry)
    assert payload["stale"] == [
        {"source": "steps", "last_synced": synced.isoformat(), "hours": 6}
    ]
    assert "source_stale" in payload["confidence_hints"]
    diagnostics = await async_get_config_entry_diagnostics(hass, entry)
    activity = diagnostics["sources"]["activity"]
    assert activity["stale"] is True
    assert activity["last_reported"] == synced.isoformat()
    assert activity["usual_gap_minutes"] == round(usual / 60)
    assert diagnostics["sources"]["water"]["stale"] is False
    assert diagnostics["inputs"]["stale"] == ["load"]
    assert not [
        i for i in ir.async_get(hass).issues.values() if i.domain == "cramp_guard"
    ]

    # Back: the first poll (the same value, or more) ends it at once.
    updates: list[None] = []
    stop = engine.async_add_listener(lambda: updates.append(None))
    sources.steps(_steps_at(datetime.now(TZ)))
    await advance(hass, freezer, timedelta(seconds=1))
    stop()
    assert updates  # assessed after the debounce, not at the next refresh
    snapshot = engine.snapshot
    assert snapshot is not None
    assert not snapshot.stale
    assert not snapshot.inputs.stale
    assert card_payload(hass, entry)["stale"] == []
    assert snapshot.assessment.confidence > before.assessment.confidence - 1e-9


async def test_stale_survives_a_restart(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    learnt: MockConfigEntry,
) -> None:
    """Reloaded while stale (the source's state written again at the start): still
    stale, with what was learnt kept."""
    engine = _engine(hass)
    day3 = START.date() + timedelta(days=2)
    await _play(hass, freezer, sources, datetime.combine(day3, time(9, 5), TZ))
    gaps = list(engine.ledger.freshness["activity"].gaps)
    await _play(
        hass, freezer, sources, datetime.combine(day3, time(14), TZ), tracker=False
    )
    assert engine.snapshot is not None
    assert "activity" in engine.snapshot.stale

    assert await hass.config_entries.async_unload(learnt.entry_id)
    # Fitbit restores its state at a restart: the same value, new moments.
    hass.states.async_set(
        "sensor.steps",
        hass.states.get("sensor.steps").state,  # type: ignore[union-attr]
        {"unit_of_measurement": "steps"},
        force_update=True,
    )
    assert await hass.config_entries.async_setup(learnt.entry_id)
    await hass.async_block_till_done()
    engine = _engine(hass)
    assert engine is not None
    assert engine.ledger.freshness["activity"].gaps[: len(gaps)] == gaps
    assert engine.snapshot is not None
    assert "activity" in engine.snapshot.stale
    await advance(hass, freezer, STEP)
    assert "activity" in engine.snapshot.stale


async def test_updates_that_do_not_matter_assess_nothing_more(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    learnt: MockConfigEntry,
) -> None:
    """While fresh, a small step update waits for the refresh as before: freshness
    is looked at in the assessments the engine runs anyway."""
    engine = _engine(hass)
    updates: list[Any] = []
    stop = engine.async_add_listener(lambda: updates.append(None))
    steps = float(hass.states.get("sensor.steps").state)  # type: ignore[union-attr]
    for n in range(1, 4):
        sources.steps(steps + 10 * n)
        await advance(hass, freezer, timedelta(seconds=2))
    stop()
    assert updates == []


async def test_a_boot_writing_the_source_twice_is_no_sync(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    sources: Sources,
    learnt: MockConfigEntry,
) -> None:
    """Home Assistant boots while the steps are stale: the source's state restored
    when it is added, then the same value written again as it starts (a template
    entity does that in 2026.x). Neither is a sync: still stale once it runs."""
    day3 = START.date() + timedelta(days=2)
    await _play(hass, freezer, sources, datetime.combine(day3, time(9, 5), TZ))
    await _play(
        hass, freezer, sources, datetime.combine(day3, time(14), TZ), tracker=False
    )
    assert await hass.config_entries.async_unload(learnt.entry_id)
    hass.set_state(CoreState.not_running)
    steps = hass.states.get("sensor.steps")
    assert steps is not None
    attributes = {"unit_of_measurement": "steps"}
    hass.states.async_set("sensor.steps", steps.state, attributes, force_update=True)
    assert await hass.config_entries.async_setup(learnt.entry_id)
    await hass.async_block_till_done()
    engine = _engine(hass)
    assert engine.snapshot is not None
    assert engine.snapshot.stale == {}  # not looked at while booting
    await advance(hass, freezer, timedelta(seconds=5))
    hass.states.async_set("sensor.steps", steps.state, attributes)  # reported again
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await advance(hass, freezer, timedelta(minutes=1))
    assert "activity" in engine.snapshot.stale
    assert card_payload(hass, learnt)["stale"][0]["hours"] == 5
