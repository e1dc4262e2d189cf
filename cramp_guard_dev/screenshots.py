"""`--screenshot` (scripts/screenshot): the README's pictures of a fresh demo.

Starts and sets up a demo Home Assistant, saves chromium's screenshot of its
dashboard and, next to it, the Cramp Guard card alone (CARD_SHOTS), and stops. The
browser (cramp_guard_dev.browser, playwright) is imported only here, when it is used.
"""

from __future__ import annotations

import argparse
from pathlib import Path
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Final

import aiohttp

from .demo_config import RISK
from .demo_setup import prepare
from .hass import is_number

if TYPE_CHECKING:
    from .browser import CardShot

# The demo's busiest view (drinks behind pace, a warm room, the run ahead): the hour
# of the screenshots and of the browser tests (`zone_at`).
AFTERNOON: Final = 16
# The pictures of the card alone next to the dashboard's (docs/): name -> (width,
# colour scheme, language, the Why panel open). 1280 px is a desktop; 390 px a phone.
CARD_SHOTS: Final[dict[str, CardShot]] = {
    "light": (1280, "light", "en", False),
    "dark": (1280, "dark", "en", False),
    "phone-light": (390, "light", "en", False),
    "phone-dark": (390, "dark", "en", False),
    "phone-he": (390, "light", "he", False),
    "why-en": (1280, "light", "en", True),
    "why-de": (1280, "light", "de", True),
    "why-fr": (1280, "light", "fr", True),
    "why-he": (1280, "light", "he", True),
}


async def screenshot(args: argparse.Namespace) -> int:
    """Start and set up the demo, save a browser screenshot of its dashboard, stop."""
    from .browser import screenshot_dashboard  # needs playwright

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cramp-guard-screenshot-") as temp:
        config_dir = args.config_dir or Path(temp)
        print(
            f"[develop] starting Home Assistant in {config_dir} "
            f"(time zone {args.time_zone})",
            flush=True,
        )
        try:
            hass = await prepare(config_dir, args.port, args.time_zone)
        except (RuntimeError, TimeoutError, aiohttp.ClientError) as err:
            print(f"[develop] FAILED: {err}", file=sys.stderr, flush=True)
            return 1
        shots = {
            args.screenshot.with_name(f"card-{name}.png"): shot
            for name, shot in CARD_SHOTS.items()
        }
        try:
            risk = await hass.wait_for(RISK, is_number)
            seen = await screenshot_dashboard(hass, args.screenshot, card_shots=shots)
        finally:
            await hass.stop()
    print(
        f"[develop] {args.screenshot}: the card shows {seen['score_text']!r} "
        f"({RISK} = {risk['state']}), {seen['factors']}; buttons: "
        f"{', '.join(seen['buttons'])}; and the card alone: "
        f"{', '.join(path.name for path in shots)}; took "
        f"{time.monotonic() - started:.1f} s",
        flush=True,
    )
    return 0
