"""What would lower the index now: `levers` (personal.md section 5), worked out by
hand, plus properties against the section's own recipe."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace
from datetime import datetime, timedelta
import itertools
import math
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.cramp_guard.risk import (
    WEIGHTS,
    Bout,
    Lever,
    Profile,
    RiskInputs,
    assess,
    levers,
)

from .test_risk_properties import risk_inputs
from .test_risk_weights import weight_maps

TZ = ZoneInfo("Europe/Berlin")
AFTERNOON = datetime(2025, 7, 15, 15, 0, tzinfo=TZ)
NIGHT = datetime(2025, 7, 15, 23, 0, tzinfo=TZ)
ORDER = ("water", "stretch", "cooler")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Pure engine tests: no Home Assistant instance needed."""


def person(**changes: Any) -> RiskInputs:
    """15:00, a woman of 60 kg without a wearable or a room sensor, 600 mL so far.

    Expected by now: 0.8 * 32.5 * 60 = 1560 mL a day, x = 8 / 15, E(x) = 1 -
    (7 / 15) ** 1.3 = 0.6287: 980.8 mL; P = 0.612, hydration 0.577; stretch 0.5
    (no stretch, no bout, not near bed), timing 0. Available 0.30 -> D = 0.70:
    raw = 100 * (0.15 * 0.577 + 0.05 * 0.5) / 0.7 = 15.9 -> 16.
    """
    inputs = RiskInputs(
        now=AFTERNOON, profile=Profile(body_mass_kg=60.0, sex="female"), water_ml=600.0
    )
    return replace(inputs, **changes)


def test_lever_is_a_frozen_slotted_dataclass() -> None:
    assert [f.name for f in fields(Lever)] == ["key", "amount", "score", "points"]
    assert "__slots__" in vars(Lever)
    with pytest.raises(FrozenInstanceError):
        Lever("water", 250.0, 40, 2).points = 3  # type: ignore[misc]


# --- water ---------------------------------------------------------------------


def test_water_and_stretch_by_hand() -> None:
    """need = 980.8 - 600 = 380.8 -> 50 * ceil(7.6) = 400 mL: P 1.02, hydration 0,
    raw = 100 * 0.025 / 0.7 = 3.6 -> 4 (12 points). Stretching now: stretch 0,
    raw = 100 * 0.0865 / 0.7 = 12.4 -> 12 (4 points)."""
    inputs = person()
    base = assess(inputs)
    assert base.score == 16
    assert base.water_expected_ml == pytest.approx(980.8, abs=0.05)
    assert levers(inputs) == (
        Lever("water", 400.0, 4, 12),
        Lever("stretch", None, 12, 4),
    )


@pytest.mark.parametrize(
    ("target", "need", "amount"),
    [
        (2000.0, 410.0, 450.0),  # up to the next 50 mL, not to the nearest
        (2000.0, 1000.0, 500.0),  # never more than 500 mL
        (100.0, 10.0, 50.0),  # expected 62.9 mL: P 0.84, hydration 0.12
        (100.0, 50.0, 50.0),
    ],
)
def test_water_amount_in_steps_of_50_ml_at_most_500(
    target: float, need: float, amount: float
) -> None:
    """With a fixed target the expected amount is E(x) * target (0.6287 * target)."""
    profile = Profile(body_mass_kg=60.0, sex="female", water_target_ml=target)
    expected = assess(person(profile=profile)).water_expected_ml
    assert expected == pytest.approx(0.6287 * target, rel=1e-4)
    inputs = person(profile=profile, water_ml=expected - need)
    (water,) = [lever for lever in levers(inputs) if lever.key == "water"]
    assert water.amount == amount
    changed = replace(inputs, water_ml=inputs.water_ml + amount)  # type: ignore[operator]
    assert water.score == assess(changed).score


@pytest.mark.parametrize(
    "inputs",
    [
        person(water_ml=980.8),  # nothing missing (need <= 0)
        person(water_ml=2000.0),
        person(water_ml=None),  # no hydration data
        person(water_ml=math.nan),
        person(now=AFTERNOON.replace(hour=8)),  # within 2 h of wake: unavailable
        person(now=NIGHT, water_ml=0.0),  # the sleep window: no water lever
    ],
)
def test_no_water_lever(inputs: RiskInputs) -> None:
    assert "water" not in [lever.key for lever in levers(inputs)]


def test_asleep_with_hydration_still_no_water_lever() -> None:
    inputs = person(now=NIGHT, water_ml=0.0)
    base = assess(inputs)
    assert base.factors["hydration"].available
    assert base.water_expected_ml is not None
    assert not base.awake


# --- stretch --------------------------------------------------------------------


def test_no_stretch_lever_after_a_stretch() -> None:
    inputs = person(last_stretch=AFTERNOON - timedelta(hours=1))
    assert assess(inputs).factors["stretch"].sub_score == 0.0
    assert [lever.key for lever in levers(inputs)] == ["water"]


def test_stretching_during_a_bout_does_not_count() -> None:
    """A stretch only counts after the last bout: during one it lowers nothing."""
    running = Bout(start=AFTERNOON - timedelta(minutes=30), end=None)
    inputs = person(bouts=[running])
    assert assess(inputs).factors["stretch"].sub_score == 1.0
    assert "stretch" not in [lever.key for lever in levers(inputs)]


# --- cooler ---------------------------------------------------------------------


