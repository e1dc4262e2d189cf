"""Unit tests of the risk model's parts: curves, heat index, day window, factors."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
import math
from zoneinfo import ZoneInfo

import pytest

from custom_components.cramp_guard.risk import (
    Assessment,
    Bout,
    Profile,
    RiskInputs,
    assess,
    combine,
    heat_index_c,
)
from custom_components.cramp_guard.risk.combine import (
    confidence_level,
    history_h,
    level_for,
)
from custom_components.cramp_guard.risk.curves import (
    percentile,
    pl,
    ratio,
    round_half_up,
)
from custom_components.cramp_guard.risk.day import make_day, to_seconds
from custom_components.cramp_guard.risk.hydration import front_loaded, heat_multiplier
from custom_components.cramp_guard.risk.load import usual_hard_day, workload

TZ = ZoneInfo("Europe/Berlin")
DAY0 = date(2025, 7, 15)
NIGHT_OWL = Profile(wake=time(9, 0), bed=time(1, 0))


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure engine tests: no Home Assistant instance needed."""


def at(hour: int, minute: int = 0, day: int = 0) -> datetime:
    """Local time on DAY0 (+ `day` days)."""
    return datetime.combine(DAY0 + timedelta(days=day), time(hour, minute), tzinfo=TZ)


def run(now: datetime, profile: Profile | None = None, **kwargs: object) -> Assessment:
    """assess() with the given fields; everything else missing."""
    return assess(RiskInputs(now=now, profile=profile or Profile(), **kwargs))  # type: ignore[arg-type]


def sub(result: Assessment, key: str) -> float | None:
    """One sub-score."""
    return result.factors[key].sub_score


# --- curves -----------------------------------------------------------------


def test_pl_interpolates_and_clamps() -> None:
    curve = ((1.0, 0.0), (1.3, 0.25), (1.5, 0.6), (2.0, 1.0))
    assert pl(0.2, curve) == 0.0
    assert pl(1.0, curve) == 0.0
    assert pl(1.15, curve) == pytest.approx(0.125)
    assert pl(1.3, curve) == pytest.approx(0.25)
    assert pl(1.75, curve) == pytest.approx(0.8)
    assert pl(2.0, curve) == 1.0
    assert pl(9.0, curve) == 1.0
    assert pl(math.inf, curve) == 1.0
    falling = ((0.4, 1.0), (0.6, 0.6), (0.9, 0.0))
    assert pl(0.0, falling) == 1.0
    assert pl(0.5, falling) == pytest.approx(0.8)
    assert pl(0.75, falling) == pytest.approx(0.3)
    assert pl(math.inf, falling) == 0.0


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        ([5.0], 90, 5.0),
        ([1.0, 10.0], 90, 9.1),
        ([1.0, 2.0, 3.0, 4.0], 90, 3.7),
        ([4.0, 1.0, 3.0, 2.0], 90, 3.7),  # unsorted input
        ([4000.0, 5000.0, 6000.0], 90, 5800.0),
        ([35.0] * 21 + [40.0] * 6, 90, 40.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 50, 3.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 100, 5.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0, 1.0),
        ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0], 90, 8.2),
    ],
)
def test_percentile_matches_numpy_linear(
    values: list[float], p: float, expected: float
) -> None:
    assert percentile(values, p) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2.5, 3),
        (2.4999999999, 3),  # float noise
        (2.49, 2),
        (0.5, 1),
        (0.0, 0),
        (85.9, 86),
        (-0.4, 0),
        (99.5, 100),
    ],
)
def test_round_half_up(value: float, expected: int) -> None:
    assert round_half_up(value) == expected


def test_ratio_guards_zero() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(1.0, 0.0) == math.inf
    assert ratio(0.0, 0.0) == 0.0


def test_front_loaded_curve() -> None:
    assert front_loaded(0.0) == 0.0
    assert front_loaded(1.0) == 1.0
    assert front_loaded(0.5) == pytest.approx(1 - 0.5**1.3)
    assert front_loaded(0.5) > 0.5  # front-loaded


# --- heat index -------------------------------------------------------------


def _rothfusz_f(t: float, rh: float) -> float:
    return (
        -42.379
        + 2.04901523 * t
        + 10.14333127 * rh
        - 0.22475541 * t * rh
        - 0.00683783 * t * t
        - 0.05481717 * rh * rh
        + 0.00122874 * t * t * rh
        + 0.00085282 * t * rh * rh
        - 0.00000199 * t * t * rh * rh
    )


def _f_to_c(value: float) -> float:
    return (value - 32) * 5 / 9


@pytest.mark.parametrize(
    ("temp", "rh", "expected"),
    [(21.0, 45.0, 20.3), (30.0, 60.0, 32.8), (31.0, 55.0, 33.7)],
)
def test_heat_index_spot_checks(temp: float, rh: float, expected: float) -> None:
    assert round(heat_index_c(temp, rh), 1) == expected


