"""Freshness (freshness.py): awake time, the usual gap, and the real sources' days.

The day patterns are those of `shared/design/real-sources.md`, played minute by minute
the way Home Assistant keeps a state's moments (`last_changed` moves with the value,
`last_reported` with every write, the same value written again included), and looked
at the way the engine does: every 10 minutes while awake, every 30 in the sleep
window. None is stale at its normal cadence; a phone left in a drawer is, until it
syncs again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
import os
import random
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.cramp_guard.freshness import (
    KEEP_GAPS,
    LEARN_FIRST,
    MARGIN,
    MIN_USUAL_GAP,
    Freshness,
    awake_seconds,
    usual_gap,
)

TZ = ZoneInfo("Europe/Berlin")
WAKE, BED = time(7), time(22)
D1 = date(2026, 6, 15)  # a Monday
HOUR = 3600.0
EXAMPLES = int(os.environ.get("CG_EXAMPLES", "300"))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), TZ)


def test_awake_time_leaves_the_night_out() -> None:
    """From 21:00 to 08:00 the next day: an hour before bed and one after waking."""
    assert awake_seconds(_at(D1, 21), _at(D1 + timedelta(days=1), 8), WAKE, BED) == (
        2 * HOUR
    )
    assert awake_seconds(_at(D1, 9), _at(D1, 11, 30), WAKE, BED) == 2.5 * HOUR
    assert awake_seconds(_at(D1, 23), _at(D1 + timedelta(days=1), 6), WAKE, BED) == 0
    assert awake_seconds(_at(D1, 11), _at(D1, 9), WAKE, BED) == 0  # backwards
    # Three days: three awake days of 15 h, less the morning's first hour and the
    # last evening's hour.
    assert awake_seconds(_at(D1, 8), _at(D1 + timedelta(days=2), 21), WAKE, BED) == (
        43 * HOUR
    )


def test_awake_time_with_a_bedtime_after_midnight() -> None:
    """Bed at 01:00: 23:00 to 02:00 holds two awake hours."""
    bed = time(1)
    start, end = _at(D1, 23), _at(D1 + timedelta(days=1), 2)
    assert awake_seconds(start, end, WAKE, bed) == 2 * HOUR


def test_awake_time_across_daylight_saving() -> None:
    """The night clocks go forward (29 March 2026) changes nothing awake."""
    sat = date(2026, 3, 28)
    assert awake_seconds(_at(sat, 21), _at(sat + timedelta(days=1), 8), WAKE, BED) == (
        2 * HOUR
    )


# Three weeks around a change of the clocks (awake time is counted 30 days back).
MOMENTS = st.datetimes(
    min_value=datetime(2026, 3, 20), max_value=datetime(2026, 4, 8)
).map(lambda moment: moment.replace(tzinfo=TZ))


@settings(max_examples=EXAMPLES, deadline=None)
@given(MOMENTS, MOMENTS, MOMENTS)
def test_awake_time_adds_up(a: datetime, b: datetime, c: datetime) -> None:
    """Between three moments in order the parts add up, and awake time never exceeds
    the time between them."""
    a, b, c = sorted((a, b, c))
    whole = awake_seconds(a, c, WAKE, BED)
    assert whole == pytest.approx(
        awake_seconds(a, b, WAKE, BED) + awake_seconds(b, c, WAKE, BED), abs=1e-6
    )
    assert 0 <= whole <= (c - a).total_seconds() + 1e-6


def test_usual_gap_is_learnt_first() -> None:
    """Nothing before LEARN_FIRST of awake time; then at least MIN_USUAL_GAP."""
    short = [600.0] * int(LEARN_FIRST.total_seconds() // 600 - 1)
    assert usual_gap(short) is None
    assert usual_gap([*short, 600.0]) == MIN_USUAL_GAP.total_seconds()
    # A counter that changes every minute keeps KEEP_GAPS minutes (under LEARN_FIRST):
    # that many changes are its pace, learnt.
    busy = [60.0] * KEEP_GAPS
    assert sum(busy) < LEARN_FIRST.total_seconds()
    assert usual_gap(busy[1:]) is None
    assert usual_gap(busy) == MIN_USUAL_GAP.total_seconds()


def test_usual_gap_weighs_gaps_by_their_length() -> None:
    """Ninety 10-minute gaps and one 2-hour desk a day: the desk is 12 % of the
    time, and the usual gap is 2 h, half as long again: 3 h (counted by gaps it
    would be 10 minutes)."""
    day = [600.0] * 90 + [7200.0]
    assert usual_gap(day * 3) == 3 * HOUR
    # One longer silence in a week of ordinary days is not usual.
    week = day * 6 + [4 * HOUR]
    assert usual_gap(week) == 3 * HOUR


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.floats(min_value=1.0, max_value=20 * HOUR), min_size=1))
def test_usual_gap_bounds(gaps: list[float]) -> None:
    """The usual gap is one of the gaps or the floor, and never below the floor."""
    usual = usual_gap(gaps)
    if usual is None:
        assert sum(gaps) < LEARN_FIRST.total_seconds()
        assert len(gaps) < KEEP_GAPS
        return
    assert usual >= MIN_USUAL_GAP.total_seconds()
    assert usual == MIN_USUAL_GAP.total_seconds() or any(
        usual == pytest.approx(MARGIN * gap) for gap in gaps
    )


def test_a_restart_is_no_change_and_no_sync() -> None:
    """Kept across a restart: the same value written again at the start moves
    neither moment; a value that changed while down is taken, no gap learnt."""
    fresh = Freshness(value=500.0, changed=_at(D1, 9), reported=_at(D1, 9, 30))
    fresh.gaps = [900.0] * 60
    kept = Freshness.from_dict(fresh.as_dict())
    assert kept == fresh
    boot = _at(D1, 12)
    assert not kept.observe(500.0, boot, boot, WAKE, BED)
    assert (kept.changed, kept.reported) == (_at(D1, 9), _at(D1, 9, 30))
    assert kept.stale(_at(D1, 12), WAKE, BED)
    # Later looks: still the boot's moments, nothing new.
    assert not kept.observe(500.0, boot, boot, WAKE, BED)
    assert kept.reported == _at(D1, 9, 30)
    # A sync of the same value (Home Assistant's last_reported) is news.
    kept.observe(500.0, boot, _at(D1, 12, 10), WAKE, BED)
    assert kept.reported == _at(D1, 12, 10)
    assert not kept.stale(_at(D1, 12, 20), WAKE, BED)

    moved = Freshness.from_dict(fresh.as_dict())
    assert not moved.observe(800.0, boot, boot, WAKE, BED)
    assert (moved.value, moved.changed, moved.gaps) == (800.0, boot, fresh.gaps)


def test_the_first_look_seeds_from_the_state() -> None:
    """Nothing kept: the state's last_changed and last_reported are taken."""
    fresh = Freshness()
    assert not fresh.observe(10.0, _at(D1, 8), _at(D1, 9), WAKE, BED)
    assert (fresh.changed, fresh.reported) == (_at(D1, 8), _at(D1, 9))
    assert fresh.usual is None
    assert fresh.silent(_at(D1, 10), WAKE, BED) == HOUR
    assert Freshness().silent(_at(D1, 10), WAKE, BED) is None
    assert not fresh.stale(_at(D1, 21), WAKE, BED)  # nothing learnt yet


