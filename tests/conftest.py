"""Shared fixtures for the Cramp Guard tests."""

from __future__ import annotations

from collections.abc import Generator

import pytest

# Import our package before the harness's `hass` fixture runs, or the harness's own
# `custom_components` package shadows ours.
import custom_components.cramp_guard  # noqa: F401


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    enable_custom_integrations: None,
) -> Generator[None]:
    """Let every test load integrations from custom_components."""
    return