def test_heat_index_simple_form_below_80f() -> None:
    t = 21 * 9 / 5 + 32
    simple = 0.5 * (t + 61 + 1.2 * (t - 68) + 0.094 * 45)
    assert heat_index_c(21, 45) == pytest.approx(_f_to_c(simple))


def test_heat_index_without_humidity_is_the_temperature() -> None:
    assert heat_index_c(31.5, None) == 31.5
    assert heat_index_c(-5.0, None) == -5.0
    assert heat_index_c(31.5, math.nan) == 31.5
    assert heat_index_c(31.5, 120) == 31.5
    assert heat_index_c(31.5, -1) == 31.5


def test_heat_index_dry_adjustment() -> None:
    """RH < 13 % and 80-112 degF: subtract ((13 - RH) / 4) * sqrt(...)."""
    t = 35 * 9 / 5 + 32  # 95 degF: sqrt term is 1
    expected = _f_to_c(_rothfusz_f(t, 10) - 0.75)
    assert heat_index_c(35, 10) == pytest.approx(expected)
    # RH = 13 is outside the correction.
    assert heat_index_c(35, 13) == pytest.approx(_f_to_c(_rothfusz_f(t, 13)))


def test_heat_index_humid_adjustment() -> None:
    """RH > 85 % and 80-87 degF: add ((RH - 85) / 10) * ((87 - T) / 5)."""
    t = 29 * 9 / 5 + 32  # 84.2 degF
    adjustment = (90 - 85) / 10 * ((87 - t) / 5)
    assert adjustment == pytest.approx(0.28)
    assert heat_index_c(29, 90) == pytest.approx(_f_to_c(_rothfusz_f(t, 90) + 0.28))
    # Above 87 degF the humid correction no longer applies.
    t_hot = 32 * 9 / 5 + 32
    assert heat_index_c(32, 90) == pytest.approx(_f_to_c(_rothfusz_f(t_hot, 90)))


def test_heat_index_non_finite_result_falls_back_to_temperature() -> None:
    assert heat_index_c(1e308, 50) == 1e308


# --- day window -------------------------------------------------------------


def test_awake_fraction_and_window() -> None:
    day = make_day(at(14), time(7), time(22))
    assert day.awake
    assert day.x == pytest.approx(7 / 15)
    assert make_day(at(7), time(7), time(22)).x == 0.0
    assert not make_day(at(22), time(7), time(22)).awake
    assert make_day(at(23), time(7), time(22)).x == 1.0


def test_sleep_window_crosses_midnight() -> None:
    late = make_day(at(23, 30), time(7), time(22))
    small_hours = make_day(at(2, day=1), time(7), time(22))
    assert not late.awake
    assert not small_hours.awake
    assert small_hours.wake == late.wake == to_seconds(at(7))
    assert make_day(at(7, day=1), time(7), time(22)).awake


def test_bed_after_midnight() -> None:
    """Wake 09:00, bed 01:00: 00:30 is still the awake day that began at 09:00."""
    half_past = make_day(at(0, 30, day=1), time(9), time(1))
    assert half_past.awake
    assert half_past.wake == to_seconds(at(9))
    assert half_past.x == pytest.approx(15.5 / 16)
    assert not make_day(at(1, 30, day=1), time(9), time(1)).awake
    assert not make_day(at(8, 59, day=1), time(9), time(1)).awake
    early = make_day(at(8, 59), time(9), time(1))
    assert early.wake == to_seconds(at(9, day=-1))


def test_empty_awake_window_falls_back_to_defaults() -> None:
    day = make_day(at(14), time(8), time(8))
    assert day.wake == to_seconds(at(7))
    assert day.bed == to_seconds(at(22))


def test_naive_now_uses_wall_clock() -> None:
    day = make_day(datetime(2025, 7, 15, 14, 0), time(7), time(22))
    assert day.x == pytest.approx(7 / 15)
    assert not day.aware


def test_dst_night_is_measured_in_real_hours() -> None:
    """Bed 03:00 on the night clocks jump 02:00 -> 03:00: 19 real hours awake."""
    now = datetime(2025, 3, 30, 1, 30, tzinfo=TZ)
    day = make_day(now, time(7), time(3))
    assert day.awake
    assert day.bed - day.wake == 19 * 3600
    assert day.x == pytest.approx(18.5 / 19)
    assert not make_day(now.replace(hour=4), time(7), time(3)).awake


def test_dst_jump_inside_a_tiny_window_falls_back_to_its_length() -> None:
    """Wake 02:30 does not exist on the spring-forward day; bed stays after wake."""
    spring = date(2025, 3, 30)
    now = datetime.combine(spring, time(5), tzinfo=TZ)
    day = make_day(now, time(2, 30), time(3, 0))
    assert day.bed - day.wake == 30 * 60


