"""Learning from the person: `evaluate` and `personal_weights` (personal.md sections
2-4), worked out by hand, plus properties on random histories."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import FrozenInstanceError, fields
from datetime import UTC, datetime, timedelta, timezone, tzinfo
import math
import random
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.cramp_guard.risk import (
    FACTOR_KEYS,
    LEVEL_NAMES,
    WEIGHTS,
    Evaluation,
    LevelRow,
    PersonalWeights,
    Sample,
    evaluate,
    personal_weights,
)
from custom_components.cramp_guard.risk.samples import events as timeline_events

from .test_risk_properties import any_moment, weird_numbers

TZ = ZoneInfo("Europe/Berlin")
KOLKATA = ZoneInfo("Asia/Kolkata")
NEW_YORK = ZoneInfo("America/New_York")
DAY0 = datetime(2025, 6, 2, tzinfo=TZ)  # June: no clock change in the fortnight
Subs = dict[str, float | None]


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure engine tests: no Home Assistant instance needed."""


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A local (Berlin) moment `day` days after DAY0."""
    return DAY0 + timedelta(days=day, hours=hour, minutes=minute)


def hourly(
    days: int,
    score: Callable[[int, int], int],
    subs: Callable[[int, int], Subs] = lambda day, hour: {},
    skip: Sequence[tuple[int, int]] = (),
) -> list[Sample]:
    """One sample at the start of every hour of `days` days, but the skipped ones."""
    return [
        Sample(at(day, hour), score(day, hour), subs(day, hour))
        for day in range(days)
        for hour in range(24)
        if (day, hour) not in skip
    ]


# --- the interface -----------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "names"),
    [
        (Sample, ["start", "score", "subs"]),
        (
            PersonalWeights,
            ["multipliers", "weights", "events", "tracked_days", "active"],
        ),
        (
            Evaluation,
            [
                "by_level",
                "matched",
                "high_share_events",
                "high_share_time",
                "lift",
                "tracked_days",
                "ready",
            ],
        ),
        (LevelRow, ["hours", "events", "per_100_hours"]),
    ],
)
def test_frozen_slotted_dataclasses_with_the_spec_fields(
    cls: type, names: list[str]
) -> None:
    assert [field.name for field in fields(cls)] == names
    assert "__slots__" in vars(cls)
    value = cls(*range(len(names)))
    with pytest.raises(FrozenInstanceError):
        setattr(value, names[0], 1)


# --- evaluate, by hand ----------------------------------------------------------


def fortnight_score(day: int, hour: int) -> int:
    """Each day: 15:00 and 16:00 high (55), 17:00 very high (80), 09:00 moderate
    (30), the other 20 hours low (10)."""
    return {15: 55, 16: 55, 17: 80, 9: 30}.get(hour, 10)


# Day 3 has no samples at 18:00 and 19:00: 22 samples that day, 334 in all.
FORTNIGHT = hourly(14, fortnight_score, skip=[(3, 18), (3, 19)])
CRAMPS = [
    at(0, 18, 30),  # reference: 17:00 (latest start <= 17:30, > 15:30) very high
    at(1, 18, 0),  # 17:00 = t - 60 min exactly: very high
    at(2, 17, 59),  # 16:00 (<= 16:59): high
    at(3, 20, 0),  # latest <= 19:00 is 17:00 = t - 180 min: not after it, unmatched
    at(4, 10, 30),  # 09:00: moderate ...
    at(4, 10, 45),  # ... the same clock hour: one event
    at(5, 12, 10),  # 11:00: low
    at(-1, 12, 0),  # before the first sample: unmatched
]


def test_evaluate_by_hand() -> None:
    result = evaluate(FORTNIGHT, CRAMPS)
    assert list(result.by_level) == ["low", "moderate", "high", "very_high"]
    assert result.by_level == {
        "low": LevelRow(hours=278, events=1, per_100_hours=pytest.approx(100 / 278)),
        "moderate": LevelRow(hours=14, events=1, per_100_hours=pytest.approx(100 / 14)),
        "high": LevelRow(hours=28, events=1, per_100_hours=pytest.approx(100 / 28)),
        "very_high": LevelRow(
            hours=14, events=2, per_100_hours=pytest.approx(200 / 14)
        ),
    }
    assert result.matched == 5
    assert result.high_share_events == pytest.approx(3 / 5)
    assert result.high_share_time == pytest.approx(42 / 334)
    assert result.lift == pytest.approx((3 / 5) / (42 / 334))
    assert result.tracked_days == 14
    assert result.ready is True


def test_evaluate_ignores_order_duplicates_and_zones() -> None:
    """Shuffled samples, events repeated and written in other zones: the same."""
    samples = list(FORTNIGHT)
    random.Random(4).shuffle(samples)
    cramps = [*CRAMPS, CRAMPS[0].astimezone(UTC), CRAMPS[1].astimezone(NEW_YORK)]
    random.Random(5).shuffle(cramps)
    assert evaluate(samples, cramps) == evaluate(FORTNIGHT, CRAMPS)


@pytest.mark.parametrize(
    ("days", "cramps", "ready"),
    [
        (14, CRAMPS, True),
        (13, CRAMPS, False),  # 13 tracked days
        (14, CRAMPS[:-2], False),  # 4 matched events
    ],
)
def test_ready_needs_5_matched_events_and_14_tracked_days(
    days: int, cramps: list[datetime], ready: bool
) -> None:
    samples = hourly(days, fortnight_score, skip=[(3, 18), (3, 19)])
    assert evaluate(samples, cramps).ready is ready


def test_a_tracked_day_has_12_samples() -> None:
    """Day 0 keeps 12 samples, day 1 only 11."""
    skip = [(0, h) for h in range(12)] + [(1, h) for h in range(13)]
    result = evaluate(hourly(3, fortnight_score, skip=skip), [])
    assert result.tracked_days == 2


def test_the_local_day_is_the_samples_own() -> None:
    """12 hours from 12:00 UTC: one UTC day, but 14:00-01:00 in Berlin (10 + 2)."""
    starts = [
        datetime(2025, 6, 2, 12, tzinfo=UTC) + timedelta(hours=h) for h in range(12)
    ]
    in_utc = [Sample(start, 10, {}) for start in starts]
    in_berlin = [Sample(start.astimezone(TZ), 10, {}) for start in starts]
    assert evaluate(in_utc, []).tracked_days == 1
    assert evaluate(in_berlin, []).tracked_days == 0
    assert personal_weights(in_berlin, []).tracked_days == 0


def test_one_event_per_clock_hour_of_its_own_zone() -> None:
    """18:00 and 18:40 in Berlin are one event; written 16:40 UTC it is the same
    hour. In Kolkata (UTC+05:30) 18:40 Berlin is 22:10, another clock hour than
    21:30 (18:00 Berlin): two events."""
    samples = hourly(1, fortnight_score)
    second = at(0, 18, 40)
    assert evaluate(samples, [at(0, 18), second]).matched == 1
    assert evaluate(samples, [at(0, 18), second.astimezone(UTC)]).matched == 1
    assert evaluate(samples, [at(0, 18), second.astimezone(KOLKATA)]).matched == 2
    assert timeline_events([second, at(0, 18, 59), at(0, 18, 10)]) == [
        timeline_events([at(0, 18, 10)])[0]
    ]  # the earliest cramp of the hour


def test_equal_starts_the_one_given_last_is_the_reference() -> None:
    samples = [Sample(at(0, 17), 80, {}), Sample(at(0, 17), 10, {})]
    assert evaluate(samples, [at(0, 18)]).by_level["low"].events == 1
    assert evaluate(samples[::-1], [at(0, 18)]).by_level["very_high"].events == 1


def test_naive_moments_read_as_utc() -> None:
    aware = [
        Sample(at(0, h).astimezone(UTC), fortnight_score(0, h), {}) for h in range(24)
    ]
    naive = [Sample(s.start.replace(tzinfo=None), s.score, {}) for s in aware]
    cramp = at(0, 18, 30).astimezone(UTC)
    assert evaluate(naive, [cramp.replace(tzinfo=None)]) == evaluate(aware, [cramp])
    assert evaluate(naive, [cramp]) == evaluate(aware, [cramp])  # mixed: UTC too


class Broken(tzinfo):
    """A tzinfo whose offset is out of range: Python refuses to use it."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=30)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)


