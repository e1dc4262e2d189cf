"""Property tests of the risk model (spec section 4 invariants; `assess` is total)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
import math
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.cramp_guard.risk import (
    FACTOR_KEYS,
    Assessment,
    Bout,
    Combination,
    Profile,
    RiskInputs,
    assess,
    combine,
)
from custom_components.cramp_guard.risk.combine import confidence_level, level_for
from custom_components.cramp_guard.risk.curves import round_half_up

TZ = ZoneInfo("Europe/Berlin")
BASE = datetime(2025, 7, 15, 12, 0)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure engine tests: no Home Assistant instance needed."""


# --- strategies --------------------------------------------------------------

weird_numbers = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([0.0, -0.0, -1.0, math.nan, math.inf, -math.inf, 1e308]),
)


def plausible(low: float, high: float) -> st.SearchStrategy[float | None]:
    """Mostly realistic values, sometimes garbage."""
    return st.one_of(st.floats(min_value=low, max_value=high), weird_numbers)


zones = st.one_of(
    st.none(),
    st.just(UTC),
    st.just(TZ),
    st.timezones(),
    st.builds(
        timezone,
        st.timedeltas(
            min_value=timedelta(hours=-23, minutes=-59),
            max_value=timedelta(hours=23, minutes=59),
        ),
    ),
)
any_moment = st.datetimes(timezones=zones)


def shifted(moment: datetime, minutes: int, naive: bool) -> datetime:
    """`moment` moved by `minutes` (unchanged where that would overflow)."""
    try:
        moved = moment + timedelta(minutes=minutes)
    except OverflowError:
        moved = moment
    return moved.replace(tzinfo=None) if naive else moved