def test_extreme_dates_do_not_raise() -> None:
    edge_cases = [
        datetime.min,
        datetime.max,
        datetime.min.replace(tzinfo=UTC),
        datetime.max.replace(tzinfo=UTC),
        datetime.max.replace(tzinfo=TZ),
    ]
    for now in edge_cases:
        for profile in (Profile(), NIGHT_OWL):
            result = run(now, profile, water_ml=500, room_temp_c=20)
            assert 0 <= result.score <= 100
    first = make_day(datetime.min, time(7), time(22))
    assert first.wake > first.now  # no earlier wake exists: x clamps to 0
    assert first.x == 0.0
    last = make_day(datetime.max, time(9), time(1))
    assert last.bed - last.wake == 16 * 3600


# --- workload and exertion ---------------------------------------------------


def test_workload_needs_three_days() -> None:
    assert workload([], 5000, "steps") is None
    assert workload([4000.0], 5000, "steps") is None
    assert workload([4000.0, None, 6000.0], 5000, "steps") is None
    assert workload([4000.0, 5000.0, 6000.0], 15000, "steps") is not None


def test_workload_cold_start_three_days() -> None:
    result = workload([4000.0, 5000.0, 6000.0], 15000, "steps")
    assert result is not None
    assert result.acute == pytest.approx(7500)
    assert result.chronic == pytest.approx((3 * 5000 + 11 * 7500) / 14)
    assert result.days == 3


def test_workload_cold_start_seven_days() -> None:
    result = workload([2000.0] * 7, 15000, "steps")
    assert result is not None
    assert result.acute == pytest.approx((6 * 2000 + 15000) / 7)
    assert result.chronic == pytest.approx((7 * 2000 + 7 * 7500) / 14)


def test_workload_cold_start_with_gaps_is_floored() -> None:
    """12 known days, 6 of them in -27..-7: blend (12 * 1000 + 2 * 7500) / 14."""
    history: list[float | None] = [*[None] * 15, *[1000.0] * 12]
    result = workload(history, None, "steps")
    assert result is not None
    assert result.days == 12
    assert (12 * 1000 + 2 * 7500) / 14 < 3000
    assert result.chronic == 3000


def test_workload_chronic_window_with_gaps() -> None:
    chronic = [4000.0 if i % 3 == 0 else None for i in range(21)]  # 7 known
    result = workload([*chronic, *[8000.0] * 6], 8000, "steps")
    assert result is not None
    assert result.chronic == pytest.approx(4000)
    assert result.ratio == pytest.approx(2.0)
    six_known = [4000.0, *[None] * 15, *[4000.0] * 5]
    cold = workload([*six_known, *[8000.0] * 6], 8000, "steps")
    assert cold is not None
    assert cold.chronic == pytest.approx((12 * 6000 + 2 * 7500) / 14)
    assert cold.ratio == pytest.approx(8000 / ((12 * 6000 + 2 * 7500) / 14))


@pytest.mark.parametrize(
    ("metric", "floor"),
    [("steps", 3000), ("intensity_minutes", 10), ("active_kcal", 150)],
)
def test_workload_chronic_floor(metric: str, floor: float) -> None:
    result = workload([1.0] * 27, 1.0, metric)  # type: ignore[arg-type]
    assert result is not None
    assert result.chronic == floor
    assert result.ratio == pytest.approx(1 / floor)


def test_workload_uses_only_the_last_27_days() -> None:
    result = workload([1e6] * 13 + [5000.0] * 27, 5000, "steps")
    assert result is not None
    assert result.ratio == pytest.approx(1.0)
    assert result.days == 27


def test_workload_acute_without_today_and_without_recent_days() -> None:
    no_today = workload([4000.0] * 21 + [8000.0] * 6, None, "steps")
    assert no_today is not None
    assert no_today.acute == 8000
    assert workload([4000.0] * 21 + [None] * 6, None, "steps") is None
    only_today = workload([4000.0] * 21 + [None] * 6, 6000, "steps")
    assert only_today is not None
    assert only_today.ratio == pytest.approx(1.5)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], 10000.0),
        ([4000.0], (4000 + 6 * 10000) / 7),
        ([4000.0, 6000.0], (2 * 5800 + 5 * 10000) / 7),
        ([4000.0, 5000.0, 6000.0], (3 * 5800 + 4 * 10000) / 7),
        ([2000.0] * 7, 2000.0),
    ],
)
def test_usual_hard_day_blend(days: list[float], expected: float) -> None:
    assert usual_hard_day(days, "steps") == pytest.approx(expected)


