"""Shared fixtures for the Cramp Guard tests."""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime, timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util, slugify
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

# Import our package before the harness's `hass` fixture runs, or the harness's own
# `custom_components` package shadows ours.
import custom_components.cramp_guard  # noqa: F401
from custom_components.cramp_guard.const import CONF_PERSON_NAME, DOMAIN

# The sensors most tests give a person, and a full person with a profile.
SOURCES: dict[str, Any] = {
    "activity": "sensor.steps",
    "activity_metric": "steps",
    "activity_counter": "daily",
    "room_temperature": "sensor.room_temperature",
    "room_humidity": "sensor.room_humidity",
    "water": "sensor.water",
    "water_counter": "daily",
    "water_unit": "mL",
}
PERSON: dict[str, Any] = SOURCES | {
    "body_mass": 75.0,
    "sex": "male",
    "wake_time": "07:00:00",
    "bed_time": "22:00:00",
}

# Amounts of water that are not finite, or more than a float holds once converted
# (issue 10), with the key every way in refuses them with, in every unit.
ABSURD_WATER: list[tuple[float | str, str, str]] = [
    (amount, unit, key)
    for unit in ("mL", "L", "fl. oz.", "cup", "gal")
    for amount, key in (
        (1e308, "amount_too_large"),
        ("1e308", "amount_too_large"),
        (1.7976931348623157e308, "amount_too_large"),  # the largest float
        (-1e308, "invalid_amount"),
        ("inf", "invalid_amount"),
        ("-inf", "invalid_amount"),
        ("nan", "invalid_amount"),
        ("NaN", "invalid_amount"),
    )
]

# The harness logs every SQL statement of the recorder at INFO; that buries the
# results of the backfill tests.
logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    enable_custom_integrations: None,
) -> Generator[None]:
    """Let every test load integrations from custom_components."""
    return


@pytest.fixture
async def berlin(hass: HomeAssistant) -> None:
    """Run the test in Europe/Berlin (the harness defaults to US/Pacific)."""
    await hass.config.async_set_time_zone("Europe/Berlin")


def make_entry(name: str = "Alex", **options: Any) -> MockConfigEntry:
    """A config entry for one person with these options."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        unique_id=slugify(name),
        data={CONF_PERSON_NAME: name},
        options=options,
    )


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> MockConfigEntry:
    """Add and set up an entry."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


async def advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, to: datetime | timedelta
) -> None:
    """Move the clock (to a moment, or by a step) and run what is due.

    Loop timers (the debounce) run on the real monotonic clock; firing one second
    ahead lets them run too.
    """
    await hass.async_block_till_done()  # let pending events schedule their timers
    if isinstance(to, datetime):
        freezer.move_to(to)
    else:
        freezer.tick(to)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=1))
    await hass.async_block_till_done()
