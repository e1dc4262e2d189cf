"""End-to-end tests run a real Home Assistant process; no in-process `hass`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from cramp_guard_dev.hass import MIDDAY, LiveHass, zone_at


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the package-wide fixture: these tests need no in-process hass."""


@pytest.fixture
async def live(
    request: pytest.FixtureRequest, tmp_path: Path, socket_enabled: None
) -> AsyncIterator[LiveHass]:
    """A running Home Assistant with an onboarded user, stopped afterwards (more
    YAML of its configuration as an indirect parameter)."""
    extra = getattr(request, "param", "")
    instance = LiveHass(tmp_path / "config", zone_at(MIDDAY), extra)
    try:
        await instance.start()
        yield instance
    finally:
        await instance.stop()