@pytest.mark.parametrize(
    ("metric", "prior"),
    [("steps", 10000), ("intensity_minutes", 30), ("active_kcal", 550)],
)
def test_usual_hard_day_priors(metric: str, prior: float) -> None:
    assert usual_hard_day([], metric) == prior  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("history", "workload_sub", "exertion_sub", "conf"),
    [
        # 0 days: U = prior 10000, q = 1.5 -> 0.5; exertion q = 0.3
        ([], None, 0.5, 0.30 * 0.3),
        # 1 day: U = 9142.9, q = 1.640625
        ([4000.0], None, 0.640625, 0.30 * 0.3),
        # 2 days: U = 8800, q = 1.7045
        ([4000.0, 6000.0], None, 15000 / 8800 - 1, 0.30 * 0.3),
        # 3 days: A 7500, C 6964.3, r 1.077; U 8200, q 1.829
        (
            [4000.0, 5000.0, 6000.0],
            (7500 / ((3 * 5000 + 11 * 7500) / 14) - 1) / 0.3 * 0.25,
            15000 / 8200 - 1,
            0.25 * 3 / 21 + 0.30 * 3 / 7,
        ),
        # 7 days: r 0.81 -> 0; U 2000, q 7.5 -> 1
        ([2000.0] * 7, 0.0, 1.0, 0.25 * 7 / 21 + 0.30),
    ],
)
def test_cold_start_through_assess(
    history: list[float],
    workload_sub: float | None,
    exertion_sub: float,
    conf: float,
) -> None:
    result = run(at(12), load_metric="steps", load_history=history, load_today=15000)
    assert sub(result, "workload") == pytest.approx(workload_sub)
    assert sub(result, "exertion") == pytest.approx(exertion_sub)
    # + stretch 0.05 * 0.5 + timing 0.10 (heat and hydration unavailable)
    assert result.confidence == pytest.approx(conf + 0.025 + 0.10)
    assert (result.workload_ratio is None) == (workload_sub is None)


def test_workload_confidence_caps_at_21_days() -> None:
    result = run(
        at(12), load_metric="steps", load_history=[5000.0] * 27, load_today=5000
    )
    assert result.confidence == pytest.approx(0.25 + 0.30 + 0.025 + 0.10)


def test_unknown_metric_disables_workload_and_relative_exertion() -> None:
    for metric in (None, "floors"):
        result = run(
            at(12), load_metric=metric, load_history=[5000.0] * 27, load_today=50000
        )
        assert sub(result, "workload") is None
        assert sub(result, "exertion") is None
        with_bout = run(
            at(12),
            load_metric=metric,
            load_history=[5000.0] * 27,
            load_today=50000,
            bouts=[Bout(start=at(9), end=at(11, 30))],
        )
        assert sub(with_bout, "exertion") == pytest.approx(0.6)
        # exertion q = 0.3 (the history of an unknown metric is not used)
        assert with_bout.confidence == pytest.approx(0.30 * 0.3 + 0.025 + 0.10)


def test_exertion_from_bouts_only_without_load_today() -> None:
    result = run(
        at(12),
        load_metric="steps",
        load_history=[5000.0] * 27,
        bouts=[Bout(start=at(9), end=at(10, 45))],
    )
    assert sub(result, "exertion") == pytest.approx(0.6 * 45 / 90)
    assert result.workload_ratio == pytest.approx(1.0)


def test_exertion_with_a_zero_usual_day() -> None:
    busy = run(at(12), load_metric="steps", load_history=[0.0] * 7, load_today=100)
    idle = run(at(12), load_metric="steps", load_history=[0.0] * 7, load_today=0)
    assert sub(busy, "exertion") == 1.0
    assert sub(idle, "exertion") == 0.0


def test_exertion_uses_all_history_for_the_usual_day() -> None:
    history = [20000.0] * 13 + [5000.0] * 27
    result = run(at(12), load_metric="steps", load_history=history, load_today=9000)
    assert usual_hard_day(history, "steps") == 20000
    assert sub(result, "exertion") == 0.0
    assert result.confidence == pytest.approx(0.25 + 0.30 + 0.025 + 0.10)


def test_load_history_gaps_and_garbage_are_missing() -> None:
    history: list[float | None] = [5000.0, None, math.nan, -3.0, math.inf, 5000.0]
    result = run(at(12), load_metric="steps", load_history=history, load_today=5000)
    assert sub(result, "workload") is None  # only 2 usable days
    # exertion q: 2 days -> max(0.3, 2/7)
    assert result.confidence == pytest.approx(0.30 * 0.3 + 0.025 + 0.10)


# --- bouts -------------------------------------------------------------------


