"""Tests for the upgrade of the cramp risk from a percentage to an index (1.3)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.statistics import (
    get_metadata,
    statistics_during_period,
    validate_statistics,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.recorder import get_instance
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
    do_adhoc_statistics,
)

from custom_components.cramp_guard.const import DOMAIN
from custom_components.cramp_guard.statistics_unit import async_drop_percent_unit

from .conftest import NOON, Sources, advance, make_entry

RISK = "sensor.alex_cramp_risk"
OLD_STATE = {"unit_of_measurement": "%", "state_class": "measurement"}  # before 1.3


@pytest.fixture
def mock_recorder_before_hass(recorder_db_url: str) -> None:
    """Prepare the recorder's database before `hass` (the autouse fixture of
    conftest.py needs `hass`, which would otherwise come first)."""


async def _compile(hass: HomeAssistant, start: datetime) -> None:
    """The recorder compiles the 5-minute statistics of the period from `start`."""
    do_adhoc_statistics(hass, start=dt_util.as_utc(start))
    await async_wait_recording_done(hass)


async def _metadata(hass: HomeAssistant) -> dict[str, Any] | None:
    found = await get_instance(hass).async_add_executor_job(
        lambda: get_metadata(hass, statistic_ids={RISK})
    )
    return dict(found[RISK][1]) if RISK in found else None


async def _means(hass: HomeAssistant, start: datetime) -> list[float]:
    rows = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        start,
        None,
        {RISK},
        "5minute",
        None,
        {"mean"},
    )
    return [row["mean"] for row in rows.get(RISK, [])]


async def test_an_upgrade_from_the_percent_unit_leaves_no_statistics_repair(
    recorder_mock: Recorder,
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Statistics compiled while the cramp risk had "%": after the upgrade their unit
    is gone, the values are kept as they were (the index), the next compile stores
    the index (not 5,200 % for 52) and neither the statistics check nor the repairs
    report a changed unit."""
    freezer.move_to(NOON)
    assert await async_setup_component(hass, "sensor", {})
    Sources(hass).set(room_temperature=24)
    entry = make_entry(minor_version=2, room_temperature="sensor.room_temperature")
    entry.add_to_hass(hass)
    er.async_get(hass).async_get_or_create(
        "sensor",
        DOMAIN,
        f"{entry.entry_id}_cramp_risk",
        suggested_object_id="alex_cramp_risk",
        config_entry=entry,
    )
    hass.states.async_set(RISK, "52", OLD_STATE)  # what 0.1.0 wrote
    await async_wait_recording_done(hass)
    freezer.tick(timedelta(minutes=5))
    await _compile(hass, NOON)
    assert (await _metadata(hass) or {})["unit_of_measurement"] == "%"
    assert await _means(hass, NOON) == [52.0]
    hass.states.async_remove(RISK)  # a restart: the new release starts afresh

    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.minor_version == 3
    await advance(hass, freezer, timedelta(minutes=5))
    state = hass.states.get(RISK)
    assert state is not None
    assert "unit_of_measurement" not in state.attributes
    index = float(state.state)
    await async_wait_recording_done(hass)
    freezer.tick(timedelta(minutes=5))
    await _compile(hass, NOON + timedelta(minutes=10))

    assert (await _metadata(hass) or {})["unit_of_measurement"] is None
    means = await _means(hass, NOON)
    assert means[0] == 52.0  # kept, not converted
    assert means[-1] == index  # the index, not a ratio of it
    issues = await get_instance(hass).async_add_executor_job(validate_statistics, hass)
    assert RISK not in issues
    assert not [i for i in issue_registry.issues.values() if i.domain == "sensor"]


async def test_nothing_to_drop(recorder_mock: Recorder, hass: HomeAssistant) -> None:
    """No risk sensor registered, or none with statistics in "%": nothing done."""
    entry = make_entry()
    entry.add_to_hass(hass)
    assert not await async_drop_percent_unit(hass, entry.entry_id)
    er.async_get(hass).async_get_or_create(
        "sensor", DOMAIN, f"{entry.entry_id}_cramp_risk", config_entry=entry
    )
    assert not await async_drop_percent_unit(hass, entry.entry_id)


async def test_without_the_recorder(hass: HomeAssistant) -> None:
    """Without the recorder there are no statistics to change."""
    assert not await async_drop_percent_unit(hass, "any")
