"""A real browser on a running Home Assistant: the dashboard as a user sees it.

Playwright drives the system's chromium (Debian's, installed by `scripts/setup`;
`playwright install` is never run, no browser is downloaded). The browser is logged
in as the LiveHass user by putting its tokens into localStorage before the frontend
loads, as the frontend itself stores them after a login.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
import contextlib
import json
from pathlib import Path
import re
import shutil
import time
from typing import Any

from playwright.async_api import (
    Page,
    TimeoutError as PlaywrightTimeoutError,
    ViewportSize,
    async_playwright,
    expect,
)

from .hass import LiveHass

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
RENDER_TIMEOUT_MS = 60_000
GAUGE_TEXT = "hui-gauge-card ha-gauge text.value-text"  # CSS pierces shadow roots
BUTTON_ROWS = "hui-entities-card hui-button-entity-row"
# The text of elements with their shadow roots (innerText stops at a shadow root).
DEEP_TEXT = """elements => elements.map(element => {
  const text = node => node.nodeType === Node.TEXT_NODE ? node.textContent
    : ['STYLE', 'SCRIPT'].includes(node.nodeName) ? ''
    : [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes]
        .map(text).join(' ');
  return text(element).split(/\\s+/).filter(Boolean).join(' ');
})"""


def chromium() -> str:
    """The system's chromium (FileNotFoundError when there is none)."""
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    raise FileNotFoundError(
        "no chromium on PATH: run scripts/setup (it installs Debian's chromium)"
    )


def hass_tokens(live: LiveHass) -> dict[str, Any]:
    """The `hassTokens` localStorage entry of a browser logged in as `live`'s user."""
    tokens = live.tokens
    return {
        "access_token": tokens["access_token"],
        "token_type": "Bearer",
        "expires_in": tokens["expires_in"],
        "refresh_token": tokens["refresh_token"],
        "hassUrl": live.base,
        "clientId": f"{live.base}/",
        "expires": int(time.time() * 1000) + int(tokens["expires_in"]) * 1000,
    }


def gauge_number(text: str) -> float | None:
    """The number a gauge's value text shows ("23 %" -> 23.0), or None."""
    match = re.search(r"-?\d+(?:[.,]\d+)?", text)
    return float(match.group().replace(",", ".")) if match else None


@contextlib.asynccontextmanager
async def logged_in_page(
    live: LiveHass, *, language: str | None = None, height: int = VIEWPORT["height"]
) -> AsyncIterator[Page]:
    """A page of the system's chromium, logged in as `live`'s user (with the frontend
    in `language` when given); the browser is closed afterwards."""
    storage: dict[str, Any] = {"hassTokens": hass_tokens(live)}
    if language is not None:
        storage["selectedLanguage"] = language
    script = "".join(
        f"window.localStorage.setItem('{key}', {json.dumps(json.dumps(value))});"
        for key, value in storage.items()
    )
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium(), args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            context = await browser.new_context(
                viewport={**VIEWPORT, "height": height},
                device_scale_factor=1,
                locale=language or "en-US",
                # The person's clock: graphs read in Home Assistant's time zone.
                timezone_id=live.time_zone,
                color_scheme="light",
                service_workers="block",
            )
            await context.add_init_script(script)
            yield await context.new_page()
        finally:
            await browser.close()


async def screenshot_dashboard(live: LiveHass, path: Path) -> dict[str, Any]:
    """Open the default dashboard in chromium, wait for the gauge, save a screenshot.

    Returns what the page showed: the gauge's text and number, the titles of the
    cards, the button rows of the entities cards, and any page errors.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    async with logged_in_page(live) as page:
        page.on("pageerror", lambda err: errors.append(str(err)))
        await page.goto(f"{live.base}/lovelace/0", wait_until="domcontentloaded")
        value = page.locator(GAUGE_TEXT).first
        try:
            await value.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
            # The text is rendered with the first state; wait until it has a number.
            await expect(value).to_have_text(
                re.compile(r"\d"), timeout=RENDER_TIMEOUT_MS
            )
            # The other cards (tiles, the history graph) load after the gauge.
            await page.locator("hui-history-graph-card").first.wait_for(
                state="visible", timeout=RENDER_TIMEOUT_MS
            )
            await page.wait_for_load_state("networkidle")
            await page.wait_for_timeout(1500)  # the needle's animation
        except PlaywrightTimeoutError as err:
            failed = path.with_suffix(".failed.png")
            await page.screenshot(path=str(failed))
            raise TimeoutError(
                f"the dashboard did not render at {page.url} (see {failed}; "
                f"page errors: {errors}): {err}"
            ) from err
        text = " ".join((await value.text_content() or "").split())
        buttons: list[str] = await page.locator(BUTTON_ROWS).evaluate_all(DEEP_TEXT)
        titles = [
            " ".join(title.split())
            for title in await page.locator(
                "hui-entities-card .card-header, hui-history-graph-card .card-header"
            ).all_inner_texts()
        ]
        await page.screenshot(path=str(path), full_page=False)
        url = page.url
    return {
        "url": url,
        "gauge_text": text,
        "gauge_value": gauge_number(text),
        "buttons": buttons,
        "has_buttons_card": bool(buttons),
        "card_titles": titles,
        "errors": errors,
    }
