"""Tests for logging by hand: the cramp's context, the one entry point and the water
parser."""

from __future__ import annotations

from datetime import datetime, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.cramp_guard.actions import async_log, cramp_context
from custom_components.cramp_guard.bodies import Refused, validate, water_ml
from custom_components.cramp_guard.engine import Engine

from .conftest import ABSURD_WATER, TZ, advance, engine_of


@pytest.fixture
def workout_off(hass: HomeAssistant) -> None:
    """Alex's workout switch, off before the setup."""
    hass.states.async_set("input_boolean.workout", "off")


@pytest.fixture
def engine(
    noon: FrozenDateTimeFactory, workout_off: None, init_integration: MockConfigEntry
) -> Engine:
    """The engine of Alex, who has only a workout switch, set up at NOON in Berlin."""
    return engine_of(init_integration)


pytestmark = pytest.mark.entry(
    sources={}, profile={}, options={"workout": "input_boolean.workout"}, states={}
)


async def test_cramp_context_follows_the_day(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, engine: Engine
) -> None:
    """Rest by day, exercise during and an hour after a workout, night asleep."""
    now = datetime(2026, 6, 16, 12, tzinfo=TZ)
    assert cramp_context(engine, now) == "rest"

    hass.states.async_set("input_boolean.workout", "on")
    await advance(hass, freezer, timedelta(minutes=30))
    assert cramp_context(engine, now + timedelta(minutes=30)) == "exercise"
    hass.states.async_set("input_boolean.workout", "off")
    await advance(hass, freezer, timedelta(minutes=50))
    assert async_log(engine, "cramp", {}).cramps_30_days == 1
    assert engine.ledger.iter_cramps()[0].context == "exercise"

    await advance(hass, freezer, datetime(2026, 6, 17, 2, tzinfo=TZ))
    assert cramp_context(engine, datetime(2026, 6, 17, 2, tzinfo=TZ)) == "night"
    engine.data = None  # type: ignore[assignment]
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
    with pytest.raises(Refused) as err:
        water_ml(amount, unit)
    assert err.value.key == reason


@pytest.mark.parametrize(("amount", "unit", "key"), ABSURD_WATER)
def test_absurd_water_is_refused(amount: float | str, unit: str, key: str) -> None:
    """Refused with the key of the action's error, before any arithmetic: no
    OverflowError, and the mL in the message a number (never "inf")."""
    with pytest.raises(Refused) as err:
        validate("water", {"amount": amount, "unit": unit})
    assert err.value.key == key
    assert "inf" not in err.value.placeholders.get("ml", "")


@pytest.mark.parametrize(
    ("amount", "unit", "ml"),
    [(1e308, "gal", "3.79e+311"), (4, "L", "4000"), (200, "fl. oz.", "5915")],
)
def test_too_large_says_how_much(amount: float, unit: str, ml: str) -> None:
    """The message's mL: whole, or in powers of ten when a float cannot hold it."""
    with pytest.raises(Refused) as err:
        water_ml(amount, unit)
    assert err.value.placeholders["ml"] == ml


@pytest.mark.parametrize(
    ("kind", "body", "key"),
    [
        ("water", {"amount": "lots"}, "invalid_body"),
        ("water", {"amount": True}, "invalid_body"),
        ("water", {"amount": "1e308", "unit": "L"}, "amount_too_large"),
        ("water", {"amount": "nan"}, "invalid_amount"),
        ("water", {"amount": 10**400}, "invalid_amount"),
        ("cramp", {"muscle": "neck"}, "invalid_body"),
    ],
)
async def test_async_log_refuses_and_writes_nothing(
    engine: Engine, kind: str, body: dict[str, object], key: str
) -> None:
    """The one entry point validates: a refusal has its key and writes nothing."""
    before = engine.ledger._as_dict()
    with pytest.raises(Refused) as err:
        async_log(engine, kind, body)
    assert err.value.key == key
    assert engine.ledger._as_dict() == before
