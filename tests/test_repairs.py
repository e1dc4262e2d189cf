"""A missing source raises a fixable repair issue whose fix flow picks a replacement.

While Home Assistant is running, a source entity that does not exist raises the issue
`missing_source_<entry_id>_<key>`; it goes away when the entity is back. During
startup nothing is logged or raised: entities may simply not be there yet, so the
check waits for a grace period after Home Assistant has started.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from http import HTTPStatus
import logging
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.health import MISSING_GRACE_SECONDS

from .conftest import SOURCES, Sources, advance, make_entry, setup_entry

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 12, 0, tzinfo=TZ)
OPTIONS: dict[str, Any] = {k: v for k, v in SOURCES.items() if k != "room_humidity"}
LOGGER = "custom_components.cramp_guard"
USABLE_STATES: dict[str, float] = {
    "steps": 1200,
    "room_temperature": 22.5,
    "water": 500,
}
# `init_integration` here: Alex with OPTIONS, every source usable unless marked.
pytestmark = pytest.mark.entry(sources=OPTIONS, profile={}, states=USABLE_STATES)


def _issue_id(entry: MockConfigEntry, key: str) -> str:
    return f"missing_source_{entry.entry_id}_{key}"


def _set_sources(hass: HomeAssistant, *skip: str) -> None:
    """Give every source of OPTIONS a usable state, except those in `skip`."""
    Sources(hass).set(**_usable(*skip))


def _usable(*skip: str) -> dict[str, float]:
    """Usable states of the sources of OPTIONS, except those in `skip`."""
    return {n: v for n, v in USABLE_STATES.items() if f"sensor.{n}" not in skip}


def _warnings(caplog: pytest.LogCaptureFixture, entity_id: str) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == LOGGER
        and r.levelno == logging.WARNING
        and entity_id in r.getMessage()
    ]


def _our_issues(issue_registry: ir.IssueRegistry) -> set[str]:
    return {issue_id for domain, issue_id in issue_registry.issues if domain == DOMAIN}


async def _start_fix(client: Any, issue_id: str) -> dict[str, Any]:
    resp = await client.post(
        "/api/repairs/issues/fix", json={"handler": DOMAIN, "issue_id": issue_id}
    )
    assert resp.status == HTTPStatus.OK
    return await resp.json()


async def _fix_step(client: Any, flow_id: str, data: dict[str, Any]) -> dict[str, Any]:
    resp = await client.post(f"/api/repairs/issues/fix/{flow_id}", json=data)
    assert resp.status == HTTPStatus.OK
    return await resp.json()


# -- while Home Assistant is running --------------------------------------------------


@pytest.mark.entry(states=_usable("sensor.water"))
async def test_missing_source_raises_a_fixable_issue(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A source that does not exist raises the issue; it goes when it is back."""
    entry = init_integration

    assert _our_issues(issue_registry) == {_issue_id(entry, "water")}
    issue = issue_registry.async_get_issue(DOMAIN, _issue_id(entry, "water"))
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "missing_source"
    assert issue.translation_placeholders == {
        "name": "Alex",
        "entity_id": "sensor.water",
    }
    assert issue.data == {
        "entry_id": entry.entry_id,
        "key": "water",
        "entity_id": "sensor.water",
    }
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    assert f"component.{DOMAIN}.issues.missing_source.title" in translations
    # The rest of the model goes on without it.
    assert hass.states.get("sensor.alex_cramp_risk").state != "unavailable"

    hass.states.async_set("sensor.water", "250", {"unit_of_measurement": "mL"})
    await advance(hass, freezer, timedelta(seconds=1))
    assert not _our_issues(issue_registry)
    assert entry.runtime_data.engine.readings["water"].value == 250.0