def test_a_moment_whose_zone_fails_is_left_out() -> None:
    broken = datetime(2025, 6, 2, 17, tzinfo=Broken())
    with pytest.raises(ValueError, match="strictly between"):
        broken.utcoffset()
    samples = [Sample(broken, 80, {}), Sample(at(0, 17), 10, {})]
    result = evaluate(samples, [broken + timedelta(hours=1), at(0, 18)])
    assert result.by_level["low"] == LevelRow(hours=1, events=1, per_100_hours=100.0)
    assert result.by_level["very_high"].hours == 0


@pytest.mark.parametrize(
    ("score", "cramps", "events_share", "time_share"),
    [
        (lambda d, h: 10, [at(0, 18)], 0.0, 0.0),  # never high: no lift
        (lambda d, h: 60, [at(0, 18)], 1.0, 1.0),  # always high: lift 1
        (lambda d, h: 60 if h == 5 else 10, [at(0, 18)], 0.0, 1 / 24),
        (lambda d, h: 60, [], None, 1.0),  # no events
        (lambda d, h: 60, [at(0, 0, 30)], None, 1.0),  # no reference sample
    ],
)
def test_lift_is_none_when_a_share_is_none_or_zero(
    score: Callable[[int, int], int],
    cramps: list[datetime],
    events_share: float | None,
    time_share: float,
) -> None:
    result = evaluate(hourly(1, score), cramps)
    assert result.high_share_events == events_share
    assert result.high_share_time == pytest.approx(time_share)
    expected = events_share / time_share if events_share and time_share else None
    assert result.lift == expected
    assert (result.lift is None) == (expected is None)