def test_cooler_room_ties_in_order_water_stretch_cooler() -> None:
    """Room 30 degC / 50 %: AT 31.05, heat 0.64; available 0.45 -> D 0.7, raw 29.6
    -> 30. 28 degC: AT 28.5, heat 0.48, raw 26.2 -> 26; stretching: 26.1 -> 26: a
    tie at 4 points, stretch first."""
    inputs = person(room_temp_c=30.0, room_humidity=50.0)
    assert assess(inputs).score == 30
    assert levers(inputs) == (
        Lever("water", 400.0, 17, 13),
        Lever("stretch", None, 26, 4),
        Lever("cooler", 2.0, 26, 4),
    )


def test_cooler_lowers_the_bedroom_at_night() -> None:
    inputs = person(
        now=NIGHT,
        room_temp_c=24.0,
        room_humidity=50.0,
        bedroom_temp_c=29.0,
        bedroom_humidity=50.0,
    )
    (cooler,) = [lever for lever in levers(inputs) if lever.key == "cooler"]
    cooled = replace(inputs, room_temp_c=22.0, bedroom_temp_c=27.0)
    assert cooler.score == assess(cooled).score
    assert cooler.score < assess(inputs).score
    assert cooler.amount == 2.0


def test_cooler_at_night_without_a_bedroom_sensor_cools_the_room() -> None:
    inputs = person(now=NIGHT, room_temp_c=29.0, room_humidity=50.0)
    (cooler,) = [lever for lever in levers(inputs) if lever.key == "cooler"]
    assert cooler.score == assess(replace(inputs, room_temp_c=27.0)).score


@pytest.mark.parametrize(
    "inputs",
    [
        person(room_temp_c=20.0),  # heat 0
        person(),  # no temperature at all
        person(  # hot only outdoors: heat > 0 but no room to cool
            bouts=[
                Bout(
                    start=AFTERNOON - timedelta(minutes=40),
                    end=None,
                    outdoor_temp_c=35.0,
                )
            ]
        ),
    ],
)
def test_no_cooler_lever(inputs: RiskInputs) -> None:
    assert "cooler" not in [lever.key for lever in levers(inputs)]


def test_nothing_to_lower() -> None:
    inputs = person(water_ml=2000.0, last_stretch=AFTERNOON, room_temp_c=20.0)
    assert assess(inputs).score == 0
    assert levers(inputs) == ()


def test_levers_use_the_weights_given() -> None:
    """A personal weight on stretch makes stretching worth more than water."""
    inputs = person()
    personal = {**WEIGHTS, "hydration": 0.05, "stretch": 0.3}
    base = assess(inputs, personal)
    found = levers(inputs, personal)
    assert [lever.key for lever in found] == ["stretch", "water"]
    for lever in found:
        assert lever.points == base.score - lever.score
    stretched = replace(inputs, last_stretch=AFTERNOON, stretched_recently=True)
    assert found[0].score == assess(stretched, personal).score


# --- properties ------------------------------------------------------------------


def known(value: object) -> bool:
    """A temperature the model can use (risk/clean.py: finite, within +-1e9)."""
    return isinstance(value, int | float) and -1e9 <= value <= 1e9


def recipe(inputs: RiskInputs, weights: dict[str, float] | None) -> tuple[Lever, ...]:
    """Section 5 written out literally from the inputs as given."""
    base = assess(inputs, weights)
    changes: list[tuple[str, float | None, RiskInputs]] = []
    expected = base.water_expected_ml
    if base.awake and base.factors["hydration"].available and expected is not None:
        need = expected - inputs.water_ml  # type: ignore[operator]
        if need > 0:
            amount = min(500, 50 * math.ceil(need / 50))
            water = inputs.water_ml + amount  # type: ignore[operator]
            changes.append(("water", amount, replace(inputs, water_ml=water)))
    if (base.factors["stretch"].sub_score or 0) > 0:
        stretched = replace(inputs, last_stretch=inputs.now, stretched_recently=True)
        changes.append(("stretch", None, stretched))
    if (base.factors["heat"].sub_score or 0) > 0 and known(inputs.room_temp_c):
        bedroom = inputs.bedroom_temp_c
        cooled = replace(
            inputs,
            room_temp_c=inputs.room_temp_c - 2,  # type: ignore[operator]
            bedroom_temp_c=bedroom - 2 if known(bedroom) else bedroom,  # type: ignore[operator]
        )
        changes.append(("cooler", 2, cooled))
    kept = []
    for key, amount, changed in changes:
        score = assess(changed, weights).score
        if base.score - score >= 1:
            kept.append(Lever(key, amount, score, base.score - score))  # type: ignore[arg-type]
    return tuple(sorted(kept, key=lambda lever: -lever.points))


@settings(max_examples=300, deadline=None)
@given(risk_inputs(), st.none() | weight_maps)
def test_levers_follow_the_recipe_and_never_raise_the_index(
    inputs: RiskInputs, weights: dict[str, float] | None
) -> None:
    base = assess(inputs, weights).score
    found = levers(inputs, weights)
    assert found == recipe(inputs, weights)
    keys = [lever.key for lever in found]
    assert len(set(keys)) == len(keys)
    for lever in found:
        assert lever.points >= 1
        assert 0 <= lever.score == base - lever.points < base
        if lever.key == "water":
            assert lever.amount in {50.0 * k for k in range(1, 11)}
        else:
            assert lever.amount == (2.0 if lever.key == "cooler" else None)
    for first, second in itertools.pairwise(found):
        assert (first.points, -ORDER.index(first.key)) > (
            second.points,
            -ORDER.index(second.key),
        )
