"""Diagnostics: the settings (names redacted), the sources as the engine sees them, the
ledger summary and the last assessment - snapshot-tested at a frozen time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
import re
from typing import Any
from zoneinfo import ZoneInfo

# Imported before time is frozen: diagnostics import it on first use, and its
# mashumaro models cannot be built while freezegun patches `datetime`.
import homeassistant.components.hassio  # noqa: F401
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.cramp_guard.risk import FACTOR_KEYS

from .conftest import (
    ENTRY_ID,
    PERSON,
    Sources,
    hourly_samples,
    ledger_days,
    ledger_file,
    make_entry,
    saved_ledger,
    setup_entry,
)

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 12, 0, tzinfo=TZ)
OPTIONS: dict[str, Any] = PERSON | {"bedroom_temperature": "sensor.bedroom_temperature"}
REDACTED = "**REDACTED**"
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}")


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Alex Example (a full name, to show it redacted), with a bedroom sensor too."""
    return make_entry("Alex Example", entry_id=ENTRY_ID, **OPTIONS)


def _subs(start: datetime) -> dict[str, float | None]:
    """Sub-scores of a sample: higher in the evening; no workload history yet."""
    evening = 0.6 if start.hour >= 18 else 0.1
    return {key: None if key == "workload" else evening for key in FACTOR_KEYS}


@pytest.fixture
def ledger(hass_storage: dict[str, Any]) -> None:
    """A saved ledger: five completed days, with a sample of every hour (the index
    higher in the evening), and a stretch two days ago."""
    days = ledger_days(NOW.date(), {n: 6000.0 + n for n in range(1, 6)})
    for day in days:
        day["samples"] = hourly_samples(
            date.fromisoformat(day["day"]),
            lambda start: 60 if 18 <= start.hour < 22 else 15,
            _subs,
        )
    days[-2]["stretches"] = [(NOW - timedelta(days=2)).isoformat()]
    hass_storage[f"cramp_guard.{ENTRY_ID}"] = ledger_file(ENTRY_ID, saved_ledger(days))


@pytest.mark.freeze_time(NOW)  # frozen before the client's access token is made
async def test_diagnostics(
    hass: HomeAssistant,
    berlin: None,
    hass_client: ClientSessionGenerator,
    ledger: None,
    sources: Sources,
    mock_config_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """The diagnostics of one person, with a usable, a bad and a missing source."""
    sources.set(steps=5400, room_temperature=24.5, room_humidity=55)
    sources.unavailable("water")
    # sensor.bedroom_temperature does not exist.
    entry = await setup_entry(hass, mock_config_entry)

    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)

    # The person's name is private: in the title and in the entry's data.
    assert diagnostics["entry"]["title"] == REDACTED
    assert diagnostics["entry"]["data"] == {"person_name": REDACTED}
    assert "Alex Example" not in str(diagnostics)
    assert diagnostics["sources"]["water"]["problem"] == "unavailable"
    assert diagnostics["sources"]["bedroom_temperature"]["problem"] == "missing"
    learning = diagnostics["learning"]
    assert learning["samples"] == 120
    assert not ISO_MOMENT.search(str(learning))  # counts, never moments
    assert diagnostics == snapshot
