"""The forms and the card's Undo as a person sees them: the pictures in docs/.

`python -m cramp_guard_dev.form_shots [DIR]` starts a fresh demo Home Assistant at
16:00 local time and, in chromium, in English and in German: opens Configure on the
demo person (docs/configure-<lang>.png: the sources as set; configure-counters-<lang>
.png: the counters in plain words), tries to add a person under the demo's name
(name-taken-<lang>.png) and taps Cramp on the dashboard's card (card-undo-<lang>.png:
"Cramp logged - Undo"), with Home Assistant's language set to each. The Cramp tap is
undone afterwards.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
import shutil
import sys
import tempfile

from .browser import CARD, logged_in_page, wait_for_card
from .demo_setup import prepare
from .flow_walk import FRONTEND_WORDS, walk_configure, walk_taken_then_abandoned
from .hass import COMPONENT, ROOT, zone_at
from .process import DevelopHass
from .screenshots import AFTERNOON


def _words(language: str) -> dict[str, str]:
    """What is clicked and typed in `language`: the frontend's words and ours."""
    path = COMPONENT / "translations" / f"{language}.json"
    user = json.loads(path.read_text(encoding="utf-8"))["config"]["step"]["user"]
    card = ROOT / "frontend" / "src" / "translations" / f"{language}.json"
    return FRONTEND_WORDS[language] | {
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


async def main(out: Path) -> None:
    """Take the pictures into `out`."""
    with tempfile.TemporaryDirectory(prefix="cramp-guard-forms-") as temp:
        work = Path(temp)
        hass = await prepare(work / "develop", 0, zone_at(AFTERNOON))
        try:
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
