"""The evening stretch reminder as a person reads it: docs/notification-<lang>.png.

`python -m cramp_guard_dev.notification_shots [DIR] [LANGUAGE ...]` starts a fresh
demo Home Assistant at 16:00 local time and, for each language (default: en, de, fr,
he), sets Home Assistant's language to it, clears the notifications, sends the demo
person's evening reminder now (the `send_stretch_reminder` action: it arrives as a
persistent notification) and opens the notification drawer in chromium in that
language; the picture is of the page with the drawer open. In Hebrew the page and
the notification run right to left.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import sys
import tempfile
from typing import Final

from .browser import logged_in_page
from .demo_setup import prepare
from .hass import zone_at
from .process import DevelopHass
from .screenshots import AFTERNOON

LANGUAGES: Final = ("en", "de", "fr", "he")
DOMAIN: Final = "cramp_guard"
# Opens the drawer the way the sidebar's Notifications item does.
SHOW_DRAWER: Final = """() => {
  const main = document.querySelector('home-assistant')
    .shadowRoot.querySelector('home-assistant-main');
  main.dispatchEvent(new CustomEvent('hass-show-notifications',
    {bubbles: true, composed: true}));
}"""


async def _call(hass: DevelopHass, domain: str, service: str, **data: object) -> None:
    await hass.ws(
        {
            "type": "call_service",
            "domain": domain,
            "service": service,
            "service_data": data,
        }
    )


async def shoot(hass: DevelopHass, language: str, path: Path) -> None:
    """The evening reminder in `language`, in the open notification drawer."""
    await hass.ws({"type": "config/core/update", "language": language})
    entries = await hass.ws({"type": "config_entries/get", "domain": DOMAIN})
    await _call(hass, "persistent_notification", "dismiss_all")
    await _call(
        hass,
        DOMAIN,
        "send_stretch_reminder",
        config_entry_id=entries[0]["entry_id"],
    )
    async with logged_in_page(hass, language=language) as page:
        await page.goto(f"{hass.base}/lovelace/0", wait_until="domcontentloaded")
        await page.locator("home-assistant-main").wait_for(state="attached")
        await page.wait_for_load_state("networkidle")
        await page.evaluate(SHOW_DRAWER)
        await page.locator(
            "notification-drawer persistent-notification-item"
        ).first.wait_for()
        await page.wait_for_timeout(1000)  # the drawer slides in
        await page.screenshot(path=str(path))


async def main(out: Path, languages: tuple[str, ...] = LANGUAGES) -> None:
    """Take the pictures into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cramp-guard-notifications-") as temp:
        hass = await prepare(Path(temp) / "develop", 0, zone_at(AFTERNOON))
        try:
            for language in languages:
                await shoot(hass, language, out / f"notification-{language}.png")
        finally:
            await hass.stop()
    print(f"[notification_shots] pictures in {out}: {', '.join(languages)}", flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    asyncio.run(
        main(
            Path(args[0] if args else "docs").resolve(),
            tuple(args[1:]) or LANGUAGES,
        )
    )
