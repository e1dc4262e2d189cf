"""Points a person can check: they add up to the score, always (explain.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
import math
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.cramp_guard.explain import (
    HINTS,
    MAX_HINTS,
    confidence_hints,
    explain,
    history_reason,
    points,
    qualities,
)
from custom_components.cramp_guard.risk import (
    FACTOR_KEYS,
    WEIGHTS,
    Assessment,
    Profile,
    RiskInputs,
    assess,
    combine,
)
from custom_components.cramp_guard.risk.combine import level_for

from .test_risk_properties import risk_inputs

TZ = ZoneInfo("Europe/Berlin")
NOON = datetime(2025, 7, 15, 12, 0, tzinfo=TZ)
PERSON = Profile(body_mass_kg=75.0, sex="male")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure tests: no Home Assistant instance needed."""


def _full(**changes: object) -> RiskInputs:
    """A person with every source and four weeks of steps, at noon."""
    inputs = RiskInputs(
        now=NOON,
        profile=PERSON,
        load_metric="steps",
        load_history=[8000.0] * 28,
        load_today=16000.0,
        room_temp_c=30.0,
        room_humidity=50.0,
        water_ml=500.0,
        last_stretch=NOON - timedelta(hours=3),
        stretched_recently=True,
    )
    return replace(inputs, **changes)  # type: ignore[arg-type]


def _check(assessment: Assessment, inputs: RiskInputs) -> None:
    """The explanation's invariants."""
    result = explain(assessment, inputs)
    got = [p.points for p in result.points]
    assert all(isinstance(n, int) and n >= 0 for n in got)
    assert isinstance(result.history_points, int)
    assert result.history_points >= 0
    assert sum(got) + result.history_points == assessment.score
    assert sorted(p.key for p in result.points) == sorted(FACTOR_KEYS)
    order = [(-p.points, FACTOR_KEYS.index(p.key)) for p in result.points]
    assert order == sorted(order)
    for p in result.points:
        assert p.available == assessment.factors[p.key].available
        if not p.available:
            assert p.points == 0
    if assessment.multiplier == 1:
        assert result.history_points == 0
        assert result.history is None
    else:
        assert result.history is not None
    assert len(result.confidence_hints) <= MAX_HINTS
    assert len(set(result.confidence_hints)) == len(result.confidence_hints)
    assert set(result.confidence_hints) <= set(HINTS)


@settings(max_examples=300, deadline=None)
@given(risk_inputs(), st.sets(st.sampled_from(["load", "water", "other"])))
def test_points_add_up_for_any_assessment(inputs: RiskInputs, held: set[str]) -> None:
    """Over random (and garbage) inputs: whole points summing to the score, and the
    qualities the hints are valued by reproduce the model's confidence."""
    inputs = replace(inputs, held=frozenset(held))  # type: ignore[arg-type]
    assessment = assess(inputs)
    _check(assessment, inputs)
    confidence = math.fsum(
        WEIGHTS[key] * q for key, q in qualities(assessment, inputs).items()
    )
    assert confidence == pytest.approx(assessment.confidence, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        dict.fromkeys(FACTOR_KEYS, st.none() | st.floats(min_value=0, max_value=1))
    ),
    st.floats(min_value=0, max_value=1),
)
def test_points_add_up_for_any_combination(
    subs: dict[str, float | None], h: float
) -> None:
    """Scores of 0 and 100 (raw up to 140) and every multiplier."""
    combined = combine(subs, h)
    assessment = Assessment(
        score=combined.score,
        raw=combined.raw,
        level=combined.level,
        multiplier=combined.multiplier,
        confidence=0.5,
        confidence_level="medium",
        factors=combined.factors,
        top_factors=combined.top_factors,
        water_target_ml=None,
        water_expected_ml=None,
        hydration_pace=None,
    )
    factor_points, history_points = points(assessment)
    assert sum(factor_points.values()) + history_points == combined.score


