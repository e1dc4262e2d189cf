"""A person adds the Cramp Guard card to a dashboard in a real browser.

In chromium, on a view of the default dashboard: the pencil (Edit dashboard), Add
card, By card, type "Cramp Guard" into the card picker's search, click the card it
offers (its preview is filled in with the first person: the card's stub config),
see the card's visual editor, Save, Done - the clicks a person makes, with no
resource added by hand.
"""

from __future__ import annotations

import re

from playwright.async_api import Page

from .browser import wait_for_card
from .hass import LiveHass

TIMEOUT_MS = 30_000
# The Material Design pencil icon (mdiPencil), the "Edit dashboard" button's.
PENCIL = (
    "M20.71,7.04C21.1,6.65 21.1,6 20.71,5.63L18.37,3.29C18,2.9 17.35,2.9 16.96,3.29"
    "L15.12,5.12L18.87,8.87M3,17.25V21H6.75L17.81,9.93L14.06,6.18L3,17.25Z"
)


async def add_card_from_picker(page: Page, live: LiveHass, view: str) -> None:
    """Add the Cramp Guard card to the default dashboard's view `view` (its path)."""
    page.set_default_timeout(TIMEOUT_MS)
    await page.goto(f"{live.base}/lovelace/{view}", wait_until="domcontentloaded")
    await page.locator("hui-view").first.wait_for(state="attached")
    await page.wait_for_timeout(1000)
    # The pencil: "Edit dashboard" (2026's toolbar icon has no accessible name).
    await (
        page.locator("ha-icon-button")
        .filter(has=page.locator(f'path[d="{PENCIL}"]'))
        .first.click()
    )
    await page.get_by_role("button", name=re.compile("Add card", re.I)).first.click()
    # 2026.11 opens on "By entity": the cards are on the "By card" tab.
    await page.get_by_role("tab", name=re.compile("By card", re.I)).click()
    picker = page.locator("hui-card-picker")
    await picker.wait_for(state="visible")
    await picker.get_by_role("textbox").first.fill("Cramp Guard")
    offered = picker.locator("div.card").filter(
        has=page.get_by_text("Cramp Guard", exact=True)
    )
    # The preview is the card itself, with the first person (getStubConfig).
    await wait_for_card(offered.first)
    await offered.first.click()
    # The card's own visual editor, loaded only now (getConfigElement imports it), shows
    # its person picker in the edit dialog.
    editor = page.locator("cramp-guard-card-editor")
    await editor.locator("ha-form, select").first.wait_for(state="visible")
    await page.get_by_role("button", name=re.compile("^Save$", re.I)).click()
    await page.get_by_role("button", name=re.compile("^Done$", re.I)).click()
    await wait_for_card(page.locator("hui-view").first)