def test_evaluate_of_nothing() -> None:
    result = evaluate([], [])
    empty = LevelRow(hours=0, events=0, per_100_hours=None)
    assert result == Evaluation(
        by_level=dict.fromkeys(LEVEL_NAMES, empty),
        matched=0,
        high_share_events=None,
        high_share_time=None,
        lift=None,
        tracked_days=0,
        ready=False,
    )


def test_scores_are_rounded_and_clamped_unusable_samples_left_out() -> None:
    samples: list[Any] = [
        Sample(at(0, 1), 49.5, {}),  # 50: high
        Sample(at(0, 2), 150, {}),  # 100: very high
        Sample(at(0, 3), -3, {}),  # 0: low
        Sample(at(0, 4), math.nan, {}),
        Sample(at(0, 5), None, {}),  # type: ignore[arg-type]
        Sample("today", 10, {}),  # type: ignore[arg-type]
        "a sample",
        None,
    ]
    result = evaluate(samples, [at(0, 3), "a cramp", None, 5])
    assert {level: row.hours for level, row in result.by_level.items()} == {
        "low": 1,
        "moderate": 0,
        "high": 1,
        "very_high": 1,
    }
    assert result.by_level["very_high"].events == 1  # 03:00: reference 02:00


# --- personal weights, by hand -------------------------------------------------


def heat_history(
    days: int, event_days: int, hot_hours: Sequence[int] = (15, 16, 17)
) -> Callable[[int, int], Subs]:
    """Heat 0.8 at the hot hours of the event days, else 0.2; workload 0.5 always;
    exertion unavailable at those hours (only controls have it); no hydration;
    stretch 0 there and 1 elsewhere; timing 1 there and 0 elsewhere."""

    def subs(day: int, hour: int) -> Subs:
        hot = day < event_days and hour in hot_hours
        return {
            "workload": 0.5,
            "exertion": None if hot else 0.7,
            "heat": 0.8 if hot else 0.2,
            "stretch": 0.0 if hot else 1.0,
            "timing": 1.0 if hot else 0.0,
        }

    return subs


def scaled(multipliers: dict[str, float]) -> dict[str, float]:
    total = sum(WEIGHTS[k] * m for k, m in multipliers.items())
    return {k: WEIGHTS[k] * m / total for k, m in multipliers.items()}


