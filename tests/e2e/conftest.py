"""End-to-end tests run a real Home Assistant process; no in-process `hass`."""

from __future__ import annotations

from collections.abc import AsyncIterator
import importlib.util
from pathlib import Path
import sys
from types import ModuleType

import pytest

from .live import LiveHass, midday_time_zone

ROOT = Path(__file__).resolve().parents[2]
DEVELOP = ROOT / "scripts" / "develop.py"


def develop_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """scripts/develop.py imported as the module `develop` for one test."""
    spec = importlib.util.spec_from_file_location("develop", DEVELOP)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "develop", module)  # for its dataclass
    monkeypatch.setattr(sys, "path", list(sys.path))  # it adds the repository
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Override the package-wide fixture: these tests need no in-process hass."""


@pytest.fixture
async def live(tmp_path: Path, socket_enabled: None) -> AsyncIterator[LiveHass]:
    """A running Home Assistant with an onboarded user, stopped afterwards."""
    instance = LiveHass(tmp_path / "config", midday_time_zone())
    try:
        await instance.start()
        yield instance
    finally:
        await instance.stop()