def test_bout_still_going() -> None:
    """end None: post = 1, s_dur so far, extra in the target, not in expected."""
    now = at(15)
    result = run(
        now,
        bouts=[Bout(start=at(13), end=None)],
        room_temp_c=20,
        water_ml=1000,
        last_stretch=at(14),
    )
    assert sub(result, "timing") == 1.0
    assert sub(result, "exertion") == pytest.approx(0.6 * 60 / 90)
    assert result.water_target_ml == pytest.approx(1800 + 2 * 500)
    assert result.water_expected_ml == pytest.approx(front_loaded(8 / 15) * 1800)
    assert sub(result, "stretch") == 1.0  # a stretch during the bout does not count


def test_bout_ending_in_the_future_is_still_going() -> None:
    result = run(at(15), bouts=[Bout(start=at(14), end=at(16), vigorous=True)])
    assert sub(result, "timing") == 1.0
    assert result.water_target_ml == pytest.approx(1800 + 800)


def test_finished_bout_phases_into_expected() -> None:
    """The bout's extra enters expected linearly over the hour after it ends."""
    result = run(
        at(15),
        bouts=[Bout(start=at(13), end=at(14, 30), active_kcal=600)],
        room_temp_c=26,
        water_ml=1000,
    )
    extra = 600 * 1.2  # room AT 26 (no humidity) -> x1.2
    assert result.water_target_ml == pytest.approx(1800 + extra)
    assert result.water_expected_ml == pytest.approx(
        front_loaded(8 / 15) * 1800 + extra * 0.5
    )
    assert sub(result, "timing") == 1.0  # 30 min after: PL(0.5) = 1
    later = run(at(16, 30), bouts=[Bout(start=at(13), end=at(14, 30))])
    assert sub(later, "timing") == pytest.approx(0.5)


def test_ignored_bouts() -> None:
    naive = datetime(2025, 7, 15, 10, 0)
    bouts = [
        Bout(start=at(11), end=at(10)),  # ends before it starts
        Bout(start=at(16), end=None),  # starts in the future
        Bout(start=naive, end=None),  # naive with an aware now
        Bout(start=at(9), end=naive),  # mixed
    ]
    not_a_bout = {"start": at(9), "end": at(11)}
    result = run(at(12), bouts=[*bouts, not_a_bout], water_ml=500)
    assert sub(result, "exertion") is None
    assert sub(result, "timing") == 0.0
    assert result.water_target_ml == 1800


def test_naive_now_with_naive_bouts() -> None:
    now = datetime(2025, 7, 15, 12, 0)
    bouts = [Bout(start=now - timedelta(hours=3), end=now - timedelta(minutes=30))]
    result = run(now, bouts=bouts)
    assert sub(result, "exertion") == pytest.approx(0.6 * 90 / 90)
    assert sub(result, "timing") == 1.0
    aware_bout = [Bout(start=at(9), end=at(11))]
    assert sub(run(now, bouts=aware_bout), "exertion") is None


def test_bout_extra_multipliers() -> None:
    assert heat_multiplier(None) == 1.0
    assert heat_multiplier(24.9) == 1.0
    assert heat_multiplier(25.0) == 1.2
    assert heat_multiplier(30.0) == 1.2
    assert heat_multiplier(30.1) == 1.4
    for temp, factor in ((24.9, 1.0), (25.0, 1.2), (30.0, 1.2), (30.1, 1.4)):
        bout = Bout(start=at(9), end=at(10), active_kcal=1000, outdoor_temp_c=temp)
        result = run(at(12), bouts=[bout], room_temp_c=35)
        assert result.water_target_ml == pytest.approx(1800 + 1000 * factor)


def test_bout_extra_by_duration_and_room_heat() -> None:
    bouts = [
        Bout(start=at(8), end=at(9, 30), vigorous=True),  # 1.5 h * 800
        Bout(start=at(10), end=at(11)),  # 1 h * 500
    ]
    result = run(at(12), bouts=bouts, room_temp_c=31)  # room AT 31 -> x1.4
    assert result.water_target_ml == pytest.approx(1800 + (1200 + 500) * 1.4)


# --- hydration ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "base"),
    [
        (Profile(sex="female"), 1600),
        (Profile(sex="male"), 2000),
        (Profile(), 1800),
        (Profile(body_mass_kg=70, sex="female"), 0.8 * 32.5 * 70),
        (Profile(body_mass_kg=-70, sex="male"), 2000),
        (Profile(body_mass_kg=math.nan), 1800),
        (Profile(body_mass_kg=0), 1800),
        (Profile(body_mass_kg=0.5), 1800),
        (Profile(body_mass_kg=1), 0.8 * 32.5),
    ],
)
def test_base_drinks(profile: Profile, base: float) -> None:
    assert run(at(12), profile).water_target_ml == pytest.approx(base)


@pytest.mark.parametrize(
    ("peak", "extra"), [(None, 0), (20.0, 0), (26.0, 0), (28.0, 200), (40.0, 500)]
)
def test_heat_extra(peak: float | None, extra: float) -> None:
    result = run(at(12), max_room_heat_index_c=peak, water_ml=100)
    assert result.water_target_ml == pytest.approx(1800 + extra)
    assert result.water_expected_ml == pytest.approx(
        front_loaded(5 / 15) * (1800 + extra)
    )


