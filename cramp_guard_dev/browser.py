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
from typing import Any, Literal

from playwright.async_api import (
    Locator,
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
# CSS pierces shadow roots: the Cramp Guard card's parts.
CARD = "cramp-guard-card"
CARD_SCORE = f"{CARD} .score"
CARD_FACTORS = f"{CARD} .factors .row"
CARD_BUTTONS = f"{CARD} .actions button"
CARD_WATER = f"{CARD} .water-text"
# The text of elements with their shadow roots (innerText stops at a shadow root).
DEEP_TEXT = """elements => elements.map(element => {
  const text = node => node.nodeType === Node.TEXT_NODE ? node.textContent
    : ['STYLE', 'SCRIPT'].includes(node.nodeName) ? ''
    : [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes]
        .map(text).join(' ');
  return text(element).split(/\\s+/).filter(Boolean).join(' ');
})"""


# A picture of the card alone: width, colour scheme, language, the Why panel open.
CardShot = tuple[int, Literal["light", "dark"], str, bool]


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


def first_number(text: str) -> float | None:
    """The first number a text shows ("23 %" -> 23.0, "1,250 of" -> 1250.0)."""
    match = re.search(r"-?\d[\d,.\u202f\u00a0]*", text)
    if match is None:
        return None
    digits = re.sub(r"[,.\u202f\u00a0](?=\d{3}\b)", "", match.group())
    return float(digits.replace(",", ".").rstrip(".,"))


async def read_card(page: Page) -> dict[str, Any]:
    """What the Cramp Guard card on the page shows: its score, its factor rows (label,
    points), its buttons and its water line."""
    score = " ".join(
        (await page.locator(CARD_SCORE).first.text_content() or "").split()
    )
    rows: list[str] = await page.locator(CARD_FACTORS).evaluate_all(DEEP_TEXT)
    factors = []
    for row in rows:
        match = re.fullmatch(r"(.*?)\s*\+?\s*(\d+)", row)
        if match:
            factors.append((match[1], int(match[2])))
    return {
        "score_text": score,
        "score": first_number(score),
        "factors": factors,
        "buttons": await page.locator(CARD_BUTTONS).all_inner_texts(),
        "water": " ".join(
            (await page.locator(CARD_WATER).first.text_content() or "").split()
        ),
    }


async def wait_for_card(where: Page | Locator) -> None:
    """Until the Cramp Guard card (on the page, or in a part of it) shows a score."""
    await expect(where.locator(CARD_SCORE).first).to_have_text(
        re.compile(r"\d"), timeout=RENDER_TIMEOUT_MS
    )


@contextlib.asynccontextmanager
async def logged_in_page(
    live: LiveHass,
    *,
    language: str | None = None,
    height: int = VIEWPORT["height"],
    width: int = VIEWPORT["width"],
    color_scheme: Literal["light", "dark"] = "light",
) -> AsyncIterator[Page]:
    """A page of the system's chromium, logged in as `live`'s user (with the frontend
    in `language` when given, and the system's colour scheme, which Home Assistant's
    default theme follows); the browser is closed afterwards."""
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
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                locale=language or "en-US",
                # The person's clock: graphs read in Home Assistant's time zone.
                timezone_id=live.time_zone,
                color_scheme=color_scheme,
                service_workers="block",
            )
            await context.add_init_script(script)
            yield await context.new_page()
        finally:
            await browser.close()


async def screenshot_dashboard(
    live: LiveHass,
    path: Path,
    *,
    card_shots: dict[Path, CardShot] | None = None,
) -> dict[str, Any]:
    """Open the default dashboard in chromium, wait for the Cramp Guard card and the
    history graph, save a screenshot; with `card_shots` ({path: (width, colour
    scheme, language, Why panel open)}), also a picture of the card alone in each of
    those.

    Returns what the page showed: the card (read_card), the titles of the cards and
    any page errors.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    async with logged_in_page(live) as page:
        page.on("pageerror", lambda err: errors.append(str(err)))
        await page.goto(f"{live.base}/lovelace/0", wait_until="domcontentloaded")
        try:
            await wait_for_card(page)
            # The other cards (tiles, the history graph) load after it.
            await page.locator("hui-history-graph-card").first.wait_for(
                state="visible", timeout=RENDER_TIMEOUT_MS
            )
            await page.wait_for_load_state("networkidle")
            await page.wait_for_timeout(1500)  # the graph's and the needle's animation
        except PlaywrightTimeoutError as err:
            failed = path.with_suffix(".failed.png")
            await page.screenshot(path=str(failed))
            raise TimeoutError(
                f"the dashboard did not render at {page.url} (see {failed}; "
                f"page errors: {errors}): {err}"
            ) from err
        seen = await read_card(page)
        titles = [
            " ".join(title.split())
            for title in await page.locator(
                "hui-entities-card .card-header, hui-history-graph-card .card-header"
            ).all_inner_texts()
        ]
        await page.screenshot(path=str(path), full_page=False)
        url = page.url
    for shot, (width, scheme, language, why) in (card_shots or {}).items():
        await screenshot_card(live, shot, width, scheme, language, why=why)
    return {**seen, "url": url, "card_titles": titles, "errors": errors}


async def screenshot_card(
    live: LiveHass,
    path: Path,
    width: int,
    color_scheme: Literal["light", "dark"],
    language: str = "en",
    *,
    why: bool = False,
) -> None:
    """A picture of the Cramp Guard card alone, on the default dashboard seen at
    `width` pixels in `color_scheme` and `language` (`why`: its Why panel open)."""
    async with logged_in_page(
        live, language=language, width=width, color_scheme=color_scheme, height=1400
    ) as page:
        await page.goto(f"{live.base}/lovelace/0", wait_until="domcontentloaded")
        await wait_for_card(page)
        await page.wait_for_load_state("networkidle")
        await page.wait_for_timeout(1000)
        card = page.locator(CARD).first
        if why:
            await card.locator(".why-toggle").click()
            await page.wait_for_timeout(500)
        await card.screenshot(path=str(path))