def test_personal_weights_by_hand() -> None:
    """Events at 18:00 on days 0-4: hazard samples 15:00-17:00 (t - 180 min
    included, t excluded), 15 of them; n = 5, shrinkage 5 / 15.
    heat: a 0.8, b 0.2, r = 0.85 / 0.25 = 3.4, 3.4 ** (1/3) = 1.5037 -> 1.50;
    timing: r = 1.05 / 0.05 = 21 -> 2.76 -> 2.0; stretch: r = 0.05 / 1.05 -> 0.36
    -> 0.5; workload r = 1; exertion (no hazard value) and hydration (none): 1."""
    samples = hourly(14, lambda d, h: 10, heat_history(14, 5))
    result = personal_weights(samples, [at(day, 18) for day in range(5)])
    multipliers = {
        "workload": 1.0,
        "exertion": 1.0,
        "heat": 1.5,
        "hydration": 1.0,
        "stretch": 0.5,
        "timing": 2.0,
    }
    assert result.multipliers == multipliers
    assert list(result.multipliers) == list(FACTOR_KEYS)
    # sum(w m) = 0.25 + 0.30 + 0.225 + 0.15 + 0.025 + 0.20 = 1.15
    assert result.weights == pytest.approx(
        {
            "workload": 0.25 / 1.15,
            "exertion": 0.30 / 1.15,
            "heat": 0.225 / 1.15,
            "hydration": 0.15 / 1.15,
            "stretch": 0.025 / 1.15,
            "timing": 0.20 / 1.15,
        }
    )
    assert math.fsum(result.weights.values()) == pytest.approx(1.0, abs=1e-12)
    assert (result.events, result.tracked_days, result.active) == (5, 14, True)


@pytest.mark.parametrize(
    ("events", "heat"),
    [
        (5, 1.5),  # 3.4 ** (5/15) = 1.5037
        (10, 1.84),  # 3.4 ** (10/20) = 1.8439
        (14, 2.0),  # 3.4 ** (14/24) = 2.0418: at most 2
    ],
)
def test_shrinkage_grows_with_the_events(events: int, heat: float) -> None:
    samples = hourly(14, lambda d, h: 10, heat_history(14, events))
    result = personal_weights(samples, [at(day, 18) for day in range(events)])
    r = 0.85 / 0.25
    assert result.multipliers["heat"] == round(min(2, r ** (events / (events + 10))), 2)
    assert result.multipliers["heat"] == heat


def test_hazard_window_edges() -> None:
    """Heat 0.2 at 14:00 and 18:00 of the event days: moving either edge changes
    m_heat. Events at 18:00 give 1.50 (above); were 18:00 (= t) inside, a = 0.65,
    r = 2.8 -> 1.41; were 15:00 (= t - 180 min) outside, b = 67.2 / 321, r = 3.28
    -> 1.49. Events at 18:01: the window 15:01-18:01 holds 16:00, 17:00 and 18:00,
    a = 1.8 / 3 = 0.6, b = 67.2 / 321: r = 0.65 / 0.2593 = 2.506 -> 1.36."""
    samples = hourly(14, lambda d, h: 10, heat_history(14, 5))
    result = personal_weights(samples, [at(day, 18) for day in range(5)])
    assert result.multipliers["heat"] == 1.5
    late = personal_weights(samples, [at(day, 18, 1) for day in range(5)])
    assert late.multipliers["heat"] == 1.36


def test_a_sample_in_two_windows_counts_once() -> None:
    """Events at 18:00 and 19:00 on days 0-4 (n = 10); heat 0.8 at 15-17, 0.0 at
    18:00 of those days, 0.2 elsewhere. Pooled hazard 15:00-18:00: a = 12 / 20 =
    0.6, r = 0.65 / 0.25 = 2.6, sqrt -> 1.61 (counting 16:00 and 17:00 twice would
    give a = 0.667 and 1.69)."""
    base = heat_history(14, 5)

    def subs(day: int, hour: int) -> Subs:
        cool = day < 5 and hour == 18
        return {**base(day, hour), "heat": 0.0} if cool else base(day, hour)

    samples = hourly(14, lambda d, h: 10, subs)
    cramps = [at(day, hour) for day in range(5) for hour in (18, 19)]
    result = personal_weights(samples, cramps)
    assert result.events == 10
    assert result.multipliers["heat"] == 1.61


