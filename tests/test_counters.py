"""Counters: from readings to increments at moments, for the patterns of real sources.

The patterns are those of `shared/design/real-sources.md`: a late reset (Garmin keeps
yesterday's value until its first sync), yesterday's value repeated, yesterday's total
still growing until ~04:00 (Oura), a source silent for hours, a restart across midnight,
a since-boot counter that drops at a reboot, a lifetime counter, `last_reset` and
`next_reset` (Withings, utility_meter). Days here are calendar days (the engine puts
each increment on the person's awake day; see tests/test_real_sources.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.cramp_guard.const import CounterKind
from custom_components.cramp_guard.counters import (
    LATE_WINDOW,
    MISMATCH_DAYS,
    CounterState,
    Step,
    update_counter,
)

TZ = ZoneInfo("Europe/Berlin")
DAILY, CUMULATIVE = CounterKind.DAILY, CounterKind.CUMULATIVE
PLAUSIBLE = 100_000.0


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ)


def _feed(
    kind: CounterKind,
    readings: list[tuple[datetime, float]],
    state: CounterState | None = None,
    **resets: datetime,
) -> tuple[dict[date, float], list[Step]]:
    """Feed readings; the totals per calendar day of the credited moments."""
    state = state if state is not None else CounterState()
    days: dict[date, float] = defaultdict(float)
    steps = []
    for at, value in readings:
        step = update_counter(state, kind, value, at, plausible_day=PLAUSIBLE, **resets)
        steps.append(step)
        if step.at is not None:
            days[step.at.date()] += step.amount
    return dict(days), steps


def test_daily_counter_counts_the_first_reading_after_setup() -> None:
    """A day total is the day's value from the first reading on."""
    days, steps = _feed(DAILY, [(_at(24, 9), 4200), (_at(24, 10), 5000)])
    assert days == {_at(24, 0).date(): 5000}
    assert [s.amount for s in steps] == [4200, 800]
    assert steps[0].since == _at(24, 0)  # spread from midnight
    assert steps[1].since == _at(24, 9)


def test_a_fall_within_the_day_counts_nothing() -> None:
    """A glitch to 0 (a cloud API), or an account on another time zone resetting an
    hour early: what was counted is kept, only a rise above the peak counts.
    """
    state = CounterState()
    days, steps = _feed(
        DAILY,
        [
            (_at(24, 9), 5000),
            (_at(24, 12), 0),  # a glitch
            (_at(24, 13), 5300),
            (_at(24, 23), 40),  # Fitbit's day on another time zone has begun
            (_at(24, 23, 30), 90),
        ],
        state,
    )
    assert days == {_at(24, 0).date(): 5300}
    assert [s.amount for s in steps] == [5000, 0, 300, 0, 0]
    assert steps[2].since == _at(24, 12)
    assert state.total == 5300


def test_daily_counter_ignores_a_small_correction() -> None:
    """A small fall is a correction; the total counts on from its highest value."""
    days, steps = _feed(
        DAILY, [(_at(24, 9), 8000), (_at(24, 10), 7990), (_at(24, 11), 8100)]
    )
    assert days == {_at(24, 0).date(): 8100}
    assert steps[1].amount == 0
    assert steps[1].since is None  # nothing to spread


def test_midnight_reset() -> None:
    """The usual day: the value falls to zero at the first reading after midnight."""
    days, _ = _feed(
        DAILY, [(_at(24, 23), 12000), (_at(25, 0, 5), 0), (_at(25, 8), 900)]
    )
    assert days == {_at(24, 0).date(): 12000, _at(25, 0).date(): 900}


def test_late_reset_keeps_yesterday_until_the_first_sync() -> None:
    """Garmin repeats yesterday's value after midnight until its first sync."""
    days, steps = _feed(
        DAILY,
        [
            (_at(24, 22), 12000),
            (_at(25, 0, 10), 12000),  # yesterday's value, repeated
            (_at(25, 6), 12000),  # still repeated past the window: unchanged
            (_at(25, 7, 30), 300),  # the first sync of the new day
            (_at(25, 9), 1500),
        ],
    )
    assert days == {_at(24, 0).date(): 12000, _at(25, 0).date(): 1500}
    assert steps[1].at == _at(25, 0) - timedelta(microseconds=1)