def test_target_is_capped() -> None:
    bouts = [Bout(start=at(8), end=at(10), active_kcal=2000, outdoor_temp_c=33)]
    result = run(at(20), Profile(body_mass_kg=150), bouts=bouts, water_ml=4000)
    assert result.water_target_ml == 5000
    # expected follows the spec's formula (not capped): E(x) * base + extra
    base = 0.8 * 32.5 * 150
    assert result.water_expected_ml == pytest.approx(
        front_loaded(13 / 15) * base + 2800
    )


def test_override_target() -> None:
    profile = Profile(body_mass_kg=80, water_target_ml=3000)
    bouts = [Bout(start=at(9), end=at(10), active_kcal=900)]
    result = run(at(14), profile, bouts=bouts, water_ml=1500)
    assert result.water_target_ml == 3000
    assert result.water_expected_ml == pytest.approx(front_loaded(7 / 15) * 3000)
    assert result.hydration_pace == pytest.approx(1500 / (front_loaded(7 / 15) * 3000))
    asleep = run(at(23), profile, water_ml=1500)
    assert asleep.water_expected_ml == 3000
    assert asleep.hydration_pace == pytest.approx(0.5)
    for bad in (-5.0, 0.0, 0.5, math.nan):
        ignored = run(at(14), Profile(water_target_ml=bad), water_ml=1500)
        assert ignored.water_target_ml == 1800


def test_no_pace_in_the_first_two_hours_or_without_data() -> None:
    early = run(at(8, 59), water_ml=200)
    assert early.hydration_pace is None
    assert early.water_expected_ml is None
    assert early.water_target_ml == 1800
    assert sub(early, "hydration") is None
    ready = run(at(9), water_ml=200)
    assert ready.hydration_pace == pytest.approx(200 / (front_loaded(2 / 15) * 1800))
    for water in (None, math.nan, -1.0, math.inf):
        assert sub(run(at(12), water_ml=water), "hydration") is None


def test_no_water_logged_is_low_quality() -> None:
    dry = run(at(12), water_ml=0)
    assert sub(dry, "hydration") == 1.0
    assert dry.confidence == pytest.approx(0.15 * 0.3 + 0.025 + 0.10)
    wet = run(at(12), water_ml=1)
    assert wet.confidence == pytest.approx(0.15 + 0.025 + 0.10)


def test_sleep_window_pace_uses_target() -> None:
    profile = Profile(body_mass_kg=60, sex="female")
    for now in (at(23, 30), at(2, day=1)):
        result = run(now, profile, water_ml=1000)
        assert not result.awake
        assert result.water_expected_ml == pytest.approx(1560)
        assert result.hydration_pace == pytest.approx(1000 / 1560)


# --- heat --------------------------------------------------------------------


def test_heat_awake_takes_room_and_recent_outdoor_bouts() -> None:
    recent = Bout(start=at(6), end=at(7), outdoor_temp_c=35)
    stale = Bout(start=at(4), end=at(5, 59), outdoor_temp_c=40)
    ongoing = Bout(start=at(12), end=None, outdoor_temp_c=30, outdoor_humidity=60)
    result = run(at(13), bouts=[recent, stale], room_temp_c=22)
    assert result.apparent_temp_c == 35  # ended exactly 6 h ago: counts
    assert run(at(13), bouts=[stale], room_temp_c=22).apparent_temp_c == 22
    hot = run(at(13), bouts=[ongoing], room_temp_c=22)
    assert hot.apparent_temp_c == pytest.approx(heat_index_c(30, 60))
    outdoor_only = run(at(13), bouts=[ongoing])
    assert outdoor_only.apparent_temp_c == pytest.approx(heat_index_c(30, 60))
    assert sub(run(at(13), room_temp_c=39), "heat") == 1.0


def test_heat_asleep_uses_bedroom_then_room() -> None:
    bouts = [Bout(start=at(21), end=at(21, 30), outdoor_temp_c=38)]
    bedroom = run(
        at(23, 30),
        bouts=bouts,
        room_temp_c=20,
        room_humidity=50,
        bedroom_temp_c=27,
        bedroom_humidity=50,
    )
    assert bedroom.apparent_temp_c == pytest.approx(heat_index_c(27, 50))
    fallback = run(at(2, day=1), room_temp_c=27, room_humidity=50)
    assert fallback.apparent_temp_c == pytest.approx(heat_index_c(27, 50))
    unpaired = run(at(2, day=1), room_humidity=90, bedroom_temp_c=27)
    assert unpaired.apparent_temp_c == 27