def test_cramps_in_one_clock_hour_are_one_event_at_the_first() -> None:
    """A second cramp at 18:40 each day changes nothing: n stays 5 and the window
    is the first cramp's."""
    samples = hourly(14, lambda d, h: 10, heat_history(14, 5))
    cramps = [at(day, 18) for day in range(5)]
    doubled = [at(day, 18, 40) for day in range(5)] + cramps + cramps
    assert personal_weights(samples, doubled) == personal_weights(samples, cramps)
    assert personal_weights(samples, doubled).events == 5


@pytest.mark.parametrize(
    ("days", "cramps", "events", "tracked"),
    [
        (14, [at(day, 18) for day in range(4)], 4, 14),  # 4 events
        (13, [at(day, 18) for day in range(5)], 5, 13),  # 13 tracked days
        (14, [], 0, 14),  # no events
        (14, [at(-1, 18), at(30, 18)], 0, 14),  # no hazard sample
        (0, [at(day, 18) for day in range(5)], 0, 0),  # no samples
    ],
)
def test_calibrating_every_multiplier_is_1(
    days: int, cramps: list[datetime], events: int, tracked: int
) -> None:
    samples = hourly(days, lambda d, h: 10, heat_history(days, 5))
    result = personal_weights(samples, cramps)
    assert result.active is False
    assert result.multipliers == dict.fromkeys(FACTOR_KEYS, 1.0)
    assert result.weights == WEIGHTS
    assert (result.events, result.tracked_days) == (events, tracked)


def test_sub_scores_missing_none_nan_or_odd() -> None:
    """Unusable sub-scores are unavailable; others are clamped to 0..1."""

    def subs(day: int, hour: int) -> Any:
        hot = day < 5 and hour in (15, 16, 17)
        return {
            "workload": math.nan,
            "exertion": "high",
            "heat": 7.0 if hot else -1.0,  # 1 and 0: r = 1.05 / 0.05 = 21
            "hydration": None,
            "timing": 10**400 if hot else 0,  # an int too big for a float: 1
        }

    samples = hourly(14, lambda d, h: 10, subs)
    result = personal_weights(samples, [at(day, 18) for day in range(5)])
    assert result.multipliers == {
        "workload": 1.0,
        "exertion": 1.0,
        "heat": 2.0,
        "hydration": 1.0,
        "stretch": 1.0,
        "timing": 2.0,
    }
    odd = [Sample(s.start, s.score, None) for s in samples]  # type: ignore[arg-type]
    assert personal_weights(odd, []).tracked_days == 14


# --- properties on random histories -------------------------------------------

