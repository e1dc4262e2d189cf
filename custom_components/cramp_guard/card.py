"""The Lovelace card shipped with the integration: served and loaded by the frontend.

The bundle (frontend/cramp-guard-card.js, built from the repository's frontend/) is
served on a static path and added to the frontend's extra modules, with the first 8
hex of its sha256 in the URL so browsers load a new build at once. The card then
shows in the dashboard's card picker with no resource added by hand.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant

_LOGGER = logging.getLogger(__package__)

CARD_FILE: Final = Path(__file__).parent / "frontend" / "cramp-guard-card.js"
CARD_URL: Final = "/cramp_guard_static/cramp-guard-card.js"


def card_version(path: Path = CARD_FILE) -> str:
    """The first 8 hex digits of the bundle's sha256 (blocking: run in an executor)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the bundle and, when the frontend is loaded, load it on every page.

    Without the frontend (a headless install, the unit tests) the file is still
    served; there is no page to add it to.
    """
    try:
        version = await hass.async_add_executor_job(card_version, CARD_FILE)
    except OSError as err:
        _LOGGER.error("The Cramp Guard card is missing (%s); not registered", err)
        return
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    if "frontend" in hass.config.components:
        add_extra_js_url(hass, f"{CARD_URL}?v={version}")