@pytest.mark.parametrize(
    "data",
    [None, [], "x", {"value": "x", "changed": 3, "reported": "no", "gaps": "y"}],
)
def test_garbage_kept_starts_over(data: object) -> None:
    """Whatever cannot be used is dropped, field by field."""
    assert Freshness.from_dict(data) == Freshness()


def test_kept_gaps_are_bounded() -> None:
    """About a week of awake time, and bad gaps dropped."""
    fresh = Freshness.from_dict(
        {"value": 1, "changed": _at(D1, 8).isoformat(), "gaps": [0, -1, 60.0, "x"]}
    )
    assert fresh.gaps == [60.0]
    for minute in range(1, 2000):
        fresh.observe(
            float(minute),
            _at(D1, 8) + timedelta(minutes=minute),
            _at(D1, 8) + timedelta(minutes=minute),
            time(0),
            time(23, 59),
        )
    assert len(fresh.gaps) <= 400


# -- the real sources' days -----------------------------------------------------------


@dataclass
class Entity:
    """A source's state as Home Assistant keeps its moments."""

    value: float = 0.0
    changed: datetime = field(default_factory=lambda: _at(D1, 0))
    reported: datetime = field(default_factory=lambda: _at(D1, 0))

    def write(self, value: float, at: datetime) -> None:
        """A state written (a poll or a push): the same value only reports."""
        if value != self.value:
            self.value, self.changed = value, at
        self.reported = at


