"""`assess` and `combine` with personal weights (personal.md section 4: D, the
contributions and the confidence with w'_i in place of w_i), and the explanation
following the weights the index was computed with."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
import math
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.cramp_guard.explain import (
    confidence_hints,
    points,
    qualities,
)
from custom_components.cramp_guard.risk import (
    FACTOR_KEYS,
    WEIGHTS,
    Profile,
    RiskInputs,
    assess,
    combine,
)
from custom_components.cramp_guard.risk.combine import confidence, factor_weights

from .test_risk_properties import check_combination, risk_inputs

TZ = ZoneInfo("Europe/Berlin")
NOON = datetime(2025, 7, 15, 12, 0, tzinfo=TZ)
PERSONAL = {
    "workload": 0.2,
    "exertion": 0.4,
    "heat": 0.1,
    "hydration": 0.2,
    "stretch": 0.05,
    "timing": 0.05,
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure engine tests: no Home Assistant instance needed."""


def _full(**changes: Any) -> RiskInputs:
    """Every source, four weeks of steps, water and a stretch: every q is 1."""
    inputs = RiskInputs(
        now=NOON,
        profile=Profile(body_mass_kg=75.0, sex="male"),
        load_metric="steps",
        load_history=[8000.0] * 28,
        load_today=16000.0,
        room_temp_c=30.0,
        room_humidity=50.0,
        water_ml=500.0,
        last_stretch=NOON - timedelta(hours=3),
        stretched_recently=True,
    )
    return replace(inputs, **changes)


weight_maps = st.fixed_dictionaries(
    dict.fromkeys(FACTOR_KEYS, st.floats(min_value=0, max_value=1))
)


# --- combine: worked by hand --------------------------------------------------


def test_combine_with_weights_by_hand() -> None:
    """available 0.2 + 0.4 + 0.1 + 0.05 + 0.05 = 0.8 = D;
    sum(w s) = 0.1 + 0.4 + 0.02 + 0.05 + 0 = 0.57; raw = 100 * 0.57 / 0.8 = 71.25."""
    subs = {
        "workload": 0.5,
        "exertion": 1.0,
        "heat": 0.2,
        "hydration": None,
        "stretch": 1.0,
        "timing": 0.0,
    }
    result = combine(subs, 0.0, PERSONAL)
    assert result.raw == pytest.approx(71.25)
    assert (result.score, result.level) == (71, "high")
    contributions = {key: f.contribution for key, f in result.factors.items()}
    assert contributions == pytest.approx(
        {
            "workload": 12.5,
            "exertion": 50.0,
            "heat": 2.5,
            "hydration": 0.0,
            "stretch": 6.25,
            "timing": 0.0,
        }
    )
    assert {key: f.weight for key, f in result.factors.items()} == PERSONAL
    assert result.top_factors == ("exertion", "workload", "stretch", "heat")
    # M = 1.4 (h = 1): 99.75 -> 100.
    assert combine(subs, 1.0, PERSONAL).score == 100


def test_the_floor_of_d_holds_for_personal_weights() -> None:
    """Only heat available, its weight 0.5: D = max(0.5, 0.70); 100 * 0.5 / 0.7."""
    result = combine({"heat": 1.0}, 0.0, {**PERSONAL, "heat": 0.5})
    assert result.raw == pytest.approx(100 * 0.5 / 0.7)
    assert result.score == 71


def test_confidence_with_weights() -> None:
    q = {"workload": 0.5, "heat": 1.0, "stretch": 0.5}
    assert confidence(q, PERSONAL) == pytest.approx(0.1 + 0.1 + 0.025)
    assert confidence(q) == pytest.approx(0.125 + 0.15 + 0.025)
    # Weights adding up to more than 1 (not personal weights): at most 1.
    assert confidence(dict.fromkeys(FACTOR_KEYS, 1.0), dict.fromkeys(WEIGHTS, 1)) == 1


# --- unusable weights fall back to the base weight, factor by factor ---------


@pytest.mark.parametrize(
    "weights",
    [
        None,
        WEIGHTS,
        dict(WEIGHTS),
        {},
        {"heat": math.nan, "workload": -0.1, "exertion": "0.3", "timing": math.inf},
        {"stretch": None, "hydration": 1e10, "other": 5.0, "heat": -math.inf},
        [0.1] * 6,
        "weights",
    ],
)
def test_unusable_weights_are_the_base_weights(weights: Any) -> None:
    assert factor_weights(weights) == WEIGHTS
    assert assess(_full(), weights) == assess(_full())


def test_a_partial_mapping_keeps_the_other_base_weights() -> None:
    used = factor_weights({"heat": 0.6, "timing": 0, "stretch": True})
    assert used == {**WEIGHTS, "heat": 0.6, "timing": 0.0, "stretch": 1.0}


# --- assess with weights --------------------------------------------------------


