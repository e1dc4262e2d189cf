"""Tests for turning counter readings into the day's total."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from custom_components.cramp_guard.const import CounterKind
from custom_components.cramp_guard.counters import CounterState, update_counter

TZ = ZoneInfo("Europe/Berlin")
DAILY, CUMULATIVE = CounterKind.DAILY, CounterKind.CUMULATIVE


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def _feed(
    kind: CounterKind, readings: list[tuple[datetime, float]], state: CounterState
) -> list[float]:
    return [update_counter(state, kind, value, at).added for at, value in readings]


def test_daily_counter_counts_the_first_reading_after_setup() -> None:
    """A daily total is the day's value from the first reading on."""
    state = CounterState()
    added = _feed(DAILY, [(_at(24, 9), 4200), (_at(24, 10), 5000)], state)
    assert added == [4200, 800]
    assert state.total == 5000


def test_daily_counter_keeps_what_it_had_before_a_reset() -> None:
    """A drop in the same day is a reset: the total carries on from it."""
    state = CounterState()
    _feed(DAILY, [(_at(24, 9), 5000), (_at(24, 12), 300), (_at(24, 13), 900)], state)
    assert state.total == 5900


def test_daily_counter_waits_for_its_midnight_reset() -> None:
    """After midnight, yesterday's total is not counted again until the reset."""
    state = CounterState()
    update_counter(state, DAILY, 12000, _at(24, 23))
    step = update_counter(state, DAILY, 12050, _at(25, 0, 5))
    assert step.added == 0
    assert step.late_for_yesterday == 12050
    assert state.total == 0
    assert update_counter(state, DAILY, 40, _at(25, 0, 20)).added == 40
    assert update_counter(state, DAILY, 140, _at(25, 0, 30)).added == 100
    assert state.total == 140


def test_cumulative_counter_sums_increments_since_midnight() -> None:
    """A counter since boot contributes its increments; a drop is a reboot."""
    state = CounterState()
    readings = [
        (_at(24, 8), 100_000),  # first reading after setup: the baseline
        (_at(24, 9), 101_000),
        (_at(24, 10), 500),  # reboot: counts from zero
        (_at(24, 11), 1500),
        (_at(25, 1), 2500),  # the next day counts from the last reading
    ]
    assert _feed(CUMULATIVE, readings, state) == [0, 1000, 500, 1000, 1000]
    assert state.total == 1000
    assert state.day == _at(25, 1).date()


def test_interval_is_reported_for_spreading() -> None:
    """Each step says since when it counted, within the same day only."""
    state = CounterState()
    assert update_counter(state, CUMULATIVE, 10, _at(24, 8)).since is None
    assert update_counter(state, CUMULATIVE, 20, _at(24, 9)).since == _at(24, 8)
    assert update_counter(state, CUMULATIVE, 30, _at(25, 9)).since is None


@pytest.mark.parametrize("kind", list(CounterKind))
def test_state_survives_a_restart(kind: CounterKind) -> None:
    """Nothing is counted twice when the same reading comes back after a restart."""
    state = CounterState()
    _feed(kind, [(_at(24, 8), 1000), (_at(24, 9), 1600)], state)
    restored = CounterState.from_dict(state.as_dict())
    assert restored == state
    assert update_counter(restored, kind, 1600, _at(24, 10)).added == 0
    assert CounterState.from_dict(CounterState().as_dict()) == CounterState()
