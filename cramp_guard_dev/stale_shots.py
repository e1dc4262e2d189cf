"""The card with a stale source, in a real Home Assistant: docs/card-stale-<lang>.png.

`python -m cramp_guard_dev.stale_shots [DIR] [LANGUAGE ...]` starts a fresh demo Home
Assistant at 16:00 local time whose phone went into a drawer at 13:00, before the
person was added (`demo_setup.phone_in_drawer`: the steps stay at that moment's
count; the replayed 40 days taught the steps' usual gap, as the engine learns it).
Once the card's payload has the steps as stale, the card alone is pictured in
chromium in each language (default: en, de, he): "Stale: steps last synced 3 hours
ago" under "Not measured".
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
import sys
import tempfile
from typing import Final
from zoneinfo import ZoneInfo

from .browser import screenshot_card
from .demo_setup import card_stale, demo_entry_id, prepare
from .hass import zone_at
from .screenshots import AFTERNOON

LANGUAGES: Final = ("en", "de", "he")
IN_DRAWER: Final = timedelta(hours=3)
WIDTH: Final = 1280  # a desktop, as docs/card-why-*.png


async def main(folder: Path, languages: tuple[str, ...]) -> int:
    """Take the pictures into `folder`."""
    zone = zone_at(AFTERNOON)
    since = datetime.now(ZoneInfo(zone)).replace(second=0, microsecond=0) - IN_DRAWER
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cramp-guard-stale-") as temp:
        hass = await prepare(Path(temp), 0, zone, drawer_since=since)
        try:
            stale = await card_stale(hass, await demo_entry_id(hass), wanted=True)
            if not stale:
                print("the steps never went stale", file=sys.stderr, flush=True)
                return 1
            for language in languages:
                path = folder / f"card-stale-{language}.png"
                await screenshot_card(hass, path, WIDTH, "light", language)
                print(f"{path}: {stale}", flush=True)
        finally:
            await hass.stop()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(
        asyncio.run(
            main(Path(args[0] if args else "docs"), tuple(args[1:]) or LANGUAGES)
        )
    )