def test_heat_unavailable_without_temperature() -> None:
    result = run(at(13), room_humidity=50, bedroom_temp_c=30)
    assert sub(result, "heat") is None
    assert result.apparent_temp_c is None
    assert sub(run(at(13), room_temp_c=math.nan), "heat") is None


def test_invalid_humidity_is_ignored() -> None:
    assert run(at(13), room_temp_c=30, room_humidity=150).apparent_temp_c == 30
    huge = run(at(13), room_temp_c=30, room_humidity=10**400)
    assert huge.apparent_temp_c == 30


# --- stretch and timing ------------------------------------------------------


def test_stretch_without_bouts() -> None:
    assert sub(run(at(12)), "stretch") == 0.5
    assert sub(run(at(12), last_stretch=at(8)), "stretch") == 0.0
    assert sub(run(at(12), last_stretch=at(6, 59)), "stretch") == 0.5  # yesterday
    assert sub(run(at(12), last_stretch=at(13)), "stretch") == 0.0  # future = now


def test_stretch_after_the_last_bout() -> None:
    bouts = [
        Bout(start=at(8), end=at(8, 30)),
        Bout(start=at(10), end=at(10, 15)),
    ]
    assert sub(run(at(12), bouts=bouts, last_stretch=at(10, 15)), "stretch") == 0.0
    assert sub(run(at(12), bouts=bouts, last_stretch=at(9)), "stretch") == 1.0
    short = bouts[1:]
    assert sub(run(at(12), bouts=short, last_stretch=at(9)), "stretch") == 0.5


def test_stretch_near_bed_needs_the_last_three_hours() -> None:
    assert sub(run(at(21), last_stretch=at(17, 59)), "stretch") == 1.0
    assert sub(run(at(21), last_stretch=at(18)), "stretch") == 0.0
    assert sub(run(at(20)), "stretch") == 1.0  # bed - 2 h
    assert sub(run(at(19, 59)), "stretch") == 0.5
    assert sub(run(at(23, 30), last_stretch=at(21)), "stretch") == 0.0
    assert sub(run(at(2, day=1), last_stretch=at(21)), "stretch") == 1.0


def test_timing_night_ramp() -> None:
    assert sub(run(at(19, 59)), "timing") == 0.0
    assert sub(run(at(20)), "timing") == 0.0
    assert sub(run(at(21)), "timing") == pytest.approx(0.5)
    assert sub(run(at(22)), "timing") == 1.0
    assert sub(run(at(2, day=1)), "timing") == 1.0
    assert sub(run(at(6, 59, day=1)), "timing") == 1.0
    assert sub(run(at(7, day=1)), "timing") == 0.0


def test_timing_with_bed_after_midnight() -> None:
    assert sub(run(at(0, 30, day=1), NIGHT_OWL), "timing") == pytest.approx(0.75)
    assert sub(run(at(1, 30, day=1), NIGHT_OWL), "timing") == 1.0
    awake = run(at(0, 30, day=1), NIGHT_OWL, water_ml=1000)
    assert awake.awake
    assert awake.water_expected_ml == pytest.approx(front_loaded(15.5 / 16) * 1800)


def test_timing_takes_the_larger_of_post_and_night() -> None:
    bouts = [Bout(start=at(19), end=at(20))]
    result = run(at(21, 30), bouts=bouts)  # post 0.75, night 0.75
    assert sub(result, "timing") == pytest.approx(0.75)
    assert sub(run(at(21, 45), bouts=bouts), "timing") == pytest.approx(0.875)


# --- history multiplier, combination ----------------------------------------


@pytest.mark.parametrize(
    ("days", "prone", "multiplier"),
    [
        (None, False, 1.0),
        (None, True, 1.2),
        (-2.0, False, 1.4),  # a cramp in the future counts as now
        (0.0, False, 1.4),
        (7.0, False, 1.4),
        (7.5, False, 1.2),
        (30.0, False, 1.2),
        (30.5, False, 1.1),
        (90.0, False, 1.1),
        (90.5, False, 1.0),
        (3.0, True, 1.4),
        (60.0, True, 1.2),
        (200.0, True, 1.2),
    ],
)
def test_history_multiplier(days: float | None, prone: bool, multiplier: float) -> None:
    last = None if days is None else at(12) - timedelta(days=days)
    result = run(at(12), Profile(cramp_prone=prone), last_cramp=last)
    assert result.multiplier == pytest.approx(multiplier)
    assert result.raw == pytest.approx(multiplier * 100 * (0.025 + 0) / 0.70)


def test_history_h_values_and_naive_cramp_ignored() -> None:
    assert history_h(None, False) == 0.0
    assert history_h(1.0, False) == 1.0
    assert history_h(100.0, True) == 0.5
    naive = datetime(2025, 7, 14, 12, 0)
    assert run(at(12), last_cramp=naive).multiplier == 1.0