def test_points_are_the_parts_scaled_to_the_score() -> None:
    """All factors at 0.5 and M = 1.2 (raw 60): 50 base points, 10 for the history."""
    combined = combine(dict.fromkeys(FACTOR_KEYS, 0.5), h=0.5)
    assert combined.score == 60
    assessment = _as_assessment(combined.score, combined)
    factor_points, history_points = points(assessment)
    assert history_points == 10
    # 100 * w * 0.5: 12.5, 15, 7.5, 7.5, 2.5, 5 - three halves round up (first
    # ones in model order on a tie).
    assert factor_points == {
        "workload": 13,
        "exertion": 15,
        "heat": 8,
        "hydration": 7,
        "stretch": 2,
        "timing": 5,
    }
    assert sum(factor_points.values()) == 50


def test_a_raw_above_100_is_scaled_down() -> None:
    """Every factor at 1 with M = 1.4: raw 140, score 100 (40/140 of it history)."""
    combined = combine(dict.fromkeys(FACTOR_KEYS, 1.0), h=1.0)
    assert combined.raw == pytest.approx(140)
    factor_points, history_points = points(_as_assessment(100, combined))
    # 28.57 for the history; its remainder ties with stretch's 3.57, the factor wins.
    assert history_points == 28
    assert factor_points == {
        "workload": 18,  # 17.86
        "exertion": 21,  # 21.43
        "heat": 11,  # 10.71
        "hydration": 11,
        "stretch": 4,
        "timing": 7,  # 7.14
    }


def test_nothing_gives_no_points() -> None:
    """Raw 0 (or below half a point): every factor 0."""
    for sub in (0.0, 0.003):
        combined = combine(dict.fromkeys(FACTOR_KEYS, sub), h=1.0)
        assert combined.score == 0
        factor_points, history_points = points(_as_assessment(0, combined))
        assert set(factor_points.values()) == {0}
        assert history_points == 0


def _as_assessment(score: int, combined: object) -> Assessment:
    raw: float = combined.raw  # type: ignore[attr-defined]
    return Assessment(
        score=score,
        raw=raw,
        level=level_for(score),
        multiplier=combined.multiplier,  # type: ignore[attr-defined]
        confidence=1.0,
        confidence_level="high",
        factors=combined.factors,  # type: ignore[attr-defined]
        top_factors=combined.top_factors,  # type: ignore[attr-defined]
        water_target_ml=None,
        water_expected_ml=None,
        hydration_pace=None,
    )


def test_unavailable_factors_have_zero_points() -> None:
    """Without a room temperature: heat unavailable with 0 points, among the other
    zeros in model order."""
    inputs = _full(room_temp_c=None, room_humidity=None)
    result = explain(assess(inputs), inputs)
    heat = next(p for p in result.points if p.key == "heat")
    assert (heat.points, heat.available) == (0, False)
    zeros = [p.key for p in result.points if p.points == 0]
    assert zeros == sorted(zeros, key=FACTOR_KEYS.index)
    assert result.points[0].points > 0
    assert "no_room_temperature" in result.confidence_hints


@pytest.mark.parametrize(
    ("days_ago", "prone", "reason"),
    [
        (None, False, None),
        (None, True, "cramp_prone"),
        (3, False, "recent_cramp"),
        (3, True, "recent_cramp"),  # h 1.0 beats proneness's 0.5
        (20, True, "recent_cramp"),  # both 0.5: the cramp is named
        (60, False, "recent_cramp"),
        (60, True, "cramp_prone"),  # 0.25 < 0.5: proneness decides M
        (120, False, None),
        (-1, False, "recent_cramp"),  # a cramp in the future counts as now
    ],
)
def test_history_reason(days_ago: int | None, prone: bool, reason: str | None) -> None:
    """Why M is above 1, as risk/combine.py history_h decides it."""
    inputs = _full(
        profile=replace(PERSON, cramp_prone=prone),
        last_cramp=None if days_ago is None else NOON - timedelta(days=days_ago),
    )
    assessment = assess(inputs)
    assert history_reason(assessment, inputs) == reason
    result = explain(assessment, inputs)
    assert (result.history_points > 0) == (reason is not None)


