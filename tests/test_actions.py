"""Tests for logging by hand: the cramp's context and the water parser."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

from custom_components.cramp_guard.actions import (
    WaterError,
    async_log_cramp,
    cramp_context,
    water_ml,
)
from custom_components.cramp_guard.engine import Engine

from .conftest import advance, make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")


async def _engine(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> Engine:
    freezer.move_to(datetime(2026, 6, 16, 12, tzinfo=TZ))
    hass.states.async_set("input_boolean.workout", "off")
    entry = await setup_entry(hass, make_entry(workout="input_boolean.workout"))
    engine: Engine = entry.runtime_data.engine
    return engine


async def test_cramp_context_follows_the_day(
    hass: HomeAssistant, berlin: None, freezer: FrozenDateTimeFactory
) -> None:
    """Rest by day, exercise during and an hour after a workout, night asleep."""
    engine = await _engine(hass, freezer)
    now = datetime(2026, 6, 16, 12, tzinfo=TZ)
    assert cramp_context(engine, now) == "rest"

    hass.states.async_set("input_boolean.workout", "on")
    await advance(hass, freezer, timedelta(minutes=30))
    assert cramp_context(engine, now + timedelta(minutes=30)) == "exercise"
    hass.states.async_set("input_boolean.workout", "off")
    await advance(hass, freezer, timedelta(minutes=50))
    assert async_log_cramp(engine).cramps_30_days == 1
    assert engine.ledger.iter_cramps()[0].context == "exercise"

    await advance(hass, freezer, datetime(2026, 6, 17, 2, tzinfo=TZ))
    assert cramp_context(engine, datetime(2026, 6, 17, 2, tzinfo=TZ)) == "night"
    engine.snapshot = None
    assert cramp_context(engine, now) == "rest"


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [(8, "fl. oz.", 237.0), (2, "Cups", 473.0), (0.5, "l", 500.0), (250, "mL", 250.0)],
)
def test_water_ml(amount: float, unit: str, expected: float) -> None:
    """Whole millilitres from the units people use, whatever their case."""
    assert water_ml(amount, unit) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "reason"),
    [
        (1, "glasses", "invalid_unit"),
        (0.2, "mL", "invalid_amount"),
        (float("nan"), "mL", "invalid_amount"),
        (-1, "L", "invalid_amount"),
        (4, "L", "amount_too_large"),
    ],
)
def test_water_ml_refuses(amount: float, unit: str, reason: str) -> None:
    """Unknown units, nothing to speak of and more than 3 L at once are refused."""
    with pytest.raises(WaterError) as err:
        water_ml(amount, unit)
    assert err.value.reason == reason