# A pattern: for each minute of a day, the value written then (None: nothing).
Pattern = Callable[[date, int, random.Random], Iterator[tuple[int, float]]]


def _walking(rng: random.Random) -> list[float]:
    """A day's steps per minute: a morning walk, errands, a desk from 14:00 to
    16:00 (no steps), an evening walk; none before 07:30 or after 22:00."""
    minutes = [0.0] * 1440
    for minute in range(7 * 60 + 30, 22 * 60):
        if 14 * 60 <= minute < 16 * 60:
            continue
        minutes[minute] = rng.choice((0.0, 0.0, 5.0, 20.0, 60.0))
    return minutes


def _daily(values: list[float]) -> list[float]:
    """Running day totals of per-minute steps."""
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def fitbit(day: date, drawer: bool, rng: random.Random) -> Iterator[tuple[int, float]]:
    """Polled every 30 minutes, day and night; the day's value (0 after midnight)."""
    totals = _daily(_walking(rng))
    for minute in range(0, 1440, 30):
        if drawer and 9 * 60 <= minute < 17 * 60:
            continue  # the tracker off the wrist and out of reach: no sync
        yield minute, totals[minute]


def health_connect(
    day: date, drawer: bool, rng: random.Random
) -> Iterator[tuple[int, float]]:
    """Every 15 minutes while the phone is awake, sent only when it changed; the
    watch's batches arrive late (jumps every 45-60 minutes); silent at night
    (23:00 to 08:00, battery saver)."""
    totals = _daily(_walking(rng))
    batch = 0
    for minute in range(8 * 60, 23 * 60, 15):
        if drawer and 9 * 60 <= minute < 17 * 60:
            continue
        if minute >= batch:  # a batch synced: the value up to now
            batch = minute + rng.choice((45, 60))
            yield minute, totals[minute]


def garmin(day: date, drawer: bool, rng: random.Random) -> Iterator[tuple[int, float]]:
    """5-minute scans all day; after midnight yesterday's value until the first
    sync (about 07:30); total_increasing."""
    totals = _daily(_walking(rng))
    for minute in range(0, 1440, 5):
        if drawer and 9 * 60 <= minute < 17 * 60:
            continue
        if minute < 7 * 60 + 30:
            continue  # yesterday's value repeated: nothing written that changes
        yield minute, totals[minute]


def withings(
    day: date, drawer: bool, rng: random.Random
) -> Iterator[tuple[int, float]]:
    """A 10-minute poll of today's steps (the state's moments move only with a new
    value: a poll writes the state, the coordinator does)."""
    totals = _daily(_walking(rng))
    for minute in range(7 * 60, 1440, 10):
        if drawer and 9 * 60 <= minute < 17 * 60:
            continue
        yield minute, totals[minute]


def water_helper(
    day: date, drawer: bool, rng: random.Random
) -> Iterator[tuple[int, float]]:
    """An input_number raised by an automation at each drink: 8-10 drinks from
    07:30 to 21:30, 1-2.5 hours apart."""
    minute, total = 7 * 60 + 30, 0.0
    while minute < 21 * 60 + 30:
        if not (drawer and 9 * 60 <= minute < 17 * 60):
            total += 250
            yield minute, total
        minute += rng.randrange(60, 150, 10)


PATTERNS = {
    "fitbit": fitbit,
    "health_connect": health_connect,
    "garmin": garmin,
    "withings": withings,
    "water_helper": water_helper,
}