@st.composite
def nows(draw: st.DrawFn) -> datetime:
    """Usually a day around BASE (aware or naive), sometimes any datetime at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(any_moment)
    zone = draw(st.sampled_from([TZ, UTC, None]))
    minutes = draw(st.integers(-3 * 1440, 3 * 1440))
    return BASE.replace(tzinfo=zone) + timedelta(minutes=minutes)


def moments_near(now: datetime) -> st.SearchStrategy[datetime]:
    """Moments within two days of `now`, sometimes with the other awareness."""
    near = st.builds(
        shifted,
        st.just(now),
        st.integers(-2 * 1440, 2 * 1440),
        st.booleans().map(lambda flip: flip and now.tzinfo is not None),
    )
    return st.one_of(near, near, near, any_moment)


@st.composite
def bouts(draw: st.DrawFn, now: datetime) -> Bout:
    moment = moments_near(now)
    return Bout(
        start=draw(moment),
        end=draw(st.none() | moment),
        active_kcal=draw(plausible(0, 3000)),
        vigorous=draw(st.booleans()),
        outdoor_temp_c=draw(plausible(-20, 45)),
        outdoor_humidity=draw(plausible(0, 100)),
    )


profiles = st.builds(
    Profile,
    body_mass_kg=plausible(30, 200),
    sex=st.sampled_from(["female", "male", None]),
    wake=st.times(),
    bed=st.times(),
    cramp_prone=st.booleans(),
    water_target_ml=st.none() | plausible(500, 6000),
)


@st.composite
def risk_inputs(draw: st.DrawFn) -> RiskInputs:
    now = draw(nows())
    moment = st.none() | moments_near(now)
    return RiskInputs(
        now=now,
        profile=draw(profiles),
        load_metric=draw(
            st.sampled_from(["steps", "intensity_minutes", "active_kcal", None])
        ),
        load_history=draw(st.lists(plausible(0, 30000), max_size=40)),
        load_today=draw(plausible(0, 40000)),
        bouts=draw(st.lists(bouts(now), max_size=4)),
        room_temp_c=draw(plausible(-10, 45)),
        room_humidity=draw(plausible(0, 100)),
        bedroom_temp_c=draw(plausible(-10, 45)),
        bedroom_humidity=draw(plausible(0, 100)),
        max_room_heat_index_c=draw(plausible(-10, 50)),
        water_ml=draw(plausible(0, 6000)),
        last_stretch=draw(moment),
        stretched_recently=draw(st.booleans()),
        last_cramp=draw(moment),
    )


sub_scores = st.fixed_dictionaries(
    dict.fromkeys(FACTOR_KEYS, st.none() | st.floats(min_value=0, max_value=1))
)
unit = st.floats(min_value=0, max_value=1)


# --- invariants ---------------------------------------------------------------


def check_combination(result: Assessment | Combination) -> None:
    """Score, level, contributions and top factors agree with each other."""
    assert isinstance(result.score, int)
    assert 0 <= result.score <= 100
    assert result.level == level_for(result.score)
    assert result.score == min(100, max(0, round_half_up(result.raw)))
    assert math.isfinite(result.raw)
    assert result.raw >= 0
    assert 1.0 <= result.multiplier <= 1.4
    assert tuple(result.factors) == FACTOR_KEYS
    contributions = [factor.contribution for factor in result.factors.values()]
    assert math.isclose(sum(contributions), result.raw, rel_tol=1e-9, abs_tol=1e-9)
    for factor in result.factors.values():
        assert factor.available == (factor.sub_score is not None)
        if factor.sub_score is None:
            assert factor.contribution == 0
        else:
            assert 0 <= factor.sub_score <= 1
            assert factor.contribution >= 0
    positive = [k for k, f in result.factors.items() if f.contribution > 0]
    assert sorted(result.top_factors) == sorted(positive)
    ranked = [result.factors[key].contribution for key in result.top_factors]
    assert ranked == sorted(ranked, reverse=True)
    for first, second in zip(result.top_factors, result.top_factors[1:], strict=False):
        if result.factors[first].contribution == result.factors[second].contribution:
            assert FACTOR_KEYS.index(first) < FACTOR_KEYS.index(second)


@settings(max_examples=300, deadline=None)
@given(risk_inputs())
def test_assess_is_total_and_consistent(inputs: RiskInputs) -> None:
    result = assess(inputs)
    check_combination(result)
    assert 0 <= result.confidence <= 1 + 1e-9
    assert result.confidence_level == confidence_level(result.confidence)
    assert result.water_target_ml is not None
    assert math.isfinite(result.water_target_ml)
    assert result.water_target_ml >= 0
    hydration = result.factors["hydration"]
    assert (result.hydration_pace is None) == (not hydration.available)
    assert (result.water_expected_ml is None) == (not hydration.available)
    if result.hydration_pace is not None:
        assert math.isfinite(result.hydration_pace)
        assert result.hydration_pace >= 0
    assert (result.workload_ratio is None) == (not result.factors["workload"].available)
    assert (result.apparent_temp_c is None) == (not result.factors["heat"].available)
    assert result.factors["stretch"].available
    assert result.factors["timing"].available


@settings(max_examples=200, deadline=None)
@given(sub_scores, unit)
def test_combine_invariants(subs: dict[str, float | None], h: float) -> None:
    check_combination(combine(subs, h))


@settings(max_examples=300, deadline=None)
@given(sub_scores, st.sampled_from(FACTOR_KEYS), unit, unit, unit)
def test_monotone_in_each_sub_score(
    subs: dict[str, float | None], key: str, a: float, b: float, h: float
) -> None:
    low, high = sorted((a, b))
    lower = combine({**subs, key: low}, h)
    higher = combine({**subs, key: high}, h)
    assert higher.raw >= lower.raw
    assert higher.score >= lower.score
    assert higher.factors[key].contribution >= lower.factors[key].contribution


@settings(max_examples=200, deadline=None)
@given(sub_scores, unit, unit)
def test_monotone_in_history(subs: dict[str, float | None], a: float, b: float) -> None:
    low, high = sorted((a, b))
    lower = combine(subs, low)
    higher = combine(subs, high)
    assert higher.multiplier >= lower.multiplier
    assert higher.raw >= lower.raw
    assert higher.score >= lower.score


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=100))
def test_level_matches_score_band(score: int) -> None:
    expected = ["low", "moderate", "high", "very_high"][min(score // 25, 3)]
    assert level_for(score) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=24 * 60 - 1),
    st.integers(min_value=1, max_value=24 * 60 - 1),
    st.integers(min_value=0, max_value=2 * 24 * 60),
)
def test_timing_and_awake_follow_the_profile_window(
    wake_min: int, awake_min: int, offset_min: int
) -> None:
    """Any wake/bed pair: night ramp and awake flag match the window arithmetic."""
    bed_min = (wake_min + awake_min) % (24 * 60)
    profile = Profile(
        wake=time(wake_min // 60, wake_min % 60), bed=time(bed_min // 60, bed_min % 60)
    )
    now = BASE + timedelta(minutes=offset_min)
    since_wake = (now.hour * 60 + now.minute - wake_min) % (24 * 60)
    result = assess(RiskInputs(now=now, profile=profile))
    assert result.awake == (since_wake < awake_min)
    timing = result.factors["timing"].sub_score
    if not result.awake:
        assert timing == 1.0
    else:
        to_bed = awake_min - since_wake
        assert timing == pytest.approx(min(1.0, max(0.0, (120 - to_bed) / 120)))