def test_yesterday_still_growing_within_the_window() -> None:
    """Oura: yesterday's total grows after midnight until about 04:00."""
    days, _ = _feed(
        DAILY,
        [
            (_at(24, 23), 9000),
            (_at(25, 1), 9400),  # yesterday's late steps
            (_at(25, 3, 30), 9600),
            (_at(25, 4, 10), 120),  # Oura's new day
            (_at(25, 12), 5000),
        ],
    )
    assert days == {_at(24, 0).date(): 9600, _at(25, 0).date(): 5000}


def test_nothing_waits_for_a_reset_past_the_window() -> None:
    """A phone silent overnight reports a higher total in the afternoon: today's."""
    days, _ = _feed(DAILY, [(_at(24, 18), 5000), (_at(25, 15), 8000)])
    assert days == {_at(24, 0).date(): 5000, _at(25, 0).date(): 8000}


def test_a_deep_fall_in_the_window_is_todays() -> None:
    """Within the window, a fall below half is the reset: today's first total."""
    days, _ = _feed(DAILY, [(_at(24, 22), 10000), (_at(25, 2), 4000)])
    assert days == {_at(24, 0).date(): 10000, _at(25, 0).date(): 4000}


def test_a_counter_at_zero_has_nothing_to_fall_from() -> None:
    """A water counter that ended the day at 0: the 01:00 glass is today's."""
    days, _ = _feed(DAILY, [(_at(24, 20), 0), (_at(25, 1), 250)])
    assert days == {_at(24, 0).date(): 0, _at(25, 0).date(): 250}


def test_a_reading_days_later_is_todays_unless_unchanged() -> None:
    """Home Assistant down for two days: a changed value is today's."""
    days, _ = _feed(DAILY, [(_at(23, 20), 7000), (_at(25, 2), 7500)])
    assert days == {_at(23, 0).date(): 7000, _at(25, 0).date(): 7500}
    days, _ = _feed(DAILY, [(_at(23, 20), 7000), (_at(25, 2), 7000)])
    assert days == {_at(23, 0).date(): 7000}


def test_last_reset_of_today_starts_the_day() -> None:
    """Withings: `last_reset` is the start of the local day of the value."""
    state = CounterState()
    _feed(DAILY, [(_at(24, 22), 9000)], state, last_reset=_at(24, 0))
    # A value higher than yesterday's, within the window, but reset today: today's.
    days, _ = _feed(DAILY, [(_at(25, 1), 9500)], state, last_reset=_at(25, 0))
    assert days == {_at(25, 0).date(): 9500}


def test_next_reset_ahead_keeps_the_meters_period() -> None:
    """A daily utility meter with an offset (06:00): before its reset, its old day."""
    state = CounterState()
    resets = {"last_reset": _at(24, 6), "next_reset": _at(25, 6)}
    days, _ = _feed(
        DAILY, [(_at(24, 22), 900), (_at(25, 5, 30), 1000)], state, **resets
    )
    assert days == {_at(24, 0).date(): 1000}
    resets = {"last_reset": _at(25, 6), "next_reset": _at(26, 6)}
    days, _ = _feed(DAILY, [(_at(25, 6, 1), 0), (_at(25, 9), 300)], state, **resets)
    assert days == {_at(25, 0).date(): 300}


def test_a_changed_last_reset_within_the_day_is_a_reset() -> None:
    """A utility meter reset by hand: its `last_reset` moves, the count carries on."""
    state = CounterState()
    _feed(DAILY, [(_at(24, 9), 1000)], state, last_reset=_at(24, 0))
    days, _ = _feed(DAILY, [(_at(24, 10), 800)], state, last_reset=_at(24, 9, 59))
    assert days == {_at(24, 0).date(): 800}
    assert state.total == 1800


def test_cumulative_counter_sums_increments() -> None:
    """A counter since boot contributes its increments; a drop is a reboot."""
    days, steps = _feed(
        CUMULATIVE,
        [
            (_at(24, 8), 100_000),  # first reading after setup: the baseline
            (_at(24, 9), 101_000),
            (_at(24, 10), 500),  # reboot: counts from zero
            (_at(24, 11), 1500),
            (_at(25, 1), 2500),  # a new day counts from the last reading
        ],
    )
    assert [s.amount for s in steps] == [0, 1000, 500, 1000, 1000]
    assert days == {_at(24, 0).date(): 2500, _at(25, 0).date(): 1000}
    assert steps[1].since == _at(24, 8)