def test_combine_denominator_floor_and_empty() -> None:
    empty = combine({})
    assert empty.raw == 0.0
    assert empty.score == 0
    assert empty.level == "low"
    assert empty.top_factors == ()
    assert all(not factor.available for factor in empty.factors.values())
    one = combine({"heat": 1.0})
    assert one.raw == pytest.approx(100 * 0.15 / 0.70)
    full = combine(
        dict.fromkeys(("workload", "exertion", "heat"), 1.0)
        | {"hydration": 1.0, "stretch": 1.0, "timing": 1.0}
    )
    assert full.raw == pytest.approx(100)
    assert full.score == 100
    assert combine({"exertion": 1.0, "workload": 1.0}, h=1.0).score == 100


def test_combine_sanitises_sub_scores_and_h() -> None:
    result = combine({"heat": 2.0, "timing": math.nan, "stretch": -1.0}, h=5.0)
    assert result.factors["heat"].sub_score == 1.0
    assert not result.factors["timing"].available
    assert result.factors["stretch"].sub_score == 0.0
    assert result.multiplier == pytest.approx(1.4)
    assert combine({"heat": 1.0}, h=math.nan).multiplier == 1.0


def test_top_factors_order_and_ties() -> None:
    result = combine({"hydration": 1.0, "heat": 1.0, "timing": 0.5, "stretch": 0.0})
    assert result.top_factors == ("heat", "hydration", "timing")
    assert list(result.factors) == [
        "workload",
        "exertion",
        "heat",
        "hydration",
        "stretch",
        "timing",
    ]


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, "low"),
        (24, "low"),
        (25, "moderate"),
        (49, "moderate"),
        (50, "high"),
        (74, "high"),
        (75, "very_high"),
        (100, "very_high"),
    ],
)
def test_level_boundaries(score: int, level: str) -> None:
    assert level_for(score) == level


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (1.0, "high"),
        (0.8, "high"),
        (0.7999999999999, "high"),  # float noise
        (0.79, "medium"),
        (0.5, "medium"),
        (0.49, "low"),
        (0.0, "low"),
    ],
)
def test_confidence_labels(value: float, label: str) -> None:
    assert confidence_level(value) == label


def test_full_confidence() -> None:
    result = run(
        at(12),
        load_metric="steps",
        load_history=[5000.0] * 27,
        load_today=5000,
        room_temp_c=20,
        water_ml=800,
        stretched_recently=True,
    )
    assert result.confidence == pytest.approx(1.0)
    assert result.confidence_level == "high"


def test_inputs_can_be_replaced() -> None:
    base = RiskInputs(
        now=at(12),
        profile=Profile(),
        load_metric=None,
        load_history=(),
        load_today=None,
    )
    assert assess(replace(base, water_ml=0)).factors["hydration"].available


# An afternoon with a step counter, a room and water: what held and stale inputs change.
WITH_A_STEP_COUNTER = RiskInputs(
    now=datetime(2026, 6, 16, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    profile=Profile(body_mass_kg=70),
    load_metric="steps",
    load_history=[7000.0] * 27,
    load_today=6000.0,
    room_temp_c=22.0,
    water_ml=900.0,
)


def test_stale_inputs_count_half_in_the_confidence_as_held_ones() -> None:
    """A counter that has not synced for longer than usual: what it counted is used,
    trusted half, as a held one; held and stale at once is still half."""
    base = WITH_A_STEP_COUNTER
    held = assess(replace(base, held=frozenset({"load"})))
    stale = assess(replace(base, stale=frozenset({"load"})))
    both = assess(replace(base, held=frozenset({"load"}), stale=frozenset({"load"})))
    assert stale.score == held.score == assess(base).score
    assert stale.confidence == held.confidence == both.confidence
    assert assess(replace(base, stale=frozenset({"nonsense"}))) == assess(base)


def test_held_inputs_count_half_in_the_confidence() -> None:
    """What a source counted before it went out is kept, and trusted less."""
    base = WITH_A_STEP_COUNTER
    full = assess(base)
    load = assess(replace(base, held=frozenset({"load"})))
    water = assess(replace(base, held=frozenset({"water"})))
    both = assess(replace(base, held=frozenset({"load", "water"})))
    assert load.score == water.score == both.score == full.score
    assert full.confidence - load.confidence == pytest.approx(
        0.5 * (0.25 * 1.0 + 0.30 * 1.0)
    )
    assert full.confidence - water.confidence == pytest.approx(0.5 * 0.15)
    assert both.confidence == pytest.approx(
        full.confidence - 0.5 * (0.25 + 0.30 + 0.15)
    )
    # Names the model does not know, or no collection at all, change nothing.
    odd = replace(base, held=frozenset({"heat"}))
    assert assess(odd).confidence == full.confidence
    assert assess(replace(base, held=None)).confidence == full.confidence  # type: ignore[arg-type]