ZONES = [UTC, TZ, KOLKATA, NEW_YORK, timezone(timedelta(hours=-3))]


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[Sample], list[datetime]]:
    """Up to 20 days of hourly samples (some hours missing) from a seed, around the
    March clock changes, in one zone; cramps in any of the zones."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    days = draw(st.integers(0, 20))
    keep = draw(st.floats(0.4, 1.0))
    cramps = draw(st.integers(0, 25))
    zone = draw(st.sampled_from(ZONES))
    origin = datetime(2025, 3, 20, tzinfo=UTC)
    samples = [
        Sample(
            (origin + timedelta(hours=i)).astimezone(zone),
            rng.randint(0, 100),
            {
                key: None if rng.random() < 0.1 else rng.random()
                for key in FACTOR_KEYS
                if rng.random() < 0.95
            },
        )
        for i in range(days * 24)
        if rng.random() < keep
    ]
    events = [
        (origin + timedelta(minutes=rng.randint(-300, days * 1440))).astimezone(
            rng.choice(ZONES)
        )
        for _ in range(cramps)
    ]
    return samples, events


@settings(max_examples=150, deadline=None)
@given(histories())
def test_personal_weights_properties(
    history: tuple[list[Sample], list[datetime]],
) -> None:
    samples, events = history
    result = personal_weights(samples, events)
    assert list(result.multipliers) == list(FACTOR_KEYS)
    assert list(result.weights) == list(FACTOR_KEYS)
    assert math.fsum(result.weights.values()) == pytest.approx(
        math.fsum(WEIGHTS.values()), abs=1e-12
    )
    for m in result.multipliers.values():
        assert 0.5 <= m <= 2.0
        assert m == round(m, 2)
    assert result.weights == pytest.approx(scaled(dict(result.multipliers)))
    assert result.active == (result.events >= 5 and result.tracked_days >= 14)
    if not result.active:
        assert set(result.multipliers.values()) == {1.0}
        assert result.weights == WEIGHTS
    assert result.events <= len(timeline_events(events))
    check = evaluate(samples, events)
    assert check.tracked_days == result.tracked_days
    assert check.matched <= result.events  # a reference sample is a hazard sample


@settings(max_examples=150, deadline=None)
@given(histories())
def test_evaluate_properties(history: tuple[list[Sample], list[datetime]]) -> None:
    samples, events = history
    result = evaluate(samples, events)
    assert list(result.by_level) == list(LEVEL_NAMES)
    assert sum(row.hours for row in result.by_level.values()) == len(samples)
    assert sum(row.events for row in result.by_level.values()) == result.matched
    assert result.matched <= len(timeline_events(events)) <= len(events)
    for row in result.by_level.values():
        if row.hours:
            assert row.per_100_hours == pytest.approx(100 * row.events / row.hours)
        else:
            assert (row.per_100_hours, row.events) == (None, 0)
    high = ("high", "very_high")
    if result.matched:
        share = sum(result.by_level[k].events for k in high) / result.matched
        assert result.high_share_events == pytest.approx(share)
    else:
        assert result.high_share_events is None
    if samples:
        share = sum(result.by_level[k].hours for k in high) / len(samples)
        assert result.high_share_time == pytest.approx(share)
    else:
        assert result.high_share_time is None
    if result.high_share_events and result.high_share_time:
        assert result.lift == pytest.approx(
            result.high_share_events / result.high_share_time
        )
    else:
        assert result.lift is None
    assert result.ready == (result.matched >= 5 and result.tracked_days >= 14)


@settings(max_examples=100, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_order_duplicates_and_zones_do_not_matter(
    history: tuple[list[Sample], list[datetime]], rng: random.Random
) -> None:
    """Samples and events shuffled, events repeated, all events written in UTC
    (whole-hour zones: the same clock hours)."""
    samples, events = history
    shuffled = list(samples)
    rng.shuffle(shuffled)
    whole_hours = [e for e in events if e.tzinfo is not KOLKATA]
    again = [e.astimezone(UTC) for e in whole_hours] * 2
    rng.shuffle(again)
    assert evaluate(shuffled, again) == evaluate(samples, whole_hours)
    assert personal_weights(shuffled, again) == personal_weights(samples, whole_hours)


odd_subs = st.one_of(
    st.none(),
    st.integers(),
    st.dictionaries(
        st.sampled_from([*FACTOR_KEYS, "other"]),
        st.one_of(weird_numbers, st.text(max_size=3), st.booleans()),
    ),
)
odd_samples = st.lists(
    st.one_of(
        st.builds(
            Sample,
            start=st.one_of(any_moment, any_moment, st.none(), st.integers()),
            score=st.one_of(st.integers(-200, 200), weird_numbers, st.text(max_size=2)),
            subs=odd_subs,
        ),
        st.none(),
        st.integers(),
        any_moment,
    ),
    max_size=30,
)
odd_events = st.one_of(
    st.none(),
    st.integers(),
    st.lists(st.one_of(any_moment, any_moment, st.none(), st.text(max_size=2))),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(odd_samples, st.none(), st.integers()), odd_events)
def test_never_raises(samples: Any, events: Any) -> None:
    weights = personal_weights(samples, events)
    result = evaluate(samples, events)
    assert math.fsum(weights.weights.values()) == pytest.approx(1.0)
    assert sum(row.hours for row in result.by_level.values()) <= len(
        samples if isinstance(samples, list) else ()
    )
