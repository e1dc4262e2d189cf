"""Shared fixtures for the Cramp Guard tests."""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
import logging
from typing import Any
from unittest.mock import PropertyMock, patch
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util, slugify
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.syrupy import (
    HomeAssistantSnapshotExtension,
)
from syrupy.assertion import SnapshotAssertion

# Import our package before the harness's `hass` fixture runs, or the harness's own
# `custom_components` package shadows ours.
import custom_components.cramp_guard  # noqa: F401
from custom_components.cramp_guard.const import CONF_PERSON_NAME, DOMAIN
from custom_components.cramp_guard.engine import Engine
from custom_components.cramp_guard.learning import sample_row
from custom_components.cramp_guard.risk import FACTOR_KEYS

TZ = ZoneInfo("Europe/Berlin")
# The moment most tests run at (with the `noon` fixture): a summer day, in Berlin.
NOON = datetime(2026, 6, 16, 12, tzinfo=TZ)

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
PROFILE: dict[str, Any] = {
    "body_mass": 75.0,
    "sex": "male",
    "wake_time": "07:00:00",
    "bed_time": "22:00:00",
}
PERSON: dict[str, Any] = SOURCES | PROFILE

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
# The entry id of `mock_config_entry`: fixed, so snapshots of unique ids, stores and
# action ids hold the same text on every run.
ENTRY_ID = "01JCRAMPGUARDTESTENTRY0001"
# The unit each source sensor of SOURCES reports in.
UNITS: dict[str, str] = {
    "steps": "steps",
    "room_temperature": "°C",
    "room_humidity": "%",
    "water": "mL",
}
# Usable states for every source of SOURCES (what `init_integration` sets by default).
USABLE: dict[str, float] = {
    "steps": 4200,
    "room_temperature": 24,
    "room_humidity": 50,
    "water": 800,
}

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
def entity_registry_enabled_by_default() -> Generator[None]:
    """Every entity enabled, also those Cramp Guard disables by default (core's
    fixture of the same name): for tests that read their states."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
        new_callable=PropertyMock,
    ):
        yield


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots in tests/snapshots, in Home Assistant's format, in every lane.

    Which `snapshot` fixture wins (syrupy's or the harness's) differs between
    installs, so the extension is chosen here.
    """
    return snapshot.use_extension(HomeAssistantSnapshotExtension)


@pytest.fixture
async def berlin(hass: HomeAssistant) -> None:
    """Run the test in Europe/Berlin (the harness defaults to US/Pacific)."""
    await hass.config.async_set_time_zone("Europe/Berlin")


def make_entry(
    name: str = "Alex",
    *,
    entry_id: str | None = None,
    minor_version: int = 1,
    **options: Any,
) -> MockConfigEntry:
    """A config entry for one person with these options (a random id unless given;
    of version 1.1 unless told, so every migration runs)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        unique_id=slugify(name),
        entry_id=entry_id,
        data={CONF_PERSON_NAME: name},
        options=options,
        minor_version=minor_version,
    )


class Sources:
    """Sets the source sensors of SOURCES as the tests' sensors report them.

    Each is `sensor.<name>` with its unit in UNITS (a water counter may report
    another volume unit); a state such as "unavailable" is set as it is.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Set states in this Home Assistant."""
        self.hass = hass

    def set(self, **values: float | str) -> None:
        """Set several sources at once: `set(steps=4200, room_temperature=24)`."""
        for name, value in values.items():
            self._set(name, value, UNITS[name])

    def steps(self, value: float | str) -> None:
        """The steps counter (today's steps)."""
        self._set("steps", value, UNITS["steps"])

    def room_temperature(self, value: float | str, unit: str = "°C") -> None:
        """The room temperature."""
        self._set("room_temperature", value, unit)

    def room_humidity(self, value: float | str) -> None:
        """The room's relative humidity."""
        self._set("room_humidity", value, UNITS["room_humidity"])

    def water(self, value: float | str, unit: str = "mL") -> None:
        """The water counter (today's water)."""
        self._set("water", value, unit)

    def unavailable(self, *names: str) -> None:
        """These sources are unavailable (a state without attributes)."""
        for name in names:
            self.hass.states.async_set(f"sensor.{name}", "unavailable")

    def _set(self, name: str, value: float | str, unit: str) -> None:
        self.hass.states.async_set(
            f"sensor.{name}", str(value), {"unit_of_measurement": unit}
        )


@pytest.fixture
def sources(hass: HomeAssistant) -> Sources:
    """Set the states of the source sensors."""
    return Sources(hass)


def pytest_configure(config: pytest.Config) -> None:
    """Register the `entry` marker (see `Setup`)."""
    config.addinivalue_line(
        "markers",
        "entry(**fields): what `init_integration` sets up (the fields of Setup)",
    )
    config.addinivalue_line(
        "markers",
        "statistics(days, **kw) / statistics(rows=..., metadata=...): the recorded "
        "statistics of tests/test_backfill.py",
    )


@dataclass(frozen=True, kw_only=True)
class Setup:
    """What `init_integration` sets up: one person and the states before setup.

    Set by `@pytest.mark.entry(field=...)` on a test, a class or a module
    (`pytestmark`), the closest mark winning per field, or per parameter with
    `@pytest.mark.parametrize("entry_setup", [{field: ...}], indirect=True)`.
    """

    name: str = "Alex"
    # None: a random id (the harness's); the fixed one keeps snapshots stable.
    entry_id: str | None = ENTRY_ID
    sources: Mapping[str, Any] = field(default_factory=lambda: SOURCES)
    profile: Mapping[str, Any] = field(default_factory=lambda: PROFILE)
    # More options (a workout sensor, notify targets, ...).
    options: Mapping[str, Any] = field(default_factory=dict)
    # The source states set before setup (`Sources.set`).
    states: Mapping[str, float | str] = field(default_factory=lambda: USABLE)
    # The saved ledger's data (`saved_ledger`), or no saved ledger.
    ledger: Mapping[str, Any] | None = None

    @property
    def entry_options(self) -> dict[str, Any]:
        """The config entry's options: the sources, the profile and the others."""
        return {**self.sources, **self.profile, **self.options}


@pytest.fixture
def entry_setup(request: pytest.FixtureRequest) -> Setup:
    """The test's `Setup`: its `entry` marks, then an indirect parameter."""
    fields: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers("entry"))):
        fields |= marker.kwargs
    fields |= getattr(request, "param", {})
    return Setup(**fields)