def play(
    pattern: Callable[[date, bool, random.Random], Iterator[tuple[int, float]]],
    days: int,
    drawer_day: int | None = None,
    seed: int = 1,
) -> tuple[Freshness, dict[datetime, bool], list[datetime]]:
    """Play `days` days of a pattern, looked at as the engine looks (every 10
    minutes awake, 30 asleep); whether each look found it stale, and the moments
    of the writes."""
    rng = random.Random(seed)
    entity, fresh = Entity(), Freshness()
    looks: dict[datetime, bool] = {}
    written: list[datetime] = []
    for n in range(days):
        day = D1 + timedelta(days=n)
        writes = dict(pattern(day, n == drawer_day, rng))
        for minute in range(1440):
            at = datetime.combine(day, time(), TZ) + timedelta(minutes=minute)
            if minute in writes:
                entity.write(writes[minute], at)
                written.append(at)
            awake = WAKE <= at.time() < BED
            if minute % (10 if awake else 30) == 0:
                fresh.observe(entity.value, entity.changed, entity.reported, WAKE, BED)
                looks[at] = fresh.stale(at, WAKE, BED)
    return fresh, looks, written


@pytest.mark.parametrize("name", PATTERNS)
def test_no_real_source_is_stale_at_its_cadence(name: str) -> None:
    """Two weeks of each source's ordinary days: never stale, once learnt."""
    fresh, looks, _written = play(PATTERNS[name], 14)
    assert fresh.usual is not None
    assert fresh.usual >= MIN_USUAL_GAP.total_seconds()
    stale = [at.isoformat() for at, is_stale in looks.items() if is_stale]
    assert stale == []


@pytest.mark.parametrize("name", ["health_connect", "water_helper", "fitbit"])
def test_a_phone_in_a_drawer_is_stale_until_it_syncs(name: str) -> None:
    """A day out of reach from 09:00 to 17:00, after a week: stale for hours in
    between, fresh again at its first sync after 17:00; fresh the next day."""
    drawer = D1 + timedelta(days=8)
    _fresh, looks, written = play(PATTERNS[name], 10, drawer_day=8)
    stale = sorted(at for at, is_stale in looks.items() if is_stale)
    back = next(at for at in written if at >= _at(drawer, 17))
    assert stale
    assert all(drawer == at.date() for at in stale)
    assert stale[0] <= _at(drawer, 13)
    assert _at(drawer, 15) in stale
    assert stale[-1] < back <= stale[-1] + timedelta(minutes=10)


def test_unchanged_but_reporting_is_fresh() -> None:
    """A poll that writes the same value (Fitbit at a desk) keeps it fresh."""
    fresh = Freshness()
    fresh.gaps = [600.0] * 100
    entity = Entity(value=100.0, changed=_at(D1, 8), reported=_at(D1, 8))
    fresh.observe(entity.value, entity.changed, entity.reported, WAKE, BED)
    for minute in range(30, 300, 30):
        at = _at(D1, 8) + timedelta(minutes=minute)
        entity.write(100.0, at)
        fresh.observe(entity.value, entity.changed, entity.reported, WAKE, BED)
        assert not fresh.stale(at + timedelta(minutes=5), WAKE, BED)
    assert fresh.changed == _at(D1, 8)
    assert fresh.stale(_at(D1, 14), WAKE, BED)


def test_moments_are_compared_in_real_time() -> None:
    """UTC moments from Home Assistant and local ones compare alike."""
    fresh = Freshness()
    fresh.observe(1.0, datetime(2026, 6, 15, 6, tzinfo=UTC), _at(D1, 8), WAKE, BED)
    assert fresh.silent(_at(D1, 9), WAKE, BED) == HOUR


def test_awake_time_is_counted_a_month_back_at_most() -> None:
    """A silence of two months counts as 31 awake days (it is long either way)."""
    start, end = _at(D1, 8), _at(D1 + timedelta(days=60), 8)
    assert awake_seconds(start, end, WAKE, BED) == 31 * 15 * HOUR - 14 * HOUR


def test_a_moment_before_the_one_kept_is_no_change() -> None:
    """A state whose last_changed moves, but to before the change kept (a clock put
    back), teaches nothing and keeps the later moment."""
    fresh = Freshness(value=1.0, changed=_at(D1, 12), reported=_at(D1, 12))
    fresh.observe(2.0, _at(D1, 9), _at(D1, 9), WAKE, BED)  # the first look: taken
    assert fresh.changed == _at(D1, 12)
    assert not fresh.observe(3.0, _at(D1, 10), _at(D1, 10), WAKE, BED)
    assert (fresh.value, fresh.changed, fresh.gaps) == (3.0, _at(D1, 12), [])
