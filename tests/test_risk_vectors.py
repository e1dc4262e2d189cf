"""The five worked vectors of the risk model (spec section 5), with intermediates."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from custom_components.cramp_guard.risk import (
    Assessment,
    Bout,
    Profile,
    RiskInputs,
    assess,
)
from custom_components.cramp_guard.risk.load import usual_hard_day, workload

TZ = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure engine tests: no Home Assistant instance needed."""


def at(hour: int, minute: int = 0) -> datetime:
    """A local time on a fixed summer day (wake 07:00, bed 22:00 by default)."""
    return datetime(2025, 7, 15, hour, minute, tzinfo=TZ)


def subs(result: Assessment) -> dict[str, float | None]:
    """The sub-scores by key."""
    return {key: factor.sub_score for key, factor in result.factors.items()}


def with_pace(inputs: RiskInputs, pace: float) -> RiskInputs:
    """The same inputs with water = pace * expected-by-now (computed first)."""
    expected = assess(replace(inputs, water_ml=1.0)).water_expected_ml
    assert expected is not None
    return replace(inputs, water_ml=pace * expected)


def check_result(result: Assessment, raw: float, level: str) -> None:
    """raw within 0.1, score within 1 of the spec's raw, exact level."""
    assert result.raw == pytest.approx(raw, abs=0.1)
    assert abs(result.score - raw) <= 1
    assert isinstance(result.score, int)
    assert result.level == level
    assert result.raw == pytest.approx(
        sum(factor.contribution for factor in result.factors.values())
    )


def test_s1_quiet_day() -> None:
    """S1: steps as usual, cool room, on pace; only the stretch default counts."""
    inputs = RiskInputs(
        now=at(14),
        profile=Profile(body_mass_kg=60, sex="female"),
        load_metric="steps",
        load_history=[6000.0] * 27,
        load_today=4000,
        room_temp_c=21,
        room_humidity=45,
        water_ml=1000,
    )
    result = assess(inputs)

    assert result.workload_ratio == pytest.approx(0.95, abs=0.005)
    usual = usual_hard_day([6000.0] * 27, "steps")
    assert usual == 6000
    assert 4000 / usual == pytest.approx(0.67, abs=0.005)
    assert result.apparent_temp_c == pytest.approx(20.3, abs=0.05)
    assert result.water_target_ml == pytest.approx(1560)
    assert result.water_expected_ml == pytest.approx(870, abs=5)
    assert result.hydration_pace == pytest.approx(1.15, abs=0.005)
    assert subs(result) == {
        "workload": 0.0,
        "exertion": 0.0,
        "heat": 0.0,
        "hydration": 0.0,
        "stretch": 0.5,
        "timing": 0.0,
    }
    check_result(result, 2.5, "low")
    assert result.score == 3  # 2.5 rounds half up
    assert result.multiplier == 1.0
    assert result.top_factors == ("stretch",)


def s2_inputs() -> RiskInputs:
    """S2: a long, hot run well above the usual load, then little water."""
    return RiskInputs(
        now=at(20),
        profile=Profile(body_mass_kg=75, sex="male"),
        load_metric="intensity_minutes",
        load_history=[35.0] * 21 + [40.0] * 6,
        load_today=150,
        bouts=[
            Bout(
                start=at(16),
                end=at(18, 30),
                active_kcal=1600,
                outdoor_temp_c=31,
                outdoor_humidity=55,
            )
        ],
        room_temp_c=23,
    )


