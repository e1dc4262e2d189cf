"""Pictures of the built card alone, fed one payload, in chromium (no Home Assistant).

For a state the demo cannot show at the hour of its screenshots - a stale source: the
demo's steps change every minute - the bundle the integration ships
(custom_components/cramp_guard/frontend/cramp-guard-card.js) is loaded in a blank
page with Home Assistant's default light theme variables and an `ha-card` like
the frontend's, and given a fake `hass` whose subscription answers with the payload
(docs/card.md).

    .venv/bin/python -m cramp_guard_dev.card_alone   # docs/card-stale-en.png, -de.png
"""

from __future__ import annotations

import asyncio
from pathlib import Path
import sys
from typing import Any, Final

from playwright.async_api import async_playwright

from .browser import CHROMIUM_ARGS, chromium

ROOT: Final = Path(__file__).resolve().parent.parent
BUNDLE: Final = ROOT / "custom_components/cramp_guard/frontend/cramp-guard-card.js"

# The demo person at 15:00 on a day the tracker stayed at home from 08:35 (the
# payload of tests/test_stale_sources.py's day, in the demo's numbers).
STALE_PAYLOAD: Final[dict[str, Any]] = {
    "loaded": True,
    "name": "Demo",
    "available": True,
    "score": 38,
    "level": "moderate",
    "points": [
        {"key": "hydration", "points": 14, "available": True},
        {"key": "heat", "points": 9, "available": True},
        {"key": "exertion", "points": 6, "available": True},
        {"key": "stretch", "points": 4, "available": True},
        {"key": "timing", "points": 0, "available": True},
        {"key": "workload", "points": 0, "available": False},
    ],
    "history_points": 5,
    "history": "cramp_prone",
    "multiplier": 1.15,
    "confidence": 0.46,
    "confidence_level": "medium",
    "confidence_hints": ["source_stale", "no_recent_stretch"],
    "history_days": {"known": 2, "needed": 3},
    "water": {
        "today_ml": 750,
        "target_ml": 2400,
        "expected_ml": 1300,
        "pace": 0.58,
        "glass_ml": 250,
    },
    "levers": [
        {"key": "water", "amount": 500, "unit": "mL", "score": 31, "points": 7},
        {"key": "stretch", "amount": None, "unit": None, "score": 35, "points": 3},
    ],
    "evaluation": {
        "ready": False,
        "matched": 1,
        "needed_events": 5,
        "tracked_days": 3,
        "needed_days": 14,
        "high_events": 0,
        "high_share_time": 0.1,
        "lift": None,
    },
    "personal": {
        "learning": False,
        "active": False,
        "events": 1,
        "tracked_days": 3,
        "multipliers": dict.fromkeys(
            ("workload", "exertion", "heat", "hydration", "stretch", "timing"), 1.0
        ),
    },
    "stale": [
        {"source": "steps", "last_synced": "2026-06-18T08:35:00+02:00", "hours": 6}
    ],
    "see_professional": False,
    "checkin": None,
    "entities": {
        "cramp_risk": "sensor.demo_cramp_risk",
        "water_today": "sensor.demo_water_today",
        "log_water": "button.demo_log_a_glass_of_water",
        "log_stretch": "button.demo_log_a_stretch",
        "log_cramp": "button.demo_log_a_cramp",
    },
}

# Home Assistant's default light theme (the variables the card reads) and its card.
PAGE: Final = """<!doctype html>
<html><head><meta charset="utf-8"><style>
  html { --primary-text-color: #212121; --secondary-text-color: #727272;
    --primary-color: #03a9f4; --card-background-color: #fff;
    --ha-card-background: #fff; --divider-color: rgba(0,0,0,.12);
    --disabled-text-color: #bdbdbd; --error-color: #db4437;
    --success-color: #43a047; --warning-color: #ffa600;
    --paper-font-body1_-_font-family: Roboto, sans-serif; }
  body { margin: 0; padding: 16px; background: #fafafa;
    font-family: Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
  #host { width: __WIDTH__px; }
</style></head><body><div id="host"></div></body></html>"""

HA_CARD: Final = """
customElements.define("ha-card", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).innerHTML =
      '<style>:host{display:block;background:var(--ha-card-background);' +
      'border-radius:12px;border:1px solid #e0e0e0;color:var(--primary-text-color)}' +
      '</style><slot></slot>';
  }
});
"""

MOUNT: Final = """async ([payload, language]) => {
  const card = document.createElement("cramp-guard-card");
  card.setConfig({ type: "custom:cramp-guard-card", config_entry_id: "demo" });
  card.hass = {
    language, locale: { language },
    callWS: async () => ({ people: [] }),
    callService: async () => undefined,
    connection: {
      subscribeMessage: (callback) => {
        setTimeout(() => callback(payload), 0);
        return Promise.resolve(() => undefined);
      },
    },
  };
  document.getElementById("host").appendChild(card);
}"""


async def shoot(payload: dict[str, Any], path: Path, language: str, width: int) -> str:
    """Save the card fed `payload` in `language` at `width` px; the text it shows."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium(), args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            page = await browser.new_page(
                viewport={"width": width + 32, "height": 1200},
                device_scale_factor=1,
                locale=language,
            )
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            await page.set_content(PAGE.replace("__WIDTH__", str(width)))
            await page.add_script_tag(content=HA_CARD)
            await page.add_script_tag(content=BUNDLE.read_text(), type="module")
            await page.wait_for_function("!!customElements.get('cramp-guard-card')")
            await page.evaluate(MOUNT, [payload, language])
            card = page.locator("cramp-guard-card")
            await card.locator(".stale").first.wait_for()
            await page.wait_for_timeout(800)  # the needle's animation
            await card.screenshot(path=str(path))
            if errors:
                raise RuntimeError(f"page errors: {errors}")
            text: str = await card.locator(".detail-col").inner_text()
            return text
        finally:
            await browser.close()


async def main() -> int:
    """docs/card-stale-en.png and docs/card-stale-de.png."""
    for language in ("en", "de"):
        path = ROOT / "docs" / f"card-stale-{language}.png"
        text = await shoot(STALE_PAYLOAD, path, language, 560)
        print(f"{path.relative_to(ROOT)}:\n{text}\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