def test_assess_with_personal_weights_by_hand() -> None:
    """The same sub-scores; raw, D and the confidence from the personal weights."""
    base = assess(_full())
    result = assess(_full(), PERSONAL)
    subs = {key: f.sub_score for key, f in base.factors.items()}
    assert subs == {key: f.sub_score for key, f in result.factors.items()}
    assert all(f.available for f in result.factors.values())
    expected = 100 * math.fsum(PERSONAL[k] * (subs[k] or 0.0) for k in FACTOR_KEYS)
    assert result.raw == pytest.approx(expected)  # D = 1.0 (all available)
    assert result.confidence == pytest.approx(1.0)  # every q is 1, weights sum to 1
    assert result.confidence_level == "high"
    assert {key: f.weight for key, f in result.factors.items()} == PERSONAL


def test_assess_confidence_is_capped_at_one() -> None:
    result = assess(_full(), dict.fromkeys(FACTOR_KEYS, 1.0))
    assert result.confidence == 1.0
    subs = [f.sub_score or 0.0 for f in result.factors.values()]
    assert result.raw == pytest.approx(100 * sum(subs) / 6)  # D = 6: the plain mean


def test_a_zero_weight_drops_its_factor() -> None:
    hot = _full(room_temp_c=38.0, room_humidity=60.0)
    none = assess(hot, {**WEIGHTS, "heat": 0.0})
    assert none.factors["heat"].available
    assert none.factors["heat"].contribution == 0.0
    assert "heat" not in none.top_factors
    assert none.score < assess(hot).score


@settings(max_examples=300, deadline=None)
@given(risk_inputs())
def test_none_and_the_base_weights_give_todays_results(inputs: RiskInputs) -> None:
    result = assess(inputs)
    assert assess(inputs, None) == result
    assert assess(inputs, WEIGHTS) == result
    assert assess(inputs, dict(WEIGHTS)) == result
    assert {key: f.weight for key, f in result.factors.items()} == WEIGHTS


@settings(max_examples=300, deadline=None)
@given(risk_inputs(), weight_maps)
def test_assess_with_any_weights_is_the_formula(
    inputs: RiskInputs, weights: dict[str, float]
) -> None:
    """Section 4 with w'_i: raw = 100 M sum(w' s) / max(sum of available w', 0.70);
    confidence = sum(w' q) (at most 1); the sub-scores do not depend on weights."""
    base = assess(inputs)
    result = assess(inputs, weights)
    check_combination(result)
    subs = {key: f.sub_score for key, f in base.factors.items()}
    assert subs == {key: f.sub_score for key, f in result.factors.items()}
    assert {key: f.weight for key, f in result.factors.items()} == weights
    available = [key for key in FACTOR_KEYS if subs[key] is not None]
    d = max(math.fsum(weights[key] for key in available), 0.70)
    total = math.fsum(weights[key] * (subs[key] or 0.0) for key in available)
    assert result.raw == pytest.approx(100 * result.multiplier * total / d)
    assert result.multiplier == base.multiplier
    q = qualities(base, inputs)
    assert result.confidence == pytest.approx(
        min(1.0, math.fsum(weights[key] * q[key] for key in q))
    )
    assert 0 <= result.confidence <= 1
    assert (result.water_expected_ml, result.hydration_pace) == (
        base.water_expected_ml,
        base.hydration_pace,
    )


# --- the explanation follows the weights ---------------------------------------


@settings(max_examples=200, deadline=None)
@given(risk_inputs(), weight_maps)
def test_points_add_up_with_personal_weights(
    inputs: RiskInputs, weights: dict[str, float]
) -> None:
    result = assess(inputs, weights)
    factor_points, history_points = points(result)
    assert sum(factor_points.values()) + history_points == result.score
    for key, value in factor_points.items():
        if weights[key] == 0:
            assert value == 0


def test_confidence_hints_use_the_assessments_weights() -> None:
    """Without a room sensor the hint is worth heat's weight: nothing at weight 0."""
    inputs = _full(room_temp_c=None)
    assert confidence_hints(assess(inputs), inputs) == ("no_room_temperature",)
    unheated = assess(inputs, {**WEIGHTS, "heat": 0.0})
    assert confidence_hints(unheated, inputs) == ()


def test_hints_rank_by_the_personal_weights() -> None:
    """No room sensor and no water logged: with the base weights a room sensor adds
    0.15 * 1, water 0.15 * (1 - 0.3); a hydration weight of 0.3 makes water's 0.21."""
    inputs = _full(room_temp_c=None, water_ml=0.0)
    assert confidence_hints(assess(inputs), inputs) == (
        "no_room_temperature",
        "no_water_logged",
    )
    personal = {**WEIGHTS, "hydration": 0.3, "exertion": 0.15}
    assert confidence_hints(assess(inputs, personal), inputs) == (
        "no_water_logged",
        "no_room_temperature",
    )
