"""The forms and the card's Undo as a person sees them: the pictures in docs/.

`python -m cramp_guard_dev.form_shots [DIR]` starts a fresh demo Home Assistant at
16:00 local time and, in chromium, in English and in German: opens Configure on the
demo person (docs/configure-<lang>.png: the sources as set; configure-counters-<lang>
.png: the counters in plain words; configure-prompts-<lang>.png: the notify targets
in words), tries to add a person under the demo's name (name-taken-<lang>.png) and
taps Cramp on the dashboard's card (card-undo-<lang>.png: "Cramp logged - Undo"),
with Home Assistant's language set to each. The Cramp tap is undone afterwards.

For the targets, the demo gets one of each kind first: a phone registered as the
Companion app registers one (its tracker joins the owner's person, its legacy
`notify.mobile_app_pixel_7` has buttons), a notify group of it, and a notify entity
(the `file` integration's, named "Kitchen display").
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
import re
import shutil
import sys
import tempfile

from .browser import CARD, logged_in_page, wait_for_card
from .demo_setup import prepare
from .flow_walk import (
    FRONTEND_WORDS,
    _submit,
    open_configure,
    walk_configure,
    walk_taken_then_abandoned,
)
from .hass import COMPONENT, ROOT, zone_at
from .process import DevelopHass
from .screenshots import AFTERNOON


def _words(language: str) -> dict[str, str]:
    """What is clicked and typed in `language`: the frontend's words and ours."""
    path = COMPONENT / "translations" / f"{language}.json"
    user = json.loads(path.read_text(encoding="utf-8"))["config"]["step"]["user"]
    card = ROOT / "frontend" / "src" / "translations" / f"{language}.json"
    return FRONTEND_WORDS[language] | {
        "open_list": ADD[language],
        "person": user["data"]["person_name"],
        "steps": user["sections"]["activity"]["data"]["activity"],
        "cramp": json.loads(card.read_text(encoding="utf-8"))["button.cramp"],
        "name": "Bea",
    }


async def _card_undo(hass: DevelopHass, language: str, path: Path) -> None:
    """Tap Cramp on the dashboard's card; picture the card with its Undo; undo."""
    async with logged_in_page(hass, language=language) as page:
        await page.goto(f"{hass.base}/lovelace/0", wait_until="domcontentloaded")
        await wait_for_card(page)
        card = page.locator(CARD).first
        cramp = _words(language)["cramp"]
        await card.locator(".actions button").filter(has_text=cramp).click()
        await card.locator(".undo-button").wait_for()
        await card.screenshot(path=str(path))
        await card.locator(".undo-button").click()
        await page.wait_for_timeout(1000)


# The frontend's word on a multiple select's button that opens its list.
ADD = {"en": "^Add$", "de": "^Hinzufügen$"}
# Loaded for the targets (a package: the demo's own configuration stays as it is).
TARGETS_PACKAGE = """\
mobile_app:
notify:
  - platform: group
    name: Family
    services:
      - action: mobile_app_pixel_7
"""
PHONE = {  # what the Android Companion app registers
    "app_id": "io.homeassistant.companion.android",
    "app_name": "Home Assistant",
    "app_version": "2025.4.0",
    "device_id": "form-shots-pixel-7",
    "device_name": "Pixel 7",
    "manufacturer": "Google",
    "model": "Pixel 7",
    "os_name": "Android",
    "os_version": "15",
    "supports_encryption": False,
    "app_data": {
        "push_token": "form-shots",
        "push_url": "https://mobile-apps.home-assistant.io/api/sendPushNotification",
    },
}


async def _add_targets(hass: DevelopHass) -> None:
    """A phone (the owner's person gets its tracker) and a notify entity.

    mobile_app needs PyNaCl, which a lane may not have (2025.4's venv): then the
    picture shows the person without a phone.
    """
    try:
        await hass.rest("POST", "/api/mobile_app/registrations", PHONE)
    except RuntimeError as err:
        print(f"[form_shots] no phone registered: {err}", flush=True)
        phone = False
    else:
        phone = True
    flow = await hass.rest(
        "POST", "/api/config/config_entries/flow", {"handler": "file"}
    )
    step = f"/api/config/config_entries/flow/{flow['flow_id']}"
    await hass.rest("POST", step, {"next_step_id": "notify"})
    path = str(hass.config_dir / "www" / "prompts.txt")
    done = await hass.rest("POST", step, {"file_path": path, "timestamp": False})
    assert done["type"] == "create_entry", done
    entities = await hass.ws({"type": "config/entity_registry/list"})
    [screen] = [
        e["entity_id"]
        for e in entities
        if e["platform"] == "file" and e["entity_id"].startswith("notify.")
    ]
    await hass.ws(
        {
            "type": "config/entity_registry/update",
            "entity_id": screen,
            "name": "Kitchen display",
            "new_entity_id": "notify.kitchen_display",
        }
    )
    if phone:
        await hass.wait_for("device_tracker.pixel_7", lambda _state: True)


async def _targets_picker(
    hass: DevelopHass, words: dict[str, str], language: str, path: Path
) -> None:
    """Configure up to the prompts page; picture it with the targets picker open."""
    async with logged_in_page(hass, language=language, height=1100) as page:
        await open_configure(page, hass, words)
        for _page in ("sources", "counters", "profile"):
            await _submit(page, words)
        # Six targets or more: chips and a list to open; fewer: ticks, all shown.
        picker = page.locator("dialog-data-entry-flow ha-selector-select").first
        opener = picker.get_by_role("button", name=re.compile(words["open_list"], re.I))
        if await opener.count():
            await opener.click()
            await page.wait_for_timeout(1000)
        await page.screenshot(path=str(path))


async def main(out: Path) -> None:
    """Take the pictures into `out`."""
    with tempfile.TemporaryDirectory(prefix="cramp-guard-forms-") as temp:
        work = Path(temp)
        packages = work / "develop" / "packages"
        packages.mkdir(parents=True)
        (packages / "form_shots_targets.yaml").write_text(TARGETS_PACKAGE)
        hass = await prepare(work / "develop", 0, zone_at(AFTERNOON))
        try:
            await _add_targets(hass)
            for language in FRONTEND_WORDS:
                words = _words(language)
                # A person whose Home Assistant speaks their language: the words
                # Cramp Guard writes into forms and prompts follow it.
                await hass.ws({"type": "config/core/update", "language": language})
                await walk_configure(hass, words, work, language)
                shutil.copy(
                    work / f"{language}-configure-0.png",
                    out / f"configure-{language}.png",
                )
                shutil.copy(
                    work / f"{language}-configure-1.png",
                    out / f"configure-counters-{language}.png",
                )
                await _targets_picker(
                    hass, words, language, out / f"configure-prompts-{language}.png"
                )
                steps = (words["steps"], "steps", "Demo steps")
                await walk_taken_then_abandoned(
                    hass, words, "demo", [steps], work, language
                )
                shutil.copy(
                    work / f"{language}-taken.png", out / f"name-taken-{language}.png"
                )
                await _card_undo(hass, language, out / f"card-undo-{language}.png")
        finally:
            await hass.stop()
    print(f"[form_shots] pictures in {out}", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs").resolve()))