def test_s2_hot_long_run() -> None:
    """S2: every factor high -> very_high."""
    load = workload([35.0] * 21 + [40.0] * 6, 150, "intensity_minutes")
    assert load is not None
    assert load.acute == pytest.approx(55.7, abs=0.05)
    assert load.chronic == pytest.approx(35)
    assert usual_hard_day([35.0] * 21 + [40.0] * 6, "intensity_minutes") == 40
    assert 150 / 40 == 3.75

    result = assess(with_pace(s2_inputs(), 0.4))

    assert result.workload_ratio == pytest.approx(1.59, abs=0.005)
    assert result.apparent_temp_c == pytest.approx(33.7, abs=0.05)
    assert result.water_target_ml == pytest.approx(4190)
    assert result.water_expected_ml == pytest.approx(4048, abs=1)
    assert result.hydration_pace == pytest.approx(0.4)
    sub = subs(result)
    assert sub["workload"] == pytest.approx(0.673, abs=0.001)
    assert sub["exertion"] == 1.0
    assert sub["heat"] == pytest.approx(0.771, abs=0.001)
    assert sub["hydration"] == pytest.approx(1.0)
    assert sub["stretch"] == 1.0
    assert sub["timing"] == pytest.approx(0.75)
    check_result(result, 85.9, "very_high")
    assert result.top_factors[0] == "exertion"


def test_s3_big_day_stretched_and_drinking() -> None:
    """S3: a big load day, stretched after the bout, drinking on pace -> high."""
    load = workload([3500.0] * 27, 16000, "steps")
    assert load is not None
    assert load.acute == pytest.approx(5286, abs=0.5)
    assert 16000 / usual_hard_day([3500.0] * 27, "steps") == pytest.approx(
        4.57, abs=0.005
    )
    inputs = RiskInputs(
        now=at(17),
        profile=Profile(),
        load_metric="steps",
        load_history=[3500.0] * 27,
        load_today=16000,
        bouts=[Bout(start=at(14, 45), end=at(16))],
        room_temp_c=22,
        room_humidity=50,
        last_stretch=at(16, 15),
        stretched_recently=True,
    )
    result = assess(with_pace(inputs, 0.95))

    assert result.workload_ratio == pytest.approx(1.51, abs=0.005)
    assert result.hydration_pace == pytest.approx(0.95)
    sub = subs(result)
    assert sub["workload"] == pytest.approx(0.608, abs=0.001)
    assert sub["exertion"] == 1.0
    assert sub["heat"] == 0.0
    assert sub["hydration"] == 0.0
    assert sub["stretch"] == 0.0
    assert sub["timing"] == 1.0
    check_result(result, 55.2, "high")


def test_s6_no_wearable_hot_room() -> None:
    """S6: only room, water and stretch known; D is floored at 0.70."""
    inputs = RiskInputs(
        now=at(15),
        profile=Profile(),
        load_metric=None,
        load_history=[],
        load_today=None,
        room_temp_c=30,
        room_humidity=60,
    )
    result = assess(with_pace(inputs, 0.5))

    assert result.apparent_temp_c == pytest.approx(32.8, abs=0.05)
    sub = subs(result)
    heat = sub["heat"]
    assert heat == pytest.approx(0.736, abs=0.001)
    assert sub["hydration"] == pytest.approx(0.8)
    assert sub["stretch"] == 0.5
    assert sub["timing"] == 0.0
    assert sub["workload"] is None
    assert sub["exertion"] is None
    available = sum(f.weight for f in result.factors.values() if f.available)
    assert available == pytest.approx(0.45)
    # D = 0.70: raw = 100 * (0.15 * 0.736 + 0.15 * 0.8 + 0.05 * 0.5) / 0.70
    assert result.raw == pytest.approx(
        100 * (0.15 * (heat or 0.0) + 0.15 * 0.8 + 0.05 * 0.5) / 0.70
    )
    assert result.confidence == pytest.approx(0.425)
    assert result.confidence_level == "low"
    assert result.workload_ratio is None
    check_result(result, 36.5, "moderate")


def test_s8_behind_on_water() -> None:
    """S8: a normal day but far behind on water -> low."""
    inputs = RiskInputs(
        now=at(13),
        profile=Profile(),
        load_metric="steps",
        load_history=[8000.0] * 27,
        load_today=5000,
        room_temp_c=20,
        room_humidity=50,
    )
    result = assess(with_pace(inputs, 0.3))

    assert result.hydration_pace == pytest.approx(0.3)
    assert subs(result) == {
        "workload": 0.0,
        "exertion": 0.0,
        "heat": 0.0,
        "hydration": 1.0,
        "stretch": 0.5,
        "timing": 0.0,
    }
    check_result(result, 17.5, "low")
    assert result.top_factors == ("hydration", "stretch")