async def test_unavailable_source_is_not_a_missing_source(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """An entity that exists but is unavailable raises no repair issue."""
    freezer.move_to(NOW)
    _set_sources(hass)
    hass.states.async_set("sensor.water", "unavailable")
    await setup_entry(hass, make_entry(**OPTIONS))
    await advance(hass, freezer, timedelta(seconds=MISSING_GRACE_SECONDS + 1))
    assert not _our_issues(issue_registry)


async def test_source_removed_while_running_raises_the_issue(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A source entity whose state disappears raises the issue too (one in the
    entity registry, renamed or removed there: tests/test_follow.py).

    The grace period is allowed for: the issue must be there once it has passed.
    """
    entry = init_integration
    assert not _our_issues(issue_registry)

    hass.states.async_remove("sensor.room_temperature")
    await advance(hass, freezer, timedelta(seconds=MISSING_GRACE_SECONDS + 1))
    assert _our_issues(issue_registry) == {_issue_id(entry, "room_temperature")}

    hass.states.async_set(
        "sensor.room_temperature", "21", {"unit_of_measurement": "°C"}
    )
    await advance(hass, freezer, timedelta(seconds=1))
    assert not _our_issues(issue_registry)


# -- the fix flow ---------------------------------------------------------------------


@pytest.mark.freeze_time(NOW)  # frozen before the client's access token is made
@pytest.mark.parametrize("replacement_exists", [True, False])
async def test_fix_flow_replaces_the_source(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
    replacement_exists: bool,
) -> None:
    """The fix flow asks for a replacement, stores it and reloads the entry."""
    assert await async_setup_component(hass, "repairs", {})
    _set_sources(hass, "sensor.steps")
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    issue_id = _issue_id(entry, "activity")
    assert issue_registry.async_get_issue(DOMAIN, issue_id)
    engine = entry.runtime_data.engine
    client = await hass_client()

    result = await _start_fix(client, issue_id)
    # The flow manager calls the first step with {"issue_id": ...}: the form must
    # still be shown, not that mistaken for the user's answer.
    assert result["type"] == "form"
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    step = f"component.{DOMAIN}.issues.missing_source.fix_flow.step.{result['step_id']}"
    assert f"{step}.data.replacement" in translations
    assert [field["name"] for field in result["data_schema"]] == ["replacement"]
    assert result["data_schema"][0]["required"] is True
    assert "entity" in result["data_schema"][0]["selector"]
    assert result["description_placeholders"] == {
        "name": "Alex",
        "entity_id": "sensor.steps",
    }

    if replacement_exists:
        hass.states.async_set(
            "sensor.phone_steps", "4321", {"unit_of_measurement": "steps"}
        )
    result = await _fix_step(
        client, result["flow_id"], {"replacement": "sensor.phone_steps"}
    )
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()

    # The option is replaced, the others kept, and the entry reloaded on it.
    assert entry.options == OPTIONS | {"activity": "sensor.phone_steps"}
    assert entry.runtime_data.engine is not engine
    assert (
        entry.runtime_data.engine.settings.sources["activity"] == "sensor.phone_steps"
    )
    if replacement_exists:
        assert not _our_issues(issue_registry)
        assert entry.runtime_data.engine.readings["activity"].value == 4321.0
        return

    # The replacement does not exist yet: the entry follows it all the same, and no
    # issue is left once it exists.
    assert "activity" not in entry.runtime_data.engine.readings or (
        entry.runtime_data.engine.readings["activity"].value is None
    )
    hass.states.async_set("sensor.phone_steps", "10", {"unit_of_measurement": "steps"})
    await advance(hass, freezer, timedelta(seconds=1))
    assert not _our_issues(issue_registry)
    assert entry.runtime_data.engine.readings["activity"].value == 10.0


@pytest.mark.freeze_time(NOW)
async def test_fix_flow_aborts_when_the_entry_was_removed(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
) -> None:
    """The issue of an entry that no longer exists cannot replace anything."""
    assert await async_setup_component(hass, "repairs", {})
    _set_sources(hass, "sensor.water")
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    issue_id = _issue_id(entry, "water")
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    if not issue_registry.async_get_issue(DOMAIN, issue_id):
        # Removing the entry may take its issues along (today it does not); the
        # flow must abort all the same for an issue that is left behind.
        ir.async_create_issue(
            hass,
            DOMAIN,
            issue_id,
            is_fixable=True,
            severity=ir.IssueSeverity.WARNING,
            translation_key="missing_source",
            translation_placeholders={"name": "Alex", "entity_id": "sensor.water"},
            data={
                "entry_id": entry.entry_id,
                "key": "water",
                "entity_id": "sensor.water",
            },
        )

    client = await hass_client()
    result = await _start_fix(client, issue_id)
    assert result["type"] == "abort"
    assert result["reason"] == "entry_removed"


@pytest.mark.entry(states=_usable("sensor.water"))
async def test_removing_the_entry_removes_its_issues(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    noon: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """No issue outlives its entry."""
    entry = init_integration
    assert _our_issues(issue_registry) == {_issue_id(entry, "water")}
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert not _our_issues(issue_registry)


# -- during startup -------------------------------------------------------------------


@pytest.mark.parametrize("state", [CoreState.not_running, CoreState.starting])
async def test_startup_waits_for_the_grace_period(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    state: CoreState,
) -> None:
    """Missing and unavailable sources during startup: no warning, no issue yet.

    The steps sensor never comes, the room temperature comes during the grace
    period, the water stays unavailable. Only the steps sensor raises the issue,
    once the grace period after the start has passed.
    """
    freezer.move_to(NOW)
    hass.set_state(state)
    hass.states.async_set("sensor.water", "unavailable")
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    assert not _our_issues(issue_registry)
    assert not [
        r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.WARNING
    ]

    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await advance(hass, freezer, timedelta(seconds=5))
    assert not _our_issues(issue_registry)

    hass.states.async_set(
        "sensor.room_temperature", "22.5", {"unit_of_measurement": "°C"}
    )
    await advance(hass, freezer, timedelta(seconds=MISSING_GRACE_SECONDS - 10))
    assert not _our_issues(issue_registry)

    await advance(hass, freezer, timedelta(seconds=10))
    assert _our_issues(issue_registry) == {_issue_id(entry, "activity")}
    assert entry.runtime_data.engine.readings["room_temperature"].value == 22.5
    # One warning per episode: none for the sensor that came within the grace.
    assert not _warnings(caplog, "sensor.room_temperature")
    assert len(_warnings(caplog, "sensor.steps")) == 1
    assert len(_warnings(caplog, "sensor.water")) == 1


@pytest.mark.parametrize("state", [CoreState.not_running, CoreState.starting])
async def test_source_appearing_during_startup_raises_nothing(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
    state: CoreState,
) -> None:
    """Every source appears during startup: no issue, no warning.

    The water sensor is unavailable until the others have come.
    """
    freezer.move_to(NOW)
    hass.set_state(state)
    hass.states.async_set("sensor.water", "unavailable")
    await setup_entry(hass, make_entry(**OPTIONS))
    _set_sources(hass, "sensor.water")
    await advance(hass, freezer, timedelta(seconds=20))
    _set_sources(hass)
    await advance(hass, freezer, timedelta(seconds=1))
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await advance(hass, freezer, timedelta(seconds=MISSING_GRACE_SECONDS + 1))
    await advance(hass, freezer, timedelta(minutes=5))

    assert not _our_issues(issue_registry)
    assert not [
        r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.WARNING
    ]


async def test_source_still_unusable_after_startup_is_warned_once(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A source unavailable at startup and still after the grace: one warning.

    Startup only postpones the warning of the episode (product: one warning per
    episode); it does not drop it.
    """
    freezer.move_to(NOW)
    hass.set_state(CoreState.not_running)
    _set_sources(hass, "sensor.water")
    hass.states.async_set("sensor.water", "unavailable")
    await setup_entry(hass, make_entry(**OPTIONS))
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await advance(hass, freezer, timedelta(seconds=MISSING_GRACE_SECONDS + 1))
    await advance(hass, freezer, timedelta(minutes=5))

    assert len(_warnings(caplog, "sensor.water")) == 1


async def test_unload_after_startup_logs_no_error(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An entry set up during startup unloads cleanly once Home Assistant started."""
    freezer.move_to(NOW)
    hass.set_state(CoreState.not_running)
    _set_sources(hass)
    entry = await setup_entry(hass, make_entry(**OPTIONS))
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await advance(hass, freezer, timedelta(seconds=MISSING_GRACE_SECONDS + 1))

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