def test_lifetime_counter_counts_only_what_it_gains() -> None:
    """HidrateSpark's lifetime water: 37 L on day one is not one day's water."""
    days, _ = _feed(
        CUMULATIVE,
        [(_at(24, 8), 37_000), (_at(24, 12), 37_500), (_at(25, 9), 38_250)],
    )
    assert days == {_at(24, 0).date(): 500, _at(25, 0).date(): 750}


def test_implausible_daily_value_counts_nothing_and_says_so() -> None:
    """A "daily" counter far above any plausible day is not a day total."""
    state = CounterState()
    days, steps = _feed(DAILY, [(_at(24, 8), 250_000)], state)
    assert days == {}
    assert steps[0].suggest is CUMULATIVE
    # Also once it has counted before.
    _feed(DAILY, [(_at(24, 9), 3000)], state)
    days, steps = _feed(DAILY, [(_at(24, 10), 260_000)], state)
    assert days == {}
    assert steps[0].suggest is CUMULATIVE


def test_daily_counter_that_never_falls_suggests_cumulative() -> None:
    """Three new days in a row without a fall: it keeps counting."""
    readings = [(_at(20 + n, 15), 5000.0 * (n + 1)) for n in range(MISMATCH_DAYS + 1)]
    _, steps = _feed(DAILY, readings)
    assert [s.suggest for s in steps] == [None] * MISMATCH_DAYS + [CUMULATIVE]


def test_cumulative_counter_that_falls_every_midnight_suggests_daily() -> None:
    """A day total chosen as "keeps counting": it falls to ~0 after every midnight."""
    readings = []
    for n in range(MISMATCH_DAYS + 1):
        readings += [(_at(20 + n, 0, 10), 0.0), (_at(20 + n, 20), 9000.0)]
    _, steps = _feed(CUMULATIVE, readings)
    suggestions = [s.suggest for s in steps]
    assert suggestions[: 2 * MISMATCH_DAYS - 1] == [None] * (2 * MISMATCH_DAYS - 1)
    assert suggestions[-1] is DAILY
    # A day without the fall starts the count again.
    state = CounterState()
    _feed(CUMULATIVE, readings[:4], state)
    _feed(CUMULATIVE, [(_at(22, 10), 9500.0)], state)
    assert state.odd_days == 0


def test_a_new_kind_starts_the_counter_over() -> None:
    """After a kind change, the first reading is the first one again."""
    state = CounterState()
    _feed(DAILY, [(_at(24, 9), 4000)], state)
    days, steps = _feed(CUMULATIVE, [(_at(24, 10), 4500), (_at(24, 11), 4700)], state)
    assert days == {_at(24, 0).date(): 200}
    assert state.kind is CUMULATIVE


def test_late_window_is_about_four_hours() -> None:
    """The window covers Oura's day (ends ~04:00) and not much more."""
    assert timedelta(hours=4) <= LATE_WINDOW <= timedelta(hours=5)


@pytest.mark.parametrize("kind", list(CounterKind))
def test_state_survives_a_restart(kind: CounterKind) -> None:
    """Nothing is counted twice when the same reading comes back after a restart."""
    state = CounterState()
    _feed(kind, [(_at(24, 8), 1000), (_at(24, 9), 1600)], state)
    restored = CounterState.from_dict(state.as_dict())
    assert restored == state
    days, _ = _feed(kind, [(_at(24, 10), 1600)], restored)
    assert sum(days.values()) == 0
    assert CounterState.from_dict(CounterState().as_dict()) == CounterState()


def test_restart_across_midnight() -> None:
    """Down from 23:50 to 00:40: the restored value is yesterday's, then it resets."""
    state = CounterState()
    _feed(DAILY, [(_at(24, 23, 45), 11000)], state)
    restored = CounterState.from_dict(state.as_dict())
    days, _ = _feed(
        DAILY,
        [(_at(25, 0, 40), 11000), (_at(25, 0, 45), 0), (_at(25, 9), 700)],
        restored,
    )
    assert days == {_at(24, 0).date(): 0, _at(25, 0).date(): 700}


def test_a_state_saved_before_kinds_were_kept_starts_over() -> None:
    """Counter states of the first version (no kind) are read as new."""
    old = {"day": "2026-11-24", "last": 500.0, "total": 500.0, "carried": 0.0}
    assert CounterState.from_dict(old) == CounterState()
