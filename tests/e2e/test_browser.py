"""The demo dashboard in a real browser: chromium shows the gauge with the risk.

`cramp_guard_dev.develop`'s `prepare` starts the demo Home Assistant in a temporary
directory (user, Cramp Guard entry "Demo", the default dashboard), then playwright
drives the system's chromium, logged in as the demo user, to the dashboard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cramp_guard_dev import develop
from cramp_guard_dev.browser import screenshot_dashboard

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]


async def test_the_dashboard_shows_the_risk_in_chromium(
    tmp_path: Path, socket_enabled: None
) -> None:
    """The gauge card renders and shows the state of the risk sensor."""
    hass = await develop.prepare(tmp_path / "develop", 0, develop.DEFAULT_TIME_ZONE)
    try:
        before = (await hass.wait_for(develop.RISK, develop.is_number))["state"]
        png = tmp_path / "dashboard.png"
        seen = await screenshot_dashboard(hass, png)
        after = (await hass.state(develop.RISK) or {}).get("state")
    finally:
        await hass.stop()

    # The demo's template sources change every minute: either state is right.
    shown = {float(s) for s in (before, after) if s and develop.is_number(s)}
    assert seen["gauge_value"] in shown, seen
    assert "%" in seen["gauge_text"], seen
    assert seen["has_buttons_card"], seen
    assert any("Log water" in row for row in seen["buttons"]), seen
    assert "Log and remind" in seen["card_titles"], seen
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = (int.from_bytes(data[i : i + 4]) for i in (16, 20))
    assert (width, height) == (1280, 900)
    assert 20_000 < len(data) < 5_000_000, len(data)
