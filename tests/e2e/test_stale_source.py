"""A phone left in a drawer, in a real Home Assistant: stale steps on the card.

On the demo (`demo_setup.prepare`: a real Home Assistant, the person "Demo" with its
simulated sources) the phone went into a drawer three hours ago, before the person
was added (`input_boolean.demo_phone_in_drawer`: the steps template keeps the count of
that moment). The replayed 40 days (demo_history) taught the steps' usual gap the way
the engine learns it, and the replayed last hours are silent: the card's payload has
the steps as stale, last synced three hours ago, and the card in chromium shows
"Stale: steps last synced 3 hours ago" under "Not measured". Out of the drawer, the
steps count again and the line goes away.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.async_api import expect
import pytest

from cramp_guard_dev.browser import CARD, logged_in_page, wait_for_card
from cramp_guard_dev.demo_setup import (
    card_stale,
    demo_entry_id,
    phone_in_drawer,
    prepare,
)
from cramp_guard_dev.hass import zone_at
from cramp_guard_dev.screenshots import AFTERNOON

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

IN_DRAWER = timedelta(hours=3)


async def test_a_phone_in_a_drawer_makes_the_steps_stale_until_it_syncs(
    tmp_path: Path, socket_enabled: None
) -> None:
    """Stale in the payload and on the card; fresh again once the steps count."""
    zone = zone_at(AFTERNOON)
    since = datetime.now(ZoneInfo(zone)).replace(second=0, microsecond=0) - IN_DRAWER
    hass = await prepare(tmp_path / "develop", 0, zone, drawer_since=since)
    try:
        entry_id = await demo_entry_id(hass)
        stale = await card_stale(hass, entry_id, wanted=True)
        assert [(s["source"], s["hours"]) for s in stale] == [("steps", 3)]
        assert datetime.fromisoformat(stale[0]["last_synced"]) == since

        async with logged_in_page(hass) as page:
            await page.goto(f"{hass.base}/lovelace/0", wait_until="domcontentloaded")
            await wait_for_card(page)
            line = page.locator(f"{CARD} .stale-steps")
            await expect(line).to_have_text("Stale: steps last synced 3 hours ago")

            await phone_in_drawer(hass, None)  # out of the drawer: it syncs
            await expect(line).to_have_count(0, timeout=30_000)
        assert await card_stale(hass, entry_id, wanted=False) == []
    finally:
        await hass.stop()