@pytest.fixture
def entry_options(entry_setup: Setup) -> dict[str, Any]:
    """The options of `mock_config_entry` (PERSON by default): override (or
    parametrize) to change them, or mark the test."""
    return entry_setup.entry_options


@pytest.fixture
def mock_config_entry(
    entry_setup: Setup, entry_options: dict[str, Any]
) -> MockConfigEntry:
    """Alex, with the fixed ENTRY_ID and `entry_options` (PERSON by default)."""
    return make_entry(entry_setup.name, entry_id=entry_setup.entry_id, **entry_options)


@pytest.fixture
def source_states(entry_setup: Setup) -> Mapping[str, float | str]:
    """The source states `init_integration` sets before setting up: override them."""
    return entry_setup.states


@pytest.fixture
async def init_integration(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    entry_setup: Setup,
    mock_config_entry: MockConfigEntry,
    sources: Sources,
    source_states: Mapping[str, float | str],
) -> MockConfigEntry:
    """`mock_config_entry` set up, with `source_states` set first (and the saved
    ledger of the setup, if any); returns it.

    Fixtures listed before it in a test (`berlin`, `noon`, a frozen time, recorded
    statistics) apply to the setup.
    """
    if entry_setup.ledger is not None:
        hass_storage[f"{DOMAIN}.{mock_config_entry.entry_id}"] = ledger_file(
            mock_config_entry.entry_id, entry_setup.ledger
        )
    sources.set(**source_states)
    return await setup_entry(hass, mock_config_entry)


@pytest.fixture
def noon(berlin: None, freezer: FrozenDateTimeFactory) -> FrozenDateTimeFactory:
    """The test runs in Berlin, from NOON; the frozen clock."""
    freezer.move_to(NOON)
    return freezer


def engine_of(entry: ConfigEntry) -> Engine:
    """The entry's engine (`entry.runtime_data.engine`)."""
    engine: Engine = entry.runtime_data.engine
    return engine


def entry_named(hass: HomeAssistant, name: str = "Alex") -> ConfigEntry:
    """The loaded person's entry of this name."""
    return next(e for e in hass.config_entries.async_entries(DOMAIN) if e.title == name)


def engine_named(hass: HomeAssistant, name: str = "Alex") -> Engine:
    """The engine of the loaded person of this name."""
    return engine_of(entry_named(hass, name))


def storage_file(key: str, data: Any, version: int = 1) -> dict[str, Any]:
    """A file of `.storage` as `hass_storage` holds it."""
    return {"version": version, "minor_version": 1, "key": key, "data": data}


def ledger_days(today: date, loads: Mapping[int, float]) -> list[dict[str, Any]]:
    """Saved ledger days with these loads (days before `today` -> load), oldest
    first."""
    return [
        {"day": (today - timedelta(days=n)).isoformat(), "load": load}
        for n, load in sorted(loads.items(), reverse=True)
    ]


def hourly_samples(
    day: date,
    score: Callable[[datetime], int] | int = 20,
    subs: Callable[[datetime], Mapping[str, float | None]] | None = None,
    hours: int = 24,
    wake: int = 7,
) -> list[str]:
    """A saved day's samples (the rows the ledger keeps): one an hour from the wake
    time on, in Berlin; the score and sub-scores fixed or by the hour's start (every
    sub-score 0.2 unless told)."""
    first = datetime.combine(day, time(wake), TZ)
    rows = []
    for n in range(hours):
        start = (first.astimezone(UTC) + timedelta(hours=n)).astimezone(TZ)
        rows.append(
            sample_row(
                start,
                score(start) if callable(score) else score,
                subs(start) if subs else dict.fromkeys(FACTOR_KEYS, 0.2),
            )
        )
    return rows


def saved_ledger(
    days: list[dict[str, Any]], *, backfilled: bool = True
) -> dict[str, Any]:
    """A saved ledger's data: these days, no counters."""
    return {"backfilled": backfilled, "days": days, "counters": {}}


def ledger_file(entry_id: str, data: Any) -> dict[str, Any]:
    """The saved ledger of an entry (`saved_ledger`'s data) as `hass_storage` holds
    it."""
    return storage_file(f"{DOMAIN}.{entry_id}", data)


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
