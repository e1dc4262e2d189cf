"""The card's bundle is served and loaded by the frontend (card.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from unittest.mock import patch

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.cramp_guard.card import CARD_FILE, CARD_URL, card_version
from custom_components.cramp_guard.const import DOMAIN

from .conftest import setup_entry

COMPONENT = Path(__file__).resolve().parent.parent / "custom_components" / DOMAIN


def test_the_bundle_is_shipped_in_the_integration() -> None:
    """One ES module inside custom_components (HACS users need no build)."""
    assert CARD_FILE == COMPONENT / "frontend" / "cramp-guard-card.js"
    assert CARD_FILE.is_file()
    assert "cramp-guard-card" in CARD_FILE.read_text(encoding="utf-8")
    assert CARD_URL == "/cramp_guard_static/cramp-guard-card.js"


def test_the_version_is_the_bundles_hash(tmp_path: Path) -> None:
    """The first 8 hex digits of the sha256: a new build, a new URL."""
    bundle = tmp_path / "card.js"
    bundle.write_bytes(b"export {};\n")
    assert card_version(bundle) == hashlib.sha256(b"export {};\n").hexdigest()[:8]
    bundle.write_bytes(b"export const a = 1;\n")
    assert card_version(bundle) != hashlib.sha256(b"export {};\n").hexdigest()[:8]
    assert len(card_version()) == 8


async def test_the_bundle_is_served_and_loaded(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """The static path serves the file, without logging in (a module script)."""
    client = await hass_client_no_auth()
    response = await client.get(f"{CARD_URL}?v={card_version()}")
    assert response.status == 200
    assert await response.read() == CARD_FILE.read_bytes()
    assert "javascript" in response.headers["Content-Type"]


async def test_without_the_frontend_only_the_file_is_served(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The unit harness loads no frontend: nothing to add the module to."""
    assert "frontend" not in hass.config.components
    assert DATA_EXTRA_MODULE_URL not in hass.data


async def test_with_the_frontend_every_page_loads_the_card(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """The frontend first (after_dependencies): the versioned URL is added once as an
    extra module. (The frontend itself does not set up in every lane's harness; the
    e2e tests load the card in a real frontend in every lane.)"""
    hass.config.components.add("frontend")
    with patch("custom_components.cramp_guard.card.add_extra_js_url") as add:
        await setup_entry(hass, mock_config_entry)
    add.assert_called_once_with(hass, f"{CARD_URL}?v={card_version()}")


async def test_a_missing_bundle_is_logged_not_fatal(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Setup goes on without the card (a broken install): the people still load."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            "custom_components.cramp_guard.card.CARD_FILE", tmp_path / "gone.js"
        )
        await setup_entry(hass, mock_config_entry)
    assert "The Cramp Guard card is missing" in caplog.text
    assert hass.states.get("sensor.alex_cramp_risk") is not None
