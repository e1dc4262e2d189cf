"""A counter that behaves unlike its chosen kind raises a fixable repair.

A lifetime bottle total chosen as "starts from zero every day" is far above any day:
nothing of it is counted, one warning is logged and the repair offers "keeps
counting"; taking it reloads the entry, which then counts what the bottle gains. A day
total chosen as "keeps counting" that falls to zero after midnight three days running
gets the opposite offer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
import logging
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.cramp_guard.const import DOMAIN, CounterKind

from .conftest import advance, make_entry, setup_entry
from .test_repairs import _fix_step, _our_issues, _start_fix

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 9, 0, tzinfo=TZ)
# HidrateSpark's lifetime water (bditter/HA-Hidratespark sensor.py): fl. oz.
LIFETIME = {
    "unit_of_measurement": "fl. oz.",
    "device_class": "volume",
    "state_class": "total_increasing",
}
WATER: dict[str, Any] = {
    "water": "sensor.bottle",
    "water_counter": "daily",
    "water_unit": "mL",
}


@pytest.mark.freeze_time(NOW)  # before the client's access token is made
async def test_lifetime_total_read_as_daily_is_caught_and_fixed(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    hass_client: ClientSessionGenerator,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """37 L is no day's water: not counted, one warning, a repair that fixes it."""
    assert await async_setup_component(hass, "repairs", {})
    hass.states.async_set("sensor.bottle", "1251.1", LIFETIME)
    entry = await setup_entry(hass, make_entry(**WATER))
    for value in ("1255.0", "1260.0"):
        hass.states.async_set("sensor.bottle", value, LIFETIME)
        await advance(hass, freezer, timedelta(minutes=10))

    assert hass.states.get("sensor.alex_water_today").state == "0"
    issue_id = f"counter_kind_{entry.entry_id}_water"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.is_fixable
    assert issue.translation_key == "counter_kind_cumulative"
    warnings = [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING
        and r.name == "custom_components.cramp_guard"
        and "sensor.bottle" in r.getMessage()
    ]
    assert len(warnings) == 1
    assert "cumulative" in warnings[0].getMessage()

    client = await hass_client()
    result = await _start_fix(client, issue_id)
    assert result["type"] == "form"
    translations = await async_get_translations(hass, "en", "issues", [DOMAIN])
    key = f"component.{DOMAIN}.issues.counter_kind_cumulative"
    assert f"{key}.title" in translations
    assert f"{key}.fix_flow.step.replace.description" in translations
    assert result["description_placeholders"] == {
        "name": "Alex",
        "entity_id": "sensor.bottle",
    }
    field = result["data_schema"][0]
    assert field["name"] == "replacement"
    assert field["description"] == {"suggested_value": "cumulative"}
    result = await _fix_step(client, result["flow_id"], {"replacement": "cumulative"})
    assert result["type"] == "create_entry"
    await hass.async_block_till_done()

    assert entry.options == WATER | {"water_counter": "cumulative"}
    assert not _our_issues(issue_registry)
    # Now it counts what the bottle gains: 8 fl. oz.
    hass.states.async_set("sensor.bottle", "1268.0", LIFETIME)
    await advance(hass, freezer, timedelta(minutes=10))
    assert hass.states.get("sensor.alex_water_today").state == "237"


async def test_day_total_read_as_cumulative_gets_the_daily_offer(
    hass: HomeAssistant,
    berlin: None,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """Falling to about zero after midnight three days running: a day's total."""
    freezer.move_to(NOW)
    steps = {"unit_of_measurement": "steps", "state_class": "total_increasing"}
    hass.states.async_set("sensor.steps", "3000", steps)
    entry = await setup_entry(
        hass,
        make_entry(
            activity="sensor.steps",
            activity_metric="steps",
            activity_counter="cumulative",
        ),
    )
    issue_id = f"counter_kind_{entry.entry_id}_activity"
    for day in range(1, 4):
        midnight = NOW.replace(hour=0, minute=10) + timedelta(days=day)
        assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
        await advance(hass, freezer, midnight - timedelta(hours=2))
        hass.states.async_set("sensor.steps", "9000", steps)
        await advance(hass, freezer, midnight)
        hass.states.async_set("sensor.steps", "0", steps)
        await advance(hass, freezer, timedelta(minutes=1))

    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "counter_kind_daily"
    assert issue.data is not None
    assert issue.data["suggested"] == "daily"

    # The evidence is kept: a reload without a change raises it again.
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    # Reading it as a day's total starts the counter over: the issue is gone.
    hass.config_entries.async_update_entry(
        entry, options=entry.options | {"activity_counter": "daily"}
    )
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    counter = entry.runtime_data.engine.ledger.counter("activity")
    assert (counter.kind, counter.odd_days) == (CounterKind.DAILY, 0)
