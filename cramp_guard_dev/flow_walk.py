"""A person adds someone to Cramp Guard in a real browser, in a given language.

From the integrations page, in chromium: Add integration, search for Cramp Guard,
pick it, type the name,
pick each source by typing into its picker and clicking the entity offered, submit,
answer the counters and profile pages as preselected, and finish. What every page
showed is kept, to check that no text is untranslated.
"""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from playwright.async_api import Page

from .browser import DEEP_TEXT, logged_in_page
from .hass import LiveHass

TIMEOUT_MS = 30_000
# The frontend's own words (its translations, not ours) for the buttons the walks
# click, as patterns: 2026.x says "Skip and finish" ("Überspringen und abschließen").
FRONTEND_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "add": "Add integration",
        "submit": "Submit|Next",
        "finish": "Finish",
        "configure": "Configure",
    },
    "de": {
        "add": "Integration hinzufügen",
        # Whole names: 2026.11's dialogs have a "Dokumentation" button too.
        "submit": "^(OK|Weiter|Absenden)$",
        "finish": "Fertig|abschließen",
        "configure": "Konfigurieren",
    },
}
# The entity ids the entity pickers of a dialog hold (through its shadow roots).
PICKED = """elements => {
  const found = [];
  const walk = node => {
    if (node.nodeName === 'HA-SELECTOR-ENTITY' && node.value) found.push(node.value);
    [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes]
      .forEach(walk);
  };
  elements.forEach(walk);
  return found;
}"""
# What untranslated text looks like: a translation key or a field's raw name.
RAW = re.compile(
    r"component\.cramp_guard|\b(?:person_name|room_temperature|room_humidity|"
    r"activity_metric|activity_counter|water_counter|wake_time|bed_time|"
    r"main_activity|cramp_prone|body_mass)\b"
)


async def _dialog_text(page: Page) -> str:
    """The text of the open flow dialog, through its shadow roots."""
    texts: list[str] = await page.locator("dialog-data-entry-flow").evaluate_all(
        DEEP_TEXT
    )
    return " ".join(texts)


async def _pick(page: Page, label: str, query: str, entity_name: str) -> None:
    """Open the picker labelled `label`, type `query`, click the entity offered
    (by its name: the picker of Home Assistant 2026 shows no entity id)."""
    await page.get_by_label(label, exact=True).first.click()
    await page.wait_for_timeout(500)
    await page.keyboard.type(query)
    await page.get_by_text(entity_name, exact=True).first.click(timeout=TIMEOUT_MS)


async def _submit(page: Page, words: dict[str, str]) -> None:
    await page.get_by_role("button", name=re.compile(words["submit"], re.I)).click()
    await page.wait_for_timeout(1500)


async def picked(page: Page) -> list[str]:
    """The entity ids the open flow dialog's entity pickers hold, in order."""
    values: list[str] = await page.locator("dialog-data-entry-flow").evaluate_all(
        PICKED
    )
    return values


async def open_configure(page: Page, live: LiveHass, words: dict[str, str]) -> None:
    """Open Configure on the person's entry, as a person does, its first page shown."""
    page.set_default_timeout(TIMEOUT_MS)
    await page.goto(
        f"{live.base}/config/integrations/integration/cramp_guard",
        wait_until="domcontentloaded",
    )
    await page.get_by_role("button", name=words["configure"]).first.click()
    await page.locator("dialog-data-entry-flow").wait_for(state="attached")
    await page.wait_for_timeout(1500)


async def _open_add_flow(
    page: Page,
    live: LiveHass,
    words: dict[str, str],
    sources: list[tuple[str, str, str]],
) -> None:
    """Add integration > Cramp Guard, type `words["name"]`, pick `sources`."""
    await page.goto(
        f"{live.base}/config/integrations/dashboard", wait_until="domcontentloaded"
    )
    await page.get_by_role("button", name=words["add"]).click()
    brands = page.locator("dialog-add-integration")
    await brands.wait_for(state="attached")
    await page.wait_for_timeout(1500)  # the search field takes the focus
    await page.keyboard.type("Cramp Guard")
    await brands.get_by_text("Cramp Guard", exact=True).first.click()
    person = words["person"]  # 2026.11's text field has no <label>: its role
    named = page.get_by_role("textbox", name=person)
    await page.get_by_label(person).or_(named).first.fill(words["name"])
    for label, query, entity_name in sources:
        await _pick(page, label, query, entity_name)


async def walk_config_flow(
    live: LiveHass,
    language: str,
    words: dict[str, str],
    sources: list[tuple[str, str, str]],
    screenshots: Path,
) -> dict[str, Any]:
    """Add `words["name"]` with `sources` ((label, query, entity name) each).

    `words`: the texts to click and expect in this language - "add" (the Add
    integration button), "submit", "finish", "person" (the name field's label).
    Returns the text of each page, with a screenshot of each in `screenshots`.
    """
    screenshots.mkdir(parents=True, exist_ok=True)
    pages: list[str] = []
    async with logged_in_page(live, language=language, height=1500) as page:
        page.set_default_timeout(TIMEOUT_MS)
        await _open_add_flow(page, live, words, sources)
        for step in ("sources", "counters", "profile"):
            await page.wait_for_timeout(500)
            pages.append(await _dialog_text(page))
            await page.screenshot(path=str(screenshots / f"{language}-{step}.png"))
            await _submit(page, words)
        pages.append(await _dialog_text(page))
        await page.screenshot(path=str(screenshots / f"{language}-done.png"))
        finish = re.compile(words["finish"], re.I)
        await page.get_by_role("button", name=finish).click()
    return {"pages": pages, "raw": [RAW.findall(text) for text in pages]}


async def walk_taken_then_abandoned(
    live: LiveHass,
    words: dict[str, str],
    taken: str,
    sources: list[tuple[str, str, str]],
    screenshots: Path,
    language: str = "en",
) -> dict[str, Any]:
    """Add a person under the name `taken` (another person has it) with `sources`:
    what the dialog says and still holds; then, with `words["name"]`, go on to the
    next page and leave the flow there (the page reloaded: the flow stays open).
    """
    screenshots.mkdir(parents=True, exist_ok=True)
    async with logged_in_page(live, language=language, height=1500) as page:
        page.set_default_timeout(TIMEOUT_MS)
        await _open_add_flow(page, live, words | {"name": taken}, sources)
        await _submit(page, words)
        text, held = await _dialog_text(page), await picked(page)
        await page.screenshot(path=str(screenshots / f"{language}-taken.png"))
        person = words["person"]
        named = page.get_by_role("textbox", name=person)
        await page.get_by_label(person).or_(named).first.fill(words["name"])
        await _submit(page, words)
        after = await _dialog_text(page)
        await page.reload(wait_until="domcontentloaded")
    return {"text": text, "picked": held, "after": after}


async def walk_configure(
    live: LiveHass, words: dict[str, str], screenshots: Path, language: str = "en"
) -> dict[str, Any]:
    """Open Configure on the person's entry and save every page as it opens.

    Returns the entity ids the first page's pickers hold and each page's text.
    """
    screenshots.mkdir(parents=True, exist_ok=True)
    pages: list[str] = []
    async with logged_in_page(live, language=language, height=1500) as page:
        await open_configure(page, live, words)
        held = await picked(page)
        finish = page.get_by_role("button", name=re.compile(words["finish"], re.I))
        for step in range(8):
            pages.append(await _dialog_text(page))
            shot = screenshots / f"{language}-configure-{step}.png"
            await page.screenshot(path=str(shot))
            if await finish.count():
                await finish.first.click()
                break
            await _submit(page, words)
    return {"picked": held, "pages": pages}