def test_history_reason_of_a_shown_assessment_without_a_cramp_now() -> None:
    """M > 1 from an earlier assessment, no cramp in the inputs now: a cramp."""
    assessment = assess(_full(last_cramp=NOON - timedelta(days=3)))
    assert history_reason(assessment, _full()) == "recent_cramp"


def test_full_data_needs_no_hints() -> None:
    """Every source, four weeks of history, water and a stretch: nothing to add."""
    inputs = _full()
    assessment = assess(inputs)
    assert assessment.confidence == pytest.approx(1.0)
    assert confidence_hints(assessment, inputs) == ()


@pytest.mark.parametrize(
    ("changes", "hints"),
    [
        ({"load_history": [8000.0] * 5}, ("no_workload_history",)),
        ({"load_history": []}, ("no_workload_history",)),
        (
            {"load_metric": None, "load_today": None, "load_history": []},
            ("no_activity_source",),
        ),
        ({"room_temp_c": None}, ("no_room_temperature",)),
        ({"water_ml": 0.0}, ("no_water_logged",)),
        ({"water_ml": None}, ("no_water_logged",)),
        ({"stretched_recently": False}, ("no_recent_stretch",)),
        ({"held": frozenset({"load"})}, ("source_out",)),
        ({"stale": frozenset({"load"})}, ("source_stale",)),
        # Out and stale at once: each remedy is valued alone (load 0.275 > water).
        (
            {"held": frozenset({"water"}), "stale": frozenset({"load"})},
            ("source_stale", "source_out"),
        ),
        # Most valuable first, three at most: activity 0.25 + 0.3 * 0.7 > heat 0.15
        # > water 0.105 > stretch 0.025.
        (
            {
                "load_metric": None,
                "load_today": None,
                "room_temp_c": None,
                "water_ml": 0.0,
                "stretched_recently": False,
            },
            ("no_activity_source", "no_room_temperature", "no_water_logged"),
        ),
        # Short history and held: the history (0.25 * 16/21 + ...) before the outage.
        (
            {"load_history": [8000.0] * 5, "held": frozenset({"water"})},
            ("no_workload_history", "source_out"),
        ),
    ],
)
def test_hints(changes: dict[str, object], hints: tuple[str, ...]) -> None:
    """Each gap names its remedy; ranked by what it would add."""
    inputs = _full(**changes)
    assert confidence_hints(assess(inputs), inputs) == hints


@pytest.mark.parametrize("field", ["held", "stale"])
def test_hints_of_garbage_held(field: str) -> None:
    """A `held` or `stale` that is not a collection is ignored, as the model ignores
    it."""
    inputs = _full(**{field: 3})
    assessment = assess(inputs)
    assert confidence_hints(assessment, inputs) == ()
    assert sum(WEIGHTS[k] * q for k, q in qualities(assessment, inputs).items()) == (
        pytest.approx(assessment.confidence)
    )


def test_as_dict() -> None:
    """JSON-ready: a list of points, the history's share, reason and hints."""
    inputs = _full(
        profile=replace(PERSON, cramp_prone=True), room_temp_c=None, water_ml=0.0
    )
    assessment = assess(inputs)
    data = explain(assessment, inputs).as_dict()
    assert list(data) == ["points", "history_points", "history", "confidence_hints"]
    assert data["history"] == "cramp_prone"
    assert data["confidence_hints"] == ["no_room_temperature", "no_water_logged"]
    listed = data["points"]
    assert isinstance(listed, list)
    assert [set(p) for p in listed] == [{"key", "points", "available"}] * 6
    history_points = data["history_points"]
    assert isinstance(history_points, int)
    assert sum(p["points"] for p in listed) + history_points == assessment.score
