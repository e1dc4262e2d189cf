"""The Cramp Guard card in a real browser, added as a person adds it.

On the demo (`demo_setup.prepare`: a real Home Assistant, the person "Demo" with its
simulated sources), chromium adds the card to the dashboard's second view through the
dashboard editor's card picker (no resource added by hand: the integration registers
the card), then reads it: the score and the factors' words and points against the
cramp risk sensor, and +1 glass moves the water bar and the Water today sensor.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
import time
from typing import Any

from playwright.async_api import Page, expect
import pytest

from cramp_guard_dev.browser import (
    CARD,
    CARD_BUTTONS,
    CARD_WATER,
    first_number,
    logged_in_page,
    read_card,
)
from cramp_guard_dev.card_walk import add_card_from_picker
from cramp_guard_dev.demo_config import RISK
from cramp_guard_dev.demo_setup import (
    CARD_TYPE,
    dashboard_config,
    demo_entry_id,
    prepare,
)
from cramp_guard_dev.hass import ROOT, zone_at
from cramp_guard_dev.process import DevelopHass
from cramp_guard_dev.screenshots import AFTERNOON

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

WORDS = json.loads(
    (ROOT / "frontend" / "src" / "translations" / "en.json").read_text("utf-8")
)
WATER_TODAY = "sensor.demo_water_today"
GLASS = "number.demo_glass_size"
CRAMPS = "sensor.demo_cramps_30_days"


async def _card_and_sensor(
    page: Page, hass: DevelopHass
) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the card shows and the risk sensor's state, read while the sensor did
    not change (the demo's sources move every minute)."""
    for _ in range(5):
        before = await hass.state(RISK)
        seen = await read_card(page)
        after = await hass.state(RISK)
        if before == after and seen["score"] == float(after["state"]):
            return seen, after
        await page.wait_for_timeout(1000)
    raise AssertionError(f"the card never agreed with the sensor: {seen} {after}")


async def test_a_person_adds_the_card_and_reads_why_and_logs_a_glass(
    tmp_path: Path, socket_enabled: None
) -> None:
    """Card picker, the sensor's words and points, +1 glass."""
    hass = await prepare(tmp_path / "develop", 0, zone_at(AFTERNOON))
    try:
        async with logged_in_page(hass) as page:
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            await add_card_from_picker(page, hass, "built-in")

            # Saved as the person's card, by the picker's stub config.
            config = await dashboard_config(hass)
            entry_id = await demo_entry_id(hass)
            added = config["views"][1]["cards"][-1]
            assert added == {"type": CARD_TYPE, "config_entry_id": entry_id}

            seen, risk = await _card_and_sensor(page, hass)
            rows = dict(seen["factors"])
            total = rows.pop(WORDS["total"])
            assert total == seen["score"] == float(risk["state"])
            # The sensor's three largest factors, in the card's words, with the same
            # points; every row adds up to the score.
            attributes = risk["attributes"]
            top = dict(
                zip(attributes["top_factors"], attributes["top_points"], strict=True)
            )
            for key, points in top.items():
                assert rows[WORDS[f"factor.{key}"]] == points, (key, seen)
            assert sum(rows.values()) == total, seen

            # +1 glass: the Water today sensor and the card's water bar move by a glass.
            glass = float((await hass.state(GLASS))["state"])
            before = float((await hass.state(WATER_TODAY))["state"])
            shown = first_number(seen["water"])
            assert shown == before, seen
            await page.locator(CARD_BUTTONS).filter(has_text="+1 glass").click()
            deadline = time.monotonic() + 20
            while float((await hass.state(WATER_TODAY))["state"]) < before + glass:
                assert time.monotonic() < deadline, "Water today did not grow"
                await page.wait_for_timeout(200)
            water = page.locator(CARD_WATER).first
            after = f"{before + glass:,.0f} of"
            await expect(water).to_contain_text(after, timeout=10_000)

            # A wrong tap on Cramp, undone from the card: the index as before.
            risk = float((await hass.state(RISK))["state"])
            cramps = int((await hass.state(CRAMPS))["state"])  # the demo's nights
            card = page.locator(CARD).first
            await card.locator(".actions button").filter(has_text="Cramp").click()
            await _until(hass, CRAMPS, str(cramps + 1))
            undo = card.locator(".undo")
            await expect(undo).to_contain_text(WORDS["undo.cramp"], timeout=10_000)
            await undo.get_by_role("button", name=WORDS["undo"]).click()
            await _until(hass, CRAMPS, str(cramps))
            await expect(undo).to_contain_text(WORDS["undone"], timeout=10_000)
            # The demo's sources move every minute: a point at most.
            back = float((await hass.state(RISK))["state"])
            assert abs(back - risk) <= 1, (risk, back)
            assert not errors, errors
    finally:
        await hass.stop()


async def _until(hass: DevelopHass, entity_id: str, state: str) -> None:
    """Wait until `entity_id` is `state` (20 s at most)."""
    deadline = time.monotonic() + 20
    while (await hass.state(entity_id))["state"] != state:
        assert time.monotonic() < deadline, f"{entity_id} did not become {state}"
        await asyncio.sleep(0.2)
